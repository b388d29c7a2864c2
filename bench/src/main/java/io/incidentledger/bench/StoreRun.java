package io.incidentledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Every measurement on one fresh store, in an order where each step finds what it needs: the raw
 * baseline first (nothing else running), then the synthetic histories, the raw scan and the
 * rebuilds (application stopped between them), and last the application serving reads and
 * commands on the full store.
 */
final class StoreRun {

    private final Options options;
    private final Store store;
    private final Report report;
    private double rawCommitRate = Double.NaN;
    private double scanRate = Double.NaN;
    private HistoryGenerator.Dataset dataset;

    private StoreRun(Options options, Store store) {
        this.options = options;
        this.store = store;
        this.report = new Report(store.name() + " — " + Report.count(options.events()) + " events, "
                + options.repetitions() + " repetitions");
    }

    static Report run(Options options, String storeName) throws Exception {
        try (var store = Store.create(storeName, options)) {
            var run = new StoreRun(options, store);
            var load = Machine.loadAverage();
            run.measure();
            run.report.note("load average (1 min) before / after: " + load + " / " + Machine.loadAverage()
                    + " on " + Machine.describe());
            return run.report;
        }
    }

    private void measure() throws Exception {
        if (options.runs("baseline")) {
            rawCommitRate = median(() -> RawJdbc.insertCommitRate(store, Duration.ofSeconds(5)));
            report.row("raw JDBC insert+commit, one connection, event-table shape", Report.rate(rawCommitRate, "rows"));
        }
        long emptyStart;
        try (var app = AppProcess.start(options, store, "empty")) {
            emptyStart = app.awaitReady();
        }
        if (!options.launch().equals("jar")) {
            try (var app = AppProcess.start(options, store, "empty-plain-jar", AppLaunch.plain(options))) {
                report.row("start-up to ready, empty store, plain java -jar (for comparison)",
                        Report.seconds(app.awaitReady()));
            }
        }
        progress("generating " + Report.count(options.events()) + " events");
        long began = System.nanoTime();
        dataset = HistoryGenerator.write(store, options.events(), options.openIncidents(), options.seed());
        progress("generated " + Report.count(dataset.events()) + " events (" + Report.count(dataset.incidents())
                + " incidents) in " + Report.seconds((System.nanoTime() - began) / 1e6));
        if (store instanceof Store.Postgres) {
            // As after any bulk load: otherwise autovacuum takes the million new rows on during
            // whichever measurement comes next (one model's rebuild took three times as long).
            try (var connection = store.connect(); var statement = connection.createStatement()) {
                statement.execute("VACUUM (ANALYZE)");
            }
            progress("vacuumed and analyzed the generated store");
        }
        scanRate = median(() -> RawJdbc.scanRate(store));
        report.row("raw JDBC scan of the event table", Report.rate(scanRate, "rows"));
        rebuild();
        serve(emptyStart);
    }

    private void rebuild() throws Exception {
        var runs = new ArrayList<Rebuild.Result>();
        int times = options.runs("rebuild") ? options.repetitions() : 1;
        for (int i = 0; i < times; i++) {
            progress("rebuild " + (i + 1) + "/" + times);
            runs.add(Rebuild.run(options, store, dataset.events(), "rebuild-" + (i + 1)));
            var counts = Rebuild.boardCounts(store);
            long expectedOpen = dataset.open().size() + dataset.longIncidents().size();
            if (counts[0] != dataset.incidents() || counts[1] != expectedOpen) {
                throw new IllegalStateException("the rebuilt board has " + counts[0] + " incidents, " + counts[1]
                        + " open; the histories have " + dataset.incidents() + ", " + expectedOpen + " open");
            }
        }
        if (!options.runs("rebuild")) {
            return;
        }
        for (var processor : runs.get(0).eventsPerSecond().keySet()) {
            report.row("rebuild, " + processor + " alone", Report.rate(Latencies.median(
                    runs.stream().map(r -> r.eventsPerSecond().getOrDefault(processor, Double.NaN)).toList()), "events"));
        }
        double together = Latencies.median(runs.stream().map(Rebuild.Result::together).toList());
        double cpu = Latencies.median(runs.stream().map(Rebuild.Result::cpuMicrosPerEvent).toList());
        double serverCpu = Latencies.median(runs.stream().map(Rebuild.Result::serverCpuMicrosPerEvent).toList());
        report.row("rebuild, all read models", Report.rate(together, "events") + Report.cpu(cpu, serverCpu, "µs", 1),
                "≥ 50,000 events/s", together >= 50_000);
        report.row("rebuild / raw scan", Report.percent(together / scanRate));
        report.row("peak heap / resident, rebuilding", Report.megabytes(Latencies.median(runs.stream()
                .map(r -> (double) r.peakHeapBytes()).toList())) + " / " + Report.megabytes(Latencies.median(runs.stream()
                .map(r -> (double) r.peakResidentBytes()).toList())));
    }

