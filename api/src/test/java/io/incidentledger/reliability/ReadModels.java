package io.incidentledger.reliability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models of a running engine, by convention: each streaming processor owns the tables
 * whose names start with its name ({@code live-status} owns {@code live_status*}). Waits for
 * them to catch up, dumps them as deterministic text, and rebuilds them from nothing.
 */
final class ReadModels {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    ReadModels(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    Map<String, StreamingEventProcessor> processors() {
        var processors = new TreeMap<String, StreamingEventProcessor>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.put(name, streaming);
            }
        });
        return processors;
    }

    List<String> tables(String processor) {
        var prefix = processor.replace('-', '_').toLowerCase(Locale.ROOT);
        var tables = jdbc.queryForList("""
                SELECT LOWER(table_name) FROM information_schema.tables
                WHERE LOWER(table_schema) = 'public' AND table_type = 'BASE TABLE'""", String.class)
                .stream().filter(t -> t.startsWith(prefix)).sorted().toList();
        if (tables.isEmpty()) {
            throw new IllegalStateException("processor " + processor + " owns no table named " + prefix + "*");
        }
        return tables;
    }

    /** Until every segment of every processor has handled the last stored event. */
    void awaitCaughtUp() {
        try {
            Awaitility.await("read models catch up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(this::caughtUp);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("read models did not catch up with event "
                    + jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class) + ": "
                    + processors().entrySet().stream().map(p -> p.getKey() + " " + p.getValue().processingStatus().values())
                    .toList(), e);
        }
    }

    private boolean caughtUp() {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        for (var processor : processors().entrySet()) {
            var status = processor.getValue().processingStatus();
            var segments = jdbc.queryForObject("SELECT COUNT(*) FROM TokenEntry WHERE processorName = ?",
                    Integer.class, processor.getKey());
            if (segments == 0 || status.size() != segments) {
                return false;
            }
            for (var segment : status.values()) {
                if (segment.isErrorState()) {
                    throw new AssertionError(processor.getKey() + " failed: " + segment.getError(), segment.getError());
                }
                // Not isReplaying(): a rebuild's replay only ends with an event after the one it started at.
                if (!segment.isCaughtUp() || head != null && segment.getCurrentPosition().orElse(-1) < head) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every read-model table, rows sorted, values normalized: equal text means equal contents. */
    String dump() {
        var dump = new StringBuilder();
        for (var processor : processors().keySet()) {
            for (var table : tables(processor)) {
                var rows = new ArrayList<>(jdbc.query("SELECT * FROM " + table, (rs, n) -> row(rs)));
                rows.sort(null);
                dump.append(table).append(" (").append(rows.size()).append(" rows)\n");
                rows.forEach(row -> dump.append("  ").append(row).append('\n'));
            }
        }
        return dump.toString();
    }

    /**
     * A rebuild from nothing: the processors stop, their tokens and every row of their tables
     * are deleted, and they start again from the first event, as on a new installation.
     */
    void rebuildFromNothing() {
        var processors = processors();
        processors.values().forEach(p -> p.shutdownAsync().join());
        for (var name : processors.keySet()) {
            jdbc.update("DELETE FROM TokenEntry WHERE processorName = ?", name);
            tables(name).forEach(table -> jdbc.update("DELETE FROM " + table));
        }
        processors.values().forEach(StreamingEventProcessor::start);
    }

    private static String row(ResultSet rs) throws SQLException {
        var meta = rs.getMetaData();
        var row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            var type = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT);
            Object value = type.contains("timestamp") ? instant(rs.getObject(i, OffsetDateTime.class)) : rs.getString(i);
            row.append(i == 1 ? "" : " | ").append(meta.getColumnLabel(i).toLowerCase(Locale.ROOT)).append('=')
                    .append(value);
        }
        return row.toString();
    }

    private static Object instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** The first lines where two dumps differ, for a readable failure. */
    static String difference(String expected, String actual) {
        var a = expected.lines().toList();
        var b = actual.lines().toList();
        var diff = new StringBuilder();
        for (int i = 0; i < Math.max(a.size(), b.size()) && diff.length() < 4000; i++) {
            var x = i < a.size() ? a.get(i) : "(none)";
            var y = i < b.size() ? b.get(i) : "(none)";
            if (!x.equals(y)) {
                diff.append("line ").append(i + 1).append("\n  rebuilt: ").append(x).append("\n  live:    ").append(y).append('\n');
            }
        }
        return diff.toString();
    }
}
