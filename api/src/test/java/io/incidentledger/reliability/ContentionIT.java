package io.incidentledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.incidentledger.Api;
import io.incidentledger.Concurrently;
import io.incidentledger.RunningApplication;
import io.incidentledger.reliability.Ledger.Command;
import io.incidentledger.reliability.Ledger.Entry;
import io.incidentledger.reliability.Ledger.Fate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many clients (32 by default, {@code -Dreliability.contenders}) writing to one incident at once,
 * with commands of one and of two events: nothing lost, nothing doubled, no gap or duplicate in
 * the sequence, and every refusal a clean conflict the client can retry. With If-Match, every
 * accepted write was based on the version it names (no lost update). ConditionalWritesIT and
 * TwoNodesIT cover the plain cases with notes; this adds width, multi-event commands and keys.
 */
class ContentionIT extends RunningApplication {

    static final int CONTENDERS = Integer.getInteger("reliability.contenders", 32);
    static final Set<String> CONFLICTS = Set.of("CONCURRENT_MODIFICATION", "VERSION_MISMATCH", "IDEMPOTENCY_KEY_IN_FLIGHT");

    Ledger ledger;
    String incident;
    ConcurrentLinkedQueue<Api.Response> refusals;

    @BeforeEach
    void openOneIncident() {
        ledger = new Ledger();
        refusals = new ConcurrentLinkedQueue<>();
        var prefix = "ct" + UUID.randomUUID().toString().substring(0, 8);
        incident = prefix + "-one";
        IncidentScript.opening(prefix, incident).forEach(c -> assertThat(ledger.send(api, Api.RESPONDER, c)).isTrue());
    }

    @Test
    void writersWithoutIfMatchLoseNothingAndDoubleNothing() {
        Concurrently.run(CONTENDERS, c -> {
            for (int n = 0; n < 4; n++) {
                var entry = ledger.add(command(c, n));
                while (!written(entry, Map.of())) {
                    // a clean conflict: send the same request again
                }
            }
            return null;
        });

        assertConsistent();
    }

    @Test
    void writersWithIfMatchEachBuildOnTheVersionTheyName() {
        var lostUpdates = new ConcurrentLinkedQueue<String>();
        Concurrently.run(CONTENDERS, c -> {
            for (int n = 0; n < 3; n++) {
                var entry = ledger.add(command(c, n));
                long expected = api.get("/api/incidents/" + incident).key(Api.VIEWER).send().version();
                while (!written(entry, Map.of("If-Match", "\"" + expected + "\""))) {
                    var answer = entry.response;
                    if ("VERSION_MISMATCH".equals(answer.code())) {
                        expected = answer.json().get("currentVersion").asLong();
                    }
                }
                if (entry.version != expected + entry.command.events()) {
                    lostUpdates.add(entry + " was sent with If-Match " + expected);
                }
            }
            return null;
        });

        assertThat(lostUpdates).as("writes not based on the version they named").isEmpty();
        assertThat(refusals).as("some writers must have raced").isNotEmpty();
        assertConsistent();
    }

    @Test
    void oneRequestSentByEveryWriterAtOnceIsRecordedOnce() {
        var handover = ledger.add(command(0, 0));
        var answers = Concurrently.run(CONTENDERS, c -> {
            var copy = new Entry(handover.command);
            ledger.resend(api, Api.RESPONDER, copy);
            return copy;
        });

        var accepted = answers.stream().filter(a -> a.fate == Fate.ACKNOWLEDGED).toList();
        assertThat(accepted).as("at least the first").isNotEmpty();
        assertThat(accepted).extracting(a -> a.version).containsOnly(accepted.get(0).version);
        assertThat(answers).filteredOn(a -> a.fate != Fate.ACKNOWLEDGED).allSatisfy(a ->
                assertThat(a.response.code()).as(a.toString()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT"));
        handover.fate = Fate.ACKNOWLEDGED;
        handover.version = accepted.get(0).version;
        assertConsistent();
    }

    /** A note, a public update, a responder, an impact, or a commander handover (two events). */
    private Command command(int client, int n) {
        var id = incident + "-" + client + "-" + n;
        var path = "/api/incidents/" + incident;
        return switch ((client + n) % 5) {
            case 0 -> new Command(id, incident, "POST", path + "/responders",
                    Map.of("responder", "Commander " + id, "role", "COMMANDER"), 2);
            case 1 -> new Command(id, incident, "POST", path + "/notes", Map.of("note", "Note " + id), 1);
            case 2 -> new Command(id, incident, "POST", path + "/public-updates",
                    Map.of("message", "Update " + id, "status", "IDENTIFIED"), 1);
            case 3 -> new Command(id, incident, "POST", path + "/responders",
                    Map.of("responder", "Scribe " + id, "role", "SCRIBE"), 1);
            default -> new Command(id, incident, "POST", path + "/impact", Map.of("description", "Impact " + id,
                    "components", List.of(Map.of("name", "checkout", "status", "PARTIAL_OUTAGE"))), 1);
        };
    }

    /** True when accepted; false after a clean conflict; fails on anything else. */
    private boolean written(Entry entry, Map<String, String> headers) {
        ledger.resend(api, Api.RESPONDER, entry, headers);
        if (entry.fate == Fate.ACKNOWLEDGED) {
            return true;
        }
        assertThat(entry.fate).as(entry.toString()).isEqualTo(Fate.REFUSED);
        assertThat(entry.response.contentType()).as(entry.toString()).startsWith("application/problem+json");
        assertThat(entry.response.code()).as(entry.toString()).isIn(CONFLICTS);
        refusals.add(entry.response);
        return false;
    }

    private void assertConsistent() {
        var findings = StoreAudit.checkIncidents(jdbc, ledger, "dev-responder");
        Tally.LOST.addAndGet(findings.lost());
        Tally.DUPLICATED.addAndGet(findings.duplicated());
        Tally.COMMANDS_VERIFIED.addAndGet(findings.commands());
        Tally.EVENTS_VERIFIED.addAndGet(findings.events());
        var versions = new ArrayList<Long>();
        ledger.entries().forEach(e -> versions.add(e.version));
        System.out.printf("ContentionIT: %d writers, %s; %d clean conflicts answered and retried%n",
                CONTENDERS, findings.figures(), refusals.size());
        assertThat(findings.problems()).isEmpty();
        assertThat(versions).as("answered versions").doesNotHaveDuplicates();
        assertThat(ledger.entries()).allSatisfy(e -> assertThat(e.fate).isEqualTo(Fate.ACKNOWLEDGED));
    }
}
