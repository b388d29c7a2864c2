package io.incidentledger.query.audit;

import java.time.Instant;

import io.incidentledger.query.timeline.PublicIncidentView;

/**
 * An incident as customers saw it ({@link PublicIncidentView}) at the recorded instant
 * {@code asOf}; empty when it did not exist or was not public yet.
 */
public record GetPublicIncidentAsOf(String incidentId, Instant asOf) {
}
