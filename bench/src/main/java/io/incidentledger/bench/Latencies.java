package io.incidentledger.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Request latencies of one measurement, in nanoseconds; percentiles by the nearest-rank method. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int count() {
        return size;
    }

    static Latencies merge(Collection<Latencies> parts) {
        var all = new Latencies();
        for (var part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.values[i]);
            }
        }
        return all;
    }

    /** The {@code p}-th percentile (0 < p <= 100) in milliseconds; NaN when empty. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        var sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    /** The median of repeated figures: the middle one, or the mean of the middle two. */
    static double median(List<Double> figures) {
        var sorted = figures.stream().filter(f -> !f.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
