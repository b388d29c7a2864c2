package io.incidentledger.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * Full rebuilds of the read models, the way an operator runs them: the application serves the
 * generated store and is asked to rebuild (POST /api/admin/rebuilds): once to warm up, then every
 * model at once, then each model alone. A rebuild is timed from the request until the status
 * resource says every model asked for is rebuilt and has processed the whole stream.
 */
final class Rebuild {

    /** The read models' processing groups (query module). */
    static final List<String> PROCESSORS = List.of("live-status", "customer-timeline", "postmortem", "analytics");
    private static final Duration POLL = Duration.ofMillis(20);

    /**
     * @param eventsPerSecond per model, rebuilt alone
     * @param together        every model rebuilt at once: events / seconds
     */
    record Result(Map<String, Double> eventsPerSecond, double together, double cpuMicrosPerEvent,
                  double serverCpuMicrosPerEvent, long peakHeapBytes, long peakResidentBytes) {
    }

    private Rebuild() {
    }

    static Result run(Options options, Store store, long head, String label) throws SQLException {
        try (var app = AppProcess.start(options, store, label); var http = new HttpConnection("127.0.0.1", app.port())) {
            app.awaitReady();
            // A first rebuild, not measured, warms the JIT up, as on a server that has been running.
            rebuild(app, http, store, List.of(), head);
            double cpuAtStart = app.cpuMillis();
            double serverCpuAtStart = app.serverCpuMillis();
            double together = rebuild(app, http, store, List.of(), head);
            double cpu = app.cpuMillis() - cpuAtStart;
            double serverCpu = app.serverCpuMillis() - serverCpuAtStart;
            var rates = new LinkedHashMap<String, Double>();
            for (var model : PROCESSORS) {
                rates.put(model, rebuild(app, http, store, List.of(model), head));
            }
            app.close();
            return new Result(rates, together, cpu * 1000 / head, serverCpu * 1000 / head, app.peakHeapBytes(),
                    app.peakResidentBytes());
        }
    }

    /**
     * On PostgreSQL the application vacuums the tables a rebuild refilled, in the background, once
     * it is done; back-to-back rebuilds (nothing an operator does) would each be measured against
     * the previous one's vacuum. Each measured rebuild starts once no vacuum (nor autovacuum) runs
     * on the store.
     */
    private static void awaitNoVacuum(Store store) throws SQLException {
        if (!(store instanceof Store.Postgres)) {
            return;
        }
        long began = System.nanoTime();
        long giveUp = began + Duration.ofMinutes(10).toNanos();
        try (var connection = store.connect(); var statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                        + " AND (query ILIKE 'VACUUM%' OR query ILIKE 'autovacuum:%')")) {
            while (System.nanoTime() < giveUp) {
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        break;
                    }
                }
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
        long waited = (System.nanoTime() - began) / 1_000_000;
        if (waited > 500) {
            System.err.println("[" + store.name() + "] waited " + waited
                    + " ms for vacuums on the store (the previous rebuild's, or autovacuum)");
        }
    }

    /** Asks for a rebuild of {@code models} (all when empty); events per second until they reach {@code head}. */
    private static double rebuild(AppProcess app, HttpConnection http, Store store, List<String> models, long head)
            throws SQLException {
        var watched = models.isEmpty() ? PROCESSORS : models;
        awaitNoVacuum(store);
        long began = System.nanoTime();
        var body = "{\"models\":[" + String.join(",", models.stream().map(m -> "\"" + m + "\"").toList()) + "]}";
        var answer = http.post("/api/admin/rebuilds", AppProcess.API_KEY, body);
        // 409: the segments are still claimed by the application's previous run (an H2 file closed
        // by the JVM before the processors let go of them); the claims time out within seconds.
        long giveUp = began + Duration.ofMinutes(1).toNanos();
        while (answer.status() == 409 && System.nanoTime() < giveUp) {
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            began = System.nanoTime();
            answer = http.post("/api/admin/rebuilds", AppProcess.API_KEY, body);
        }
        if (answer.status() != 202) {
            throw new IllegalStateException("the rebuild was refused: " + answer.status() + " " + answer.body());
        }
        long deadline = began + Duration.ofMinutes(30).toNanos();
        while (true) {
            app.requireAlive();
            var status = http.get("/api/admin/rebuilds", AppProcess.API_KEY).body();
            if (watched.stream().allMatch(model -> rebuilt(status, model, head))) {
                return head / ((System.nanoTime() - began) / 1e9);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rebuild of " + watched + " did not finish within 30 minutes: " + status);
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /** In the status resource: the model is not rebuilding, and has processed up to the head. */
    static boolean rebuilt(String status, String model, long head) {
        var matcher = Pattern.compile("\\{\"model\":\"" + Pattern.quote(model)
                + "\",\"rebuilding\":(true|false),\"processed\":(\\d+)").matcher(status);
        return matcher.find() && matcher.group(1).equals("false") && Long.parseLong(matcher.group(2)) >= head;
    }

    /** Counts that prove the rebuild folded every incident: (incidents, open incidents) on the board. */
    static long[] boardCounts(Store store) throws SQLException {
        try (var connection = store.connect(); var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT COUNT(*), SUM(CASE WHEN is_open THEN 1 ELSE 0 END) FROM live_status")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }
}
