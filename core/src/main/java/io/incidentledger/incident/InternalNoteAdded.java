package io.incidentledger.incident;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** An internal note. Never public: public views are built from an allowlist that excludes it. */
@Revision("1")
public record InternalNoteAdded(
        IncidentId incidentId,
        String note,
        Instant occurredAt) implements IncidentEvent {
}
