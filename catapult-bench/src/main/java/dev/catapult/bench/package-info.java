/** Release creation benchmark and what the benchmarks share: options, a client for the API, latency statistics, reports. */
@NullMarked
package dev.catapult.bench;

import org.jspecify.annotations.NullMarked;
