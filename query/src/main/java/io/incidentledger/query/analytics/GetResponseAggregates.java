package io.incidentledger.query.analytics;

import java.time.YearMonth;

/**
 * Response-time aggregates of the incidents detected in the month range (inclusive; null bounds
 * are open), grouped by current severity, by affected service (an incident with two services
 * counts in both groups) or by month of detection.
 */
public record GetResponseAggregates(Grouping groupBy, YearMonth from, YearMonth to) {

    public enum Grouping { SEVERITY, SERVICE, MONTH }

    public GetResponseAggregates {
        groupBy = groupBy == null ? Grouping.SEVERITY : groupBy;
    }
}
