package io.incidentledger.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.incidentledger.query.IsoInstants;
import io.incidentledger.query.audit.ChainAnchoring;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * The JDBC event store, anchoring each appended event's audit-chain link in the same transaction
 * (docs/audit-chain.md). Anchoring at append time, rather than in an event processor, leaves no
 * window in which a row could be edited before its link exists, and the anchors can never be
 * "rebuilt" from rows that were edited since.
 * <p>
 * Events read back parse their stored timestamp with {@link IsoInstants} rather than Axon's
 * general formatter: the same instant, at a fraction of the cost of a replay's every event.
 */
class AnchoringEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, set here because {@link #getTrackedEventData} needs them and Axon keeps them private. */
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final int GAP_TIMEOUT_MILLIS = 60_000;

    private final TransactionManager transactions;
    private final ChainAnchoring anchoring;

    AnchoringEventStorageEngine(Builder builder, TransactionManager transactions, ChainAnchoring anchoring) {
        super(builder.lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE).maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout(GAP_TIMEOUT_MILLIS));
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

    /**
     * Axon's own reading of a tracked event, with the timestamp parsed by {@link IsoInstants}: Axon
     * parses every event's timestamp here (to tell whether gaps before it may still fill) with its
     * general formatter, which was a fifth of a replay's reading. Otherwise the same steps as
     * {@link JdbcEventStorageEngine#getTrackedEventData}, with the same settings, fixed by this class.
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        var schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        var aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        var eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        var timestamp = readTimeStamp(resultSet, schema.timestampColumn());
        DomainEventData<?> entry = new GenericDomainEventEntry<>(resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier, timestamp,
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()), readPayload(resultSet, schema.metaDataColumn()));
        if (timestamp instanceof CharSequence text) {
            entry = new Stamped<>(entry, text);
        }
        boolean gapsMayFill = entry.getTimestamp()
                .isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
        var token = previousToken == null
                ? GapAwareTrackingToken.newInstance(globalSequence, gapsMayFill
                        ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                                .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet())
                : previousToken.advanceTo(globalSequence, gapsMayFill ? MAX_GAP_OFFSET : 0);
        return new TrackedDomainEventData<>(token, entry);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        var data = super.getDomainEventData(resultSet);
        var stamp = readTimeStamp(resultSet, schema().timestampColumn());
        return stamp instanceof CharSequence text ? new Stamped<>(data, text) : data;
    }

    /** A stored event whose timestamp is parsed from its column's text by {@link IsoInstants}. */
    private record Stamped<T>(DomainEventData<T> data, CharSequence timestamp) implements DomainEventData<T> {

        @Override
        public Instant getTimestamp() {
            return IsoInstants.parse(timestamp, DateTimeUtils::parseInstant);
        }

        @Override
        public String getEventIdentifier() {
            return data.getEventIdentifier();
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return data.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return data.getPayload();
        }

        @Override
        public String getType() {
            return data.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return data.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return data.getSequenceNumber();
        }
    }
}
