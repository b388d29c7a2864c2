package io.incidentledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.IntStream;

import io.incidentledger.incident.CorrectEntry;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.testing.CheckoutOutage;
import io.incidentledger.testing.Http;
import io.incidentledger.testing.ReadModels;
import io.incidentledger.testing.Tampering;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The auditor's view over HTTP: the exact history, the chain, and what tampering looks like. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    QueryGateway queries;
    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theTrailListsEveryEventInSequenceWithBothTimesActorAndCorrelationId() {
        var run = CheckoutOutage.run(commands);

        var trail = http.get("/api/audit/incidents/" + run.incidentId(), Http.AUDITOR);

        assertThat(trail.status()).isEqualTo(200);
        var entries = trail.json().get("entries");
        assertThat(entries).hasSize(CheckoutOutage.TYPES.size());
        Instant previousRecordedAt = Instant.MIN;
        for (int seq = 0; seq < entries.size(); seq++) {
            var entry = entries.get(seq);
            assertThat(entry.get("sequenceNumber").asLong()).isEqualTo(seq);
            assertThat(entry.get("type").asString()).isEqualTo(CheckoutOutage.TYPES.get(seq));
            assertThat(entry.get("actor").asString()).isEqualTo(run.actors().get(seq));
            assertThat(entry.get("correlationId").asString()).isEqualTo(run.correlationIds().get(seq));
            assertThat(entry.get("metadata").get("traceId").asString()).isEqualTo("trace-" + run.correlationIds().get(seq));
            assertThat(Instant.parse(entry.get("occurredAt").asString())).isEqualTo(run.occurredAt().get(seq));
            var recordedAt = Instant.parse(entry.get("recordedAt").asString());
            assertThat(recordedAt).isAfterOrEqualTo(previousRecordedAt).isAfter(run.occurredAt().get(seq));
            previousRecordedAt = recordedAt;
            assertThat(entry.get("payload").get("incidentId").get("value").asString()).isEqualTo(run.incidentId());
            assertThat(entry.get("chain").asString()).matches("[0-9a-f]{64}").isEqualTo(entry.get("anchor").asString());
        }
        assertThat(trail.json().get("head").asString()).isEqualTo(entries.get(entries.size() - 1).get("chain").asString());
        // The handover is one command, two events: the same correlation id on both.
        assertThat(run.correlationIds().get(10)).isEqualTo(run.correlationIds().get(11));
    }

    @Test
    void aCorrectionIsAnEntryOfItsOwnLinkedBothWays() {
        var run = CheckoutOutage.run(commands);

        var entries = http.get("/api/audit/incidents/" + run.incidentId(), Http.AUDITOR).json().get("entries");

        var correction = entries.get(9);
        assertThat(correction.get("type").asString()).isEqualTo("EntryCorrected");
        assertThat(correction.get("corrects").asLong()).isEqualTo(3);
        assertThat(correction.get("payload").get("replacementText").asString()).isEqualTo(CheckoutOutage.CORRECTED_UPDATE);
        var corrected = entries.get(3);
        assertThat(corrected.get("payload").get("message").asString()).isEqualTo(CheckoutOutage.FIRST_UPDATE);
        assertThat(corrected.get("correctedBy").values()).extracting(JsonNode::asLong).containsExactly(9L);
        assertThat(IntStream.range(0, entries.size()).filter(i -> i != 3)
                .mapToObj(i -> entries.get(i).get("correctedBy").size())).allMatch(size -> size == 0);
    }

    @Test
    void verificationFindsAnEventRowEditedInTheDatabaseAtItsSequenceNumber() {
        var run = CheckoutOutage.run(commands);
        var path = "/api/audit/incidents/" + run.incidentId() + "/verification";
        var intact = http.get(path, Http.AUDITOR).json();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("events").asLong()).isEqualTo(16);
        var head = intact.get("head").asString();
        assertThat(http.get(path + "?expectedHead=" + head, Http.AUDITOR).json().get("intact").asBoolean()).isTrue();

        var anchor = http.get("/api/audit/incidents/" + run.incidentId(), Http.AUDITOR).json()
                .get("entries").get(4).get("anchor").asString();
        try (var edit = Tampering.editPayload(new ReadModels(queries, jdbc), jdbc, run.incidentId(), 4, "deploy 4411", "deploy 4412")) {
            var broken = http.get(path, Http.AUDITOR).json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            var firstBreak = broken.get("firstBreak");
            assertThat(firstBreak.get("sequenceNumber").asLong()).isEqualTo(4);
            assertThat(firstBreak.get("reason").asString()).isEqualTo("ANCHOR_MISMATCH");
            assertThat(firstBreak.get("expected").asString()).isEqualTo(anchor);
            assertThat(firstBreak.get("actual").asString()).matches("[0-9a-f]{64}").isNotEqualTo(anchor);
            var store = http.get("/api/audit/verification", Http.AUDITOR).json();
            assertThat(store.get("intact").asBoolean()).isFalse();
            assertThat(store.get("broken").values()).extracting(b -> b.get("incidentId").asString())
                    .contains(run.incidentId());
        }
        assertThat(http.get(path, Http.AUDITOR).json().get("intact").asBoolean()).as("the row put back").isTrue();
    }

    @Test
    void aDeletedAnchorShowsAndLaterEventsStillChainOn() {
        var run = CheckoutOutage.run(commands);
        jdbc.sql("DELETE FROM audit_chain WHERE incident_id = ? AND sequence_number = 14").param(run.incidentId()).update();

        commands.sendAndWait(new CorrectEntry(new IncidentId(run.incidentId()), 13, "It took four minutes.",
                "The rollback took four minutes.", null, null));

        var broken = http.get("/api/audit/incidents/" + run.incidentId() + "/verification", Http.AUDITOR).json();
        assertThat(broken.get("firstBreak").get("reason").asString()).isEqualTo("MISSING_ANCHOR");
        assertThat(broken.get("firstBreak").get("sequenceNumber").asLong()).isEqualTo(14);
        var appended = http.get("/api/audit/incidents/" + run.incidentId(), Http.AUDITOR).json().get("entries").get(16);
        assertThat(appended.get("anchor").asString()).isEqualTo(appended.get("chain").asString());
    }

    @Test
    void unknownIncidentsAndMalformedHeadsAreRefused() {
        assertThat(http.get("/api/audit/incidents/INC-NOPE", Http.AUDITOR).status()).isEqualTo(404);
        assertThat(http.get("/api/audit/incidents/INC-NOPE/verification", Http.AUDITOR).status()).isEqualTo(404);
        assertThat(http.get("/api/audit/incidents/INC-NOPE/export", Http.AUDITOR).status()).isEqualTo(404);
        assertThat(http.get("/api/audit/incidents/..%2Fetc", Http.AUDITOR).status()).isIn(400, 404);
        var run = CheckoutOutage.run(commands);
        assertThat(http.get("/api/audit/incidents/" + run.incidentId() + "/verification?expectedHead=abc",
                Http.AUDITOR).status()).isEqualTo(400);
    }
}
