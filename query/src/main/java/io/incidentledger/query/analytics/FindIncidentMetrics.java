package io.incidentledger.query.analytics;

import java.time.YearMonth;

import io.incidentledger.incident.Severity;

/**
 * A page of incident rows in detection order (oldest first, stable for exports). Filters are
 * optional (null matches all): current severity, an affected service (exact), and a month range
 * of detection (inclusive). A page below 0 reads as 0 and a size outside 1..{@value #MAX_SIZE} as
 * the nearest bound, so no input can fail the query.
 */
public record FindIncidentMetrics(Severity severity, String service, YearMonth from, YearMonth to, int page,
                                  int size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    public FindIncidentMetrics {
        service = service == null || service.isBlank() ? null : service.strip();
        page = Math.max(page, 0);
        size = Math.min(Math.max(size, 1), MAX_SIZE);
    }

    public static FindIncidentMetrics all() {
        return new FindIncidentMetrics(null, null, null, null, 0, DEFAULT_SIZE);
    }
}
