package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A person joined the response in a role. */
@Revision("1")
public record ResponderAssigned(
        IncidentId incidentId,
        String responder,
        ResponderRole role,
        Instant occurredAt) implements IncidentEvent {
}
