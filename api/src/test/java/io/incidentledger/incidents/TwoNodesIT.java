package io.incidentledger.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.incidentledger.Api;
import io.incidentledger.RunningApplication;
import io.incidentledger.Concurrently;
import io.incidentledger.IncidentLedgerApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes sharing one database, as on PostgreSQL in production: each has its own
 * aggregate locks, so only the event store's unique (incident, sequence) key serializes their
 * writes. Nothing may be lost or doubled, every refusal is a clean conflict, and idempotency
 * keys hold across nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT extends RunningApplication {

    @Autowired
    DataSource dataSource;

    ConfigurableApplicationContext nodeB;
    Api a;
    Api b;

    @BeforeAll
    void startSecondNode() {
        var hikari = (HikariDataSource) dataSource;
        // Arguments, not builder properties: those are defaults that application.yml overrides.
        nodeB = new SpringApplicationBuilder(IncidentLedgerApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + hikari.getJdbcUrl(),
                        "--spring.datasource.username=" + hikari.getUsername(),
                        "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()));
    }

    @AfterAll
    void stopSecondNode() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @BeforeEach
    void setUp() {
        a = api;
        b = new Api(((WebServerApplicationContext) nodeB).getWebServer().getPort());
    }

    Api node(int i) {
        return i % 2 == 0 ? a : b;
    }

    @Test
    void anIdempotencyKeyUsedOnOneNodeIsReplayedByTheOther() {
        var id = a.acknowledged("Across nodes");
        var key = "cross-" + UUID.randomUUID();
        var first = a.post("/api/incidents/" + id + "/notes").header("Idempotency-Key", key)
                .json(Map.of("note", "once")).send();

        var retry = b.post("/api/incidents/" + id + "/notes").header("Idempotency-Key", key)
                .json(Map.of("note", "once")).send();

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(events.of(id)).isEqualTo(3);
    }

    @Test
    void writersOnBothNodesLoseNothingAndConflictsAreCleanAndRetryable() {
        var id = a.acknowledged("Both nodes");
        int writers = 16;
        int notesEach = 4;

        var conflicts = new ArrayList<Api.Response>();
        var accepted = Concurrently.run(writers, w -> {
            var mine = new ArrayList<Api.Response>();
            for (int n = 0; n < notesEach; n++) {
                for (int attempt = 0; ; attempt++) {
                    var answer = node(w + attempt).post("/api/incidents/" + id + "/notes")
                            .json(Map.of("note", "writer " + w + " note " + n)).send();
                    if (answer.status() == 200) {
                        mine.add(answer);
                        break;
                    }
                    synchronized (conflicts) {
                        conflicts.add(answer);
                    }
                    assertThat(attempt).as("attempts for one note").isLessThan(50);
                }
            }
            return mine;
        }).stream().flatMap(List::stream).toList();

        assertThat(conflicts).allSatisfy(c -> assertThat(c.code()).as(c.toString()).isEqualTo("CONCURRENT_MODIFICATION"));
        assertThat(accepted).hasSize(writers * notesEach);
        assertThat(accepted).extracting(Api.Response::version).doesNotHaveDuplicates();
        assertThat(events.sequenceNumbers(id))
                .containsExactlyElementsOf(LongStream.rangeClosed(0, 1 + writers * notesEach).boxed().toList());
        System.out.printf("two nodes: %d notes stored, %d conflicts answered 409 and retried%n",
                accepted.size(), conflicts.size());
    }

    @Test
    void ofWritersOnBothNodesExpectingOneVersionExactlyOneWins() {
        var id = a.acknowledged("Both nodes, one version");

        var answers = Concurrently.run(16, w -> node(w).post("/api/incidents/" + id + "/notes")
                .header("If-Match", "\"1\"").json(Map.of("note", "writer " + w)).send());

        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() != 200).allSatisfy(r -> assertThat(r.code())
                .as(r.toString()).isIn("VERSION_MISMATCH", "CONCURRENT_MODIFICATION"));
        assertThat(events.of(id)).isEqualTo(3);
    }
}
