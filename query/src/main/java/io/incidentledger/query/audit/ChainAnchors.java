package io.incidentledger.query.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Table {@code audit_chain}: the link of every event, written when the event was appended. */
@Component
public class ChainAnchors {

    record Anchor(long sequenceNumber, String link) {
    }

    private final JdbcTemplate jdbc;

    public ChainAnchors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> link(String incidentId, long sequenceNumber) {
        return jdbc.queryForList("SELECT link FROM audit_chain WHERE incident_id = ? AND sequence_number = ?",
                String.class, incidentId, sequenceNumber).stream().findFirst();
    }

    /** Every anchored link of an incident by sequence number. */
    public Map<Long, String> of(String incidentId) {
        var links = new TreeMap<Long, String>();
        jdbc.query("SELECT sequence_number, link FROM audit_chain WHERE incident_id = ?",
                rs -> {
                    links.put(rs.getLong(1), rs.getString(2));
                }, incidentId);
        return links;
    }

    void insert(String incidentId, List<Anchor> anchors) {
        jdbc.batchUpdate("INSERT INTO audit_chain (incident_id, sequence_number, link) VALUES (?, ?, ?)",
                anchors.stream().map(a -> new Object[] {incidentId, a.sequenceNumber(), a.link()}).toList());
    }
}
