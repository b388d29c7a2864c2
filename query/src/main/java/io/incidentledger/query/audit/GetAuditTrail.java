package io.incidentledger.query.audit;

/** Every stored event of one incident with its metadata and chain links ({@link AuditTrailView}); empty when unknown. */
public record GetAuditTrail(String incidentId) {
}
