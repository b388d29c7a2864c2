package io.incidentledger.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.incidentledger.Api;
import io.incidentledger.RunningApplication;
import org.junit.jupiter.api.Test;

/** Every command endpoint's success path, over real HTTP, checked against the event store itself. */
class IncidentCommandsIT extends RunningApplication {

    @Test
    void recordsAWholeIncidentFromDetectionToLearning() {
        var detectedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        var detected = api.post("/api/incidents").json(Map.of(
                "title", "Checkout fails for a quarter of users", "severity", "SEV2",
                "summary", "Payments time out after the 14:00 migration",
                "affectedServices", List.of("checkout", "payments"), "source", "MONITORING",
                "occurredAt", detectedAt.toString())).send();

        assertThat(detected.status()).isEqualTo(201);
        var id = detected.json().get("incidentId").asString();
        assertThat(id).matches("INC-[0-9A-Z]{10}");
        assertThat(detected.header("Location")).contains("/api/incidents/" + id);
        assertThat(detected.header("ETag")).contains("\"0\"");
        assertThat(detected.version()).isZero();

        var base = "/api/incidents/" + id;
        long version = 0;
        version = expectVersion(api.post(base + "/acknowledgement").json(Map.of("commander", "Ada")).send(), version + 1);
        version = expectVersion(api.post(base + "/responders")
                .json(Map.of("responder", "Grace", "role", "OPERATIONS")).send(), version + 1);
        version = expectVersion(api.delete(base + "/responders/Grace").send(), version + 1);
        version = expectVersion(api.post(base + "/responders")
                .json(Map.of("responder", "Linus", "role", "COMMANDER")).send(), version + 2);
        version = expectVersion(api.post(base + "/severity")
                .json(Map.of("severity", "SEV1", "reason", "Half of all orders fail")).send(), version + 1);
        version = expectVersion(api.post(base + "/impact").json(Map.of(
                "description", "Orders fail at payment", "impactStartedAt", detectedAt.minusSeconds(600).toString(),
                "affectedUsersPercent", 25.5,
                "components", List.of(Map.of("name", "Checkout", "status", "PARTIAL_OUTAGE")))).send(), version + 1);
        var noteVersion = version + 1;
        version = expectVersion(api.post(base + "/notes").json(Map.of("note", "Migration 42 ran at 13:58",
                "occurredAt", detectedAt.minusSeconds(720).toString())).send(), version + 1);
        version = expectVersion(api.post(base + "/public-updates").json(Map.of("message", "We are investigating.",
                "status", "INVESTIGATING", "nextUpdateDue", Instant.now().plusSeconds(1800).toString())).send(),
                version + 1);
        version = expectVersion(api.post(base + "/containment")
                .json(Map.of("mitigation", "ROLLBACK", "description", "Rolled back migration 42")).send(), version + 1);
        version = expectVersion(api.post(base + "/fix")
                .json(Map.of("resolution", "Fixed the migration", "fixReference", "PR-1234")).send(), version + 1);
        version = expectVersion(api.post(base + "/root-cause").json(Map.of(
                "whys", List.of("Payments timed out", "A lock was held"), "rootCause", "Unbatched migration",
                "trigger", "Deploy at 14:00", "whyNotCaught", "Staging has little data")).send(), version + 1);
        version = expectVersion(api.post(base + "/lessons")
                .json(Map.of("category", "WENT_WELL", "text", "Rollback took 3 minutes")).send(), version + 1);
        version = expectVersion(api.post(base + "/action-items").json(Map.of(
                "actionItemId", "AI-1", "description", "Batch large migrations", "kind", "PREVENT",
                "ownerTeam", "platform", "dueDate", "2030-01-31")).send(), version + 1);
        version = expectVersion(api.post(base + "/action-items/AI-1/completion").send(), version + 1);
        version = expectVersion(api.post(base + "/corrections").json(Map.of("sequenceNumber", noteVersion,
                "reason", "Wrong migration number", "replacementText", "Migration 43 ran at 13:58")).send(),
                version + 1);
        version = expectVersion(api.post(base + "/reopening").json(Map.of("reason", "Errors are back")).send(),
                version + 1);
        version = expectVersion(api.post(base + "/fix").json(Map.of("resolution", "Fixed the retry too")).send(),
                version + 1);
        version = expectVersion(api.post(base + "/public-updates")
                .json(Map.of("message", "Resolved.", "status", "RESOLVED")).send(), version + 1);
        version = expectVersion(api.post(base + "/learning")
                .json(Map.of("postmortemSummary", "Batch migrations; test with real volumes")).send(), version + 1);

        assertThat(events.types(id)).containsExactly("IncidentDetected", "IncidentAcknowledged", "ResponderAssigned",
                "ResponderReleased", "ResponderReleased", "ResponderAssigned", "SeverityChanged", "ImpactAssessed",
                "InternalNoteAdded", "PublicUpdatePosted", "IncidentContained", "IncidentFixed",
                "RootCauseIdentified", "LessonRecorded", "ActionItemAdded", "ActionItemCompleted", "EntryCorrected",
                "IncidentReopened", "IncidentFixed", "PublicUpdatePosted", "IncidentLearned");
        assertThat(events.sequenceNumbers(id)).last().isEqualTo(version);
    }

