package io.incidentledger.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.incidentledger.query.audit.AuditChain;
import io.incidentledger.query.audit.StoredEvents;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Writes synthetic incident histories straight into the event table, with the statement and the
 * serializer settings the engine itself uses (Axon's JDBC append statement, Jackson 3 with the
 * engine's customization), so the rows are the ones the application would have written, only
 * without a command per event. Incidents are interleaved the way they happen: a few dozen in
 * progress at any time; a long-running incident is spread over a stretch of the stream ten times
 * its own length (a 10,000-event incident shares 100,000 events with everything else going on).
 */
final class HistoryGenerator {

    static final int[] LONG_SIZES = {10, 1_000, 10_000};
    private static final int CONCURRENT = 64;
    private static final int LONG_SPREAD = 10;
    private static final int BATCH = 1_000;

    /** What was written: the ids the reads and the long-incident commands use. */
    record Dataset(long events, List<String> open, List<String> closed, Map<Integer, String> longIncidents) {

        int incidents() {
            return open.size() + closed.size() + longIncidents.size();
        }
    }

    /** The serializer as EngineConfiguration customizes it, so payload and metadata bytes match the engine's. */
    static Serializer engineSerializer() {
        return Jackson3Serializer.builder().jsonMapperBuilderCustomizer(builder -> builder
                .changeDefaultVisibility(visibility -> visibility.withFieldVisibility(JsonAutoDetect.Visibility.ANY))
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .allowIfSubType("io.incidentledger.")
                        .build())).build();
    }

    static Dataset write(Store store, int events, int open, long seed) throws SQLException {
        var random = new Random(seed);
        var longs = new ArrayList<SyntheticIncident>();
        var longIds = new LinkedHashMap<Integer, String>();
        int budget = events;
        for (int size : LONG_SIZES) {
            if (size <= events / 10) {
                longs.add(SyntheticIncident.longRunning("LONG-" + size, random, size));
                longIds.put(size, "LONG-" + size);
                budget -= size;
            }
        }
        var queue = new ArrayList<SyntheticIncident>();
        var openIds = new ArrayList<String>();
        var closedIds = new ArrayList<String>();
        for (int i = 0; i < open && budget > 0; i++) {
            var incident = SyntheticIncident.open(String.format("OPEN-%06d", i), random, 2 + random.nextInt(9));
            queue.add(incident);
            openIds.add(incident.id());
            budget -= incident.size();
        }
        for (int i = 0; budget > 0; i++) {
            var incident = SyntheticIncident.closed(String.format("DONE-%06d", i), random, random.nextInt(9));
            queue.add(incident);
            closedIds.add(incident.id());
            budget -= incident.size();
        }
        Collections.shuffle(queue, random);

        long total = events - budget;
        var serializer = engineSerializer();
        var schema = EventSchema.builder().build();
        Instant start = Instant.now().minus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
        long stepMicros = Duration.ofDays(360).toNanos() / 1000 / Math.max(1, total);
        var active = new ArrayList<SyntheticIncident>();
        int queued = 0;
        var windows = new long[longs.size()];
        for (int l = 0; l < longs.size(); l++) {
            windows[l] = random.nextLong(Math.max(1, total - (long) LONG_SPREAD * longs.get(l).size()));
        }
        try (var connection = store.connect()) {
            connection.setAutoCommit(false);
            var batch = new ArrayList<EventMessage<?>>(BATCH);
            for (long i = 0; i < total; i++) {
                var incident = dueLong(longs, windows, i, random);
                if (incident == null) {
                    while (active.size() < CONCURRENT && queued < queue.size()) {
                        active.add(queue.get(queued++));
                    }
                    if (!active.isEmpty()) {
                        int slot = random.nextInt(active.size());
                        incident = active.get(slot);
                        if (incident.remaining() == 1) {
                            active.set(slot, active.get(active.size() - 1));
                            active.remove(active.size() - 1);
                        }
                    } else {
                        incident = longs.stream().filter(l -> l.remaining() > 0).findFirst().orElseThrow();
                    }
                }
                var at = start.plus(i * stepMicros, ChronoUnit.MICROS);
                int sequence = incident.sequence();
                var metaData = Map.of("traceId", uuid(random), "actor", "bench", "correlationId", uuid(random));
                batch.add(new GenericDomainEventMessage<>("Incident", incident.id(), sequence, incident.next(at),
                        metaData, uuid(random), at));
                if (batch.size() == BATCH || i == total - 1) {
                    append(connection, schema, batch, serializer);
                    connection.commit();
                    batch.clear();
                }
            }
        }
        anchor(store);
        return new Dataset(total, openIds, closedIds, longIds);
    }

    /**
     * Writes every generated event's audit-chain link, as the engine does when it appends (one
     * pass over the store, incident by incident, with the engine's own chain code). Without the
     * anchors the first command on a generated incident would have to recompute its whole chain.
     */
    private static void anchor(Store store) throws SQLException {
        try (var connection = store.connect()) {
            connection.setAutoCommit(false);
            var jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            try (var insert = connection.prepareStatement(
                    "INSERT INTO audit_chain (incident_id, sequence_number, link) VALUES (?, ?, ?)")) {
                new StoredEvents(jdbc).forEachIncident(events -> {
                    var link = AuditChain.GENESIS;
                    try {
                        for (var event : events) {
                            link = AuditChain.link(link, event);
                            insert.setString(1, event.incidentId());
                            insert.setLong(2, event.sequenceNumber());
                            insert.setString(3, link);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            connection.commit();
        }
    }

    /**
     * A long incident whose turn it is at stream position {@code i}: inside its window, each remaining
     * event is equally likely at every remaining position, so it ends by the window's end.
     */
    private static SyntheticIncident dueLong(List<SyntheticIncident> longs, long[] windows, long i, Random random) {
        for (int l = 0; l < longs.size(); l++) {
            var incident = longs.get(l);
            long until = windows[l] + (long) LONG_SPREAD * incident.size();
            if (incident.remaining() > 0 && i >= windows[l]
                    && random.nextLong(Math.max(1, until - i)) < incident.remaining()) {
                return incident;
            }
        }
        return null;
    }

    private static void append(java.sql.Connection connection, EventSchema schema, List<EventMessage<?>> events,
                               Serializer serializer) throws SQLException {
        try (var statement = JdbcEventStorageEngineStatements.appendEvents(connection, schema, byte[].class, events,
                serializer, (ps, position, timestamp) -> ps.setString(position, DateTimeUtils.formatInstant(timestamp)))) {
            statement.executeBatch();
        }
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
