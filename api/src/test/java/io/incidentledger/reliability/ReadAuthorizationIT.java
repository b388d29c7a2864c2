package io.incidentledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.incidentledger.Api;
import io.incidentledger.RunningApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every read, public, audit, admin and operations endpoint against every role, no key and a wrong
 * key, on an incident full of internal text and names (SecurityMatrixIT does the writes). A caller
 * the rules refuse gets exactly 401 or 403 as a problem detail and no data; one they admit is
 * never refused; and no public answer carries a word of the internal text or a responder's name.
 */
class ReadAuthorizationIT extends RunningApplication {

    /** Words that exist only in internal entries and names: never on a public answer. */
    static final List<String> SECRETS = List.of("Zebulon", "Quillfeather", "Ophelia", "Marchbanks",
            "hunter2-internal", "kubectl-drain-prod-7", "ROOTCAUSE-SECRET", "LESSON-SECRET", "PMSUMMARY-SECRET");
    static final List<String> PROBLEM_FIELDS = List.of("type", "title", "status", "detail", "instance", "code",
            "correlationId", "roles");
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static String incident;

    enum Level { PUBLIC, VIEWER, AUDITOR, ADMIN }

    enum Caller {
        NO_KEY(null), WRONG_KEY("not-a-key"), VIEWER(Api.VIEWER), RESPONDER(Api.RESPONDER), AUDITOR(Api.AUDITOR),
        ADMIN(Api.ADMIN), BEARER_VIEWER(Api.VIEWER);

        final String key;

        Caller(String key) {
            this.key = key;
        }

        /** 0 when admitted, else the status the rules give. */
        int refusal(Level level) {
            if (level == Level.PUBLIC) {
                return 0;
            }
            if (key == null || this == WRONG_KEY) {
                return 401;
            }
            var admitted = switch (level) {
                case VIEWER -> true;
                case AUDITOR -> this == AUDITOR || this == ADMIN;
                default -> this == ADMIN;
            };
            return admitted ? 0 : 403;
        }
    }

    /** {@code exists}: the path names something that exists, so an admitted caller gets a 2xx (or a redirect). */
    record Endpoint(Level level, String method, String path, String accept, boolean exists) {

        @Override
        public String toString() {
            return method + " " + path + (accept == null ? "" : " (" + accept + ")");
        }
    }

    static List<Endpoint> endpoints() {
        var at = Instant.now().plusSeconds(60).toString();
        var list = new ArrayList<Endpoint>();
        for (var path : List.of("/status", "/status/", "/status/incidents/{id}", "/feed.atom", "/status/feed.atom",
                "/api/public/components", "/api/public/incidents", "/api/public/incidents/{id}", "/actuator/health",
                "/v3/api-docs", "/", "/board", "/status.css")) {
            list.add(new Endpoint(Level.PUBLIC, "GET", path, null, true));
        }
        for (var path : List.of("/api/incidents", "/api/incidents?phase=ACKNOWLEDGED&severity=SEV2", "/api/incidents/{id}",
                "/api/incidents/{id}/timeline", "/api/incidents/{id}/timeline?asOf=" + at, "/api/incidents/{id}/postmortem",
                "/api/postmortems", "/api/postmortems?q=database", "/api/analytics/incidents", "/api/analytics/incidents/{id}",
                "/api/analytics/aggregates?groupBy=SERVICE", "/api/incidents/stream")) {
            list.add(new Endpoint(Level.VIEWER, "GET", path, null, true));
        }
        list.add(new Endpoint(Level.VIEWER, "GET", "/api/incidents/{id}/postmortem", "text/markdown", true));
        list.add(new Endpoint(Level.VIEWER, "GET", "/api/analytics/incidents", "text/csv", true));
        list.add(new Endpoint(Level.VIEWER, "GET", "/api/analytics/aggregates", "text/csv", true));
        // audit and admin endpoints are another branch's; the rules already hold for the whole prefix
        list.add(new Endpoint(Level.AUDITOR, "GET", "/api/audit/incidents/{id}", null, false));
        list.add(new Endpoint(Level.AUDITOR, "GET", "/api/exports/incidents", null, false));
        list.add(new Endpoint(Level.ADMIN, "GET", "/actuator/prometheus", null, true));
        list.add(new Endpoint(Level.ADMIN, "GET", "/actuator/info", null, true));
        list.add(new Endpoint(Level.ADMIN, "GET", "/api/admin/processors", null, false));
        list.add(new Endpoint(Level.ADMIN, "POST", "/api/admin/processors/live-status/reset", null, false));
        return list;
    }

