package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A person left the response; the role they held. */
@Revision("1")
public record ResponderReleased(
        IncidentId incidentId,
        String responder,
        ResponderRole role,
        Instant occurredAt) implements IncidentEvent {
}
