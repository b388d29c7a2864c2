package io.incidentledger.query.timeline;

import java.time.Instant;

import io.incidentledger.incident.PublicStatus;

/**
 * One public update. A corrected update shows the replacement text and/or time, is marked
 * {@code corrected}, and carries when the latest correction was made; the reason stays internal.
 *
 * @param sequenceNumber the update's position in its incident's stream: with the incident id, a
 *                       stable identity (the Atom entry id)
 */
public record PublicUpdateView(
        long sequenceNumber,
        Instant occurredAt,
        PublicStatus status,
        String message,
        Instant nextUpdateDue,
        boolean corrected,
        Instant correctedAt) {
}
