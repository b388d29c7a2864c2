package io.incidentledger.query.audit;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads the embedded event store's rows (table {@code DomainEventEntry}) as stored, without
 * deserializing or upcasting anything: the chain is about the bytes that were written.
 */
@Component
public class StoredEvents {

    private static final String COLUMNS = "SELECT eventIdentifier, aggregateIdentifier, sequenceNumber, payloadType, "
            + "payloadRevision, timeStamp, metaData, payload FROM DomainEventEntry ";
    private static final RowMapper<StoredEvent> ROW = (rs, n) -> row(rs);

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    public StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        // PostgreSQL only streams with a fetch size (inside a transaction); otherwise it reads the whole table.
        this.streaming.setFetchSize(500);
    }

    /** Every event of one incident in sequence order; empty when there is no such incident. */
    public List<StoredEvent> of(String incidentId) {
        return jdbc.query(COLUMNS + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", ROW, incidentId);
    }

    public boolean exists(String incidentId) {
        return !jdbc.queryForList("SELECT sequenceNumber FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 0", Long.class, incidentId).isEmpty();
    }

    /** The events of one incident with sequence numbers from {@code from} to {@code to}, both included. */
    public List<StoredEvent> of(String incidentId, long from, long to) {
        return jdbc.query(COLUMNS + "WHERE aggregateIdentifier = ? AND sequenceNumber BETWEEN ? AND ? "
                + "ORDER BY sequenceNumber", ROW, incidentId, from, to);
    }

    /**
     * Hands every incident's events, in sequence order, to {@code consumer}, one incident at a
     * time and ordered by incident id, so a whole store passes through a small amount of memory.
     */
    public void forEachIncident(Consumer<List<StoredEvent>> consumer) {
        var current = new ArrayList<StoredEvent>();
        streaming.query(COLUMNS + "ORDER BY aggregateIdentifier, sequenceNumber", rs -> {
            var event = row(rs);
            if (!current.isEmpty() && !current.get(0).incidentId().equals(event.incidentId())) {
                consumer.accept(List.copyOf(current));
                current.clear();
            }
            current.add(event);
        });
        if (!current.isEmpty()) {
            consumer.accept(List.copyOf(current));
        }
    }

    private static StoredEvent row(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getString("eventIdentifier"), rs.getString("aggregateIdentifier"),
                rs.getLong("sequenceNumber"), rs.getString("payloadType"), rs.getString("payloadRevision"),
                rs.getString("timeStamp"), text(rs.getBytes("metaData")), text(rs.getBytes("payload")));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
