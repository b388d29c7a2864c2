package io.incidentledger.query.audit;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Everything stored about one incident, in sequence order, for auditors. Corrections are entries
 * of their own, linked both ways to the entry they correct; nothing is merged or rewritten.
 *
 * @param version the sequence number of the last event
 * @param head    the chain link of the last event, recomputed from the stored rows
 */
public record AuditTrailView(String incidentId, long version, String head, List<Entry> entries) {

    public AuditTrailView {
        entries = List.copyOf(entries);
    }

    /**
     * @param type          the event's name, e.g. {@code EntryCorrected}
     * @param payloadType   the stored type name
     * @param occurredAt    when it happened, as the payload says; null if the payload has no readable time
     * @param recordedAt    when the store recorded it
     * @param actor         metadata {@code actor}; null when unknown
     * @param correlationId metadata {@code correlationId}; null when unknown
     * @param metadata      the stored metadata document
     * @param payload       the stored payload document
     * @param chain         the link recomputed from this row; null when the row cannot be hashed
     * @param anchor        the link anchored when the event was appended; null when none was
     * @param corrects      for a correction, the sequence number of the entry it corrects
     * @param correctedBy   the sequence numbers of the corrections of this entry, oldest first
     */
    public record Entry(long sequenceNumber, String eventId, String type, String payloadType, String revision,
                        Instant occurredAt, Instant recordedAt, String actor, String correlationId,
                        JsonNode metadata, JsonNode payload, String chain, String anchor, Long corrects,
                        List<Long> correctedBy) {

        public Entry {
            correctedBy = List.copyOf(correctedBy);
        }
    }
}
