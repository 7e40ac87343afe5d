/** Benchmark of registry polling cycles: cost per cycle and what an idle poll writes. */
@NullMarked
package dev.catapult.bench.poll;

import org.jspecify.annotations.NullMarked;
