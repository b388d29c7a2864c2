package io.incidentledger.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.incidentledger.reliability.Ledger.Fate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the event store really holds and holds it against the ledger: every acknowledged
 * command's events exactly once and ending at the answered version, nothing for a refused one,
 * all or nothing for one in doubt (with its idempotency key stored exactly when its events are),
 * no gap in any incident's sequence, and no event that no command accounts for.
 */
final class StoreAudit {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Findings(int events, int incidents, int commands, Set<String> committedInDoubt, int absentInDoubt,
                    long lost, long duplicated, long halfWritten, List<String> problems) {

        String figures() {
            return String.format("%d events in %d incidents, %d commands checked (%d in doubt: %d committed, %d absent)",
                    events, incidents, commands, committedInDoubt.size() + absentInDoubt, committedInDoubt.size(),
                    absentInDoubt);
        }
    }

    private record Row(String incidentId, long sequenceNumber, String traceId) {
    }

    /** The whole store: every event in it must belong to a command of the ledger. */
    static Findings check(JdbcTemplate jdbc, Ledger ledger) {
        return check(jdbc, ledger, CrashStore.RESPONDER_NAME, rows(jdbc, "SELECT aggregateIdentifier, sequenceNumber, "
                + "metaData FROM DomainEventEntry"));
    }

    /** Only the incidents the ledger's commands wrote to, in a store other tests share. */
    static Findings checkIncidents(JdbcTemplate jdbc, Ledger ledger, String principal) {
        var incidents = ledger.entries().stream().map(e -> e.command.incidentId()).distinct().toList();
        var rows = new ArrayList<Row>();
        for (var incident : incidents) {
            rows.addAll(rows(jdbc, "SELECT aggregateIdentifier, sequenceNumber, metaData FROM DomainEventEntry "
                    + "WHERE aggregateIdentifier = ?", incident));
        }
        return check(jdbc, ledger, principal, rows);
    }

    private static List<Row> rows(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.query(sql, (rs, n) -> new Row(rs.getString(1), rs.getLong(2), traceId(rs.getBytes(3))), args);
    }

    private static Findings check(JdbcTemplate jdbc, Ledger ledger, String principal, List<Row> rows) {
        var keys = new HashMap<String, Long>();
        jdbc.query("SELECT idempotency_key, incident_version FROM idempotency_key WHERE principal = ?",
                rs -> {
                    keys.put(rs.getString(1), rs.getLong(2));
                }, principal);

        var problems = new ArrayList<String>();
        var byIncident = new TreeMap<String, List<Long>>();
        var byCommand = new HashMap<String, List<Row>>();
        for (var row : rows) {
            byIncident.computeIfAbsent(row.incidentId(), i -> new ArrayList<>()).add(row.sequenceNumber());
            byCommand.computeIfAbsent(row.traceId(), t -> new ArrayList<>()).add(row);
        }
        byIncident.forEach((incident, sequence) -> {
            sequence.sort(null);
            for (int i = 0; i < sequence.size(); i++) {
                if (sequence.get(i) != i) {
                    problems.add("incident " + incident + " has sequence " + sequence + ": not 0.." + (sequence.size() - 1));
                    break;
                }
            }
        });

        long lost = 0;
        long duplicated = 0;
        long halfWritten = 0;
        var committedInDoubt = new HashSet<String>();
        int absentInDoubt = 0;
        var accounted = new HashMap<String, Boolean>();
        for (var entry : ledger.entries()) {
            var command = entry.command;
            accounted.put(command.id(), true);
            var mine = byCommand.getOrDefault(command.id(), List.of());
            var stored = keys.get(command.id());
            if (mine.stream().anyMatch(r -> !r.incidentId().equals(command.incidentId()))) {
                problems.add("events of another incident carry " + entry);
            }
            switch (entry.fate) {
                case ACKNOWLEDGED -> {
                    if (mine.size() < command.events()) {
                        lost += command.events() - mine.size();
                        problems.add(mine.size() + " of " + command.events() + " events stored for " + entry);
                    } else if (mine.size() > command.events()) {
                        duplicated += mine.size() - command.events();
                        problems.add(mine.size() + " events stored, " + command.events() + " expected, for " + entry);
                    } else if (last(mine) != entry.version) {
                        problems.add("events end at " + last(mine) + ", the answer said " + entry + "");
                    }
                }
                case REFUSED -> {
                    if (!mine.isEmpty()) {
                        halfWritten += mine.size();
                        problems.add(mine.size() + " events stored for refused " + entry);
                    }
                }
                case IN_DOUBT -> {
                    if (mine.isEmpty()) {
                        absentInDoubt++;
                    } else if (mine.size() == command.events()) {
                        committedInDoubt.add(command.id());
                    } else {
                        halfWritten += mine.size();
                        problems.add(mine.size() + " of " + command.events() + " events stored for " + entry);
                    }
                }
            }
            var committed = entry.fate == Fate.ACKNOWLEDGED || entry.fate == Fate.IN_DOUBT && !mine.isEmpty();
            if (committed != (stored != null) || stored != null && !mine.isEmpty() && stored != last(mine)) {
                problems.add("idempotency key " + (stored == null ? "missing" : "at version " + stored)
                        + " for " + mine.size() + " stored events of " + entry);
            }
        }
        byCommand.keySet().stream().filter(id -> !accounted.containsKey(id))
                .forEach(id -> problems.add(byCommand.get(id).size() + " events no command accounts for: " + byCommand.get(id)));

        return new Findings(rows.size(), byIncident.size(), ledger.entries().size(), committedInDoubt, absentInDoubt,
                lost, duplicated, halfWritten, problems);
    }

    private static long last(List<Row> rows) {
        return rows.stream().mapToLong(Row::sequenceNumber).max().orElse(-1);
    }

    private static String traceId(byte[] metaData) {
        if (metaData == null) {
            return "(no metadata)";
        }
        Map<?, ?> map = JSON.readValue(new String(metaData, StandardCharsets.UTF_8), Map.class);
        return String.valueOf(map.get("traceId"));
    }
}
