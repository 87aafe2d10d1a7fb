package org.equireg.spark.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One metric of one configuration over its seeds.
 *
 * @param settings the configuration
 * @param values   the metric of each run that returned it, in seed order
 */
record ConfigStats(Settings settings, List<Double> values) {

    /** The runs grouped by settings (in first-seen order), the metric of the OK runs. */
    static List<ConfigStats> of(List<RunRecord> records, String metric) {
        Map<Settings, List<Double>> groups = new LinkedHashMap<>();
        for (RunRecord record : records) {
            List<Double> values = groups.computeIfAbsent(record.key().settings(), key -> new ArrayList<>());
            Double value = record.metrics().get(metric);
            if (record.ok() && value != null) {
                values.add(value);
            }
        }
        List<ConfigStats> stats = new ArrayList<>();
        groups.forEach((settings, values) -> stats.add(new ConfigStats(settings, List.copyOf(values))));
        return stats;
    }

    int count() {
        return values.size();
    }

    double mean() {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The sample standard deviation (n - 1); NaN for fewer than two values. */
    double standardDeviation() {
        if (values.size() < 2) {
            return Double.NaN;
        }
        double mean = mean();
        double squares = values.stream().mapToDouble(value -> (value - mean) * (value - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }

    double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
