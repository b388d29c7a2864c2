package io.incidentledger.history;

import java.util.Map;
import java.util.TreeMap;

import io.incidentledger.query.audit.AuditChain;

/**
 * Follows every incident's chain through an export, line by line: each line must continue its
 * incident's sequence and carry the link its content hashes to.
 */
final class ExportChains {

    /** Each incident's next sequence number and last link. */
    private final Map<String, long[]> next = new TreeMap<>();
    private final Map<String, String> heads = new TreeMap<>();

    void check(ExportLine line) {
        var event = line.event();
        long expected = next.getOrDefault(event.incidentId(), new long[] {0})[0];
        if (event.sequenceNumber() != expected) {
            throw new HistoryLineRejected(line.number(), "SEQUENCE_GAP", "expected sequence number " + expected
                    + " of incident " + event.incidentId() + ", found " + event.sequenceNumber());
        }
        var recomputed = AuditChain.link(heads.getOrDefault(event.incidentId(), AuditChain.GENESIS), event);
        if (!recomputed.equals(line.chain())) {
            throw new HistoryLineRejected(line.number(), "CHAIN_BROKEN",
                    "the line's chain link is " + line.chain() + " but its content hashes to " + recomputed);
        }
        next.put(event.incidentId(), new long[] {expected + 1});
        heads.put(event.incidentId(), recomputed);
    }

    /** Each incident's last link so far, by incident id. */
    Map<String, String> heads() {
        return Map.copyOf(heads);
    }
}
