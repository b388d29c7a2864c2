package io.incidentledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.incidentledger.history.ExportVerification;
import io.incidentledger.history.HistoryImport;
import io.incidentledger.testing.CheckoutOutage;
import io.incidentledger.testing.Http;
import io.incidentledger.testing.Processes;
import io.incidentledger.testing.ReadModels;
import io.incidentledger.testing.Tampering;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The export checked by docs/verify_chain.py, written from docs/audit-chain.md with nothing but
 * Python's standard library: it must agree with our own verification, intact or tampered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IndependentVerificationIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    QueryGateway queries;
    @Autowired
    HistoryImport importer;
    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void thePythonVerifierAgreesWithOursOnAnIntactExport() throws IOException {
        var run = CheckoutOutage.run(commands);
        var export = dir.resolve("all.jsonl");
        var response = http.get("/api/audit/export", Http.AUDITOR);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        Files.writeString(export, response.body());
        var head = http.get("/api/audit/incidents/" + run.incidentId() + "/verification", Http.AUDITOR)
                .json().get("head").asString();

        var python = Processes.verifyChain(export, "--head", run.incidentId() + "=" + head);

        assertThat(python.output()).contains("OK " + run.incidentId() + " events=16 head=" + head);
        // Other tests of this application broke some chains on purpose: Python must see exactly those.
        var verdicts = python.output().lines().filter(l -> l.matches("(OK|BROKEN) \\S+ events=.*")).toList();
        assertThat(verdicts).hasSizeGreaterThanOrEqualTo(1);
        boolean allIntact = true;
        for (var verdict : verdicts) {
            var incident = verdict.split(" ")[1];
            var ours = http.get("/api/audit/incidents/" + incident + "/verification", Http.AUDITOR).json();
            assertThat(verdict.startsWith("OK ")).as(verdict).isEqualTo(ours.get("intact").asBoolean());
            if (ours.get("intact").asBoolean()) {
                assertThat(verdict).endsWith("head=" + ours.get("head").asString());
            }
            allIntact &= ours.get("intact").asBoolean();
        }
        assertThat(python.exitCode()).as(python.output()).isEqualTo(allIntact ? 0 : 1);
        try (var reader = Files.newBufferedReader(export)) {
            assertThat(ExportVerification.of(reader).heads()).containsEntry(run.incidentId(), head);
        }
    }

    @Test
    void bothFindTheRowEditedInTheDatabase() throws IOException {
        var run = CheckoutOutage.run(commands);
        var export = dir.resolve("tampered.jsonl");
        try (var edit = Tampering.editPayload(new ReadModels(queries, jdbc), jdbc, run.incidentId(), 7, "Retry budget restored", "Retry budget fixed")) {
            Files.writeString(export, http.get("/api/audit/incidents/" + run.incidentId() + "/export", Http.AUDITOR).body());
            var ours = http.get("/api/audit/incidents/" + run.incidentId() + "/verification", Http.AUDITOR).json();
            assertThat(ours.get("firstBreak").get("sequenceNumber").asLong()).isEqualTo(7);
        }

        var python = Processes.verifyChain(export);

        assertThat(python.exitCode()).isEqualTo(1);
        assertThat(python.output()).contains("BROKEN " + run.incidentId() + " sequence=7 line=8 reason=CHAIN_BROKEN");
        // Only the edited line: each line chains on the link the previous line claims.
        assertThat(python.output().lines().filter(l -> l.contains("reason="))).hasSize(1);
    }

    @Test
    void bothFindALineEditedInTheExportAndItDoesNotImport() throws IOException {
        var run = CheckoutOutage.run(commands);
        var lines = Files.readAllLines(write(run.incidentId()));
        lines.set(4, lines.get(4).replace("Rolling back deploy 4411", "Rolling back deploy 4412"));
        var edited = dir.resolve("edited.jsonl");
        Files.write(edited, lines);

        var python = Processes.verifyChain(edited);
        var ours = ExportVerification.of(new StringReader(String.join("\n", lines)));
        var imported = importer.importFrom(new StringReader(String.join("\n", lines)), "edited.jsonl");

        assertThat(python.output()).contains("BROKEN " + run.incidentId() + " sequence=4 line=5 reason=CHAIN_BROKEN");
        assertThat(ours.problems()).singleElement().satisfies(p -> {
            assertThat(p.lineNumber()).isEqualTo(5);
            assertThat(p.code()).isEqualTo("CHAIN_BROKEN");
        });
        assertThat(imported.imported()).isEmpty();
        assertThat(Tampering.events(jdbc, run.incidentId())).isEqualTo(16);
        assertThat(imported.rejected()).singleElement().satisfies(r -> {
            assertThat(r.lineNumber()).isEqualTo(5);
            assertThat(r.code()).isEqualTo("CHAIN_BROKEN");
            assertThat(r.incidentId()).isEqualTo(run.incidentId());
        });
    }

    private Path write(String incidentId) throws IOException {
        var file = dir.resolve(incidentId + ".jsonl");
        Files.writeString(file, http.get("/api/audit/incidents/" + incidentId + "/export", Http.AUDITOR).body(),
                StandardCharsets.UTF_8);
        return file;
    }
}
