package io.incidentledger.query.analytics;

import java.util.List;

/**
 * Aggregates of {@link IncidentMetricsView} durations per group, groups sorted by key (SEV1
 * first, months in order, services alphabetically).
 */
public record ResponseAggregatesView(GetResponseAggregates.Grouping groupBy, List<Group> groups) {

    public ResponseAggregatesView {
        groups = List.copyOf(groups);
    }

    /** @param incidents how many incidents are in the group; each duration counts only those that have it */
    public record Group(String key, long incidents, DurationStats timeToDetect, DurationStats timeToAcknowledge,
                        DurationStats timeToContain, DurationStats timeToFix, DurationStats timeToLearn,
                        DurationStats impactDuration, DurationStats timeToFirstPublicUpdate) {
    }

    /**
     * Statistics of one duration over the incidents that have it, in seconds. Percentiles use the
     * nearest-rank method: the p-th percentile of n sorted values is the value at rank
     * ceil(p / 100 * n), an actual observation, the same on every database. All but the count are
     * null when no incident has the duration.
     */
    public record DurationStats(long count, Double meanSeconds, Long p50Seconds, Long p90Seconds) {
    }
}
