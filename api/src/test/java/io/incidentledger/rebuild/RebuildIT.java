package io.incidentledger.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import io.incidentledger.testing.CheckoutOutage;
import io.incidentledger.testing.Http;
import io.incidentledger.testing.ReadModels;
import io.incidentledger.testing.TestDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Rebuilding read models while the application serves: progress, honesty about it, same result. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RebuildIT {

    private static final String ALL = "{}";

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @LocalServerPort
    int port;

    Http http;
    ReadModels models;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        models = new ReadModels(queries, jdbc);
    }

    @Test
    void aRebuildOfEveryModelReportsProgressAndEndsWithIdenticalTables() {
        CheckoutOutage.run(commands);
        CheckoutOutage.run(commands);
        models.awaitCaughtUp(models.incidents());
        var before = models.dump();
        long head = jdbc.sql("SELECT MAX(globalIndex) FROM DomainEventEntry").query(Long.class).single();
        var requestedAt = jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();

        var started = http.post("/api/admin/rebuilds", Http.ADMIN, ALL);

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("rebuilding").asBoolean()).isTrue();
        assertThat(started.json().get("models").values()).extracting(m -> m.get("model").asString())
                .containsExactly("analytics", "customer-timeline", "live-status", "postmortem");
        for (var model : started.json().get("models")) {
            assertThat(model.get("rebuilding").asBoolean()).isTrue();
            assertThat(model.get("processed").asLong()).isZero();
            assertThat(model.get("total").asLong()).isEqualTo(head);
            assertThat(model.get("percent").asDouble()).isZero();
            assertThat(Instant.parse(model.get("startedAt").asString())).isBeforeOrEqualTo(Instant.now());
        }
        var seen = new HashMap<String, List<Long>>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            var status = http.get("/api/admin/rebuilds", Http.ADMIN).json();
            for (var model : status.get("models")) {
                seen.computeIfAbsent(model.get("model").asString(), m -> new ArrayList<>()).add(model.get("processed").asLong());
                if (model.get("rebuilding").asBoolean()) {
                    assertThat(model.get("processed").asLong()).isBetween(0L, model.get("total").asLong());
                    assertThat(model.get("percent").asDouble()).isBetween(0.0, 100.0);
                }
            }
            return !status.get("rebuilding").asBoolean();
        });
        seen.forEach((model, processed) -> assertThat(processed).as(model).isSorted().last().isEqualTo(head));
        models.awaitCaughtUp(models.incidents());
        assertThat(models.dump()).isEqualTo(before);
        if (TestDatabase.postgres()) {
            // the rebuilt tables are vacuumed and analyzed once the replay has reached the head
            for (var table : List.of("live_status", "postmortem", "analytics_incident", "customer_timeline_incident")) {
                await(table + " vacuumed").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT GREATEST(last_vacuum, last_autovacuum) FROM pg_stat_user_tables WHERE relname = ?")
                        .param(table).query(OffsetDateTime.class).optional())
                        .hasValueSatisfying(at -> assertThat(at).isAfter(requestedAt)));
            }
        }
    }

    /**
     * A second rebuild asked for while the first is replaying: the first stops after its chunk,
     * the models it had not finished carry on in the second replay, and health stays UP
     * throughout (the processors are stopped on purpose while a bulk replay feeds their models).
     */
    @Test
    void aRebuildAskedForDuringAnotherFinishesBothWithIdenticalTablesAndTheEngineStaysHealthy() {
        CheckoutOutage.run(commands);
        models.awaitCaughtUp(models.incidents());
        var before = models.dump();

        assertThat(http.post("/api/admin/rebuilds", Http.ADMIN, ALL).status()).isEqualTo(202);
        assertThat(http.get("/actuator/health", Http.ADMIN).status()).isEqualTo(200);
        assertThat(http.post("/api/admin/rebuilds", Http.ADMIN, "{\"models\":[\"postmortem\"]}").status())
                .isEqualTo(202);
        assertThat(http.get("/actuator/health", Http.ADMIN).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                !http.get("/api/admin/rebuilds", Http.ADMIN).json().get("rebuilding").asBoolean());
        await().atMost(Duration.ofSeconds(30)).until(() -> processing.eventProcessors().values().stream()
                .allMatch(org.axonframework.eventhandling.EventProcessor::isRunning));
        models.awaitCaughtUp(models.incidents());
        assertThat(models.dump()).isEqualTo(before);
        assertThat(http.get("/actuator/health", Http.ADMIN).status()).isEqualTo(200);
    }

    @Test
    void readsOfAModelThatIsRebuildingSaySoWhileOtherReadsDoNot() {
        var run = CheckoutOutage.run(commands);
        models.awaitCaughtUp(List.of(run.incidentId()));
        var liveStatus = processing.eventProcessor("live-status", StreamingEventProcessor.class).orElseThrow();
        try {
            // Reset but not yet restarted: a rebuild that has not made progress yet.
            liveStatus.shutDown();
            liveStatus.resetTokens();

            var board = http.get("/api/incidents", Http.VIEWER);
            assertThat(board.status()).isEqualTo(200);
            assertThat(board.header("X-Read-Model-Rebuilding")).isEqualTo("live-status");
            var asOf = http.get("/api/incidents/" + run.incidentId() + "?asOf=" + Instant.now(), Http.VIEWER);
            assertThat(asOf.status()).as("reconstructed from the store, not read from the model").isEqualTo(200);
            assertThat(asOf.header("X-Read-Model-Rebuilding")).isNull();
            assertThat(http.get("/api/incidents/" + run.incidentId() + "/timeline", Http.VIEWER)
                    .header("X-Read-Model-Rebuilding")).isNull();
            assertThat(http.get("/api/public/incidents/" + run.incidentId(), Http.VIEWER)
                    .header("X-Read-Model-Rebuilding")).isNull();
            var status = model(http.get("/api/admin/rebuilds", Http.ADMIN).json(), "live-status");
            assertThat(status.get("rebuilding").asBoolean()).isTrue();
            assertThat(status.get("processed").asLong()).isZero();

            assertThat(http.post("/api/admin/rebuilds", Http.ADMIN, "{\"models\":[\"live-status\"]}").status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    http.get("/api/incidents", Http.VIEWER).header("X-Read-Model-Rebuilding") == null);
            models.awaitCaughtUp(List.of(run.incidentId()));
        } finally {
            if (!liveStatus.isRunning()) {
                liveStatus.start();
            }
        }
    }

    @Test
    void anUnknownModelIsRefused() {
        var refused = http.post("/api/admin/rebuilds", Http.ADMIN, "{\"models\":[\"live-status\",\"gossip\"]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(model(http.get("/api/admin/rebuilds", Http.ADMIN).json(), "live-status").get("rebuilding")
                .asBoolean()).isFalse();
    }

    private static JsonNode model(JsonNode status, String name) {
        return status.get("models").values().stream().filter(m -> m.get("model").asString().equals(name))
                .findFirst().orElseThrow();
    }
}
