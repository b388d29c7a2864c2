package io.incidentledger.query.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.incidentledger.incident.Phase;
import io.incidentledger.query.ViewJson;
import io.incidentledger.query.ViewTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Tables {@code live_status} (one row per incident: the columns the board filters and sorts by,
 * plus the whole view as JSON) and {@code live_status_service} (one row per affected service, for
 * the service filter).
 */
final class LiveStatusTable {

    private static final RowMapper<IncidentStatusView> VIEW =
            (rs, n) -> ViewJson.read(rs.getString("view_json"), IncidentStatusView.class);

    private final JdbcTemplate jdbc;
    private final ViewTable status;
    private final ViewTable services;

    LiveStatusTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.status = new ViewTable(jdbc, "live_status", ViewTable.text("incident_id"), ViewTable.text("phase"),
                ViewTable.text("severity"), ViewTable.flag("is_open"), ViewTable.time("detected_at"),
                ViewTable.text("public_status"), ViewTable.time("next_update_due"), ViewTable.flag("public_status_lags"),
                ViewTable.time("last_update_at"), ViewTable.bigint("version"), ViewTable.text("view_json"));
        this.services = new ViewTable(jdbc, "live_status_service", ViewTable.text("incident_id"),
                ViewTable.text("service"));
    }

    Optional<IncidentStatusView> find(String incidentId) {
        return jdbc.query("SELECT view_json FROM live_status WHERE incident_id = ?", VIEW, incidentId).stream().findFirst();
    }

    Map<String, IncidentStatusView> findAll(Collection<String> incidentIds) {
        var views = new HashMap<String, IncidentStatusView>();
        status.select("view_json", incidentIds, VIEW).forEach(view -> views.put(view.incidentId(), view));
        return views;
    }

    void write(Collection<IncidentStatusView> views) {
        var statusRows = new ArrayList<Object[]>();
        var serviceRows = new ArrayList<Object[]>();
        for (var v : views) {
            statusRows.add(new Object[] {v.incidentId(), v.phase(), v.severity(), v.phase() != Phase.LEARNED,
                    v.detectedAt(), v.publicStatus(), v.nextUpdateDue(), v.publicStatusLags(), v.lastUpdateAt(),
                    v.version(), ViewJson.write(v)});
            v.affectedServices().forEach(service -> serviceRows.add(new Object[] {v.incidentId(), service}));
        }
        var ids = views.stream().map(IncidentStatusView::incidentId).toList();
        status.replace(ids, statusRows);
        services.replace(ids, serviceRows);
    }

    void clear() {
        services.clear();
        status.clear();
    }

    BoardView board(FindBoard query) {
        var where = new StringBuilder(" FROM live_status s WHERE s.is_open = TRUE");
        var args = new ArrayList<Object>();
        if (query.phase() != null) {
            where.append(" AND s.phase = ?");
            args.add(query.phase().name());
        }
        if (query.severity() != null) {
            where.append(" AND s.severity = ?");
            args.add(query.severity().name());
        }
        if (query.service() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM live_status_service v"
                    + " WHERE v.incident_id = s.incident_id AND v.service = ?)");
            args.add(query.service());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        var pageArgs = new ArrayList<>(args);
        pageArgs.add((long) query.page() * query.size());
        pageArgs.add(query.size());
        // 'SEV1' < 'SEV2' < ... in every collation, so the severity name sorts most severe first.
        List<IncidentStatusView> incidents = jdbc.query("SELECT s.view_json" + where
                + " ORDER BY s.severity, s.detected_at, s.incident_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                VIEW, pageArgs.toArray());
        return new BoardView(incidents, query.page(), query.size(), total == null ? 0 : total);
    }

    List<IncidentStatusView> open() {
        return jdbc.query("SELECT view_json FROM live_status WHERE is_open = TRUE"
                + " ORDER BY severity, detected_at, incident_id", VIEW);
    }
}
