package io.incidentledger.query.audit;

/**
 * The outcome of recomputing one incident's chain from its stored rows and comparing it with
 * the links anchored at append time (and, when given, with a head link the auditor kept).
 *
 * @param events     how many events the incident has
 * @param head       the recomputed link of the last event checked; the incident's head when intact
 * @param intact     no break was found
 * @param firstBreak the first break in sequence order; null when intact
 */
public record ChainVerification(String incidentId, long events, String head, boolean intact, Break firstBreak) {

    /**
     * @param sequenceNumber the event where the chain breaks
     * @param expected       what should be there: the anchored link (or expected head, or sequence number)
     * @param actual         what is there: the link recomputed from the stored row (or the sequence number found)
     */
    public record Break(long sequenceNumber, Reason reason, String expected, String actual) {
    }

    public enum Reason {
        /** The row no longer hashes to the link anchored when it was appended: it was edited. */
        ANCHOR_MISMATCH,
        /** No link was anchored for this event (or the anchor was deleted). */
        MISSING_ANCHOR,
        /** A link was anchored for an event that is no longer stored: the event was deleted. */
        ANCHOR_WITHOUT_EVENT,
        /** Sequence numbers are not dense from 0: an event was deleted or renumbered. */
        SEQUENCE_GAP,
        /** A stored document is not JSON, so it cannot be hashed. */
        UNREADABLE,
        /** Every anchor matches, but the head differs from the one the auditor expected. */
        HEAD_MISMATCH
    }
}
