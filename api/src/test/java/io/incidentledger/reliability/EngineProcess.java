package io.incidentledger.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * The engine as operators run it, {@code java -jar incident-ledger.jar}, in a process of its own
 * that a test can kill like a power cut (SIGKILL: no shutdown hook, no flush, no goodbye).
 */
final class EngineProcess {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final String STARTED = "Started IncidentLedgerApplication";

    private final Process process;
    private final Path log;
    private final int port;

    private EngineProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The jar Maven's package phase built; failsafe runs after it. */
    static Path jar() {
        var jar = Path.of(System.getProperty("reliability.jar", "target/incident-ledger.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run `./mvnw package` (or verify) first");
        }
        return jar;
    }

    static EngineProcess start(CrashStore store, Path log) {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-jar", jar().toAbsolutePath().toString(), "--server.port=0", CrashStore.SAMPLES_OFF));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(store.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var port = Awaitility.await("engine start, log " + log).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> startedPort(process, log), p -> p > 0);
        return new EngineProcess(process, log, port);
    }

    private static int startedPort(Process process, Path log) throws IOException {
        var text = Files.readString(log, StandardCharsets.UTF_8);
        if (!process.isAlive()) {
            throw new IllegalStateException("the engine exited with " + process.exitValue() + ":\n" + tail(text));
        }
        var port = PORT.matcher(text);
        return text.contains(STARTED) && port.find() ? Integer.parseInt(port.group(1)) : 0;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL on Linux: the process dies where it stands. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    String logTail() {
        try {
            return tail(Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private void waitForExit() {
        Awaitility.await("engine " + process.pid() + " exits").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20)).until(() -> !process.isAlive());
    }

    private static String tail(String text) {
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }
}
