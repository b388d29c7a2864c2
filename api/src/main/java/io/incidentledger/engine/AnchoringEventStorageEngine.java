package io.incidentledger.engine;

import java.util.LinkedHashMap;
import java.util.List;

import io.incidentledger.query.audit.ChainAnchoring;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * The JDBC event store, anchoring each appended event's audit-chain link in the same transaction
 * (docs/audit-chain.md). Anchoring at append time, rather than in an event processor, leaves no
 * window in which a row could be edited before its link exists, and the anchors can never be
 * "rebuilt" from rows that were edited since.
 */
class AnchoringEventStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactions;
    private final ChainAnchoring anchoring;

    AnchoringEventStorageEngine(Builder builder, TransactionManager transactions, ChainAnchoring anchoring) {
        super(builder);
        this.transactions = transactions;
        this.anchoring = anchoring;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            // The links are computed from the rows as just written, exactly as verification reads them.
            var ranges = new LinkedHashMap<String, long[]>();
            for (var event : events) {
                if (event instanceof DomainEventMessage<?> domain) {
                    long sequence = domain.getSequenceNumber();
                    ranges.merge(domain.getAggregateIdentifier(), new long[] {sequence, sequence},
                            (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                }
            }
            ranges.forEach((incidentId, range) -> anchoring.anchor(incidentId, range[0], range[1]));
        });
    }
}