    static Stream<Arguments> everyEndpointByEveryCaller() {
        return endpoints().stream().flatMap(e -> Stream.of(Caller.values()).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointByEveryCaller")
    void everyEndpointAnswersEachCallerAsTheRulesSay(Endpoint endpoint, Caller caller) {
        var answer = Http.send(request(endpoint, caller));
        Tally.REQUESTS.incrementAndGet();

        int refusal = caller.refusal(endpoint.level());
        if (refusal != 0) {
            if (answer.status() < 300) {
                Tally.LEAKED.incrementAndGet();
            }
            assertThat(answer.status()).as(answer.toString()).isEqualTo(refusal);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            var problem = JSON.readTree(answer.body());
            assertThat(problem.get("code").asString()).isEqualTo(refusal == 401 ? "UNAUTHENTICATED" : "FORBIDDEN");
            assertThat(problem.propertyNames()).as("a problem detail and nothing else").isSubsetOf(PROBLEM_FIELDS);
        } else if (endpoint.exists()) {
            assertThat(answer.status()).as(answer.toString()).isBetween(200, 399);
        } else {
            assertThat(answer.status()).as(answer.toString()).isNotIn(401, 403).isLessThan(500);
        }
        if (endpoint.level() == Level.PUBLIC) {
            var leaked = SECRETS.stream().filter(answer.body()::contains).toList();
            Tally.LEAKED.addAndGet(leaked.size());
            assertThat(leaked).as("internal words in " + endpoint).isEmpty();
        }
    }

    private HttpRequest request(Endpoint endpoint, Caller caller) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path().replace("{id}", incident())))
                .timeout(Duration.ofSeconds(30)).method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        if (endpoint.accept() != null) {
            builder.header("Accept", endpoint.accept());
        }
        if (caller == Caller.BEARER_VIEWER) {
            builder.header("Authorization", "Bearer " + caller.key);
        } else if (caller.key != null) {
            builder.header("X-API-Key", caller.key);
        }
        return builder.build();
    }

    /** One public incident whose internal entries and people carry the secret words, learned and final. */
    private synchronized String incident() {
        if (incident == null) {
            var id = api.detect("Checkout errors");
            var path = "/api/incidents/" + id;
            post(path + "/acknowledgement", Map.of("commander", "Zebulon Quillfeather"));
            post(path + "/responders", Map.of("responder", "Ophelia Marchbanks", "role", "OPERATIONS"));
            post(path + "/notes", Map.of("note", "Zebulon ran kubectl-drain-prod-7 with password hunter2-internal"));
            post(path + "/impact", Map.of("description", "Ophelia saw checkout failing",
                    "components", List.of(Map.of("name", "Checkout", "status", "PARTIAL_OUTAGE"))));
            post(path + "/public-updates", Map.of("message", "Checkout is failing for some customers.",
                    "status", "IDENTIFIED"));
            post(path + "/fix", Map.of("resolution", "Ophelia Marchbanks reverted the change"));
            post(path + "/public-updates", Map.of("message", "Checkout works again.", "status", "RESOLVED"));
            post(path + "/root-cause", Map.of("whys", List.of("Zebulon skipped review"), "rootCause", "ROOTCAUSE-SECRET"));
            post(path + "/lessons", Map.of("category", "WENT_WRONG", "text", "LESSON-SECRET by Ophelia"));
            post(path + "/learning", Map.of("postmortemSummary", "PMSUMMARY-SECRET"));
            incident = id;
        }
        return incident;
    }

    private void post(String path, Map<String, Object> body) {
        var answer = api.post(path).json(body).send();
        assertThat(answer.status()).as(path + " " + answer).isEqualTo(200);
    }
}
