package dev.catapult.bench.notify;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Nearest-rank percentiles of a set of durations in milliseconds (as {@code dev.catapult.bench.LatencyStats}). */
record Percentiles(int count, double p50, double p90, double p99, double max, double mean, double min) {

    static Percentiles of(Collection<Double> millis) {
        double[] sorted =
                millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(
                sorted.length,
                rank(sorted, 50),
                rank(sorted, 90),
                rank(sorted, 99),
                sorted[sorted.length - 1],
                Arrays.stream(sorted).average().orElse(Double.NaN),
                sorted[0]);
    }

    private static double rank(double[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
    }

    /** {@code p50 / p90 / p99 / max} in one cell. */
    String cell() {
        return count == 0 ? "n/a" : ms(p50) + " / " + ms(p90) + " / " + ms(p99) + " / " + ms(max);
    }
}
