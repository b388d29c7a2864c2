package io.incidentledger.query.audit;

import java.time.Instant;

import io.incidentledger.query.postmortem.PostmortemView;

/**
 * An incident's postmortem ({@link PostmortemView}) as it stood at the recorded instant
 * {@code asOf}; empty when the incident did not exist yet.
 */
public record GetPostmortemAsOf(String incidentId, Instant asOf) {
}
