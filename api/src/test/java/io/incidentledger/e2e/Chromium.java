package io.incidentledger.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Headless Chromium driven through chromedriver's W3C WebDriver protocol: plain JSON over HTTP,
 * so no Selenium. Debian's {@code chromium} and {@code chromium-driver} packages; a missing
 * browser fails the test with the command that installs it (.ci/run runs it), it never skips.
 */
final class Chromium implements AutoCloseable {

    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process driver;
    private final Path profile;
    private final URI session;

    private Chromium(Process driver, Path profile, URI session) {
        this.driver = driver;
        this.profile = profile;
        this.session = session;
    }

    /** A fresh browser with its own empty profile; {@code javaScript} false turns off page scripts. */
    static Chromium start(boolean javaScript) {
        var chromedriver = executable("chromedriver");
        var chromium = executable("chromium");
        Process driver = null;
        try {
            int port = freePort();
            driver = new ProcessBuilder(chromedriver.toString(), "--port=" + port)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            var base = URI.create("http://localhost:" + port + "/");
            Awaitility.await("chromedriver ready").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions().until(() -> send("GET", base.resolve("status"), null).get("ready").asBoolean());
            var profile = Files.createTempDirectory("incident-ledger-chromium");
            var args = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile));
            if (!javaScript) {
                args.add("--blink-settings=scriptEnabled=false");
            }
            var capabilities = Map.of("capabilities", Map.of("alwaysMatch", Map.of("browserName", "chrome",
                    "goog:chromeOptions", Map.of("binary", chromium.toString(), "args", args))));
            var id = send("POST", base.resolve("session"), capabilities).get("sessionId").asString();
            return new Chromium(driver, profile, base.resolve("session/" + id + "/"));
        } catch (IOException | RuntimeException e) {
            if (driver != null) {
                driver.destroyForcibly();
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    void open(String url) {
        command("POST", "url", Map.of("url", url));
    }

    String title() {
        return command("GET", "title", null).asString();
    }

    /** Runs a script in the page (WebDriver's own channel: works with page scripts off too). */
    JsonNode script(String script, Object... args) {
        return command("POST", "execute/sync", Map.of("script", script, "args", List.of(args)));
    }

    /** Types into the element as a person would: key events, not a value assignment. */
    void type(String css, String text) {
        command("POST", "element/" + element(css) + "/value", Map.of("text", text));
    }

    void click(String css) {
        command("POST", "element/" + element(css) + "/click", Map.of());
    }

    /** For humans reading a failed run; never asserted. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode(command("GET", "screenshot", null).asString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String element(String css) {
        return command("POST", "element", Map.of("using", "css selector", "value", css)).get(ELEMENT).asString();
    }

    private JsonNode command(String method, String path, Object body) {
        return send(method, session.resolve(path), body);
    }

    private static JsonNode send(String method, URI uri, Object body) {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            var value = JSON.readTree(response.body()).get("value");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("WebDriver " + method + " " + uri.getPath() + " failed: " + value);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path executable(String name) {
        for (var dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/lib/chromium").split(":")) {
            var candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not installed. The browser test needs Debian's chromium and "
                + "chromium-driver: apt-get install chromium chromium-driver (.ci/run installs them when missing).");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            send("DELETE", session, null);
        } catch (RuntimeException e) {
            // the browser is gone already; stopping the driver below still cleans up
        }
        // Ending the session does not always end every Chromium process (its utility processes
        // outlived CI runs): stop the driver's descendants, then anything still using our profile.
        driver.descendants().forEach(ProcessHandle::destroy);
        driver.destroy();
        try {
            if (!driver.waitFor(10, TimeUnit.SECONDS)) {
                driver.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(profile.toString())).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
