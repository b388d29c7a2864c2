package io.incidentledger.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.incidentledger.Api;
import io.incidentledger.RunningApplication;
import io.incidentledger.incident.InternalNoteAdded;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every class of refusal answers with an RFC 9457 problem detail carrying its stable code, never
 * a 5xx for bad input, and appends nothing.
 */
class ProblemDetailsIT extends RunningApplication {

    long eventsBefore;

    @BeforeEach
    void setUp() {
        eventsBefore = events.total();
    }

    @AfterEach
    void nothingWasAppendedByARefusal() {
        assertThat(events.total()).as("events appended by refused requests").isEqualTo(eventsBefore);
    }

    Api.Response detect(Object body) {
        return api.post("/api/incidents").json(body).send();
    }

    static Api.Response expectProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        var problem = response.json();
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("correlationId").asString()).isEqualTo(response.header("X-Correlation-Id").orElseThrow());
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "tools.jackson", "org.axonframework");
        return response;
    }

    @Nested
    class UnreadableBodies {

        @Test
        void brokenJsonIsMalformed() {
            expectProblem(detect("{\"title\": \"x\", "), 400, "MALFORMED_JSON");
        }

        @Test
        void aMissingBodyIsMalformed() {
            expectProblem(api.post("/api/incidents").header("Content-Type", "application/json").send(), 400,
                    "MALFORMED_JSON");
        }

        @Test
        void trailingGarbageAndDuplicateKeysAreMalformed() {
            expectProblem(detect("{\"title\":\"x\",\"severity\":\"SEV2\"} {}"), 400, "MALFORMED_JSON");
            expectProblem(detect("{\"title\":\"x\",\"title\":\"y\",\"severity\":\"SEV2\"}"), 400, "MALFORMED_JSON");
        }

        @Test
        void anUnknownFieldIsNamed() {
            var response = expectProblem(detect(Map.of("title", "x", "severity", "SEV2", "colour", "red")), 400,
                    "UNKNOWN_FIELD");
            assertThat(response.json().get("field").asString()).isEqualTo("colour");
        }

        @Test
        void aHostileUnknownFieldNameIsNotEchoed() {
            var response = expectProblem(detect("{\"<script>alert(1)</script>\":1}"), 400, "UNKNOWN_FIELD");
            assertThat(response.body()).doesNotContain("<script>");
        }

        @Test
        void wrongTypesAreNotCoerced() {
            expectProblem(detect(Map.of("title", 42, "severity", "SEV2")), 400, "WRONG_TYPE");
            expectProblem(detect(Map.of("title", true, "severity", "SEV2")), 400, "WRONG_TYPE");
            expectProblem(detect(Map.of("title", "x", "severity", "SEV2", "affectedServices", "checkout")), 400,
                    "WRONG_TYPE");
            expectProblem(detect(Map.of("title", Map.of("a", 1), "severity", "SEV2")), 400, "WRONG_TYPE");
            var id = api.acknowledged("Types");
            var correction = api.post("/api/incidents/" + id + "/corrections");
            expectProblem(correction.json("{\"sequenceNumber\":\"1\",\"reason\":\"r\",\"replacementText\":\"t\"}")
                    .send(), 400, "WRONG_TYPE");
            expectProblem(correction.json("{\"sequenceNumber\":1.5,\"reason\":\"r\",\"replacementText\":\"t\"}")
                    .send(), 400, "WRONG_TYPE");
            expectProblem(correction.json("{\"sequenceNumber\":1e30,\"reason\":\"r\",\"replacementText\":\"t\"}")
                    .send(), 400, "WRONG_TYPE");
            eventsBefore = events.total();
        }

        @Test
        void badTimestampsSayWhatIsExpected() {
            var response = expectProblem(detect(Map.of("title", "x", "severity", "SEV2", "occurredAt", "yesterday")),
                    400, "BAD_TIMESTAMP");
            assertThat(response.json().get("field").asString()).isEqualTo("occurredAt");
            assertThat(response.json().get("detail").asString()).contains("ISO-8601");
            var id = api.acknowledged("Times");
            expectProblem(api.post("/api/incidents/" + id + "/action-items").json(Map.of("actionItemId", "A",
                    "description", "d", "kind", "PREVENT", "ownerTeam", "t", "dueDate", "31/01/2030")).send(),
                    400, "BAD_TIMESTAMP");
            expectProblem(api.delete("/api/incidents/" + id + "/responders/Ada?occurredAt=noon").send(), 400,
                    "BAD_TIMESTAMP");
            eventsBefore = events.total();
        }

        @Test
        void badEnumValuesListTheAllowedOnes() {
            var response = expectProblem(detect(Map.of("title", "x", "severity", "SEV9")), 400, "BAD_ENUM_VALUE");
            assertThat(response.json().get("field").asString()).isEqualTo("severity");
            assertThat(response.json().get("allowed").values()).extracting(node -> node.asString())
                    .containsExactly("SEV1", "SEV2", "SEV3", "SEV4");
            expectProblem(detect(Map.of("title", "x", "severity", 1)), 400, "BAD_ENUM_VALUE");
            expectProblem(detect(Map.of("title", "x", "severity", "")), 400, "BAD_ENUM_VALUE");
            expectProblem(detect(Map.of("title", "x", "severity", "sev2")), 400, "BAD_ENUM_VALUE");
        }
    }

    @Nested
    class InvalidFields {

        @Test
        void missingAndOversizedFieldsAreListed() {
            var response = expectProblem(detect(Map.of("summary", "s".repeat(10_001))), 400, "VALIDATION_FAILED");
            assertThat(response.json().get("errors").values()).extracting(e -> e.get("field").asString())
                    .containsExactly("severity", "summary", "title");
        }

        @Test
        void lengthsCountCharactersNotUtf16Units() {
            var hundredEmoji = "\uD83D\uDD25".repeat(100);
            var id = api.detect("Emoji");
            eventsBefore = events.total();

            var accepted = api.post("/api/incidents/" + id + "/acknowledgement").json(Map.of("commander", hundredEmoji))
                    .send();
            assertThat(accepted.status()).isEqualTo(200);
            eventsBefore = events.total();
            expectProblem(api.post("/api/incidents/" + id + "/responders").json(Map.of("responder",
                    hundredEmoji + "x", "role", "SCRIBE")).send(), 400, "VALIDATION_FAILED");
        }

        @Test
        void controlCharactersAreRefusedByTheDomainsShapeChecks() {
            var response = expectProblem(detect(Map.of("title", "bad\u0000title", "severity", "SEV2")), 400,
                    "VALIDATION_FAILED");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
        }

        @Test
        void nestedFieldsAreNamedByTheirPath() {
            var id = api.acknowledged("Nested");
            eventsBefore = events.total();
            var response = expectProblem(api.post("/api/incidents/" + id + "/impact").json(Map.of(
                    "description", "d", "affectedUsersPercent", 101,
                    "components", List.of(Map.of("name", "", "status", "MAJOR_OUTAGE")))).send(),
                    400, "VALIDATION_FAILED");
            assertThat(response.json().get("errors").values()).extracting(e -> e.get("field").asString())
                    .containsExactly("affectedUsersPercent", "components[0].name");
        }

        @Test
        void implausibleTimesAreRefused() {
            expectProblem(detect(Map.of("title", "x", "severity", "SEV2", "occurredAt", "1900-01-01T00:00:00Z")),
                    400, "VALIDATION_FAILED");
            expectProblem(detect(Map.of("title", "x", "severity", "SEV2",
                    "occurredAt", "+1000000000-01-01T00:00:00Z")), 400, "VALIDATION_FAILED");
        }

        @Test
        void aMalformedIncidentIdInThePathIsAFieldError() {
            var response = expectProblem(api.post("/api/incidents/bad%20id!/acknowledgement")
                    .json(Map.of("commander", "Ada")).send(), 400, "VALIDATION_FAILED");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("incidentId");
        }

        @Test
        void malformedHeadersAreFieldErrors() {
            var id = api.acknowledged("Headers");
            eventsBefore = events.total();
            var note = Map.of("note", "n");
            expectProblem(api.post("/api/incidents/" + id + "/notes").header("Idempotency-Key", "has space")
                    .json(note).send(), 400, "VALIDATION_FAILED");
            expectProblem(api.post("/api/incidents/" + id + "/notes").header("Idempotency-Key", "k".repeat(101))
                    .json(note).send(), 400, "VALIDATION_FAILED");
            expectProblem(api.post("/api/incidents/" + id + "/notes").header("If-Match", "3")
                    .json(note).send(), 400, "VALIDATION_FAILED");
            expectProblem(api.post("/api/incidents/" + id + "/notes").header("If-Match", "W/\"3\"")
                    .json(note).send(), 400, "VALIDATION_FAILED");
            var badCorrelation = expectProblem(api.post("/api/incidents/" + id + "/notes")
                    .header("X-Correlation-Id", "<script>").json(note).send(), 400, "VALIDATION_FAILED");
            assertThat(badCorrelation.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("X-Correlation-Id");
        }
    }

    @Nested
    class Http {

        @Test
        void oversizedBodiesAreRefusedBeforeParsing() {
            var huge = "{\"title\":\"" + "x".repeat(300 * 1024) + "\",\"severity\":\"SEV2\"}";
            expectProblem(api.post("/api/incidents").json(huge).send(), 413, "PAYLOAD_TOO_LARGE");
            expectProblem(api.post("/api/incidents").json(huge).chunked().send(), 413, "PAYLOAD_TOO_LARGE");
        }

        @Test
        void otherMediaTypesAreUnsupported() {
            expectProblem(api.post("/api/incidents").raw("text/plain", "title=x").send(), 415, "UNSUPPORTED_MEDIA_TYPE");
        }

        @Test
        void onlyJsonIsOffered() {
            expectProblem(api.post("/api/incidents").header("Accept", "application/xml")
                    .json(Map.of("title", "x", "severity", "SEV2")).send(), 406, "NOT_ACCEPTABLE");
        }

        @Test
        void otherMethodsAreNotAllowed() {
            var response = expectProblem(api.call("PUT", "/api/incidents/INC-1/fix").key(Api.RESPONDER)
                    .json(Map.of("resolution", "r")).send(), 405, "METHOD_NOT_ALLOWED");
            assertThat(response.header("Allow")).contains("POST");
        }

        @Test
        void unknownApiPathsAreNotFound() {
            expectProblem(api.get("/api/nothing-here").key(Api.VIEWER).send(), 404, "NOT_FOUND");
            expectProblem(api.post("/api/incidents/INC-1/nothing").json(Map.of()).send(), 404, "NOT_FOUND");
        }

        @Test
        void pathTricksRefusedByTomcatOrTheFirewallAreProblemsToo() {
            for (var path : List.of("/api/incidents/a%2F..%2Fb/notes", "/api/incidents/x;a=b/notes",
                    "/api/incidents/%00/notes", "/api/incidents/a%5Cb/notes",
                    "/api/incidents/%2e%2e/%2e%2e/%2e%2e/etc/passwd")) {
                var response = api.post(path).json(Map.of("note", "n")).send();
                assertThat(response.status()).as(path + " -> " + response).isBetween(400, 499);
                assertThat(response.contentType()).as(path).startsWith("application/problem+json");
                assertThat(response.json().get("code").asString()).as(path).isNotBlank();
            }
        }

        @Test
        void aMalformedEscapeRefusedByTomcatItselfIsAProblemToo() throws Exception {
            try (var socket = new java.net.Socket("localhost", port)) {
                var request = "GET /api/incidents/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
                socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                var answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                        .contains("\"code\":\"BAD_REQUEST\"");
            }
        }

        @Test
        void authenticationAndRolesAreProblems() {
            var unauthenticated = expectProblem(api.post("/api/incidents").noKey()
                    .json(Map.of("title", "x", "severity", "SEV2")).send(), 401, "UNAUTHENTICATED");
            assertThat(unauthenticated.header("WWW-Authenticate")).isPresent();
            expectProblem(api.post("/api/incidents").key("wrong-key-123")
                    .json(Map.of("title", "x", "severity", "SEV2")).send(), 401, "UNAUTHENTICATED");
            expectProblem(api.post("/api/incidents").key(Api.VIEWER)
                    .json(Map.of("title", "x", "severity", "SEV2")).send(), 403, "FORBIDDEN");
        }
    }

    @Nested
    class Rejections {

        @Test
        void anUnknownIncidentIsNotFound() {
            expectProblem(api.post("/api/incidents/INC-DOESNOTEXIST/acknowledgement").json(Map.of("commander", "Ada"))
                    .send(), 404, "INCIDENT_NOT_FOUND");
        }

        @Test
        void detectingAnExistingIdIsAConflict() {
            var body = Map.of("incidentId", "dup-" + System.nanoTime(), "title", "x", "severity", "SEV2");
            assertThat(detect(body).status()).isEqualTo(201);
            eventsBefore = events.total();
            expectProblem(detect(body), 409, "INCIDENT_EXISTS");
        }

        @Test
        void stateConflictsAre409() {
            var id = api.acknowledged("Twice");
            eventsBefore = events.total();
            var response = expectProblem(api.post("/api/incidents/" + id + "/acknowledgement")
                    .json(Map.of("commander", "Bob")).send(), 409, "ALREADY_ACKNOWLEDGED");
            assertThat(response.json().get("detail").asString()).contains("already acknowledged");
        }

        @Test
        void requestsContradictingTheRecordAre422() {
            var id = api.acknowledged("Future");
            eventsBefore = events.total();
            expectProblem(api.post("/api/incidents/" + id + "/notes").json(Map.of("note", "n",
                    "occurredAt", Instant.now().plusSeconds(3600).toString())).send(), 422, "OCCURRED_IN_FUTURE");
            expectProblem(api.post("/api/incidents/" + id + "/corrections").json(Map.of("sequenceNumber", 99,
                    "reason", "r", "replacementText", "t")).send(), 422, "ENTRY_NOT_FOUND");
        }

        @Test
        void absentSubResourcesAre404() {
            var id = api.acknowledged("Nobody");
            eventsBefore = events.total();
            expectProblem(api.delete("/api/incidents/" + id + "/responders/Nobody").send(), 404,
                    "RESPONDER_NOT_ASSIGNED");
            expectProblem(api.post("/api/incidents/" + id + "/action-items/AI-404/completion").send(), 404,
                    "ACTION_ITEM_UNKNOWN");
        }
    }

    @Nested
    class ServerFailures {

        @Autowired
        EventStore eventStore;

        @Test
        void anUnexpectedFailureIsAnInternalErrorWithoutItsStackTraceAndRecordsNothing() {
            var id = api.acknowledged("Explodes");
            eventsBefore = events.total();
            // Event dispatch interceptors run when the unit of work prepares to commit: after the
            // handler and after the idempotency key was written, before the transaction commits.
            var registration = eventStore.registerDispatchInterceptor(messages -> (index, message) -> {
                if (message.getPayload() instanceof InternalNoteAdded note && note.note().equals("fail at commit")) {
                    throw new IllegalStateException("secret internals");
                }
                return message;
            });
            try {
                var response = expectProblem(api.post("/api/incidents/" + id + "/notes")
                        .header("Idempotency-Key", "explodes-" + id).json(Map.of("note", "fail at commit")).send(),
                        500, "INTERNAL_ERROR");
                assertThat(response.body()).doesNotContain("secret internals");
                assertThat(events.idempotencyKeys("explodes-" + id)).isZero();
            } finally {
                registration.cancel();
            }
        }
    }
}
