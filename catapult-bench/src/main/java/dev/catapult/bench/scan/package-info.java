/** Benchmark of layer scanning: throughput and heap use. */
@NullMarked
package dev.catapult.bench.scan;

import org.jspecify.annotations.NullMarked;
