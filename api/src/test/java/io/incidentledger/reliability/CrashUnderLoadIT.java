package io.incidentledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import io.incidentledger.Api;
import io.incidentledger.IncidentLedgerApplication;
import io.incidentledger.reliability.Ledger.Fate;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine runs as its own process ({@code java -jar}) on a real store while concurrent clients
 * live incidents through the API; it is killed with SIGKILL at a random moment, restarted on the
 * same store, and killed again, round after round. After every crash the store must hold every
 * acknowledged command's events exactly once, nothing of a refused one, and all or nothing of
 * one in doubt; a retry of a command in doubt (same Idempotency-Key) must be answered from the
 * store when it had committed and executed when it had not. Finally the read models, built
 * across all those crashes, must equal a rebuild from nothing.
 *
 * <p>Fast by default (2 rounds); {@code ./mvnw -pl api verify -Preliability} runs 10 rounds per
 * store. Rounds, clients and seed: {@code -Dreliability.rounds}, {@code -Dreliability.clients},
 * {@code -Dreliability.seed}.
 */
class CrashUnderLoadIT {

    static final long SEED = Long.getLong("reliability.seed", 20_261_121L);
    static final int ROUNDS = Integer.getInteger("reliability.rounds", 2);
    static final int CLIENTS = Integer.getInteger("reliability.clients", 8);

    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedCommandSurvivesEveryKillExactlyOnceAndTheReadModelsEqualARebuild() {
        assertThat(ROUNDS).as("reliability.rounds: a crash test without a crash proves nothing").isPositive();
        var random = new Random(SEED);
        var store = CrashStore.fresh(folder);
        var ledger = new Ledger();
        System.out.printf("CrashUnderLoadIT on %s: seed=%d rounds=%d clients=%d%n", store.name(), SEED, ROUNDS, CLIENTS);
        StoreAudit.Findings findings = null;

        for (int round = 1; round <= ROUNDS; round++) {
            var engine = EngineProcess.start(store, folder.resolve("engine-" + round + ".log"));
            var api = new Api(engine.port());
            var retried = retryInDoubt(api, store, ledger, findings);
            var killAfter = Duration.ofMillis(500 + random.nextInt(2500));
            var sentBefore = ledger.entries().size();

            new CrashLoad(api, store.responderKey(), ledger).runAndKill("r" + round, CLIENTS, random, killAfter,
                    engine::kill);
            Tally.CRASHES.incrementAndGet();

            try (var crashed = store.openCrashed()) {
                findings = StoreAudit.check(crashed.jdbc(), ledger);
            }
            System.out.printf("  round %d/%d: %s; killed pid %d after %d ms, %d commands sent; store after the kill: %s%n",
                    round, ROUNDS, retried, engine.pid(), killAfter.toMillis(), ledger.entries().size() - sentBefore,
                    findings.figures());
            count(findings);
            assertThat(findings.problems()).as("store after crash %d\n%s", round, engine.logTail()).isEmpty();
        }

        try (var context = new SpringApplicationBuilder(IncidentLedgerApplication.class)
                .run(store.arguments().toArray(String[]::new))) {
            var api = new Api(((WebServerApplicationContext) context).getWebServer().getPort());
            var retried = retryInDoubt(api, store, ledger, findings);
            var jdbc = context.getBean(JdbcTemplate.class);
            var last = StoreAudit.check(jdbc, ledger);
            System.out.printf("  final restart: %s; store: %s; %d acknowledged, %d refused%n",
                    retried, last.figures(), ledger.count(Fate.ACKNOWLEDGED), ledger.count(Fate.REFUSED));
            count(last);
            Tally.EVENTS_VERIFIED.addAndGet(last.events());
            Tally.COMMANDS_VERIFIED.addAndGet(last.commands());
            assertThat(last.problems()).as("store after the last restart").isEmpty();
            assertThat(ledger.entries()).as("a valid script, retried until answered")
                    .allSatisfy(e -> assertThat(e.fate).as(e.toString()).isEqualTo(Fate.ACKNOWLEDGED));

            var models = new ReadModels(context.getBean(EventProcessingConfiguration.class), jdbc);
            models.awaitCaughtUp();
            var live = models.dump();
            models.rebuildFromNothing();
            models.awaitCaughtUp();
            var rebuilt = models.dump();
            if (!live.equals(rebuilt)) {
                Tally.MODEL_MISMATCHES.incrementAndGet();
            }
            System.out.printf("  read models: %d rows after %d crashes, equal to a rebuild from nothing: %s%n",
                    live.lines().filter(l -> l.startsWith("  ")).count(), ROUNDS, live.equals(rebuilt));
            assertThat(live).as(ReadModels.difference(rebuilt, live)).isEqualTo(rebuilt);
        }
    }

    /**
     * Sends every command in doubt again with its Idempotency-Key: one that had committed must be
     * answered from the store (Idempotent-Replayed) with its version, one that had not must run now.
     */
    private static String retryInDoubt(Api api, CrashStore store, Ledger ledger, StoreAudit.Findings crashed) {
        int replayed = 0;
        int executed = 0;
        for (var entry : ledger.inDoubt()) {
            var committed = crashed.committedInDoubt().contains(entry.command.id());
            assertThat(ledger.resend(api, store.responderKey(), entry)).as("retry answered: " + entry).isTrue();
            assertThat(entry.fate).as("retry of " + entry).isEqualTo(Fate.ACKNOWLEDGED);
            assertThat(entry.replayed).as("answered from the store exactly when it had committed: " + entry)
                    .isEqualTo(committed);
            if (committed) {
                replayed++;
            } else {
                executed++;
            }
        }
        return replayed + executed == 0 ? "nothing in doubt"
                : String.format("%d in doubt retried (%d answered from the store, %d executed now)",
                replayed + executed, replayed, executed);
    }

    private static void count(StoreAudit.Findings findings) {
        Tally.LOST.addAndGet(findings.lost());
        Tally.DUPLICATED.addAndGet(findings.duplicated());
        Tally.HALF_WRITTEN.addAndGet(findings.halfWritten());
    }
}
