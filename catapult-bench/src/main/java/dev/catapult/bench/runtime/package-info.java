/** Benchmark of the what's-running-where read. */
@NullMarked
package dev.catapult.bench.runtime;

import org.jspecify.annotations.NullMarked;
