package io.incidentledger.e2e;

import static io.incidentledger.e2e.LifecycleIT.CHECKOUT;
import static io.incidentledger.e2e.LifecycleIT.COMMANDER;
import static io.incidentledger.e2e.LifecycleIT.CORRECTED_FIRST_UPDATE;
import static io.incidentledger.e2e.LifecycleIT.CORRECTION_REASON;
import static io.incidentledger.e2e.LifecycleIT.FIRST_UPDATE;
import static io.incidentledger.e2e.LifecycleIT.NOTE_MARKER;
import static io.incidentledger.e2e.LifecycleIT.PAYMENTS;
import static io.incidentledger.e2e.LifecycleIT.PUBLIC_TITLE;
import static io.incidentledger.e2e.LifecycleIT.PUBLIC_URL;
import static io.incidentledger.e2e.LifecycleIT.RESPONDER;
import static io.incidentledger.e2e.LifecycleIT.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.incidentledger.Api;
import org.apache.commons.csv.CSVFormat;

/**
 * {@link LifecycleIT}'s incident once learned, as each audience sees it: customers (status page,
 * feed), the team (the postmortem) and analysts (the CSV).
 */
final class LearnedIncidentViews {

    private final Api api;
    private final TrackedIncident incident;
    private final IntFunction<String> at;

    /** @param at the time so many minutes after detection, as the test recorded it */
    LearnedIncidentViews(Api api, TrackedIncident incident, IntFunction<String> at) {
        this.api = api;
        this.incident = incident;
        this.at = at;
    }

    void customersSeeOnlyPublicUpdates() {
        PublicOutputs.awaitPublicView(api, incident.id, view -> view.get("updates").size() == 6
                && view.get("updates").get(0).get("corrected").asBoolean());

        var page = StatusPage.fetch(api, "/status/incidents/" + incident.id);
        assertThat(page.html.selectFirst("h1").text()).isEqualTo(PUBLIC_TITLE);
        assertThat(page.updates()).containsExactly(
                "Resolved: Payments have worked normally for 30 minutes.",
                "Investigating: Some payments fail again. We are investigating.",
                "Resolved: Payments work normally again.",
                "Identified: We found the cause and rolled it back.",
                "Investigating: our team is leading the response. Next update within the hour.",
                "Investigating: " + CORRECTED_FIRST_UPDATE);
        assertThat(page.components()).containsExactly(Map.entry(PAYMENTS, "Operational"),
                Map.entry(CHECKOUT, "Operational"));
        var overview = StatusPage.fetch(api, "/status");
        assertThat(overview.linkedIncidents("current")).doesNotContain(incident.id);
        assertThat(overview.linkedIncidents("resolved")).contains(incident.id);
        assertThat(overview.components()).containsEntry(CHECKOUT, "Operational").containsEntry(PAYMENTS, "Operational");

        PublicOutputs.assertNoneContains(PublicOutputs.fetch(api, List.of(incident.id)), internalTexts());
    }

    void theFeedParsesAndCarriesOnlyPublicUpdates() {
        var xml = api.get("/feed.atom").send();
        assertThat(xml.contentType()).startsWith("application/atom+xml");
        var feed = FeedParser.parse(xml.body());
        assertThat(feed.bozo()).as(feed.problem()).isFalse();
        assertThat(feed.version()).isEqualTo("atom10");
        var ours = feed.entries().stream().filter(e -> e.link().equals(PUBLIC_URL + "/status/incidents/" + incident.id))
                .toList();
        assertThat(ours).extracting(FeedParser.Entry::title).containsExactlyInAnyOrder(
                "Investigating: " + PUBLIC_TITLE, "Investigating: " + PUBLIC_TITLE, "Identified: " + PUBLIC_TITLE,
                "Resolved: " + PUBLIC_TITLE, "Investigating: " + PUBLIC_TITLE, "Resolved: " + PUBLIC_TITLE);
        assertThat(ours).extracting(FeedParser.Entry::summary).contains(CORRECTED_FIRST_UPDATE + " (corrected)",
                "our team is leading the response. Next update within the hour.");
        assertThat(ours).extracting(FeedParser.Entry::id).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith(PUBLIC_URL + "/status/incidents/" + incident.id + "#update-"));
        assertThat(xml.body()).doesNotContain(internalTexts().toArray(String[]::new));
    }

    void thePostmortemNamesRolesAndShowsTheCorrection() {
        var response = api.get(incident.url("/postmortem")).key(Api.VIEWER).header("Accept", "text/markdown").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/markdown");
        assertThat(response.header("ETag")).contains("\"" + incident.version() + "\"");
        var markdown = response.body();
        assertThat(markdown).startsWith("# Postmortem: Checkout payments time out")
                .contains("| " + incident.id + " | final | SEV1 | " + SERVICE + " |")
                .containsSubsequence("## Summary", "## Impact", "## Root causes", "## Trigger", "## Why it was not caught",
                        "## Resolution", "## Detection", "## Action items", "## Lessons learned", "## Lead-up",
                        "## Timeline", "## Response metrics", "## Participants")
                .contains("Batch migrations; test with real volumes", "An unbatched migration",
                        "| AI-1 | Batch large migrations | prevent | platform | 2030-01-31 | done |",
                        "The rollback took three minutes", "| Times reopened | 1 |",
                        "| Time to detect (from impact start) | 10 min |", "| Time to fix (from detection, final fix) | 2 h 30 min |")
                .contains(CORRECTED_FIRST_UPDATE + " _(corrected: " + CORRECTION_REASON + ")_")
                .contains(NOTE_MARKER + ": ").contains("Incident commander")
                .doesNotContain(COMMANDER, RESPONDER, "Lindqvist", "Okafor", FIRST_UPDATE);
    }

    void analyticsHaveTheIncidentsDurations() throws IOException {
        var metrics = api.get("/api/analytics/incidents/" + incident.id).key(Api.VIEWER).send();
        assertThat(metrics.version()).as("analytics read-your-writes").isEqualTo(incident.version());
        var csv = api.get("/api/analytics/incidents?service=" + SERVICE).key(Api.VIEWER).header("Accept", "text/csv")
                .send();
        assertThat(csv.contentType()).startsWith("text/csv");
        var rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).hasSize(1);
        var row = rows.get(0).toMap();
        assertThat(row).containsEntry("incident_id", incident.id).containsEntry("severity", "SEV1")
                .containsEntry("services", SERVICE).containsEntry("detection_source", "MONITORING")
                .containsEntry("detected_at", at.apply(0)).containsEntry("learned_at", at.apply(170))
                .containsEntry("time_to_detect_seconds", "600").containsEntry("time_to_acknowledge_seconds", "300")
                .containsEntry("time_to_contain_seconds", "2700").containsEntry("time_to_fix_seconds", "9000")
                .containsEntry("time_to_learn_seconds", "1200").containsEntry("impact_duration_seconds", "9600")
                .containsEntry("time_to_first_public_update_seconds", "600").containsEntry("reopen_count", "1");
    }

    /** Texts only responders may read: none may reach a public output. */
    private List<String> internalTexts() {
        return List.of(NOTE_MARKER, COMMANDER, RESPONDER, "Lindqvist", "Okafor", CORRECTION_REASON,
                "Checkout payments time out", "14:00 migration", SERVICE, "Batched the migration", "PR-1234",
                "unbatched", "Timeouts are back", "real volumes", "SEV1", "migration 42");
    }
}
