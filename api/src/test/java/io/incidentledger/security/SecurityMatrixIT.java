package io.incidentledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.incidentledger.Api;
import io.incidentledger.RunningApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every write endpoint against every role, no key and a wrong key; and the rules for other paths. */
class SecurityMatrixIT extends RunningApplication {

    /** A write endpoint: how to bring an incident into a state where the write succeeds, and the write. */
    record Endpoint(String name, String method, String path, Object body, Function<Api, String> setUp) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    enum Caller {
        NO_KEY(null, 401), WRONG_KEY("not-a-key-at-all", 401), BEARER_WRONG_KEY("not-a-key-at-all", 401),
        VIEWER(Api.VIEWER, 403), AUDITOR(Api.AUDITOR, 403),
        RESPONDER(Api.RESPONDER, 200), BEARER_RESPONDER(Api.RESPONDER, 200), ADMIN(Api.ADMIN, 200);

        final String key;
        final int expected;

        Caller(String key, int expected) {
            this.key = key;
            this.expected = expected;
        }

        Api.Call authenticate(Api.Call call) {
            call.noKey();
            if (key == null) {
                return call;
            }
            return name().startsWith("BEARER") ? call.header("Authorization", "Bearer " + key) : call.key(key);
        }
    }

    static List<Endpoint> writes() {
        Function<Api, String> detected = api -> api.detect("Matrix");
        Function<Api, String> acknowledged = api -> api.acknowledged("Matrix");
        Function<Api, String> withResponder = api -> {
            var id = api.acknowledged("Matrix");
            api.post("/api/incidents/" + id + "/responders").json(Map.of("responder", "Grace", "role", "SCRIBE")).send();
            return id;
        };
        Function<Api, String> fixed = api -> {
            var id = api.acknowledged("Matrix");
            api.post("/api/incidents/" + id + "/fix").json(Map.of("resolution", "done")).send();
            return id;
        };
        Function<Api, String> withActionItem = api -> {
            var id = api.detect("Matrix");
            api.post("/api/incidents/" + id + "/action-items").json(Map.of("actionItemId", "AI-1",
                    "description", "d", "kind", "DETECT", "ownerTeam", "t")).send();
            return id;
        };
        return List.of(
                new Endpoint("detect", "POST", "/api/incidents", Map.of("title", "t", "severity", "SEV3"), api -> ""),
                new Endpoint("acknowledge", "POST", "/{id}/acknowledgement", Map.of("commander", "Ada"), detected),
                new Endpoint("assign", "POST", "/{id}/responders", Map.of("responder", "Bob", "role", "SCRIBE"),
                        acknowledged),
                new Endpoint("release", "DELETE", "/{id}/responders/Grace", null, withResponder),
                new Endpoint("severity", "POST", "/{id}/severity", Map.of("severity", "SEV1", "reason", "r"), detected),
                new Endpoint("impact", "POST", "/{id}/impact", Map.of("description", "d"), detected),
                new Endpoint("note", "POST", "/{id}/notes", Map.of("note", "n"), detected),
                new Endpoint("public update", "POST", "/{id}/public-updates",
                        Map.of("message", "m", "status", "INVESTIGATING"), detected),
                new Endpoint("contain", "POST", "/{id}/containment", Map.of("mitigation", "OTHER", "description", "d"),
                        acknowledged),
                new Endpoint("fix", "POST", "/{id}/fix", Map.of("resolution", "r"), acknowledged),
                new Endpoint("root cause", "POST", "/{id}/root-cause", Map.of("rootCause", "r"), detected),
                new Endpoint("lesson", "POST", "/{id}/lessons", Map.of("category", "WENT_WRONG", "text", "t"), detected),
                new Endpoint("action item", "POST", "/{id}/action-items", Map.of("actionItemId", "AI-2",
                        "description", "d", "kind", "PROCESS", "ownerTeam", "t"), detected),
                new Endpoint("complete action item", "POST", "/{id}/action-items/AI-1/completion", null, withActionItem),
                new Endpoint("correct", "POST", "/{id}/corrections", Map.of("sequenceNumber", 0, "reason", "typo",
                        "replacementText", "Better title"), detected),
                new Endpoint("reopen", "POST", "/{id}/reopening", Map.of("reason", "back"), fixed),
                new Endpoint("learn", "POST", "/{id}/learning", Map.of("postmortemSummary", "s"), fixed));
    }

    static Stream<Arguments> everyWriteByEveryCaller() {
        var cases = new ArrayList<Arguments>();
        for (var endpoint : writes()) {
            for (var caller : Caller.values()) {
                cases.add(Arguments.of(endpoint, caller));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyWriteByEveryCaller")
    void everyWriteAnswersEachCallerAsItsRoleAllows(Endpoint endpoint, Caller caller) {
        var id = endpoint.setUp().apply(api);
        var path = endpoint.path().startsWith("/api") ? endpoint.path()
                : "/api/incidents/" + id + endpoint.path().replace("/{id}", "");
        var call = caller.authenticate(api.call(endpoint.method(), path));
        if (endpoint.body() != null) {
            call.json(endpoint.body());
        }

        var answer = call.send();

        var expected = caller.expected == 200 && endpoint.name().equals("detect") ? 201 : caller.expected;
        assertThat(answer.status()).as(answer.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(answer.code()).isEqualTo(expected == 401 ? "UNAUTHENTICATED" : "FORBIDDEN");
        }
    }

    static Stream<Arguments> otherPaths() {
        return Stream.of(
                Arguments.of("GET", "/actuator/health", null, 200),
                Arguments.of("GET", "/v3/api-docs", null, 200),
                Arguments.of("GET", "/actuator/prometheus", null, 401),
                Arguments.of("GET", "/actuator/prometheus", Api.RESPONDER, 403),
                Arguments.of("GET", "/actuator/prometheus", Api.ADMIN, 200),
                Arguments.of("GET", "/api/unmapped", null, 401),
                Arguments.of("GET", "/api/unmapped", Api.VIEWER, 404),
                Arguments.of("GET", "/api/audit/unmapped", Api.VIEWER, 403),
                Arguments.of("GET", "/api/audit/unmapped", Api.RESPONDER, 403),
                Arguments.of("GET", "/api/audit/unmapped", Api.AUDITOR, 404),
                Arguments.of("GET", "/api/exports/unmapped", Api.AUDITOR, 404),
                Arguments.of("GET", "/api/admin/unmapped", Api.AUDITOR, 403),
                Arguments.of("POST", "/api/admin/unmapped", Api.RESPONDER, 403),
                Arguments.of("POST", "/api/admin/unmapped", Api.ADMIN, 404),
                Arguments.of("GET", "/api/public/unmapped", null, 404),
                Arguments.of("GET", "/status/unmapped", null, 404),
                Arguments.of("POST", "/status/unmapped", null, 401),
                Arguments.of("GET", "/somewhere/else", null, 401));
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("otherPaths")
    void otherPathsFollowTheRules(String method, String path, String key, int expected) {
        var call = api.call(method, path);
        if (key != null) {
            call.key(key);
        }

        var answer = call.send();

        assertThat(answer.status()).as(answer.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }
}
