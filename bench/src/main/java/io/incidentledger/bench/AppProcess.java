package io.incidentledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * The real application jar, started as its own process on a store, exactly as an operator
 * starts it (plus a free port, an API key and no sample incidents). While it runs, its heap in
 * use is sampled twice a second (from launch) from its Prometheus endpoint; the resident-set high-water mark
 * comes from the kernel when it stops.
 */
final class AppProcess implements AutoCloseable {

    static final String API_KEY = "bench-key-0123456789abcdef";
    /** The java executable of the runner's own JDK, which starts the application too. */
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$",
            Pattern.MULTILINE);

    /** USER_HZ: 100 on every Linux platform Java runs on. */
    private static final double CLOCK_TICKS = 100;

    private final Process process;
    private final Store store;
    private final int port;
    private final Path log;
    private final long launchedAt = System.nanoTime();
    private final AtomicLong peakHeap = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });
    /** Used by the sampler thread only. */
    private final HttpConnection samplerHttp;
    /** Stops the application if the runner is interrupted (Ctrl-C): it must not outlive the run. */
    private final Thread stopOnExit;
    private long readyAfterMillis = -1;
    private long peakResidentKb = -1;

    private AppProcess(Process process, int port, Path log, Store store) {
        this.store = store;
        this.process = process;
        this.port = port;
        this.log = log;
        this.samplerHttp = new HttpConnection("127.0.0.1", port);
        this.stopOnExit = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        // Sampled from launch on: a rebuild peaks before the application reports ready.
        sampler.scheduleAtFixedRate(this::sampleHeap, 500, 500, TimeUnit.MILLISECONDS);
    }

    static AppProcess start(Options options, Store store, String label) {
        return start(options, store, label, AppLaunch.of(options));
    }

    static AppProcess start(Options options, Store store, String label, AppLaunch launch) {
        try {
            Files.createDirectories(options.out());
            var port = freePort();
            var command = new ArrayList<String>();
            command.add(JAVA);
            command.addAll(options.appJvmOptions());
            command.addAll(launch.jvmArguments());
            command.add("--server.port=" + port);
            command.add("--incident-ledger.samples.enabled=false");
            command.addAll(store.appArguments());
            command.addAll(options.appArguments());
            var builder = new ProcessBuilder(command);
            builder.environment().put("INCIDENT_LEDGER_DB_URL", store.appUrl());
            builder.environment().put("INCIDENT_LEDGER_API_KEYS", "bench:" + API_KEY + ":RESPONDER,VIEWER,AUDITOR,ADMIN");
            if (store instanceof Store.Postgres postgres) {
                builder.environment().putAll(postgres.environment());
            }
            var log = options.out().resolve("app-" + store.name() + "-" + label + ".log");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            return new AppProcess(builder.start(), port, log, store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Waits for /actuator/health to answer UP; returns the milliseconds since the process was launched. */
    long awaitReady() {
        var http = new HttpConnection("127.0.0.1", port);
        long deadline = launchedAt + Duration.ofMinutes(10).toNanos();
        while (true) {
            requireAlive();
            try {
                var response = http.get("/actuator/health", null);
                if (response.status() == 200 && response.body().contains("\"UP\"")) {
                    readyAfterMillis = (System.nanoTime() - launchedAt) / 1_000_000;
                    break;
                }
            } catch (UncheckedIOException notYet) {
                http.reset();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application did not become ready; see " + log);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        http.close();
        return readyAfterMillis;
    }

    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the application exited with " + process.exitValue() + "; see " + log);
        }
    }

    private void sampleHeap() {
        var http = samplerHttp;
        try {
            var body = http.get("/actuator/prometheus", API_KEY, "text/plain").body();
            var matcher = HEAP_USED.matcher(body);
            double used = 0;
            while (matcher.find()) {
                used += Double.parseDouble(matcher.group(1));
            }
            long bytes = (long) used;
            peakHeap.accumulateAndGet(bytes, Math::max);
        } catch (RuntimeException stopping) {
            http.reset();
        }
    }

    /**
     * CPU time the application has used so far (user + system), in milliseconds; NaN off Linux.
     * Its difference over a measurement is the application's cost per operation, a figure that
     * other load on the machine disturbs far less than throughput.
     */
    double cpuMillis() {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000.0 / CLOCK_TICKS;
        } catch (IOException | RuntimeException notLinux) {
            return Double.NaN;
        }
    }

    /** CPU time (ms) of the database server processes serving the store; NaN when embedded. */
    double serverCpuMillis() {
        return store.serverCpuMillis();
    }

    /** Peak heap in use among the samples taken, in bytes. */
    long peakHeapBytes() {
        return peakHeap.get();
    }

    /** The resident-set high-water mark (VmHWM), read just before stopping; -1 if unknown. */
    long peakResidentBytes() {
        return peakResidentKb < 0 ? residentHighWaterKb() * 1024 : peakResidentKb * 1024;
    }

    private long residentHighWaterKb() {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
        return -1;
    }

    /** Stops it gracefully (SIGTERM), as an operator would. */
    @Override
    public void close() {
        sampler.shutdownNow();
        samplerHttp.close();
        if (process.isAlive()) {
            peakResidentKb = residentHighWaterKb();
        }
        process.destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // the runner is shutting down; the hook stops the process anyway
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    List<String> logTail(int lines) {
        try {
            var all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of();
        }
    }
}
