/** Benchmark of registry notification to deploy: stage latencies from push to running. */
@NullMarked
package dev.catapult.bench.notify;

import org.jspecify.annotations.NullMarked;
