package io.incidentledger.incidents;

/** The metadata keys a write puts on its command; actor and traceId are copied onto the events. */
final class WriteMetaData {

    /** The authenticated principal; the same key the engine copies onto every event. */
    static final String ACTOR = "actor";
    static final String CORRELATION_ID = "correlationId";
    /** Axon's MessageOriginProvider copies a command's traceId onto its events. */
    static final String TRACE_ID = "traceId";
    static final String IDEMPOTENCY_KEY = "idempotencyKey";
    static final String FINGERPRINT = "requestFingerprint";
    static final String EXPECTED_VERSION = "expectedVersion";

    private WriteMetaData() {
    }
}
