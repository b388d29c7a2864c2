package io.incidentledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import io.incidentledger.testing.Processes;
import io.incidentledger.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's commands, each run in-process as {@code main} runs it, one after another on one
 * database: import, export, verify (file and store), tamper, verify again, rebuild. Then the
 * packaged jar itself, as a process.
 */
class CommandLineIT {

    @TempDir
    Path dir;

    String url;
    String user;
    List<String> springArgs;

    @BeforeEach
    void database() {
        var name = "il_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        url = TestDatabase.postgres() ? TestDatabase.createPostgresDatabase(name) : "jdbc:h2:file:" + dir.resolve(name);
        user = TestDatabase.postgres() ? "postgres" : "sa";
        springArgs = List.of("--test.database.external=true", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=");
    }

    record Run(int exitCode, String out, String err) {
    }

    Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exitCode = LedgerCommandLine.execute(new PrintWriter(out, true), new PrintWriter(err, true), springArgs, args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void aSessionWithEveryCommand() throws Exception {
        var history = dir.resolve("history.jsonl");
        Files.writeString(history, """
                {"incident":"INC-CLI-1","type":"detected","at":"2026-01-05T10:00:00Z","by":"maria","title":"Search slow","severity":"SEV3"}
                {"incident":"INC-CLI-1","type":"acknowledged","at":"2026-01-05T10:02:00Z","by":"maria","commander":"maria"}
                {"incident":"INC-CLI-2","type":"detected","at":"2026-01-05T11:00:00Z","title":"Login fails","severity":"SEV2"}
                {"incident":"INC-CLI-2","type":"fixed","at":"2026-01-05T11:03:00Z","resolution":"restart"}
                {"incident":"INC-CLI-1","type":"note","at":"2026-01-05T10:05:00Z","by":"lee","note":"Index rebuilt."}
                """);

        var imported = run("import", history.toString());
        assertThat(imported.exitCode()).as(imported.err()).isEqualTo(1);
        assertThat(imported.out()).contains("imported 1 incident(s): INC-CLI-1")
                .contains("rejected line 4 (incident INC-CLI-2): NOT_ACKNOWLEDGED");

        var export = dir.resolve("export.jsonl");
        var exported = run("export", "--output", export.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.err()).contains("Exported 1 incident(s), 3 event(s)");
        assertThat(Files.readAllLines(export)).hasSize(3).allMatch(line -> line.contains("\"chain\":\""));

        var file = run("verify", "--file", export.toString());
        assertThat(file.exitCode()).as(file.out()).isZero();
        assertThat(file.out()).contains("1 incident(s): intact");

        editStoredPayload("INC-CLI-1", 2, "Index rebuilt.", "Index dropped.");
        var verified = run("verify");
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isEqualTo(1);
        assertThat(verified.out()).contains("INC-CLI-1: broken at sequence 2: ANCHOR_MISMATCH")
                .contains("Verified 1 incident(s), 3 event(s): 1 broken");

        var rebuilt = run("rebuild", "postmortem");
        assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
        assertThat(rebuilt.err()).contains("Rebuilding postmortem").contains("100%");
        assertThat(rebuilt.out()).contains("postmortem: rebuilt");
        assertThat(run("rebuild", "gossip").exitCode()).isEqualTo(2);
    }

    @Test
    void thePackagedJarExplainsItselfAndRefusesNonsense() {
        var jar = Processes.ROOT.resolve("api/target/incident-ledger.jar").toString();

        var help = Processes.run(List.of("java", "-jar", jar, "--help"));
        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("Usage: incident-ledger", "import", "export", "verify", "rebuild", "serve");
        var commandHelp = Processes.run(List.of("java", "-jar", jar, "help", "verify"));
        assertThat(commandHelp.output()).contains("--expected-head", "--file");
        var usage = Processes.run(List.of("java", "-jar", jar, "export", "--colour"));
        assertThat(usage.exitCode()).isEqualTo(2);
    }

    private void editStoredPayload(String incidentId, long sequenceNumber, String from, String to) throws SQLException {
        try (var connection = DriverManager.getConnection(url, user, "");
             var select = connection.prepareStatement("SELECT payload FROM DomainEventEntry "
                     + "WHERE aggregateIdentifier = ? AND sequenceNumber = ?");
             var update = connection.prepareStatement("UPDATE DomainEventEntry SET payload = ? "
                     + "WHERE aggregateIdentifier = ? AND sequenceNumber = ?")) {
            select.setString(1, incidentId);
            select.setLong(2, sequenceNumber);
            String payload;
            try (var rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                payload = new String(rs.getBytes(1), StandardCharsets.UTF_8);
            }
            update.setBytes(1, payload.replace(from, to).getBytes(StandardCharsets.UTF_8));
            update.setString(2, incidentId);
            update.setLong(3, sequenceNumber);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

}
