package io.incidentledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.incidentledger.Api;
import tools.jackson.databind.JsonNode;

/** Everything anyone can read without a key, fetched over HTTP exactly as a customer's client would. */
final class PublicOutputs {

    private static final List<String> PAGES = List.of("/status", "/status/", "/feed.atom", "/status/feed.atom",
            "/api/public/incidents", "/api/public/components");

    private PublicOutputs() {
    }

    /** Address to body of every public output, including each incident's page and JSON (a 404 for a private one). */
    static Map<String, String> fetch(Api api, Collection<String> incidentIds) {
        var paths = new ArrayList<>(PAGES);
        for (var id : incidentIds) {
            paths.add("/status/incidents/" + id);
            paths.add("/api/public/incidents/" + id);
        }
        var bodies = new LinkedHashMap<String, String>();
        for (var path : paths) {
            var response = api.get(path).send();
            assertThat(response.status()).as(path + " -> " + response).isIn(200, 404);
            bodies.put(path, response.body());
        }
        return bodies;
    }

    /** Fails naming the first output and the first secret found in it. Case-insensitive, like a reader's eye. */
    static void assertNoneContains(Map<String, String> outputs, Collection<String> secrets) {
        for (var output : outputs.entrySet()) {
            var body = output.getValue().toLowerCase();
            for (var secret : secrets) {
                assertThat(body).as("%s must not show %s", output.getKey(), secret)
                        .doesNotContain(secret.toLowerCase());
            }
        }
    }

    /**
     * The customer timeline follows the event stream shortly after a write (it is not
     * read-your-writes): waits until the incident's public JSON satisfies the condition.
     */
    static JsonNode awaitPublicView(Api api, String incidentId, Predicate<JsonNode> condition) {
        return await("public view of " + incidentId).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    var response = api.get("/api/public/incidents/" + incidentId).send();
                    return response.status() == 200 ? response.json() : null;
                }, view -> view != null && condition.test(view));
    }
}
