package io.incidentledger.query.audit;

import java.time.Instant;

import io.incidentledger.query.status.IncidentStatusView;

/**
 * An incident's live status ({@link IncidentStatusView}) as it was known at the recorded instant
 * {@code asOf}; empty when the incident had not been detected by then.
 */
public record GetIncidentStatusAsOf(String incidentId, Instant asOf) {
}
