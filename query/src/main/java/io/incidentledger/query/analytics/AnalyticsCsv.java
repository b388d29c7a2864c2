package io.incidentledger.query.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.incidentledger.query.analytics.ResponseAggregatesView.DurationStats;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The analytics query results as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted
 * when needed), with a header row of stable column names, the same as the table columns.
 * Times are ISO-8601 instants (UTC), durations whole seconds, an unknown value an empty field;
 * the services of an incident are joined with ";". Values are written exactly as stored:
 * spreadsheet users should import rather than open the file if a service name may start
 * with "=", "+", "-" or "@".
 */
public final class AnalyticsCsv {

    static final List<String> INCIDENT_COLUMNS = List.of("incident_id", "version", "severity", "services",
            "detection_source", "detected_at", "detection_month", "impact_started_at", "acknowledged_at",
            "contained_at", "fixed_at", "learned_at", "first_public_update_at", "time_to_detect_seconds",
            "time_to_acknowledge_seconds", "time_to_contain_seconds", "time_to_fix_seconds", "time_to_learn_seconds",
            "impact_duration_seconds", "time_to_first_public_update_seconds", "reopen_count");

    static final List<String> DURATIONS = List.of("time_to_detect", "time_to_acknowledge", "time_to_contain",
            "time_to_fix", "time_to_learn", "impact_duration", "time_to_first_public_update");

    private AnalyticsCsv() {
    }

    public static String incidents(List<IncidentMetricsView> incidents) {
        return csv(INCIDENT_COLUMNS, incidents.stream().map(v -> List.<Object>of(v.incidentId(), v.version(),
                orEmpty(v.severity()), String.join(";", v.services()), orEmpty(v.detectionSource()),
                orEmpty(v.detectedAt()), orEmpty(v.month()), orEmpty(v.impactStartedAt()), orEmpty(v.acknowledgedAt()),
                orEmpty(v.containedAt()), orEmpty(v.fixedAt()), orEmpty(v.learnedAt()),
                orEmpty(v.firstPublicUpdateAt()), orEmpty(v.timeToDetectSeconds()),
                orEmpty(v.timeToAcknowledgeSeconds()), orEmpty(v.timeToContainSeconds()),
                orEmpty(v.timeToFixSeconds()), orEmpty(v.timeToLearnSeconds()), orEmpty(v.impactDurationSeconds()),
                orEmpty(v.timeToFirstPublicUpdateSeconds()), v.reopenCount())).toList());
    }

    /** One row per group: group_by, key, incidents, then count, mean, p50 and p90 of each duration. */
    public static String aggregates(ResponseAggregatesView aggregates) {
        var header = new ArrayList<>(List.of("group_by", "key", "incidents"));
        for (var duration : DURATIONS) {
            header.addAll(List.of(duration + "_count", duration + "_mean_seconds", duration + "_p50_seconds",
                    duration + "_p90_seconds"));
        }
        return csv(header, aggregates.groups().stream().map(group -> {
            var row = new ArrayList<Object>(List.of(aggregates.groupBy(), group.key(), group.incidents()));
            for (var stats : List.of(group.timeToDetect(), group.timeToAcknowledge(), group.timeToContain(),
                    group.timeToFix(), group.timeToLearn(), group.impactDuration(), group.timeToFirstPublicUpdate())) {
                row.addAll(cells(stats));
            }
            return (List<Object>) row;
        }).toList());
    }

    private static List<Object> cells(DurationStats stats) {
        // plain decimal notation: a mean of 10^7 s reads 10000000, not 1.0E7
        var mean = stats.meanSeconds() == null ? "" : BigDecimal.valueOf(stats.meanSeconds()).toPlainString();
        return List.of(stats.count(), mean, orEmpty(stats.p50Seconds()), orEmpty(stats.p90Seconds()));
    }

    private static Object orEmpty(Object value) {
        return Objects.requireNonNullElse(value, "");
    }

    private static String csv(List<String> header, List<List<Object>> rows) {
        var out = new StringBuilder();
        try (var printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (var row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
