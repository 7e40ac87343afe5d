package dev.catapult.bench;

import java.util.Arrays;

/** Percentiles of a set of latencies (nearest-rank on the sorted samples), in milliseconds. */
public record LatencyStats(int count, double p50, double p90, double p99, double max, double mean) {

    public static LatencyStats of(long[] nanos) {
        if (nanos.length == 0) {
            return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new LatencyStats(
                sorted.length,
                ms(rank(sorted, 50)),
                ms(rank(sorted, 90)),
                ms(rank(sorted, 99)),
                ms(sorted[sorted.length - 1]),
                sum / sorted.length / 1e6);
    }

    private static long rank(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
