package io.incidentledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import io.incidentledger.Api;
import io.incidentledger.RunningApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random incidents (fixed seed, printed; {@code -Dleak.seed=} replays another) whose internal
 * texts and people's names are unique markers, recorded over HTTP; then every public output is
 * fetched and must show none of them, while showing the public updates it should. And who may
 * read what: every internal read against no key and every role, every public read without a key
 * (writes by role are {@code security.SecurityMatrixIT}'s).
 */
class PublicLeakIT extends RunningApplication {

    static final long SEED = Long.getLong("leak.seed", 20_261_121L);
    static final int INCIDENTS = 8;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void noPublicOutputShowsAnInternalTextOrAName() {
        System.out.println("PublicLeakIT seed=" + SEED);
        var random = new Random(SEED);
        var incidents = new ArrayList<RandomIncident>();
        for (int i = 0; i < INCIDENTS; i++) {
            incidents.add(RandomIncident.record(api, random, 6 + random.nextInt(20)));
        }
        var publicOnes = incidents.stream().filter(incident -> incident.fence != null).toList();
        assertThat(publicOnes).as("public incidents among the generated ones").hasSizeBetween(2, INCIDENTS - 1);
        for (var incident : publicOnes) {
            PublicOutputs.awaitPublicView(api, incident.id, view -> view.toString().contains(incident.fence));
        }

        incidents.forEach(this::everyReadModelKeptUp);
        var outputs = PublicOutputs.fetch(api, incidents.stream().map(incident -> incident.id).toList());

        var secrets = new LinkedHashSet<String>();
        incidents.forEach(incident -> secrets.addAll(incident.markers.secrets));
        System.out.println("PublicLeakIT: " + secrets.size() + " secrets checked in " + outputs.size() + " outputs");
        PublicOutputs.assertNoneContains(outputs, secrets);
        theChecksAreNotVacuous(incidents, outputs);
    }

    /**
     * A random history must not stall any read model: right after the last write, the board, the
     * postmortem and the analytics all show the incident's last version (they wait for it).
     */
    private void everyReadModelKeptUp(RandomIncident incident) {
        var version = api.get("/api/incidents/" + incident.id).key(Api.VIEWER).send().version();
        for (var read : List.of("/api/incidents/" + incident.id + "/postmortem", "/api/analytics/incidents/" + incident.id)) {
            var response = api.get(read).key(Api.VIEWER).send();
            assertThat(response.status()).as(read).isEqualTo(200);
            assertThat(response.version()).as(read + " version").isEqualTo(version);
        }
    }

    /** Each public incident's page and JSON show its fence; the feed carries the fences; private ones are 404s. */
    private void theChecksAreNotVacuous(List<RandomIncident> incidents, Map<String, String> outputs) {
        for (var incident : incidents) {
            var page = outputs.get("/status/incidents/" + incident.id);
            var json = outputs.get("/api/public/incidents/" + incident.id);
            if (incident.fence == null) {
                assertThat(api.get("/status/incidents/" + incident.id).send().status()).isEqualTo(404);
                assertThat(json).contains("\"status\":404");
                continue;
            }
            assertThat(page).contains(incident.fence);
            assertThat(json).contains(incident.fence);
            assertThat(outputs.get("/feed.atom")).contains(incident.fence);
            var shown = incident.markers.publicWords.stream().filter(page::contains).count();
            assertThat(shown).as("public words of %s on its page", incident.id).isPositive();
        }
    }

    enum Caller {
        NO_KEY(null, 401), WRONG_KEY("not-a-key-at-all", 401), VIEWER(Api.VIEWER, 200),
        RESPONDER(Api.RESPONDER, 200), AUDITOR(Api.AUDITOR, 200), ADMIN(Api.ADMIN, 200);

        final String key;
        final int expected;

        Caller(String key, int expected) {
            this.key = key;
            this.expected = expected;
        }
    }

    static final List<String> INTERNAL_READS = List.of("/api/incidents", "/api/incidents/{id}",
            "/api/incidents/{id}/timeline", "/api/incidents/{id}/postmortem", "/api/postmortems",
            "/api/analytics/incidents", "/api/analytics/incidents/{id}", "/api/analytics/aggregates",
            "/api/incidents/stream");
    static final List<String> PUBLIC_READS = List.of("/status", "/status/incidents/{id}", "/feed.atom",
            "/api/public/incidents", "/api/public/incidents/{id}", "/api/public/components", "/board.html", "/");

    /** One public, acknowledged incident that every read below asks about. */
    static String incident;

    @BeforeEach
    void anIncidentToRead() {
        if (incident == null) {
            var id = api.acknowledged("Readable");
            api.post("/api/incidents/" + id + "/public-updates").json(Map.of("message", "We are looking into it.",
                    "status", "INVESTIGATING")).send();
            PublicOutputs.awaitPublicView(api, id, view -> true);
            incident = id;
        }
    }

    static Stream<Arguments> internalReadsByEveryCaller() {
        return INTERNAL_READS.stream().flatMap(path -> Stream.of(Caller.values()).map(caller -> Arguments.of(path, caller)));
    }

    @ParameterizedTest(name = "GET {0} as {1}")
    @MethodSource("internalReadsByEveryCaller")
    void internalReadsNeedAKeyOfAnyRole(String path, Caller caller) throws Exception {
        var answer = head(path, caller.key);
        assertThat(answer.statusCode()).as(path + " as " + caller).isEqualTo(caller.expected);
        if (caller.expected == 401) {
            assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        }
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("publicReads")
    void publicReadsNeedNoKey(String path) throws Exception {
        assertThat(head(path, null).statusCode()).as(path).isEqualTo(200);
    }

    static List<String> publicReads() {
        return PUBLIC_READS;
    }

    /**
     * The status and headers of a GET; the body is not read, so the never-ending event stream
     * answers like any other read.
     */
    private HttpResponse<?> head(String path, String key) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path.replace("{id}", incident)))
                .timeout(Duration.ofSeconds(20));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response;
    }
}
