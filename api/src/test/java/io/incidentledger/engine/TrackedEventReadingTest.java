package io.incidentledger.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The engine reads tracked events in its own way (timestamps parsed quickly); what it reads must be
 * exactly what Axon's own JDBC engine reads from the same rows: the same events, timestamps and
 * tracking tokens, gaps included, for old events (gaps no longer awaited) and recent ones.
 */
class TrackedEventReadingTest {

    @Test
    void readsTheSameEventsAndTokensAsAxonsOwnEngine() {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:tracked-" + UUID.randomUUID(), "sa", "", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        var jdbc = new JdbcTemplate(dataSource);
        var now = Instant.now();
        // Old events with gaps between them, then recent ones with gaps (those may still fill).
        long[] indexes = {1, 2, 5, 6, 9, 10, 11, 14, 20};
        Instant[] times = {now.minus(3, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS), now.minus(1, ChronoUnit.HOURS),
                now.minus(61, ChronoUnit.SECONDS), now.minusSeconds(50), now.minusSeconds(20), now.minusMillis(1_500),
                now.minusMillis(5), now};
        for (int i = 0; i < indexes.length; i++) {
            // As Axon writes them, and (every third) in a shape of its own that only Axon's parser reads.
            var stamp = i % 3 == 2 ? times[i].atOffset(ZoneOffset.ofHours(2)).toString()
                    : DateTimeUtils.formatInstant(times[i]);
            jdbc.update("INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type,"
                            + " eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)"
                            + " VALUES (?, ?, ?, 'Incident', ?, ?, ?, NULL, 'java.lang.String', ?)",
                    indexes[i], "inc-" + (i % 3), (long) i / 3, "event-" + i, "{\"actor\":\"maria\"}".getBytes(),
                    ("\"text " + i + "\"").getBytes(), stamp);
        }

        var ours = read(new AnchoringEventStorageEngine(builder(dataSource), NoTransactionManager.INSTANCE, null));
        var axons = read(builder(dataSource).build());

        assertThat(ours).hasSize(indexes.length).isEqualTo(axons);
        // Gaps before events older than Axon's gap timeout (60 s) are given up, later ones awaited.
        assertThat(((GapAwareTrackingToken) ours.get(ours.size() - 1).token()).getGaps())
                .containsExactly(7L, 8L, 12L, 13L, 15L, 16L, 17L, 18L, 19L);
    }

    private record Read(String id, Instant timestamp, Object payload, Object metaData, TrackingToken token) {
    }

    private static JdbcEventStorageEngine.Builder builder(SingleConnectionDataSource dataSource) {
        var serializer = Jackson3Serializer.builder().build();
        ConnectionProvider connections = dataSource::getConnection;
        return JdbcEventStorageEngine.builder().connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer).snapshotSerializer(serializer);
    }

    private static List<Read> read(JdbcEventStorageEngine engine) {
        var read = new ArrayList<Read>();
        try (var stream = engine.readEvents(null, false)) {
            stream.forEach(event -> {
                var tracked = (TrackedEventMessage<?>) event;
                read.add(new Read(tracked.getIdentifier(), tracked.getTimestamp(), tracked.getPayload(),
                        tracked.getMetaData(), tracked.trackingToken()));
            });
        }
        return read;
    }
}
