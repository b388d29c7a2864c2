package io.incidentledger.query.audit;

/**
 * Verifies one incident's chain ({@link ChainVerification}); empty when there is no such incident.
 *
 * @param expectedHead a head link the auditor kept (e.g. the last {@code chain} of an export); may be null
 */
public record GetChainVerification(String incidentId, String expectedHead) {
}