    @Test
    void detectsWithTheIdTheClientChose() {
        var response = api.post("/api/incidents").json(Map.of("incidentId", "ops-2024-0042", "title", "Disk full",
                "severity", "SEV3")).send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("incidentId").asString()).isEqualTo("ops-2024-0042");
        assertThat(response.header("Location")).contains("/api/incidents/ops-2024-0042");
        assertThat(events.types("ops-2024-0042")).containsExactly("IncidentDetected");
    }

    @Test
    void releasesAResponderAtTheTimeGivenInTheQuery() {
        var id = api.acknowledged("Slow search");
        api.post("/api/incidents/" + id + "/responders").json(Map.of("responder", "Grace Hopper",
                "role", "SCRIBE")).send();
        var at = Instant.now();

        var released = api.delete("/api/incidents/" + id + "/responders/Grace%20Hopper?occurredAt=" + at).send();

        assertThat(released.status()).isEqualTo(200);
        assertThat(events.types(id)).last().isEqualTo("ResponderReleased");
    }

    @Test
    void recordsTheActorAndCorrelationIdOnTheEvents() {
        var response = api.post("/api/incidents").header("X-Correlation-Id", "deploy-7f3a.retry:1")
                .json(Map.of("title", "Login loop", "severity", "SEV3")).send();

        var id = response.json().get("incidentId").asString();
        assertThat(response.header("X-Correlation-Id")).contains("deploy-7f3a.retry:1");
        assertThat(events.metaData(id, 0))
                .contains("\"actor\":\"dev-responder\"")
                .contains("\"traceId\":\"deploy-7f3a.retry:1\"");
    }

    @Test
    void generatesACorrelationIdWhenTheClientSendsNone() {
        var first = api.post("/api/incidents").json(Map.of("title", "A", "severity", "SEV4")).send();
        var second = api.post("/api/incidents").json(Map.of("title", "B", "severity", "SEV4")).send();

        assertThat(first.header("X-Correlation-Id")).get().asString().isNotBlank();
        assertThat(first.header("X-Correlation-Id")).isNotEqualTo(second.header("X-Correlation-Id"));
    }

    @Test
    void assessesImpactWithoutComponents() {
        var id = api.detect("No components yet");

        var without = api.post("/api/incidents/" + id + "/impact").json(Map.of("description", "Unknown yet")).send();
        var empty = api.post("/api/incidents/" + id + "/impact").json(Map.of("description", "Still unknown",
                "components", List.of())).send();

        assertThat(without.status()).isEqualTo(200);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(events.types(id)).containsExactly("IncidentDetected", "ImpactAssessed", "ImpactAssessed");
    }

    @Test
    void completesAnActionItemWithAnOptionalBody() {
        var id = api.acknowledged("Cache stampede");
        api.post("/api/incidents/" + id + "/action-items").json(Map.of("actionItemId", "AI-7",
                "description", "Add jitter", "kind", "MITIGATE", "ownerTeam", "cache")).send();

        var completed = api.post("/api/incidents/" + id + "/action-items/AI-7/completion")
                .json(Map.of("occurredAt", Instant.now().toString())).send();

        assertThat(completed.status()).isEqualTo(200);
        assertThat(events.types(id)).last().isEqualTo("ActionItemCompleted");
    }

    private static long expectVersion(Api.Response response, long expected) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(expected);
        assertThat(response.header("ETag")).contains("\"" + expected + "\"");
        return expected;
    }
}
