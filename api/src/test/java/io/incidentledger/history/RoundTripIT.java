package io.incidentledger.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.incidentledger.IncidentLedgerApplication;
import io.incidentledger.query.analytics.GetIncidentMetrics;
import io.incidentledger.query.analytics.IncidentMetricsView;
import io.incidentledger.query.audit.AuditChain;
import io.incidentledger.query.audit.AuditTrailView;
import io.incidentledger.query.audit.CanonicalJson;
import io.incidentledger.query.audit.GetAuditTrail;
import io.incidentledger.query.audit.GetStoreVerification;
import io.incidentledger.query.audit.StoreVerificationView;
import io.incidentledger.query.audit.StoredEvent;
import io.incidentledger.query.internaltimeline.GetInternalTimeline;
import io.incidentledger.query.internaltimeline.InternalTimelineView;
import io.incidentledger.query.postmortem.GetPostmortem;
import io.incidentledger.query.postmortem.PostmortemView;
import io.incidentledger.query.status.GetIncidentStatus;
import io.incidentledger.query.status.IncidentStatusView;
import io.incidentledger.query.timeline.GetPublicIncident;
import io.incidentledger.query.timeline.PublicIncidentView;
import io.incidentledger.testing.CheckoutOutage;
import io.incidentledger.testing.ReadModels;
import io.incidentledger.testing.Tampering;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Export every incident of one instance (the samples and a scripted incident), import the file
 * into a second, empty instance (its own database), and find the same views there. Recorded
 * times differ by nature (the second instance records the events anew), so fields derived from
 * them (recordedAt, lastUpdateAt) and the chain links are left out of the comparison; everything
 * else, metadata included, must be identical.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "incident-ledger.samples.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HistoryExport export;

    ConfigurableApplicationContext empty;
    CheckoutOutage.Run checkout;
    String exported;
    List<String> incidents;

    @BeforeAll
    void exportIntoAnEmptyInstance() {
        checkout = CheckoutOutage.run(commands);
        var source = new ReadModels(queries, jdbc);
        incidents = source.incidents();
        source.awaitCaughtUp(incidents);
        var out = new StringWriter();
        export.export(List.of(), out);
        exported = out.toString();
        empty = new SpringApplicationBuilder(IncidentLedgerApplication.class).web(WebApplicationType.NONE)
                .run("--incident-ledger.samples.enabled=false", "--spring.main.banner-mode=off");
    }

    @AfterAll
    void close() {
        if (empty != null) {
            empty.close();
        }
    }

    @Test
    void importingTheExportReproducesEveryView() throws IOException {
        var report = empty.getBean(HistoryImport.class).importFrom(new StringReader(exported), "all.jsonl");

        assertThat(report.format()).isEqualTo(ImportReport.Format.EXPORT);
        assertThat(report.rejected()).isEmpty();
        assertThat(report.imported()).containsExactlyInAnyOrderElementsOf(incidents).hasSize(5);
        var target = new ReadModels(empty.getBean(QueryGateway.class), empty.getBean(JdbcClient.class));
        target.awaitCaughtUp(incidents);
        var there = empty.getBean(QueryGateway.class);
        var now = Instant.now();
        for (var id : incidents) {
            assertThat(trail(there, id)).as("events, metadata included, of %s", id).isEqualTo(trail(queries, id));
            assertThat(one(there, new GetIncidentStatus(id), IncidentStatusView.class).asSeenAt(now))
                    .usingRecursiveComparison().ignoringFields("lastUpdateAt")
                    .isEqualTo(one(queries, new GetIncidentStatus(id), IncidentStatusView.class).asSeenAt(now));
            assertThat(one(there, new GetPublicIncident(id), PublicIncidentView.class))
                    .isEqualTo(one(queries, new GetPublicIncident(id), PublicIncidentView.class));
            assertThat(one(there, new GetPostmortem(id), PostmortemView.class)).usingRecursiveComparison()
                    .ignoringFieldsMatchingRegexes(".*recordedAt")
                    .isEqualTo(one(queries, new GetPostmortem(id), PostmortemView.class));
            assertThat(one(there, new GetIncidentMetrics(id), IncidentMetricsView.class))
                    .isEqualTo(one(queries, new GetIncidentMetrics(id), IncidentMetricsView.class));
            assertThat(timeline(there, id)).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*recordedAt")
                    .isEqualTo(timeline(queries, id));
        }
        assertThat(one(there, new GetStoreVerification(), StoreVerificationView.class).intact()).isTrue();
    }

    @Test
    void aRejectedLineIsReportedWithItsNumberAndNothingOfItsIncidentIsAppended() throws IOException {
        var lines = exported.lines().toList();
        var sourceId = checkout.incidentId();
        // The checkout incident under a new id, without its acknowledgement, correctly re-chained:
        // only the domain's rules can refuse it.
        var unowned = rechained(lines.stream().filter(l -> l.contains("\"incidentId\":\"" + sourceId + "\""))
                .filter(l -> !l.contains("IncidentAcknowledged")).toList(), sourceId, "INC-UNOWNED");
        var file = new ArrayList<String>();
        file.add("");
        file.addAll(unowned);
        var importer = empty.getBean(HistoryImport.class);

        var report = importer.importFrom(new StringReader(String.join("\n", file)), "unowned.jsonl");

        assertThat(report.imported()).isEmpty();
        // Line 1 is blank; detected, impact, public update, note, then containment on line 6.
        assertThat(report.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.lineNumber()).isEqualTo(6);
            assertThat(rejected.code()).isEqualTo("NOT_ACKNOWLEDGED");
            assertThat(rejected.incidentId()).isEqualTo("INC-UNOWNED");
        });
        assertThat(Tampering.events(empty.getBean(JdbcClient.class), "INC-UNOWNED")).isZero();
    }

    @Test
    void aLineTooBrokenToNameItsIncidentStopsTheWholeFile() throws IOException {
        var importer = empty.getBean(HistoryImport.class);
        var report = importer.importFrom(new StringReader("""
                {"incident":"INC-TL-1","type":"detected","at":"2026-01-05T10:00:00Z","title":"Fine","severity":"SEV3"}
                {"incident":"INC-TL-1","type":"note","at":"2026-01-05T10:01:00Z","note":"fine too"
                """), "timeline.jsonl");

        assertThat(report.format()).isEqualTo(ImportReport.Format.TIMELINE);
        assertThat(report.imported()).isEmpty();
        assertThat(report.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.lineNumber()).isEqualTo(2);
            assertThat(rejected.code()).isEqualTo("MALFORMED_JSON");
            assertThat(rejected.incidentId()).isNull();
        });
        assertThat(Tampering.events(empty.getBean(JdbcClient.class), "INC-TL-1")).isZero();
    }

    /** Re-numbers an incident's lines from 0 under another id and recomputes their chain links. */
    private static List<String> rechained(List<String> lines, String from, String to) {
        var result = new ArrayList<String>();
        var link = AuditChain.GENESIS;
        for (int seq = 0; seq < lines.size(); seq++) {
            var line = new HashMap<String, Object>((Map<String, Object>) CanonicalJson.parse(lines.get(seq)
                    .replace("\"value\":\"" + from + "\"", "\"value\":\"" + to + "\"")));
            line.put("incidentId", to);
            line.put("sequenceNumber", (long) seq);
            var event = new StoredEvent(null, to, seq, (String) line.get("type"), (String) line.get("revision"),
                    (String) line.get("recordedAt"), CanonicalJson.write(line.get("metadata")),
                    CanonicalJson.write(line.get("payload")));
            link = AuditChain.link(link, event);
            line.put("chain", link);
            result.add(CanonicalJson.write(line));
        }
        return result;
    }

    /** What must survive the round trip exactly: position, type, payload and metadata of every event. */
    private static List<List<Object>> trail(QueryGateway queries, String id) {
        return queries.query(new GetAuditTrail(id), ResponseTypes.optionalInstanceOf(AuditTrailView.class)).join()
                .orElseThrow().entries().stream()
                .map(e -> List.<Object>of(e.sequenceNumber(), e.payloadType(), e.payload(), e.metadata())).toList();
    }

    private static InternalTimelineView timeline(QueryGateway queries, String id) {
        return queries.query(new GetInternalTimeline(id, null), ResponseTypes.optionalInstanceOf(InternalTimelineView.class))
                .join().orElseThrow();
    }

    private static <T> T one(QueryGateway queries, Object query, Class<T> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }
}
