package io.incidentledger.bench;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Load over HTTP from closed-loop clients: each client is one thread with one keep-alive
 * connection that sends its next request as soon as the previous answer arrived.
 */
final class HttpLoad {

    /**
     * Requests per second and latency percentiles (ms) of the successful requests, failures counted
     * apart, and the CPU time per request (ms) over the measured period of the application and of
     * the database server (NaN when embedded: then it is part of the application's).
     */
    record Result(double perSecond, double p50, double p99, long failures, double cpuPerRequest,
                  double serverCpuPerRequest) {
    }

    private static final String API_KEY = AppProcess.API_KEY;

    private HttpLoad() {
    }

    /**
     * Internal notes from {@code clients} clients, each on incidents of its own (four, opened first),
     * for a warm-up and then a measured period.
     */
    static Result commands(AppProcess app, int clients, Duration warmUp, Duration measure, String prefix)
            throws Exception {
        int port = app.port();
        var start = new AtomicLong();
        var barrier = new CyclicBarrier(clients, () -> start.set(System.nanoTime()));
        var failures = new AtomicLong();
        var parts = new ArrayList<Latencies>();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            var latencies = new Latencies();
            parts.add(latencies);
            var client = c;
            var thread = new Thread(() -> {
                try (var http = new HttpConnection("127.0.0.1", port)) {
                    var incidents = new ArrayList<String>();
                    for (int k = 0; k < 4; k++) {
                        var id = prefix + "-" + client + "-" + k;
                        require(http.post("/api/incidents", API_KEY, "{\"incidentId\":\"" + id
                                + "\",\"title\":\"Load test incident\",\"severity\":\"SEV3\",\"summary\":\"Synthetic load\","
                                + "\"affectedServices\":[\"checkout\"],\"source\":\"MONITORING\"}"), 201);
                        require(http.post("/api/incidents/" + id + "/acknowledgement", API_KEY,
                                "{\"commander\":\"responder-" + client + "\"}"), 200);
                        incidents.add("/api/incidents/" + id + "/notes");
                    }
                    barrier.await();
                    long measureFrom = start.get() + warmUp.toNanos();
                    long measureUntil = measureFrom + measure.toNanos();
                    for (int n = 0; ; n++) {
                        long sent = System.nanoTime();
                        if (sent >= measureUntil) {
                            break;
                        }
                        var path = incidents.get(n % incidents.size());
                        int status = send(() -> http.post(path, API_KEY, "{\"note\":"
                                + "\"Checked the payments dashboards: error rate back to baseline after the rollback, "
                                + "watching.\"}").status());
                        long took = System.nanoTime() - sent;
                        if (sent >= measureFrom) {
                            if (status == 200) {
                                latencies.add(took);
                            } else {
                                failures.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    throw new IllegalStateException(e);
                }
            }, "client-" + c);
            thread.start();
            threads.add(thread);
        }
        while (start.get() == 0 && threads.stream().anyMatch(Thread::isAlive)) {
            LockSupport.parkNanos(1_000_000);
        }
        LockSupport.parkNanos(start.get() + warmUp.toNanos() - System.nanoTime());
        double cpuBefore = app.cpuMillis();
        double serverBefore = app.serverCpuMillis();
        LockSupport.parkNanos(start.get() + warmUp.toNanos() + measure.toNanos() - System.nanoTime());
        double cpu = app.cpuMillis() - cpuBefore;
        double server = app.serverCpuMillis() - serverBefore;
        for (var thread : threads) {
            thread.join();
        }
        var all = Latencies.merge(parts);
        return new Result(all.count() / (measure.toNanos() / 1e9), all.percentileMillis(50), all.percentileMillis(99),
                failures.get(), cpu / all.count(), server / all.count());
    }

    /**
     * One client sending {@code count} requests after {@code warmUp} unmeasured ones; the i-th request
     * is {@code request.apply(i)}, which answers the response's status.
     */
    static Result sequential(AppProcess app, int warmUp, int count, Request request) {
        try (var http = new HttpConnection("127.0.0.1", app.port())) {
            for (int i = 0; i < warmUp; i++) {
                int n = i;
                send(() -> request.send(http, n));
            }
            var latencies = new Latencies();
            long failures = 0;
            double cpuBefore = app.cpuMillis();
            double serverBefore = app.serverCpuMillis();
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long sent = System.nanoTime();
                int n = warmUp + i;
                var status = send(() -> request.send(http, n));
                if (status / 100 == 2) {
                    latencies.add(System.nanoTime() - sent);
                } else {
                    failures++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(latencies.count() / seconds, latencies.percentileMillis(50),
                    latencies.percentileMillis(99), failures, (app.cpuMillis() - cpuBefore) / count,
                    (app.serverCpuMillis() - serverBefore) / count);
        }
    }

    /** One request of a sequential load; answers the HTTP status. */
    @FunctionalInterface
    interface Request {
        int send(HttpConnection http, int i);
    }

    /** The median of each figure over repetitions; failures are summed. */
    static Result median(List<Result> results) {
        return new Result(Latencies.median(results.stream().map(Result::perSecond).toList()),
                Latencies.median(results.stream().map(Result::p50).toList()),
                Latencies.median(results.stream().map(Result::p99).toList()),
                results.stream().mapToLong(Result::failures).sum(),
                Latencies.median(results.stream().map(Result::cpuPerRequest).toList()),
                Latencies.median(results.stream().map(Result::serverCpuPerRequest).toList()));
    }

    /** The status, or -1 when the exchange failed (reported once per load, then counted). */
    private static int send(IntSupplier exchange) {
        try {
            return exchange.getAsInt();
        } catch (UncheckedIOException e) {
            if (REPORTED.compareAndSet(false, true)) {
                System.err.println("a request failed (further failures are only counted): " + e.getMessage());
            }
            return -1;
        }
    }

    private static final AtomicBoolean REPORTED = new AtomicBoolean();

    private static void require(HttpConnection.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.status() + ": " + response.body());
        }
    }
}
