package io.incidentledger;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the event store's table directly: what was really appended, whatever the API said. */
public final class EventRows {

    private final JdbcTemplate jdbc;

    public EventRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long total() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    public long of(String incidentId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, incidentId);
    }

    public List<String> types(String incidentId) {
        return jdbc.queryForList("""
                SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber""",
                String.class, incidentId).stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }

    public List<Long> sequenceNumbers(String incidentId) {
        return jdbc.queryForList("""
                SELECT sequenceNumber FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber""",
                Long.class, incidentId);
    }

    public String metaData(String incidentId, long sequenceNumber) {
        var bytes = jdbc.queryForObject("""
                SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?""",
                byte[].class, incidentId, sequenceNumber);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public long idempotencyKeys(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idempotency_key = ?", Long.class, key);
    }
}
