package io.incidentledger.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The per-incident hash chain, version 1, exactly as docs/audit-chain.md specifies it: link n is
 * the lowercase hex SHA-256 of the UTF-8 canonical JSON of an envelope holding link n-1 (64 zeros
 * before the first event) and everything stored about event n. docs/verify_chain.py is an
 * independent implementation; a test keeps the two in agreement.
 */
public final class AuditChain {

    /** The link before an incident's first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Link n, from link n-1 and the stored event n. */
    public static String link(String previous, StoredEvent event) {
        return sha256(envelope(previous, event));
    }

    /**
     * The exact text hashed for an event. The payload's {@code occurredAt} is repeated beside
     * {@code recordedAt} so both times are named members of the envelope.
     *
     * @throws IllegalArgumentException when a stored document is not JSON
     */
    public static String envelope(String previous, StoredEvent event) {
        var payload = CanonicalJson.parse(event.payload());
        var envelope = new HashMap<String, Object>();
        envelope.put("previous", previous);
        envelope.put("incidentId", event.incidentId());
        envelope.put("sequenceNumber", event.sequenceNumber());
        envelope.put("type", event.type());
        envelope.put("revision", event.revision());
        envelope.put("occurredAt", occurredAt(payload));
        envelope.put("recordedAt", event.recordedAt());
        envelope.put("metadata", event.metadata() == null ? null : CanonicalJson.parse(event.metadata()));
        envelope.put("payload", payload);
        return CanonicalJson.write(envelope);
    }

    /** The payload's {@code occurredAt} text, or null when it has none. */
    public static String occurredAt(Object payload) {
        return payload instanceof Map<?, ?> members && members.get("occurredAt") instanceof String occurredAt
                ? occurredAt : null;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
