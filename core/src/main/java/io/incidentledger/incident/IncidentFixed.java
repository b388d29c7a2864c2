package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The problem is fixed; components return to operational. */
@Revision("1")
public record IncidentFixed(
        IncidentId incidentId,
        String resolution,
        String fixReference,
        Instant occurredAt) implements IncidentEvent {
}
