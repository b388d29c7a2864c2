package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Corrects the entry at correctedSequenceNumber. Views show the corrected value; audit shows both. */
@Revision("1")
public record EntryCorrected(
        IncidentId incidentId,
        long correctedSequenceNumber,
        String reason,
        String replacementText,
        Instant correctedOccurredAt,
        Instant occurredAt) implements IncidentEvent {
}
