package io.incidentledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.incidentledger.query.audit.GetIncidentStatusAsOf;
import io.incidentledger.query.postmortem.GetPostmortem;
import io.incidentledger.query.postmortem.PostmortemView;
import io.incidentledger.query.postmortem.TimelineKind;
import io.incidentledger.query.status.GetIncidentStatus;
import io.incidentledger.query.status.IncidentStatusView;
import io.incidentledger.testing.CheckoutOutage;
import io.incidentledger.testing.Http;
import io.incidentledger.testing.ReadModels;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * One incident as it was known at several recorded instants: before it existed, when detected,
 * once public, once fixed, after a public update was corrected, once learned.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsOfIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    Http http;
    CheckoutOutage.Run run;

    @BeforeAll
    void incident() {
        http = new Http(port);
        run = CheckoutOutage.run(commands);
    }

    @Test
    void theIncidentsStatusAsKnownAtEachInstant() {
        assertThat(status("beforeDetection").status()).isEqualTo(404);
        var detected = status("detected").json();
        assertThat(detected.get("phase").asString()).isEqualTo("DETECTED");
        assertThat(detected.get("version").asLong()).isZero();
        assertThat(detected.get("commander").isNull()).isTrue();
        var madePublic = status("public").json();
        assertThat(madePublic.get("phase").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(madePublic.get("version").asLong()).isEqualTo(3);
        assertThat(madePublic.get("publicStatus").asString()).isEqualTo("INVESTIGATING");
        var fixed = status("fixed").json();
        assertThat(fixed.get("phase").asString()).isEqualTo("FIXED");
        assertThat(fixed.get("publicStatus").asString()).isEqualTo("RESOLVED");
        assertThat(fixed.get("commander").asString()).isEqualTo("maria");
        var learned = status("learned").json();
        assertThat(learned.get("phase").asString()).isEqualTo("LEARNED");
        assertThat(learned.get("commander").asString()).isEqualTo("sam");
        assertThat(learned.get("version").asLong()).isEqualTo(15);
        // An instant still to come answers what is known now.
        var future = http.get(path("") + "?asOf=" + Instant.now().plus(Duration.ofDays(1)), Http.VIEWER).json();
        assertThat(future.get("version").asLong()).isEqualTo(15);
        assertThat(http.get(path("") + "?asOf=yesterday", Http.VIEWER).status()).isEqualTo(400);
    }

    @Test
    void onlyAuditorsSeeThePublicTimelineAsItWasBeforeACorrection() {
        var path = "/api/public/incidents/" + run.incidentId() + "?asOf=" + run.at().get("fixed");
        assertThat(http.get(path, Http.VIEWER).status()).isEqualTo(403);
        new ReadModels(queries, jdbc).awaitCaughtUp(List.of(run.incidentId()));
        assertThat(http.get("/api/public/incidents/" + run.incidentId(), Http.VIEWER).status()).isEqualTo(200);
    }

    @Test
    void thePublicTimelineBeforeAndAfterTheCorrection() {
        assertThat(publicView("beforeDetection").status()).isEqualTo(404);
        assertThat(publicView("detected").status()).as("not public yet").isEqualTo(404);
        var first = publicView("public").json();
        assertThat(first.get("updates")).hasSize(1);
        assertThat(first.get("status").asString()).isEqualTo("INVESTIGATING");
        var beforeCorrection = publicView("fixed").json();
        assertThat(beforeCorrection.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(messages(beforeCorrection)).containsExactly(CheckoutOutage.FIRST_UPDATE,
                "We rolled back a change; payments are recovering.", "Payments work normally again.");
        assertThat(beforeCorrection.get("updates").get(0).get("corrected").asBoolean()).isFalse();
        var afterCorrection = publicView("corrected").json();
        assertThat(messages(afterCorrection).get(0)).isEqualTo(CheckoutOutage.CORRECTED_UPDATE);
        assertThat(afterCorrection.get("updates").get(0).get("corrected").asBoolean()).isTrue();
        // The page for customers (no asOf) shows the corrected text, and is told nothing is rebuilding.
        new ReadModels(queries, jdbc).awaitCaughtUp(List.of(run.incidentId()));
        var live = http.get("/api/public/incidents/" + run.incidentId(), Http.VIEWER);
        assertThat(messages(live.json()).get(0)).isEqualTo(CheckoutOutage.CORRECTED_UPDATE);
        assertThat(live.header("X-Read-Model-Rebuilding")).isNull();
    }

    @Test
    void theInternalTimelineAndThePostmortemBeforeAndAfterTheCorrection() {
        var before = timeline("fixed");
        assertThat(before.get("entries")).hasSize(9);
        assertThat(entry(before, 3).get("summary").asString()).contains(CheckoutOutage.FIRST_UPDATE);
        assertThat(entry(before, 3).get("corrections")).isEmpty();
        var after = timeline("corrected");
        assertThat(after.get("entries")).hasSize(10);
        assertThat(entry(after, 3).get("summary").asString()).contains(CheckoutOutage.CORRECTED_UPDATE);
        assertThat(entry(after, 3).get("corrections")).hasSize(1);

        var models = new ReadModels(queries, jdbc);
        assertThat(models.postmortemAsOf(run.incidentId(), run.at().get("beforeDetection"))).isNull();
        var draft = models.postmortemAsOf(run.incidentId(), run.at().get("fixed"));
        assertThat(draft.status()).isEqualTo(PostmortemView.Status.DRAFT);
        assertThat(firstPublicUpdate(draft).text()).endsWith(": " + CheckoutOutage.FIRST_UPDATE);
        assertThat(firstPublicUpdate(draft).corrected()).isFalse();
        var corrected = models.postmortemAsOf(run.incidentId(), run.at().get("corrected"));
        assertThat(firstPublicUpdate(corrected).text()).endsWith(": " + CheckoutOutage.CORRECTED_UPDATE);
        assertThat(firstPublicUpdate(corrected).corrected()).isTrue();
        assertThat(models.postmortemAsOf(run.incidentId(), run.at().get("learned")).status())
                .isEqualTo(PostmortemView.Status.FINAL);
    }

    @Test
    void asOfNowIsExactlyWhatTheProjectionsStored() {
        var models = new ReadModels(queries, jdbc);
        models.awaitCaughtUp(List.of(run.incidentId()));
        var now = Instant.now();

        var stored = queries.query(new GetIncidentStatus(run.incidentId()), ResponseTypes.instanceOf(IncidentStatusView.class)).join();
        var folded = queries.query(new GetIncidentStatusAsOf(run.incidentId(), now),
                ResponseTypes.optionalInstanceOf(IncidentStatusView.class)).join().orElseThrow();
        assertThat(folded).isEqualTo(stored.asSeenAt(now));
        var storedPostmortem = queries.query(new GetPostmortem(run.incidentId()), ResponseTypes.instanceOf(PostmortemView.class)).join();
        assertThat(models.postmortemAsOf(run.incidentId(), now)).isEqualTo(storedPostmortem);
    }

    private Http.Response status(String checkpoint) {
        return http.get(path("") + "?asOf=" + run.at().get(checkpoint), Http.VIEWER);
    }

    private Http.Response publicView(String checkpoint) {
        return http.get("/api/public/incidents/" + run.incidentId() + "?asOf=" + run.at().get(checkpoint), Http.AUDITOR);
    }

    private JsonNode timeline(String checkpoint) {
        var response = http.get(path("/timeline") + "?asOf=" + run.at().get(checkpoint), Http.VIEWER);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private String path(String suffix) {
        return "/api/incidents/" + run.incidentId() + suffix;
    }

    private static JsonNode entry(JsonNode timeline, long sequenceNumber) {
        return timeline.get("entries").values().stream()
                .filter(e -> e.get("sequenceNumber").asLong() == sequenceNumber).findFirst().orElseThrow();
    }

    private static List<String> messages(JsonNode publicView) {
        return publicView.get("updates").values().stream().map(u -> u.get("message").asString()).toList();
    }

    private static PostmortemView.TimelineEntry firstPublicUpdate(PostmortemView view) {
        return view.timeline().stream().filter(e -> e.kind() == TimelineKind.PUBLIC_UPDATE).findFirst().orElseThrow();
    }
}
