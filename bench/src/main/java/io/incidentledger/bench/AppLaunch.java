package io.incidentledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How the runner starts the application. By default as {@code docker/Dockerfile} runs it: the jar
 * extracted ({@code -Djarmode=tools extract}) and started with a class-data-sharing archive that a
 * training run made ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}).
 * Prepared once per runner invocation under {@code <out>/app}. {@code --launch jar} runs the plain
 * {@code java -jar} instead.
 */
record AppLaunch(List<String> jvmArguments, String description) {

    static final String CDS = "extracted jar + CDS archive, as docker/Dockerfile";
    static final String JAR = "java -jar";

    private static AppLaunch prepared;

    static AppLaunch of(Options options) {
        return options.launch().equals("jar") ? plain(options) : prepared(options);
    }

    static AppLaunch plain(Options options) {
        return new AppLaunch(List.of("-jar", options.jar().toAbsolutePath().toString()), JAR);
    }

    static synchronized AppLaunch prepared(Options options) {
        if (prepared != null) {
            return prepared;
        }
        var directory = options.out().resolve("app").toAbsolutePath();
        var extracted = directory.resolve(options.jar().getFileName());
        var archive = directory.resolve("incident-ledger.jsa");
        var java = AppProcess.JAVA;
        System.err.println("[bench] extracting the jar and training its class-data-sharing archive in " + directory);
        run(directory.resolveSibling("app-extract.log"), java, "-Djarmode=tools", "-jar",
                options.jar().toAbsolutePath().toString(), "extract", "--force", "--destination", directory.toString());
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The training run starts the whole context on an in-memory database and exits once refreshed.
        // The same JVM options as the measured runs: an archive made under others may not be usable.
        var training = new ArrayList<String>(List.of(java, "-XX:ArchiveClassesAtExit=" + archive));
        training.addAll(options.appJvmOptions());
        training.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", extracted.toString(), "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:training", "--incident-ledger.samples.enabled=false"));
        run(directory.resolveSibling("app-training.log"), training.toArray(String[]::new));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run made no archive at " + archive);
        }
        prepared = new AppLaunch(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-jar", extracted.toString()), CDS);
        return prepared;
    }

    private static void run(Path log, String... command) {
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
            builder.environment().put("INCIDENT_LEDGER_API_KEYS", "bench:" + AppProcess.API_KEY + ":ADMIN");
            var process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[command.length - 1] + " did not finish; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("exit " + process.exitValue() + " from " + String.join(" ", command)
                        + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
