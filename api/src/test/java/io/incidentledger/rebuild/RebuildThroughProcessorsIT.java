package io.incidentledger.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.incidentledger.testing.CheckoutOutage;
import io.incidentledger.testing.Http;
import io.incidentledger.testing.ReadModels;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code incident-ledger.rebuild.chunk-size=0}: no bulk replay, the processors replay the store
 * themselves, and the rebuild still runs to the head as of the request and ends with the same
 * tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "incident-ledger.rebuild.chunk-size=0")
class RebuildThroughProcessorsIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Rebuilds rebuilds;
    @LocalServerPort
    int port;

    @Test
    void theProcessorsRebuildEveryModelToTheSameTables() {
        var http = new Http(port);
        var models = new ReadModels(queries, jdbc);
        CheckoutOutage.run(commands);
        CheckoutOutage.run(commands);
        models.awaitCaughtUp(models.incidents());
        var before = models.dump();
        long head = jdbc.sql("SELECT MAX(globalIndex) FROM DomainEventEntry").query(Long.class).single();

        var started = http.post("/api/admin/rebuilds", Http.ADMIN, "{}");

        assertThat(started.status()).isEqualTo(202);
        for (var model : started.json().get("models")) {
            assertThat(model.get("total").asLong()).as("runs to the head").isEqualTo(head);
        }
        assertThat(rebuilds.replayingInBulk()).as("no bulk replay").isEmpty();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                !http.get("/api/admin/rebuilds", Http.ADMIN).json().get("rebuilding").asBoolean());
        models.awaitCaughtUp(models.incidents());
        assertThat(models.dump()).isEqualTo(before);
    }
}
