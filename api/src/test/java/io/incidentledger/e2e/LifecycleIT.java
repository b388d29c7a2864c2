package io.incidentledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.incidentledger.Api;
import io.incidentledger.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One realistic incident from detection to learned, over real HTTP, as each audience sees it:
 * responders on the board, customers on the status page and in the feed, the team in the
 * postmortem, analysts in the CSV. Every read of the incident right after a 2xx already shows
 * that write (see {@link TrackedIncident}); the customer views are eventually consistent and are
 * awaited. Refusals along the way are checked in {@link LifecycleRefusals}, the views of the
 * learned incident in {@link LearnedIncidentViews}.
 *
 * <p>An application context of its own (the public URL property makes it distinct): the feed and
 * the list of resolved incidents are capped, so what this test asserts about its incident's
 * entries must not depend on what other test classes wrote.
 */
@TestPropertySource(properties = "incident-ledger.public-url=" + LifecycleIT.PUBLIC_URL)
class LifecycleIT extends RunningApplication {

    static final String PUBLIC_URL = "https://status.example.test";
    static final String SERVICE = "checkout-lifecycle";
    static final String COMMANDER = "Ada Lindqvist";
    static final String RESPONDER = "Rafael Okafor";
    static final String NOTE_MARKER = "INTERNAL-7f3a-lockwait";
    static final String CORRECTION_REASON = "Wrong-scope-4c1e: it was card payments only";
    static final String CHECKOUT = "Checkout";
    static final String PAYMENTS = "Card payments";
    static final String FIRST_UPDATE = "Some customers cannot pay at checkout. We are investigating.";
    static final String CORRECTED_FIRST_UPDATE = "Some customers cannot pay by card at checkout. We are investigating.";
    static final String PUBLIC_TITLE = "Some customers cannot pay by card at checkout.";

    /** Detection time: three hours ago, so the whole response can be recorded at realistic times. */
    final Instant t0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    TrackedIncident incident;
    long firstUpdateSequence;

    @Test
    void anIncidentFromDetectionToLearnedAsEveryAudienceSeesIt() throws IOException {
        detectAndRespond();
        new LifecycleRefusals(api, events, incident).refusalsChangeNothing(at(-60));
        containAndFix();
        learnAfterARegression();

        var learned = new LearnedIncidentViews(api, incident, this::at);
        learned.customersSeeOnlyPublicUpdates();
        learned.theFeedParsesAndCarriesOnlyPublicUpdates();
        learned.thePostmortemNamesRolesAndShowsTheCorrection();
        learned.analyticsHaveTheIncidentsDurations();
    }

    private void detectAndRespond() {
        incident = TrackedIncident.detect(api, Map.of("title", "Checkout payments time out", "severity", "SEV2",
                "summary", "Card payments time out since the 14:00 migration", "affectedServices", List.of(SERVICE),
                "source", "MONITORING", "occurredAt", at(0)));
        boardShows("DETECTED", "SEV2", null, false, false);

        incident.post("/acknowledgement", Map.of("commander", COMMANDER, "occurredAt", at(5)));
        boardShows("ACKNOWLEDGED", "SEV2", COMMANDER, false, false);
        incident.post("/responders", Map.of("responder", RESPONDER, "role", "OPERATIONS", "occurredAt", at(6)));
        incident.post("/severity", Map.of("severity", "SEV1", "reason", "A quarter of orders fail", "occurredAt", at(7)));
        boardShows("ACKNOWLEDGED", "SEV1", COMMANDER, false, false);
        var view = incident.post("/impact", Map.of("description", "Card payments fail", "impactStartedAt", at(-10),
                "affectedUsersPercent", 25, "occurredAt", at(8), "components", List.of(
                        Map.of("name", CHECKOUT, "status", "PARTIAL_OUTAGE"),
                        Map.of("name", PAYMENTS, "status", "MAJOR_OUTAGE"))));
        assertThat(view.get("responders").findValuesAsString("name")).containsExactly(COMMANDER, RESPONDER);
        incident.post("/notes", Map.of("note", NOTE_MARKER + ": " + RESPONDER + " sees lock waits on orders",
                "occurredAt", at(9)));

        // The first update promised the next one 20 minutes later, which is long past: overdue.
        var firstUpdate = Map.<String, Object>of("message", FIRST_UPDATE, "status", "INVESTIGATING",
                "nextUpdateDue", at(30), "occurredAt", at(10));
        var posted = incident.postAnswering("/public-updates", firstUpdate, "Idempotency-Key", "lifecycle-first-update");
        firstUpdateSequence = posted.version();
        aRetryAnswersTheSameAndAppendsNothing(firstUpdate, posted);
        boardShows("ACKNOWLEDGED", "SEV1", COMMANDER, true, false);

        incident.post("/public-updates", Map.of("message", COMMANDER + " is leading the response. Next update within the hour.",
                "status", "INVESTIGATING", "nextUpdateDue", Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                "occurredAt", at(35)));
        boardShows("ACKNOWLEDGED", "SEV1", COMMANDER, false, false);

        PublicOutputs.awaitPublicView(api, incident.id, shown -> shown.get("updates").size() == 2);
        var page = StatusPage.fetch(api, "/status");
        assertThat(page.linkedIncidents("current")).contains(incident.id);
        assertThat(page.currentUpdates(incident.id)).containsExactly(
                "our team is leading the response. Next update within the hour.", FIRST_UPDATE);
        assertThat(page.components()).containsEntry(CHECKOUT, "Partial outage").containsEntry(PAYMENTS, "Major outage");
        assertThat(page.headline()).isEqualTo("Some systems are unavailable");
    }

