package io.incidentledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.incidentledger.Api;
import io.incidentledger.RunningApplication;
import io.incidentledger.reliability.Ledger.Fate;
import org.awaitility.Awaitility;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Events delivered again to every read model of the running application, the ways it happens
 * in production: tokens moved back (a token store restored from an older backup, a batch whose
 * commit answer got lost), a full reset while the processors are busy, and a segment claim
 * stolen by another node in the middle of a batch. The read models must come out as they were,
 * or as a rebuild from nothing makes them.
 */
class RedeliveryIT extends RunningApplication {

    static final long SEED = Long.getLong("reliability.seed", 20_261_121L);

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    ConnectionProvider connections;
    @Autowired
    Serializer serializer;

    ReadModels models;
    Ledger ledger;

    @BeforeEach
    void readModels() {
        models = new ReadModels(processing, jdbc);
        ledger = new Ledger();
    }

    @Test
    void tokensMovedBackToAnyPointRedeliverEventsAndChangeNothing() {
        var random = new Random(SEED);
        long headBefore = head();
        live(random, 4, 2);
        models.awaitCaughtUp();
        var before = models.dump();
        long head = head();

        for (var processor : models.processors().entrySet()) {
            processor.getValue().shutdownAsync().join();
            for (int segment : tokenStore.fetchSegments(processor.getKey())) {
                // each segment to its own point within the load just recorded
                var earlier = GapAwareTrackingToken.newInstance(headBefore + random.nextLong(head - headBefore), List.of());
                transactions.executeInTransaction(() -> {
                    tokenStore.storeToken(earlier, processor.getKey(), segment);
                    tokenStore.releaseClaim(processor.getKey(), segment);
                });
            }
            processor.getValue().start();
        }
        models.awaitCaughtUp();

        System.out.printf("RedeliveryIT: seed=%d, every segment's token moved back into the last %d events%n",
                SEED, head - headBefore);
        assertUnchanged(before, models.dump());
    }

    @Test
    void aResetWhileTheProcessorsAreBusyBuildsWhatARebuildFromNothingBuilds() {
        var random = new Random(SEED + 1);
        var load = CompletableFuture.runAsync(() -> live(random, 4, 2));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ledger.count(Fate.ACKNOWLEDGED) > 20);

        for (var processor : models.processors().values()) {
            processor.shutdownAsync().join();
            processor.resetTokens();
            processor.start();
        }
        load.join();
        models.awaitCaughtUp();
        var reset = models.dump();
        models.rebuildFromNothing();
        models.awaitCaughtUp();

        System.out.printf("RedeliveryIT: reset every processor %d commands into a load of %d%n", 20,
                ledger.entries().size());
        assertUnchanged(models.dump(), reset);
    }

    @Test
    void aSegmentClaimStolenInTheMiddleOfABatchLosesNothingAndDoublesNothing() {
        var random = new Random(SEED + 2);
        var thief = JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .schema(TokenSchema.builder().build()).nodeId("thief-" + UUID.randomUUID())
                // another node that thinks every claim has expired
                .claimTimeout(Duration.ZERO).build();
        var load = CompletableFuture.runAsync(() -> live(random, 4, 2));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ledger.count(Fate.ACKNOWLEDGED) > 20);

        int stolen = 0;
        for (var processor : models.processors().keySet()) {
            for (int segment : tokenStore.fetchSegments(processor)) {
                transactions.executeInTransaction(() -> thief.fetchToken(processor, segment));
                stolen++;
            }
        }
        // the rightful owner notices at its next batch or claim extension and drops what it was doing
        Awaitility.await("every processor has lost its segments").atMost(Duration.ofSeconds(30))
                .until(() -> models.processors().values().stream().allMatch(p -> p.processingStatus().isEmpty()));
        // then the thief dies without a word and its claims are released, as a claim timeout would
        for (var processor : models.processors().keySet()) {
            for (int segment : tokenStore.fetchSegments(processor)) {
                transactions.executeInTransaction(() -> thief.releaseClaim(processor, segment));
            }
        }
        load.join();
        models.awaitCaughtUp();
        var afterTheft = models.dump();
        models.rebuildFromNothing();
        models.awaitCaughtUp();

        System.out.printf("RedeliveryIT: %d segment claims stolen during a load of %d commands%n", stolen,
                ledger.entries().size());
        assertUnchanged(models.dump(), afterTheft);
    }

    private long head() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry", Long.class);
    }

    /** Clients living incidents through the API; every command must be acknowledged. */
    private void live(Random random, int clients, int incidentsEach) {
        var name = "rd" + UUID.randomUUID().toString().substring(0, 8);
        new CrashLoad(new Api(port), Api.RESPONDER, ledger).run(name, clients, incidentsEach, random);
        assertThat(ledger.entries()).allSatisfy(e -> assertThat(e.fate).as(e.toString()).isEqualTo(Fate.ACKNOWLEDGED));
    }

    private static void assertUnchanged(String expected, String actual) {
        if (!expected.equals(actual)) {
            Tally.MODEL_MISMATCHES.incrementAndGet();
        }
        assertThat(actual).as(ReadModels.difference(expected, actual)).isEqualTo(expected);
    }
}