    private void serve(long emptyStart) throws Exception {
        var starts = new ArrayList<Double>();
        AppProcess app = null;
        for (int i = 0; i < options.repetitions(); i++) {
            if (app != null) {
                app.close();
            }
            app = AppProcess.start(options, store, "serve-" + (i + 1));
            starts.add((double) app.awaitReady());
        }
        try (var serving = app) {
            double loaded = Latencies.median(starts);
            report.row("start-up to ready, empty store / " + Report.count(dataset.events()) + " events ("
                            + AppLaunch.of(options).description() + ")",
                    Report.seconds(emptyStart) + " / " + Report.seconds(loaded), "< 6 s",
                    loaded < 6000 && emptyStart < 6000);
            if (options.runs("reads")) {
                reads(serving);
            }
            if (options.runs("long")) {
                longIncidents(serving);
            }
            if (options.runs("commands")) {
                commands(serving);
            }
            serving.close();
            report.row("peak heap / resident, serving", Report.megabytes(serving.peakHeapBytes()) + " / "
                    + Report.megabytes(serving.peakResidentBytes()));
        }
    }

    private void reads(AppProcess app) throws Exception {
        var random = new Random(options.seed());
        var board = repeat(() -> HttpLoad.sequential(app, 200, 2_000,
                (http, i) -> http.get("/api/incidents", AppProcess.API_KEY).status()));
        report.row("board, " + Report.count(dataset.open().size() + dataset.longIncidents().size()) + " open incidents",
                Report.latency(board), "p99 < 10 ms", board.p99() < 10);
        var all = new ArrayList<>(dataset.closed());
        all.addAll(dataset.open());
        var one = repeat(() -> HttpLoad.sequential(app, 200, 2_000, (http, i) ->
                http.get("/api/incidents/" + all.get(random.nextInt(all.size())), AppProcess.API_KEY).status()));
        report.row("one incident (live status)", Report.latency(one));
        var postmortem = repeat(() -> HttpLoad.sequential(app, 100, 1_000, (http, i) -> http.get("/api/incidents/"
                + dataset.closed().get(random.nextInt(dataset.closed().size())) + "/postmortem", AppProcess.API_KEY,
                "text/markdown").status()));
        report.row("postmortem rendered as Markdown", Report.latency(postmortem));
    }

    private void longIncidents(AppProcess app) throws Exception {
        var p50s = new ArrayList<Double>();
        for (var entry : dataset.longIncidents().entrySet()) {
            var path = "/api/incidents/" + entry.getValue() + "/notes";
            var result = repeat(() -> HttpLoad.sequential(app, 20, 200, (http, i) -> http.post(path,
                    AppProcess.API_KEY, "{\"note\":\"Still watching the error rate.\"}").status()));
            report.row("command on an incident of " + Report.count(entry.getKey()) + " events", Report.latency(result));
            p50s.add(result.p50());
        }
        if (p50s.size() > 1) {
            double ratio = p50s.get(p50s.size() - 1) / p50s.get(0);
            report.row("latency at the longest / at 10 events (p50)", Report.ratio(ratio), "≤ 2", ratio <= 2);
        }
    }

    private void commands(AppProcess app) throws Exception {
        for (int clients : options.clients()) {
            var round = new int[1];
            var result = repeat(() -> HttpLoad.commands(app, clients, options.warmUp(), options.measure(),
                    "LOAD-" + clients + "-" + round[0]++));
            var figure = "commands over HTTP, " + clients + (clients == 1 ? " client" : " clients");
            if (clients == 32) {
                report.row(figure, Report.rate(result.perSecond(), "commands") + ", " + Report.latency(result),
                        "≥ 3,000/s, p99 < 25 ms", result.perSecond() >= 3000 && result.p99() < 25);
                if (!Double.isNaN(rawCommitRate)) {
                    double ratio = result.perSecond() / rawCommitRate;
                    report.row("commands at 32 clients / raw insert+commit", Report.ratio(ratio), "≥ 0.70", ratio >= 0.7);
                }
            } else {
                report.row(figure, Report.rate(result.perSecond(), "commands") + ", " + Report.latency(result));
            }
        }
    }

    private HttpLoad.Result repeat(ThrowingSupplier<HttpLoad.Result> measurement) throws Exception {
        var results = new ArrayList<HttpLoad.Result>();
        for (int i = 0; i < options.repetitions(); i++) {
            results.add(measurement.get());
        }
        return HttpLoad.median(results);
    }

    private double median(ThrowingSupplier<Double> measurement) throws Exception {
        List<Double> figures = new ArrayList<>();
        for (int i = 0; i < options.repetitions(); i++) {
            figures.add(measurement.get());
        }
        return Latencies.median(figures);
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private void progress(String message) {
        System.err.println("[" + store.name() + "] " + message);
    }
}
