package io.incidentledger.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.incidentledger.Api;

/**
 * Concurrent clients living incidents through the API, each on its own incidents plus one they
 * share, recording every answer in a {@link Ledger}; for crash tests, until the engine is killed.
 */
final class CrashLoad {

    private final Api api;
    private final String key;
    private final Ledger ledger;

    CrashLoad(Api api, String key, Ledger ledger) {
        this.api = api;
        this.key = key;
        this.ledger = ledger;
    }

    /**
     * Runs {@code clients} clients and kills the engine after {@code killAfter}; returns once every
     * client has stopped (at its first unanswered request).
     */
    void runAndKill(String round, int clients, Random random, Duration killAfter, Runnable kill) {
        var shared = openShared(round);
        var killer = Executors.newSingleThreadScheduledExecutor();
        try {
            var killed = killer.schedule(kill, killAfter.toMillis(), TimeUnit.MILLISECONDS);
            clients(round, shared, clients, Integer.MAX_VALUE, random);
            killed.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("crash load failed", e);
        } finally {
            killer.shutdownNow();
        }
    }

    /** Runs {@code clients} clients that each live {@code incidents} incidents, or until the engine stops answering. */
    void run(String round, int clients, int incidents, Random random) {
        clients(round, openShared(round), clients, incidents, random);
    }

    private String openShared(String round) {
        var shared = round + "-SHARED";
        for (var command : IncidentScript.opening(round + "-shared", shared)) {
            if (!ledger.send(api, key, command)) {
                throw new IllegalStateException("the engine did not answer: " + ledger.entries());
            }
        }
        return shared;
    }

    private void clients(String round, String shared, int clients, int incidents, Random random) {
        var seeds = random.longs(clients).toArray();
        var pool = Executors.newFixedThreadPool(clients);
        try {
            var running = new ArrayList<Future<?>>();
            for (int c = 0; c < clients; c++) {
                var client = c;
                running.add(pool.submit(() -> client(round + "-c" + client, shared, incidents, new Random(seeds[client]))));
            }
            for (var client : running) {
                client.get(5, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("load failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void client(String name, String shared, int incidents, Random random) {
        for (int n = 0; n < incidents; n++) {
            var incidentId = name + "-" + n;
            for (var command : IncidentScript.life(random, incidentId, incidentId, shared)) {
                if (!ledger.send(api, key, command)) {
                    return;
                }
            }
        }
    }
}
