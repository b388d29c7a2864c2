package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The bleeding stopped. */
@Revision("1")
public record IncidentContained(
        IncidentId incidentId,
        Mitigation mitigation,
        String description,
        Instant occurredAt) implements IncidentEvent {
}
