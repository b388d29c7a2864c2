package io.incidentledger.query.audit;

import java.util.List;

/**
 * The chains of a whole store.
 *
 * @param incidents how many incidents were verified
 * @param events    how many events they hold
 * @param broken    the verification of every incident whose chain is broken, by incident id
 */
public record StoreVerificationView(long incidents, long events, boolean intact, List<ChainVerification> broken) {

    public StoreVerificationView {
        broken = List.copyOf(broken);
    }
}
