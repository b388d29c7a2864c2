package io.incidentledger.query.audit;

/**
 * One row of the event store exactly as stored: what the audit chain hashes and what an export
 * carries. Times and documents are the stored text, never re-rendered.
 *
 * @param recordedAt the store's timestamp text, e.g. {@code 2026-03-02T09:20:00.123Z}
 * @param metadata   the stored metadata document (JSON), or null
 * @param payload    the stored payload document (JSON)
 */
public record StoredEvent(String eventId, String incidentId, long sequenceNumber, String type, String revision,
                          String recordedAt, String metadata, String payload) {
}
