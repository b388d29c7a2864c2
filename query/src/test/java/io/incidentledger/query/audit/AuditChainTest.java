package io.incidentledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Known answers, computed with docs/verify_chain.py (Python's hashlib and json), the independent
 * implementation an auditor would write from docs/audit-chain.md; the same example is worked
 * through there.
 */
class AuditChainTest {

    static final StoredEvent DETECTED = new StoredEvent("e-0", "INC-1", 0, "io.incidentledger.incident.IncidentDetected",
            "1", "2026-03-02T09:20:00.123Z", "{\"traceId\":\"t-1\",\"actor\":\"maria\",\"correlationId\":\"c-1\"}",
            "{\"incidentId\":{\"value\":\"INC-1\"},\"title\":\"Checkout fails\",\"severity\":\"SEV2\",\"summary\":null,"
                    + "\"affectedServices\":[\"checkout\"],\"source\":\"MONITORING\",\"occurredAt\":\"2026-03-02T09:19:00Z\"}");
    static final StoredEvent ASSESSED = new StoredEvent("e-1", "INC-1", 1, "io.incidentledger.incident.ImpactAssessed",
            "1", "2026-03-02T09:25:00.5Z", null,
            "{\"incidentId\":{\"value\":\"INC-1\"},\"description\":\"Ünïcödé \\\"quoted\\\"\\n\\u0001 😀\","
                    + "\"affectedUsersPercent\":12.50,\"components\":[],\"impactStartedAt\":null,"
                    + "\"occurredAt\":\"2026-03-02T09:24:00Z\"}");

    @Test
    void hashesTheEnvelopeOfTheStoredRow() {
        assertThat(AuditChain.envelope(AuditChain.GENESIS, DETECTED)).isEqualTo("{\"incidentId\":\"INC-1\","
                + "\"metadata\":{\"actor\":\"maria\",\"correlationId\":\"c-1\",\"traceId\":\"t-1\"},"
                + "\"occurredAt\":\"2026-03-02T09:19:00Z\",\"payload\":{\"affectedServices\":[\"checkout\"],"
                + "\"incidentId\":{\"value\":\"INC-1\"},\"occurredAt\":\"2026-03-02T09:19:00Z\",\"severity\":\"SEV2\","
                + "\"source\":\"MONITORING\",\"summary\":null,\"title\":\"Checkout fails\"},"
                + "\"previous\":\"" + AuditChain.GENESIS + "\",\"recordedAt\":\"2026-03-02T09:20:00.123Z\","
                + "\"revision\":\"1\",\"sequenceNumber\":0,\"type\":\"io.incidentledger.incident.IncidentDetected\"}");
        assertThat(AuditChain.link(AuditChain.GENESIS, DETECTED))
                .isEqualTo("77608b15fef24bf5100e7623347b3c596b0cb3e29fb178c0fc1f24367af0a921");
    }

    @Test
    void chainsOnThePreviousLinkWithUnicodeEscapesAndNumbersAsStored() {
        var first = AuditChain.link(AuditChain.GENESIS, DETECTED);
        assertThat(AuditChain.link(first, ASSESSED))
                .isEqualTo("44443afedec969c88b013a358198ccb6099e3511a23a943b3dd4a40fa74e995e");
    }

    @Test
    void anyChangeToTheRowChangesTheLink() {
        var link = AuditChain.link(AuditChain.GENESIS, DETECTED);
        var edited = new StoredEvent("e-0", "INC-1", 0, DETECTED.type(), "1", DETECTED.recordedAt(),
                DETECTED.metadata().replace("maria", "mario"), DETECTED.payload());
        var reformatted = new StoredEvent("other-id", "INC-1", 0, DETECTED.type(), "1", DETECTED.recordedAt(),
                DETECTED.metadata(), DETECTED.payload().replace(",", ", "));
        assertThat(AuditChain.link(AuditChain.GENESIS, edited)).isNotEqualTo(link);
        // Whitespace and the event identifier are not part of the chain; member order neither.
        assertThat(AuditChain.link(AuditChain.GENESIS, reformatted)).isEqualTo(link);
    }
}
