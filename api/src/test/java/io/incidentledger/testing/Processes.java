package io.incidentledger.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs programs of the checkout (the Python verifier, the built jar) as separate processes. */
public final class Processes {

    /** The checkout's top level, wherever the test runs. */
    public static final Path ROOT = root();

    private Processes() {
    }

    /** @param output standard output and error, interleaved */
    public record Result(int exitCode, String output) {
    }

    public static Result run(List<String> command) {
        try {
            var process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** docs/verify_chain.py, the verifier an auditor can run without us. */
    public static Result verifyChain(Path export, String... options) {
        var command = new java.util.ArrayList<>(List.of("python3", ROOT.resolve("docs/verify_chain.py").toString(),
                export.toString()));
        command.addAll(List.of(options));
        return run(command);
    }

    private static Path root() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("api/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the Incident Ledger checkout: " + Path.of("").toAbsolutePath());
    }
}
