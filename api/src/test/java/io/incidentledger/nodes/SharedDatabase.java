package io.incidentledger.nodes;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import io.incidentledger.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/** The PostgreSQL database the nodes share, read directly: what was really stored, whatever the API said. */
final class SharedDatabase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The field of each event type the tests write that carries the command's own text. */
    private static final Map<String, String> TOKEN_FIELD = Map.of(
            "IncidentDetected", "title",
            "IncidentAcknowledged", "commander",
            "InternalNoteAdded", "note",
            "ResponderAssigned", "responder");

    final String url;
    private final JdbcTemplate jdbc;

    private SharedDatabase(String url) {
        this.url = url;
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestDatabase.USER, ""));
    }

    /** A fresh database, dropped by a later test JVM (see TestDatabase.createPostgresDatabase). */
    static SharedDatabase create(String name) {
        return new SharedDatabase(TestDatabase.createPostgresDatabase(name));
    }

    /** Per incident, per sequence number, the text the stored event carries (see {@link #TOKEN_FIELD}). */
    Map<String, Map<Long, String>> storedTexts() {
        var stored = new TreeMap<String, Map<Long, String>>();
        jdbc.query("SELECT aggregateIdentifier, sequenceNumber, payloadType, payload FROM DomainEventEntry", row -> {
            var type = row.getString(3).substring(row.getString(3).lastIndexOf('.') + 1);
            var field = TOKEN_FIELD.get(type);
            var text = field == null ? type
                    : JSON.readTree(new String(row.getBytes(4), StandardCharsets.UTF_8)).get(field).asString();
            stored.computeIfAbsent(row.getString(1), id -> new TreeMap<>()).put(row.getLong(2), text);
        });
        return stored;
    }

    /** Per incident, the sequence number of its last stored event. */
    Map<String, Long> lastVersions() {
        var versions = new TreeMap<String, Long>();
        jdbc.query("SELECT aggregateIdentifier, MAX(sequenceNumber) FROM DomainEventEntry GROUP BY aggregateIdentifier",
                row -> {
                    versions.put(row.getString(1), row.getLong(2));
                });
        return versions;
    }

    /** Per event processor, per token segment, the node that claims it (null when unclaimed). */
    Map<String, Map<Integer, String>> segmentOwners() {
        var owners = new TreeMap<String, Map<Integer, String>>();
        jdbc.query("SELECT processorName, segment, owner FROM TokenEntry", row -> {
            owners.computeIfAbsent(row.getString(1), p -> new TreeMap<>()).put(row.getInt(2), row.getString(3));
        });
        return owners;
    }

    long totalEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }
}
