package io.incidentledger.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.incidentledger.incident.AcknowledgeIncident;
import io.incidentledger.incident.AddInternalNote;
import io.incidentledger.incident.DetectIncident;
import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.FixIncident;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.IncidentRejected;
import io.incidentledger.incident.Rejection;
import io.incidentledger.incident.Severity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The engine as wired for production: real database, Jackson payloads, metadata, snapshots. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "incident-ledger.snapshot-threshold=20"})
class EngineIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EngineGuards guards;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void storesEventsAsJacksonJsonWithTheActorInTheMetadata() {
        var id = IncidentId.generate();
        commands.sendAndWait(new DetectIncident(id, "Checkout fails", Severity.SEV2, "500s on /pay",
                List.of("checkout"), DetectionSource.MONITORING, null), MetaData.with("actor", "maria"));

        var row = jdbc.sql("select payloadType, payloadRevision, payload, metaData from DomainEventEntry "
                        + "where aggregateIdentifier = ?").param(id.value())
                .query((rs, n) -> Map.of("type", rs.getString(1), "revision", rs.getString(2),
                        "payload", new String(rs.getBytes(3)), "metaData", new String(rs.getBytes(4))))
                .single();
        assertThat(row.get("type")).isEqualTo("io.incidentledger.incident.IncidentDetected");
        assertThat(row.get("revision")).isEqualTo("1");
        assertThat((String) row.get("payload")).startsWith("{").contains("\"title\":\"Checkout fails\"");
        assertThat((String) row.get("metaData")).contains("\"actor\":\"maria\"").contains("correlationId");
        assertThat(List.of(axon.serializer(), axon.eventSerializer(), axon.messageSerializer()))
                .allSatisfy(serializer -> assertThat(serializer).isInstanceOf(TypeCachingJackson3Serializer.class));
    }

    @Test
    void refusesToCreateAnIncidentTwice() {
        var id = IncidentId.generate();
        var detect = new DetectIncident(id, "Twice", Severity.SEV3, null, List.of(), null, null);
        commands.sendAndWait(detect);
        // Refused up front by the write interceptor; the store's unique key backs it up for races.
        assertThatThrownBy(() -> commands.sendAndWait(detect)).hasMessageContaining("already exists");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void rejectsWithTheDomainCodeAndAppendsNothing() {
        var id = IncidentId.generate();
        commands.sendAndWait(new DetectIncident(id, "Early fix", Severity.SEV3, null, List.of(), null, null));
        assertThatThrownBy(() -> commands.sendAndWait(new FixIncident(id, "restart", null, null)))
                .isInstanceOfSatisfying(IncidentRejected.class,
                        e -> assertThat(e.rejection()).isEqualTo(Rejection.NOT_ACKNOWLEDGED));
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void snapshotsLongIncidentsAndKeepsTheirRules() {
        var id = IncidentId.generate();
        commands.sendAndWait(new DetectIncident(id, "Long", Severity.SEV1, null, List.of(), null, null));
        commands.sendAndWait(new AcknowledgeIncident(id, "maria", null));
        for (int i = 0; i < 45; i++) {
            commands.sendAndWait(new AddInternalNote(id, "note " + i, null));
        }
        assertThat(jdbc.sql("select count(*) from SnapshotEventEntry where aggregateIdentifier = ?")
                .param(id.value()).query(Long.class).single()).isEqualTo(1);
        // The state that came back from the snapshot still knows the incident is acknowledged.
        commands.sendAndWait(new FixIncident(id, "restart", null, null));
        assertThatThrownBy(() -> commands.sendAndWait(new AcknowledgeIncident(id, "joe", null)))
                .isInstanceOfSatisfying(IncidentRejected.class,
                        e -> assertThat(e.rejection()).isEqualTo(Rejection.ALREADY_ACKNOWLEDGED));
    }

    @Test
    void everyReadModelRetriesAFailedBatchInsteadOfSkippingIt() {
        for (var group : List.of("live-status", "customer-timeline", "postmortem", "analytics")) {
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                    .isInstanceOf(PropagatingErrorHandler.class);
            assertThat(processing.eventProcessor(group)).as(group).get()
                    .isInstanceOf(PooledStreamingEventProcessor.class);
        }
    }

    @Test
    void guardsFindNothingWrongWithTheEmbeddedDefault() {
        assertThat(guards.problems()).isEmpty();
    }

    private long eventCount(IncidentId id) {
        return jdbc.sql("select count(*) from DomainEventEntry where aggregateIdentifier = ?")
                .param(id.value()).query(Long.class).single();
    }
}
