package io.incidentledger.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * The engine as an operator runs it: {@code java -jar incident-ledger.jar} in a process of its own,
 * configured through environment variables only, its output in a log file under target/nodes.
 */
final class EngineProcess {

    /** Built by the package phase, which runs before the integration tests. */
    static final Path JAR = Path.of(System.getProperty("incident-ledger.jar", "target/incident-ledger.jar"));

    private static final Pattern READY = Pattern.compile("Health\\s+http://localhost:(\\d+)/actuator/health");
    private static final Duration START_UP_LIMIT = Duration.ofSeconds(120);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;
    private volatile int port;

    private EngineProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts a node; {@link #awaitReady()} waits until it serves HTTP. */
    static EngineProcess start(String name, Map<String, String> environment) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run ./mvnw package (verify does) first");
        }
        try {
            var log = Files.createDirectories(Path.of("target", "nodes")).resolve(name + ".log");
            var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Small and quick to start: this machine runs two of them beside the build.
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("INCIDENT_LEDGER_") || key.startsWith("SPRING_"));
            builder.environment().putAll(environment);
            return new EngineProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EngineProcess awaitReady() {
        Awaitility.await(name + " ready").atMost(START_UP_LIMIT).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(80));
                    }
                    var ready = READY.matcher(output());
                    if (ready.find()) {
                        port = Integer.parseInt(ready.group(1));
                    }
                    return port != 0;
                });
        return this;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** The owner name this node writes into TokenEntry (Axon's default: pid@host). */
    boolean owns(String owner) {
        return owner != null && owner.startsWith(process.pid() + "@");
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Asks for a graceful shutdown (SIGTERM), and kills the process if that takes too long. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                System.out.println(name + " did not stop within " + STOP_LIMIT + "; killing it");
                process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String tail(int lines) {
        var all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ", log " + log.toAbsolutePath() + ")";
    }
}
