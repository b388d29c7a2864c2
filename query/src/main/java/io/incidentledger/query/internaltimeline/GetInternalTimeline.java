package io.incidentledger.query.internaltimeline;

import java.time.Instant;

/** The internal timeline of one incident; with {@code asOf}, as it was known at that recorded instant. */
public record GetInternalTimeline(String incidentId, Instant asOf) {
}