    private void aRetryAnswersTheSameAndAppendsNothing(Map<String, Object> body, Api.Response first) {
        long stored = events.of(incident.id);
        var retry = api.post(incident.url("/public-updates")).header("Idempotency-Key", "lifecycle-first-update")
                .json(body).send();
        assertThat(retry.status()).isEqualTo(first.status());
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(events.of(incident.id)).as("events after the retry").isEqualTo(stored);
        incident.read();
    }

    private void containAndFix() {
        incident.post("/containment", Map.of("mitigation", "ROLLBACK", "description", "Rolled back migration 42",
                "occurredAt", at(45)));
        boardShows("CONTAINED", "SEV1", COMMANDER, false, true);
        incident.post("/public-updates", Map.of("message", "We found the cause and rolled it back.",
                "status", "IDENTIFIED", "nextUpdateDue", Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                "occurredAt", at(50)));
        boardShows("CONTAINED", "SEV1", COMMANDER, false, false);

        // A client that read the current ETag writes with If-Match; a stale one was refused before (412).
        incident.postAnswering("/fix", Map.of("resolution", "Batched the migration", "fixReference", "PR-1234",
                "occurredAt", at(80)), "If-Match", "\"" + incident.version() + "\"");
        boardShows("FIXED", "SEV1", COMMANDER, false, true);
        incident.post("/public-updates", Map.of("message", "Payments work normally again.", "status", "RESOLVED",
                "occurredAt", at(85)));
        boardShows("FIXED", "SEV1", COMMANDER, false, false);
    }

    private void learnAfterARegression() {
        incident.post("/root-cause", Map.of("whys", List.of("Payments timed out", "Migration 42 locked the orders table"),
                "rootCause", "An unbatched migration", "trigger", "The 14:00 deploy",
                "whyNotCaught", "Staging has little data", "occurredAt", at(90)));
        incident.post("/lessons", Map.of("category", "WENT_WELL", "text", "The rollback took three minutes",
                "occurredAt", at(95)));
        incident.post("/action-items", Map.of("actionItemId", "AI-1", "description", "Batch large migrations",
                "kind", "PREVENT", "ownerTeam", "platform", "dueDate", "2030-01-31", "occurredAt", at(100)));
        incident.post("/action-items/AI-1/completion", Map.of("occurredAt", at(110)));
        incident.post("/corrections", Map.of("sequenceNumber", firstUpdateSequence, "reason", CORRECTION_REASON,
                "replacementText", CORRECTED_FIRST_UPDATE, "occurredAt", at(115)));

        var reopened = incident.post("/reopening", Map.of("reason", "Timeouts are back", "occurredAt", at(120)));
        assertThat(reopened.get("reopenCount").asInt()).isEqualTo(1);
        boardShows("ACKNOWLEDGED", "SEV1", COMMANDER, false, true);
        incident.post("/public-updates", Map.of("message", "Some payments fail again. We are investigating.",
                "status", "INVESTIGATING", "occurredAt", at(122)));
        boardShows("ACKNOWLEDGED", "SEV1", COMMANDER, false, false);
        incident.post("/fix", Map.of("resolution", "Retries no longer hold the lock", "occurredAt", at(150)));
        boardShows("FIXED", "SEV1", COMMANDER, false, true);
        incident.post("/public-updates", Map.of("message", "Payments have worked normally for 30 minutes.",
                "status", "RESOLVED", "occurredAt", at(155)));

        var learned = incident.post("/learning", Map.of("postmortemSummary", "Batch migrations; test with real volumes",
                "occurredAt", at(170)));
        assertThat(learned.get("phase").asString()).isEqualTo("LEARNED");
        assertThat(boardRow()).as("a learned incident leaves the board").isNull();
    }

    /** The incident's row on the board, filtered by its own service; it must agree with the read just made. */
    private JsonNode boardRow() {
        var board = api.get("/api/incidents?service=" + SERVICE).key(Api.VIEWER).send();
        assertThat(board.status()).as(board.toString()).isEqualTo(200);
        var rows = board.json().get("incidents");
        assertThat(rows.size()).isLessThanOrEqualTo(1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void boardShows(String phase, String severity, String commander, boolean overdue, boolean lags) {
        var row = boardRow();
        assertThat(row).as("the incident on the board").isNotNull();
        assertThat(row.get("version").asLong()).isEqualTo(incident.version());
        assertThat(row.get("phase").asString()).isEqualTo(phase);
        assertThat(row.get("severity").asString()).isEqualTo(severity);
        assertThat(row.get("commander").isNull() ? null : row.get("commander").asString()).isEqualTo(commander);
        assertThat(row.get("updateOverdue").asBoolean()).as("updateOverdue").isEqualTo(overdue);
        assertThat(row.get("publicStatusLags").asBoolean()).as("publicStatusLags").isEqualTo(lags);
    }

    String at(int minutes) {
        return t0.plus(minutes, ChronoUnit.MINUTES).toString();
    }
}
