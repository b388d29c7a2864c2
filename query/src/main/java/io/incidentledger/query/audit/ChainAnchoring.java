package io.incidentledger.query.audit;

import java.util.ArrayList;

import org.springframework.stereotype.Component;

/**
 * Anchors the chain as events are appended: the storage engine calls {@link #anchor} in the
 * transaction that stores the events, so a link is written exactly once, from the rows as they
 * were committed, and no later edit of a row can go unnoticed by {@link ChainVerifier}.
 */
@Component
public class ChainAnchoring {

    private final StoredEvents events;
    private final ChainAnchors anchors;

    public ChainAnchoring(StoredEvents events, ChainAnchors anchors) {
        this.events = events;
        this.anchors = anchors;
    }

    /** Anchors the just-stored events {@code from}..{@code to} (both included) of one incident. */
    public void anchor(String incidentId, long from, long to) {
        var previous = from == 0 ? AuditChain.GENESIS
                : anchors.link(incidentId, from - 1).orElseGet(() -> recomputed(incidentId, from - 1));
        var links = new ArrayList<ChainAnchors.Anchor>();
        for (var event : events.of(incidentId, from, to)) {
            previous = AuditChain.link(previous, event);
            links.add(new ChainAnchors.Anchor(event.sequenceNumber(), previous));
        }
        anchors.insert(incidentId, links);
    }

    /**
     * An earlier link that was never anchored (or whose anchor was deleted): recomputed from the
     * rows so new events still chain on, while the gap stays visible to verification.
     */
    private String recomputed(String incidentId, long upTo) {
        var link = AuditChain.GENESIS;
        for (var event : events.of(incidentId, 0, upTo)) {
            link = AuditChain.link(link, event);
        }
        return link;
    }
}
