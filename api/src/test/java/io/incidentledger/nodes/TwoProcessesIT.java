package io.incidentledger.nodes;

import static io.incidentledger.nodes.TwoProcesses.SEGMENTS;
import static io.incidentledger.nodes.TwoProcesses.SETTLE;
import static io.incidentledger.nodes.TwoProcesses.millisSince;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

import io.incidentledger.nodes.CommandLoad.Command;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Two engine processes, started from the packaged jar as an operator would, on one PostgreSQL
 * database, each serving HTTP. Clients write to both at once, often to the same incidents; the
 * database alone decides who wins. Runs in the PostgreSQL pass only (tag {@code postgres}): an H2
 * database cannot be shared by two processes.
 *
 * <p>The load runs once, before the tests, which each check one promise against its outcome; the
 * last test stops a node.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoProcessesIT {

    static final long SEED = 20261121L;
    static final int CLIENTS = 8;
    static final int COMMANDS_EACH = 40;

    static TwoProcesses nodes;

    @RegisterExtension
    static final TestWatcher PRINT_LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (nodes != null) {
                nodes.printLogs();
            }
        }
    };

    /** Per incident, per version, the text of the command acknowledged with that version. */
    final Map<String, Map<Long, String>> acknowledged = new TreeMap<>();
    List<Command> commands;

    @BeforeAll
    void startTwoNodesAndWriteToBoth() {
        nodes = new TwoProcesses();
        try {
            nodes.start();
            var incidents = new ArrayList<String>();
            for (int i = 0; i < 2 * SEGMENTS; i++) {
                incidents.add(open(nodes.idInSegment(i % SEGMENTS, "load-" + i), i));
            }
            long loadStarted = System.nanoTime();
            System.out.println("seed " + SEED);
            commands = new CommandLoad(nodes.byName(), nodes.responderKey).run(SEED, CLIENTS, COMMANDS_EACH, incidents);
            for (var command : commands) {
                if (command.acknowledgement() != null) {
                    expect(command.incidentId(), command.acknowledgement().version(), command.token());
                }
            }
            System.out.printf("%d commands, %d attempts refused, in %d ms%n", commands.size(),
                    commands.stream().mapToLong(c -> c.refusals().size()).sum(), millisSince(loadStarted));
        } catch (RuntimeException | AssertionError e) {
            nodes.printLogs();
            throw e;
        }
    }

    @AfterAll
    void stopBothNodes() {
        nodes.stop();
    }

    @Test
    @Order(1)
    void everyCommandWasAcknowledgedOnceOrRefusedCleanlyAndARetryResolvedIt() {
        assertThat(commands).hasSize(CLIENTS * COMMANDS_EACH);
        assertThat(commands).allSatisfy(command -> assertThat(command.acknowledgement())
                .as("%s: %s", command.token(), command.attempts()).isNotNull());
        var refusals = commands.stream().flatMap(command -> command.refusals().stream()).toList();
        assertThat(refusals).allSatisfy(refusal -> {
            assertThat(refusal.contentType()).startsWith("application/problem+json");
            assertThat(refusal.status() + " " + refusal.code()).isIn("409 CONCURRENT_MODIFICATION", "412 VERSION_MISMATCH");
        });
        assertThat(refusals).as("the same incidents were written from both nodes at once").isNotEmpty();
        // A conditional write lands exactly on top of the version its client read: no lost update.
        assertThat(commands).filteredOn(Command::conditional).isNotEmpty().allSatisfy(command ->
                assertThat(command.acknowledgement().version()).as(command.token()).isEqualTo(command.readVersion() + 1));
    }

    @Test
    @Order(2)
    void theStoreHoldsExactlyTheAcknowledgedEventsNoneLostNoneDoubled() {
        var stored = nodes.database.storedTexts();
        // Same incidents, and per incident the same version -> text pairs: every acknowledged
        // command's event at the version it was acknowledged with, and nothing a refused attempt wrote.
        assertThat(stored).isEqualTo(acknowledged);
        stored.forEach((incident, texts) -> {
            assertThat(texts.keySet()).as(incident)
                    .containsExactlyElementsOf(LongStream.range(0, texts.size()).boxed().toList());
            assertThat(texts.values()).as(incident).doesNotHaveDuplicates();
        });
        System.out.printf("%d events stored for %d acknowledged commands%n", nodes.database.totalEvents(),
                acknowledged.values().stream().mapToInt(Map::size).sum());
    }

    @Test
    @Order(3)
    void theEventProcessorsSplitTheirSegmentsBetweenTheNodes() {
        nodes.awaitEvenSplit();
        System.out.println("segment owners: " + nodes.database.segmentOwners());
    }

    @Test
    @Order(4)
    void aBoardStreamOnOneNodeShowsWhatTheOtherNodeProcessed() throws Exception {
        nodes.awaitEvenSplit();
        int segmentOfB = nodes.segmentOf(nodes.b, "live-status");
        var id = nodes.idInSegment(segmentOfB, "stream");
        try (var stream = BoardStream.open(nodes.a.port(), nodes.viewerKey)) {
            await("board event").atMost(Duration.ofSeconds(10)).until(() -> !stream.events().isEmpty());
            assertThat(stream.events().get(0).name()).isEqualTo("board");

            var detect = nodes.apiB.call("POST", "/api/incidents").key(nodes.responderKey)
                    .json(Map.of("incidentId", id, "title", "Seen across nodes", "severity", "SEV1")).send();
            assertThat(detect.status()).as(detect.toString()).isEqualTo(201);
            var note = nodes.apiB.call("POST", "/api/incidents/" + id + "/notes").key(nodes.responderKey)
                    .json(Map.of("note", "processed by node B")).send();
            assertThat(note.version()).isEqualTo(1);

            await("node A's stream shows node B's processing").atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(stream.versionsOf(id)).isNotEmpty().endsWith(1L));
            assertThat(stream.versionsOf(id)).isSorted().doesNotHaveDuplicates();
        }
        assertThat(nodes.database.segmentOwners().get("live-status").get(segmentOfB))
                .as("node B handled the incident's events throughout").matches(nodes.b::owns);
    }

    @Test
    @Order(5)
    void bothBoardsConvergeOnEveryIncidentAtItsLastStoredVersion() {
        await("boards converge").atMost(SETTLE).untilAsserted(() -> {
            var boardA = nodes.board(nodes.apiA);
            var boardB = nodes.board(nodes.apiB);
            assertThat(boardA).isEqualTo(boardB);
            var shown = new TreeMap<String, Long>();
            boardA.get("incidents").forEach(i -> shown.put(i.get("incidentId").asString(), i.get("version").asLong()));
            assertThat(shown).isEqualTo(nodes.database.lastVersions());
        });
    }

    @Test
    @Order(6)
    void whenOneNodeStopsTheOtherTakesOverItsSegments() throws Exception {
        nodes.awaitEvenSplit();
        int segmentOfB = nodes.segmentOf(nodes.b, "live-status");
        try (var stream = BoardStream.open(nodes.b.port(), nodes.viewerKey)) {
            await("board event").atMost(Duration.ofSeconds(10)).until(() -> !stream.events().isEmpty());
            long stopping = System.nanoTime();
            nodes.b.stop();
            System.out.printf("node-b stopped in %d ms%n", millisSince(stopping));
            // An open stream is an active request: unless the node ends it, graceful shutdown waits out its timeout.
            await("node B ended the open board stream").atMost(Duration.ofSeconds(5)).until(stream::endedByServer);
            assertThat(nodes.b.output()).contains("Graceful shutdown complete");
        }
        await("node A owns every segment").atMost(SETTLE).untilAsserted(() ->
                assertThat(nodes.database.segmentOwners().values()).allSatisfy(segments ->
                        assertThat(segments.values()).allMatch(nodes.a::owns)));

        var id = nodes.idInSegment(segmentOfB, "after-b");
        var detect = nodes.apiA.call("POST", "/api/incidents").key(nodes.responderKey)
                .json(Map.of("incidentId", id, "title", "After node B left", "severity", "SEV3")).send();
        assertThat(detect.status()).as(detect.toString()).isEqualTo(201);
        // Found only once node A's live-status processor has handled the event in B's old segment.
        var read = nodes.apiA.get("/api/incidents/" + id).key(nodes.viewerKey).send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
    }

    /** Detects the incident on one node and acknowledges it on the other. */
    private String open(String id, int i) {
        var detect = nodes.node(i).call("POST", "/api/incidents").key(nodes.responderKey)
                .json(Map.of("incidentId", id, "title", "detected " + id, "severity", "SEV2")).send();
        assertThat(detect.status()).as(detect.toString()).isEqualTo(201);
        expect(id, detect.version(), "detected " + id);
        var acknowledge = nodes.node(i + 1).call("POST", "/api/incidents/" + id + "/acknowledgement")
                .key(nodes.responderKey).json(Map.of("commander", "commander " + id)).send();
        assertThat(acknowledge.status()).as(acknowledge.toString()).isEqualTo(200);
        expect(id, acknowledge.version(), "commander " + id);
        return id;
    }

    private void expect(String incidentId, long version, String text) {
        var earlier = acknowledged.computeIfAbsent(incidentId, id -> new TreeMap<>()).put(version, text);
        assertThat(earlier).as("two commands acknowledged as version %d of %s: a lost update", version, incidentId)
                .isNull();
    }
}
