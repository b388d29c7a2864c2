package io.incidentledger.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.incidentledger.Api;
import io.incidentledger.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Two engine processes on one fresh PostgreSQL database, configured as the README tells an
 * operator to: profile postgres, the database and API keys from environment variables, a port
 * each. Also what the tests need to know about them: who owns which token segment, and which
 * incident ids land in which segment.
 */
final class TwoProcesses {

    static final List<String> PROCESSORS = List.of("analytics", "customer-timeline", "live-status", "postmortem");
    /** The processors' initial-segment-count in application.yml. */
    static final int SEGMENTS = 4;
    static final Duration SETTLE = Duration.ofSeconds(45);

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String responderKey = "nodes-responder-" + UUID.randomUUID();
    final String viewerKey = "nodes-viewer-" + UUID.randomUUID();
    final SharedDatabase database = SharedDatabase.create("il_nodes_" + run);
    EngineProcess a;
    EngineProcess b;
    Api apiA;
    Api apiB;

    TwoProcesses start() {
        var environment = Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "INCIDENT_LEDGER_DB_URL", database.url,
                "INCIDENT_LEDGER_DB_USER", TestDatabase.USER,
                "INCIDENT_LEDGER_API_KEYS", "responder:" + responderKey + ":RESPONDER;viewer:" + viewerKey + ":VIEWER",
                "SERVER_PORT", "0",
                // PostgreSQL here allows 100 connections for every test run on the machine; the
                // profile's default pool of 20 per node, opened at start, would take 40 of them.
                "INCIDENT_LEDGER_DB_POOL_SIZE", "8");
        long started = System.nanoTime();
        a = EngineProcess.start("node-a", environment);
        b = EngineProcess.start("node-b", environment);
        apiA = new Api(a.awaitReady().port());
        apiB = new Api(b.awaitReady().port());
        System.out.printf("two nodes ready in %d ms: %s, %s%n", millisSince(started), a, b);
        return this;
    }

    void stop() {
        for (var node : new EngineProcess[] {a, b}) {
            if (node != null && node.isAlive()) {
                long stopping = System.nanoTime();
                node.stop();
                System.out.printf("%s stopped in %d ms%n", node.name(), millisSince(stopping));
            }
        }
    }

    void printLogs() {
        for (var node : new EngineProcess[] {a, b}) {
            if (node != null) {
                System.out.println("===== " + node + ", last 200 lines =====\n" + node.tail(200));
            }
        }
    }

    /** Alternates between the nodes. */
    Api node(int i) {
        return i % 2 == 0 ? apiA : apiB;
    }

    Map<String, Api> byName() {
        var nodes = new LinkedHashMap<String, Api>();
        nodes.put(a.name(), apiA);
        nodes.put(b.name(), apiB);
        return nodes;
    }

    /** Waits until each node holds half of every processor's segments. */
    void awaitEvenSplit() {
        await("segments split evenly").atMost(SETTLE).untilAsserted(() -> {
            var owners = database.segmentOwners();
            assertThat(owners.keySet()).containsExactlyElementsOf(PROCESSORS);
            owners.forEach((processor, segments) -> {
                assertThat(segments.values()).as(processor).hasSize(SEGMENTS);
                assertThat(segments.values()).as(processor).filteredOn(a::owns).hasSize(SEGMENTS / 2);
                assertThat(segments.values()).as(processor).filteredOn(b::owns).hasSize(SEGMENTS / 2);
            });
        });
    }

    /** A segment of the processor that the node holds now. */
    int segmentOf(EngineProcess node, String processor) {
        return database.segmentOwners().get(processor).entrySet().stream()
                .filter(e -> node.owns(e.getValue())).findFirst().orElseThrow().getKey();
    }

    /**
     * An incident id that Axon routes to the given token segment: with {@value #SEGMENTS} segments a
     * segment takes the events of the incidents whose id's hash code ends in its number.
     */
    String idInSegment(int segment, String name) {
        for (int k = 0; ; k++) {
            var id = "n" + run + "-" + name + "-" + k;
            if ((id.hashCode() & (SEGMENTS - 1)) == segment) {
                return id;
            }
        }
    }

    JsonNode board(Api api) {
        var response = api.get("/api/incidents?size=200").key(viewerKey).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
