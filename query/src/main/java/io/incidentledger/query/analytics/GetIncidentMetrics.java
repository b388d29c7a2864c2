package io.incidentledger.query.analytics;

/** One incident's {@link IncidentMetricsView}; answers null when there is no such incident. */
public record GetIncidentMetrics(String incidentId) {
}
