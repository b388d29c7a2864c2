package io.incidentledger.query.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.incidentledger.incident.ComponentStatus;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.query.ViewJson;
import io.incidentledger.query.ViewTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Tables {@code customer_timeline_incident} (one row per incident the timeline heard of, public
 * or not yet), {@code customer_timeline_update} (one row per public update, for the feed) and
 * {@code customer_timeline_component} (one row per component a public incident named, for the
 * page's component statuses). Only public incidents have update and component rows.
 */
final class CustomerTimelineTable {

    private static final RowMapper<TimelineState> STATE =
            (rs, n) -> ViewJson.read(rs.getString("state_json"), TimelineState.class);
    private static final RowMapper<PublicIncidentView> VIEW = (rs, n) -> STATE.mapRow(rs, n).view();

    private final JdbcTemplate jdbc;
    private final ViewTable incidents;
    private final ViewTable updates;
    private final ViewTable components;

    CustomerTimelineTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.incidents = new ViewTable(jdbc, "customer_timeline_incident", ViewTable.text("incident_id"),
                ViewTable.flag("is_public"), ViewTable.text("title"), ViewTable.text("public_status"),
                ViewTable.time("started_at"), ViewTable.time("resolved_at"), ViewTable.bigint("version"),
                ViewTable.text("state_json"));
        this.updates = new ViewTable(jdbc, "customer_timeline_update", ViewTable.text("incident_id"),
                ViewTable.bigint("sequence_number"), ViewTable.time("occurred_at"), ViewTable.time("updated_at"),
                ViewTable.text("status"), ViewTable.text("message"), ViewTable.time("next_update_due"),
                ViewTable.flag("corrected"), ViewTable.time("corrected_at"));
        this.components = new ViewTable(jdbc, "customer_timeline_component", ViewTable.text("incident_id"),
                ViewTable.text("component"), ViewTable.text("status"), ViewTable.integer("status_rank"),
                ViewTable.flag("counts"));
    }

    Optional<TimelineState> find(String incidentId) {
        return jdbc.query("SELECT state_json FROM customer_timeline_incident WHERE incident_id = ?", STATE, incidentId)
                .stream().findFirst();
    }

    Map<String, TimelineState> findAll(Collection<String> incidentIds) {
        var states = new HashMap<String, TimelineState>();
        incidents.select("state_json", incidentIds, STATE).forEach(state -> states.put(state.view().incidentId(), state));
        return states;
    }

    void write(Collection<TimelineState> states) {
        var incidentRows = new ArrayList<Object[]>();
        var updateRows = new ArrayList<Object[]>();
        var componentRows = new ArrayList<Object[]>();
        for (var state : states) {
            var v = state.view();
            boolean isPublic = state.publicView().isPresent();
            incidentRows.add(new Object[] {v.incidentId(), isPublic, v.title(), v.status(), v.startedAt(),
                    v.resolvedAt(), state.version(), ViewJson.write(state)});
            if (!isPublic) {
                continue;
            }
            for (var u : v.updates()) {
                updateRows.add(new Object[] {v.incidentId(), u.sequenceNumber(), u.occurredAt(), updatedAt(u),
                        u.status(), u.message(), u.nextUpdateDue(), u.corrected(), u.correctedAt()});
            }
            boolean counts = v.status() != PublicStatus.RESOLVED;
            for (var c : v.components()) {
                componentRows.add(new Object[] {v.incidentId(), c.name(), c.status(), c.status().ordinal(), counts});
            }
        }
        var ids = states.stream().map(s -> s.view().incidentId()).toList();
        incidents.replace(ids, incidentRows);
        updates.replace(ids, updateRows);
        components.replace(ids, componentRows);
    }

    void clear() {
        components.clear();
        updates.clear();
        incidents.clear();
    }

    Optional<PublicIncidentView> findPublic(String incidentId) {
        return jdbc.query("SELECT state_json FROM customer_timeline_incident WHERE incident_id = ? AND is_public = TRUE",
                VIEW, incidentId).stream().findFirst();
    }

    List<PublicIncidentView> current() {
        return jdbc.query("SELECT state_json FROM customer_timeline_incident WHERE is_public = TRUE"
                + " AND public_status <> 'RESOLVED' ORDER BY started_at DESC, incident_id", VIEW);
    }

    List<PublicIncidentView> resolved(Instant since, int limit) {
        return jdbc.query("SELECT state_json FROM customer_timeline_incident WHERE is_public = TRUE"
                + " AND resolved_at IS NOT NULL AND resolved_at >= ?"
                + " ORDER BY resolved_at DESC, incident_id FETCH FIRST ? ROWS ONLY",
                VIEW, ViewTable.utc(since == null ? Instant.EPOCH : since), limit);
    }

    List<ComponentStatusView> componentStatuses() {
        var statuses = new ArrayList<>(jdbc.query("SELECT component,"
                + " MAX(CASE WHEN counts = TRUE THEN status_rank ELSE 0 END) AS worst"
                + " FROM customer_timeline_component GROUP BY component",
                (rs, n) -> new ComponentStatusView(rs.getString("component"),
                        ComponentStatus.values()[rs.getInt("worst")])));
        // sorted here, not in SQL: collations differ between databases, the page must not
        statuses.sort(Comparator.comparing(ComponentStatusView::name));
        return statuses;
    }

    List<PublicFeedEntryView> feed(int limit) {
        return jdbc.query("SELECT u.*, i.title FROM customer_timeline_update u"
                + " JOIN customer_timeline_incident i ON i.incident_id = u.incident_id"
                + " ORDER BY u.updated_at DESC, u.incident_id, u.sequence_number DESC FETCH FIRST ? ROWS ONLY",
                (rs, n) -> new PublicFeedEntryView(rs.getString("incident_id"), rs.getString("title"),
                        ViewTable.instant(rs, "updated_at"),
                        new PublicUpdateView(rs.getLong("sequence_number"), ViewTable.instant(rs, "occurred_at"),
                                PublicStatus.valueOf(rs.getString("status")), rs.getString("message"),
                                ViewTable.instant(rs, "next_update_due"), rs.getBoolean("corrected"),
                                ViewTable.instant(rs, "corrected_at"))),
                limit);
    }

    private static Instant updatedAt(PublicUpdateView update) {
        return update.corrected() ? update.correctedAt() : update.occurredAt();
    }
}
