package io.incidentledger.incident;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/** The 5 whys: the chain, the root cause, the trigger, and why it was not caught before production. */
@Revision("1")
public record RootCauseIdentified(
        IncidentId incidentId,
        List<String> whys,
        String rootCause,
        String trigger,
        String whyNotCaught,
        Instant occurredAt) implements IncidentEvent {
}
