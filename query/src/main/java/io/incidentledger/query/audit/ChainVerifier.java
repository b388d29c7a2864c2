package io.incidentledger.query.audit;

import java.util.List;
import java.util.Map;

import io.incidentledger.query.audit.ChainVerification.Break;
import io.incidentledger.query.audit.ChainVerification.Reason;

/** Recomputes a chain from stored rows and finds its first break. Pure. */
final class ChainVerifier {

    private ChainVerifier() {
    }

    /**
     * @param events       the incident's stored events in sequence order
     * @param anchors      the anchored links by sequence number
     * @param expectedHead a head link kept from earlier (e.g. from an export); null to skip that check
     */
    static ChainVerification verify(String incidentId, List<StoredEvent> events, Map<Long, String> anchors,
                                    String expectedHead) {
        var link = AuditChain.GENESIS;
        long sequence = 0;
        for (var event : events) {
            if (event.sequenceNumber() != sequence) {
                return broken(incidentId, events, link,
                        new Break(sequence, Reason.SEQUENCE_GAP, Long.toString(sequence), Long.toString(event.sequenceNumber())));
            }
            try {
                link = AuditChain.link(link, event);
            } catch (IllegalArgumentException e) {
                return broken(incidentId, events, link, new Break(sequence, Reason.UNREADABLE, anchors.get(sequence), null));
            }
            var anchor = anchors.get(sequence);
            if (anchor == null) {
                return broken(incidentId, events, link, new Break(sequence, Reason.MISSING_ANCHOR, null, link));
            }
            if (!anchor.equals(link)) {
                return broken(incidentId, events, link, new Break(sequence, Reason.ANCHOR_MISMATCH, anchor, link));
            }
            sequence++;
        }
        for (var anchor : anchors.entrySet()) {
            if (anchor.getKey() >= sequence) {
                return broken(incidentId, events, link,
                        new Break(anchor.getKey(), Reason.ANCHOR_WITHOUT_EVENT, anchor.getValue(), null));
            }
        }
        if (expectedHead != null && !expectedHead.equals(link)) {
            return broken(incidentId, events, link, new Break(sequence - 1, Reason.HEAD_MISMATCH, expectedHead, link));
        }
        return new ChainVerification(incidentId, events.size(), link, true, null);
    }

    private static ChainVerification broken(String incidentId, List<StoredEvent> events, String link, Break first) {
        return new ChainVerification(incidentId, events.size(), link, false, first);
    }
}
