package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A regression: the incident returns to acknowledged; every earlier entry stays. */
@Revision("1")
public record IncidentReopened(
        IncidentId incidentId,
        String reason,
        Instant occurredAt) implements IncidentEvent {
}
