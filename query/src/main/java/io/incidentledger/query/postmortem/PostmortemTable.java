package io.incidentledger.query.postmortem;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.incidentledger.query.ViewJson;
import io.incidentledger.query.ViewTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Tables {@code postmortem} (the published blameless document), {@code postmortem_service} (for
 * the library's service filter) and {@code postmortem_state} (the raw fold state, never served).
 */
final class PostmortemTable {

    private static final RowMapper<PostmortemView> VIEW =
            (rs, n) -> ViewJson.read(rs.getString("view_json"), PostmortemView.class);

    private final JdbcTemplate jdbc;
    private final ViewTable documents;
    private final ViewTable services;
    private final ViewTable states;

    PostmortemTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.documents = new ViewTable(jdbc, "postmortem", ViewTable.text("incident_id"), ViewTable.bigint("version"),
                ViewTable.text("status"), ViewTable.text("severity"), ViewTable.time("detected_at"),
                ViewTable.time("learned_at"), ViewTable.text("search_text"), ViewTable.text("view_json"));
        this.services = new ViewTable(jdbc, "postmortem_service", ViewTable.text("incident_id"),
                ViewTable.text("service"));
        this.states = new ViewTable(jdbc, "postmortem_state", ViewTable.text("incident_id"),
                ViewTable.bigint("version"), ViewTable.text("state_json"));
    }

    PostmortemState state(String incidentId) {
        return states(List.of(incidentId)).get(incidentId);
    }

    /** The states of the incidents that have one, read with a few statements for the whole batch. */
    Map<String, PostmortemState> states(Collection<String> incidentIds) {
        var states = new HashMap<String, PostmortemState>();
        this.states.select("state_json", incidentIds,
                (rs, n) -> ViewJson.read(rs.getString("state_json"), PostmortemState.class))
                .forEach(state -> states.put(state.incidentId(), state));
        return states;
    }

    PostmortemView find(String incidentId) {
        return jdbc.query("SELECT view_json FROM postmortem WHERE incident_id = ?", VIEW, incidentId)
                .stream().findFirst().orElse(null);
    }

    /** Stores each state and the document rendered from it. */
    void write(Collection<PostmortemState> changed) {
        var documentRows = new ArrayList<Object[]>();
        var serviceRows = new ArrayList<Object[]>();
        var stateRows = new ArrayList<Object[]>();
        for (var state : changed) {
            var view = PostmortemDocument.render(state);
            var learnedAt = view.timeline().stream().filter(e -> e.kind() == TimelineKind.LEARNED)
                    .map(PostmortemView.TimelineEntry::occurredAt).findFirst().orElse(null);
            documentRows.add(new Object[] {view.incidentId(), view.version(), view.status(), view.severity(),
                    view.detection().detectedAt(), learnedAt, searchText(view), ViewJson.write(view)});
            view.services().stream().distinct()
                    .forEach(service -> serviceRows.add(new Object[] {view.incidentId(), service}));
            stateRows.add(new Object[] {state.incidentId(), state.version(), ViewJson.write(state)});
        }
        var ids = changed.stream().map(PostmortemState::incidentId).toList();
        documents.replace(ids, documentRows);
        services.replace(ids, serviceRows);
        states.replace(ids, stateRows);
    }

    void clear() {
        services.clear();
        documents.clear();
        states.clear();
    }

    PostmortemLibraryView library(FindPostmortems query) {
        var where = new StringBuilder(" FROM postmortem p WHERE 1 = 1");
        var args = new ArrayList<Object>();
        if (query.service() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM postmortem_service s"
                    + " WHERE s.incident_id = p.incident_id AND s.service = ?)");
            args.add(query.service());
        }
        if (query.severity() != null) {
            where.append(" AND p.severity = ?");
            args.add(query.severity().name());
        }
        if (query.status() != null) {
            where.append(" AND p.status = ?");
            args.add(query.status().name());
        }
        for (var word : query.words()) {
            where.append(" AND p.search_text LIKE ? ESCAPE '\\'");
            args.add("%" + likeLiteral(normalize(word)) + "%");
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
        var pageArgs = new ArrayList<>(args);
        pageArgs.add((long) query.page() * query.size());
        pageArgs.add(query.size());
        var views = jdbc.query("SELECT p.view_json" + where
                + " ORDER BY p.detected_at DESC, p.incident_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", VIEW,
                pageArgs.toArray());
        return new PostmortemLibraryView(views.stream().map(PostmortemLibraryView.Entry::of).toList(),
                query.page(), query.size(), total == null ? 0 : total);
    }

    /** Every text of the document, one per line, in one normal form and case. */
    static String searchText(PostmortemView view) {
        var texts = new ArrayList<String>();
        texts.add(view.title());
        texts.add(view.summary());
        texts.addAll(view.services());
        if (view.impact() != null) {
            texts.add(view.impact().description());
            view.impact().components().forEach(c -> texts.add(c.name()));
        }
        view.rootCauses().forEach(c -> {
            texts.addAll(c.whys());
            texts.addAll(Stream.of(c.rootCause(), c.trigger(), c.whyNotCaught()).toList());
        });
        view.actionItems().forEach(item -> texts.addAll(List.of(item.id(), item.description(), item.ownerTeam())));
        view.timeline().forEach(entry -> {
            texts.add(entry.text());
            texts.addAll(entry.correctionReasons());
        });
        return normalize(String.join("\n", texts.stream().filter(Objects::nonNull).toList()));
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static String likeLiteral(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
