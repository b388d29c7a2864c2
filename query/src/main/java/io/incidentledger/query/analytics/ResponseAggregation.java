package io.incidentledger.query.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import io.incidentledger.query.analytics.GetResponseAggregates.Grouping;
import io.incidentledger.query.analytics.ResponseAggregatesView.DurationStats;
import io.incidentledger.query.analytics.ResponseAggregatesView.Group;

/** Groups incident rows and computes count, mean and nearest-rank percentiles in Java, portably. */
final class ResponseAggregation {

    private ResponseAggregation() {
    }

    static ResponseAggregatesView aggregate(Grouping groupBy, List<IncidentMetricsView> incidents) {
        var groups = new TreeMap<String, List<IncidentMetricsView>>();
        for (var incident : incidents) {
            for (var key : keys(groupBy, incident)) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(incident);
            }
        }
        return new ResponseAggregatesView(groupBy, groups.entrySet().stream()
                .map(e -> group(e.getKey(), e.getValue())).toList());
    }

    private static List<String> keys(Grouping groupBy, IncidentMetricsView incident) {
        return switch (groupBy) {
            case SEVERITY -> List.of(String.valueOf(incident.severity()));
            case MONTH -> List.of(String.valueOf(incident.month()));
            case SERVICE -> incident.services();
        };
    }

    private static Group group(String key, List<IncidentMetricsView> incidents) {
        return new Group(key, incidents.size(),
                stats(incidents, IncidentMetricsView::timeToDetectSeconds),
                stats(incidents, IncidentMetricsView::timeToAcknowledgeSeconds),
                stats(incidents, IncidentMetricsView::timeToContainSeconds),
                stats(incidents, IncidentMetricsView::timeToFixSeconds),
                stats(incidents, IncidentMetricsView::timeToLearnSeconds),
                stats(incidents, IncidentMetricsView::impactDurationSeconds),
                stats(incidents, IncidentMetricsView::timeToFirstPublicUpdateSeconds));
    }

    static DurationStats stats(List<IncidentMetricsView> incidents, Function<IncidentMetricsView, Long> duration) {
        var values = incidents.stream().map(duration).filter(Objects::nonNull).sorted(Comparator.naturalOrder())
                .toList();
        if (values.isEmpty()) {
            return new DurationStats(0, null, null, null);
        }
        long sum = values.stream().mapToLong(Long::longValue).sum();
        return new DurationStats(values.size(), (double) sum / values.size(), nearestRank(values, 50),
                nearestRank(values, 90));
    }

    /** The value at rank ceil(p / 100 * n) of the sorted values (1-based). */
    static long nearestRank(List<Long> sorted, int percentile) {
        int n = sorted.size();
        int rank = (int) ((percentile * (long) n + 99) / 100);
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
