package io.incidentledger.query.audit;

/** Verifies the chain of every incident in the store ({@link StoreVerificationView}). */
public record GetStoreVerification() {
}
