package io.incidentledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.incidentledger.Api;
import io.incidentledger.EventRows;

/**
 * Every class of refusal, sent at one realistic incident in the middle of its response (detected,
 * acknowledged, public, with an Idempotency-Key in use): each answers a problem detail with its
 * code, and none of them changes the incident. The error classes one by one, with their edge
 * cases, are {@code problems.ProblemDetailsIT}'s; this is their combination on a live incident.
 */
final class LifecycleRefusals {

    record Refusal(String what, Api.Response response, int status, String code) {
    }

    private final Api api;
    private final EventRows events;
    private final TrackedIncident incident;

    LifecycleRefusals(Api api, EventRows events, TrackedIncident incident) {
        this.api = api;
        this.events = events;
        this.incident = incident;
    }

    /** @param beforeDetection a time before the incident was detected */
    void refusalsChangeNothing(String beforeDetection) {
        long stored = events.of(incident.id);
        var notes = incident.url("/notes");
        var note = Map.of("note", "Would be fine");
        var refusals = List.of(
                new Refusal("a blank note", api.post(notes).json(Map.of("note", " ")).send(), 400, "VALIDATION_FAILED"),
                new Refusal("malformed JSON", api.post(notes).json("{\"note\": ").send(), 400, "MALFORMED_JSON"),
                new Refusal("an unknown field", api.post(notes).json(Map.of("note", "n", "visibility", "public")).send(),
                        400, "UNKNOWN_FIELD"),
                new Refusal("no key", api.post(notes).noKey().json(note).send(), 401, "UNAUTHENTICATED"),
                new Refusal("a viewer writing", api.post(notes).key(Api.VIEWER).json(note).send(), 403, "FORBIDDEN"),
                new Refusal("an unknown action item", api.post(incident.url("/action-items/AI-404/completion")).send(),
                        404, "ACTION_ITEM_UNKNOWN"),
                new Refusal("an unknown incident's postmortem",
                        api.get("/api/incidents/" + incident.id + "-nope/postmortem").key(Api.VIEWER).send(),
                        404, "INCIDENT_NOT_FOUND"),
                new Refusal("a second acknowledgement", api.post(incident.url("/acknowledgement"))
                        .json(Map.of("commander", "Somebody Else")).send(), 409, "ALREADY_ACKNOWLEDGED"),
                new Refusal("a stale If-Match", api.post(notes).header("If-Match", "\"" + (incident.version() - 1) + "\"")
                        .json(note).send(), 412, "VERSION_MISMATCH"),
                new Refusal("a form instead of JSON", api.post(notes).raw("text/plain", "note=n").send(),
                        415, "UNSUPPORTED_MEDIA_TYPE"),
                new Refusal("containment before detection", api.post(incident.url("/containment")).json(Map.of(
                        "mitigation", "ROLLBACK", "description", "d", "occurredAt", beforeDetection)).send(),
                        422, "OCCURRED_BEFORE_DETECTION"),
                new Refusal("an Idempotency-Key reused for another body", api.post(incident.url("/public-updates"))
                        .header("Idempotency-Key", "lifecycle-first-update")
                        .json(Map.of("message", "Something else", "status", "IDENTIFIED")).send(),
                        422, "IDEMPOTENCY_KEY_REUSED"),
                new Refusal("an unknown board filter", api.get("/api/incidents?phase=OPEN").key(Api.VIEWER).send(),
                        400, "BAD_ENUM_VALUE"),
                new Refusal("the postmortem as PDF", api.get(incident.url("/postmortem")).key(Api.VIEWER)
                        .header("Accept", "application/pdf").send(), 406, "NOT_ACCEPTABLE"),
                new Refusal("a month that does not exist", api.get("/api/analytics/incidents?from=2024-13")
                        .key(Api.VIEWER).send(), 400, "BAD_TIMESTAMP"));

        for (var refusal : refusals) {
            var response = refusal.response();
            assertThat(response.status()).as(refusal.what() + ": " + response).isEqualTo(refusal.status());
            assertThat(response.contentType()).as(refusal.what()).startsWith("application/problem+json");
            assertThat(response.code()).as(refusal.what()).isEqualTo(refusal.code());
            assertThat(response.json().get("detail").asString()).as(refusal.what()).isNotBlank();
        }
        assertThat(refusals.get(refusals.size() - 1).response().json().get("detail").asString())
                .as("a month parameter's problem says what a month looks like").contains("2024-05").doesNotContain("09:30");
        assertThat(events.of(incident.id)).as("events after the refusals").isEqualTo(stored);
        incident.read();
    }
}
