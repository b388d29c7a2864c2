package io.incidentledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import io.incidentledger.Api;
import io.incidentledger.RunningApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a person sees in a real browser (headless Chromium): the status page with and without
 * JavaScript, the live board redrawing after a command without a reload, and markup typed into
 * an incident shown as text. Screenshots land in target/screenshots for humans; they are not
 * asserted. Without Chromium the tests fail (.ci/run installs it); they never skip.
 */
class BrowserIT extends RunningApplication {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String HOSTILE = "<img src=x onerror=\"window.pwned=1\"> Disk <b>full</b>.";
    /** The row of one incident on the board, as its cells' text; null while it is not shown. */
    static final String ROW = """
            const row = document.querySelector('tr[data-incident="' + arguments[0] + '"]');
            return row ? [...row.cells].map(cell => cell.innerText) : null;""";

    static Chromium browser;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(true);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theStatusPageShowsTheHeadlineComponentsAndUpdatesWithOrWithoutJavaScript() {
        var component = "Search " + Long.toString(System.nanoTime(), 36);
        var id = api.acknowledged("Search is down");
        post(id, "/impact", Map.of("description", "d", "components", List.of(Map.of("name", component, "status", "MAJOR_OUTAGE"))));
        post(id, "/public-updates", Map.of("message", "Search is unavailable. We are investigating.", "status", "INVESTIGATING"));
        post(id, "/public-updates", Map.of("message", "We found the cause.", "status", "IDENTIFIED"));
        PublicOutputs.awaitPublicView(api, id, view -> view.get("updates").size() == 2);

        theStatusPageReads(browser, id, component, "status");
        try (var withoutScripts = Chromium.start(false)) {
            withoutScripts.open("data:text/html,<title>off</title><script>document.title='on'</script>");
            assertThat(withoutScripts.title()).as("page scripts are really off").isEqualTo("off");
            theStatusPageReads(withoutScripts, id, component, "status-without-javascript");
        }
    }

    private void theStatusPageReads(Chromium browser, String id, String component, String screenshot) {
        browser.open(url("/status"));
        assertThat(browser.script("return document.querySelector('p.overall').innerText").asString())
                .isEqualTo("Some systems are unavailable");
        var components = browser.script("""
                return [...document.querySelectorAll('ul.components li')].map(li => li.innerText.replace(/\\s+/g, ' '));""");
        assertThat(components.valueStream().map(node -> node.asString()).toList()).contains(component + " Major outage");
        browser.screenshot(SCREENSHOTS.resolve(screenshot + ".png"));

        browser.open(url("/status/incidents/" + id));
        assertThat(browser.script("return document.querySelector('h1').innerText").asString())
                .isEqualTo("Search is unavailable.");
        var updates = browser.script("""
                return [...document.querySelectorAll('article.update')].map(a => a.innerText.replace(/\\s+/g, ' '));""")
                .valueStream().map(node -> node.asString()).toList();
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0)).startsWith("Identified").endsWith("We found the cause.");
        assertThat(updates.get(1)).startsWith("Investigating").endsWith("Search is unavailable. We are investigating.");
        assertThat(browser.script("return document.body.innerText").asString()).contains(component, "Major outage");
    }

    @Test
    void theLiveBoardRedrawsARowAfterACommandWithoutAReload() {
        var detectedAt = Instant.now().minus(10, ChronoUnit.MINUTES);
        var created = api.post("/api/incidents").json(Map.of("title", "Logins are slow", "severity", "SEV3",
                "occurredAt", detectedAt.toString())).send();
        var id = created.json().get("incidentId").asString();

        connectTheBoard();
        var row = awaitRow(id, cells -> cells != null);
        assertThat(row).startsWith("SEV3").contains("DETECTED", "nobody yet", "not told yet");
        browser.script("window.sameDocument = 'yes'");

        post(id, "/acknowledgement", Map.of("commander", "Ada Browser"));
        post(id, "/severity", Map.of("severity", "SEV1", "reason", "Nobody can log in"));
        row = awaitRow(id, cells -> cells != null && cells.contains("ACKNOWLEDGED") && cells.startsWith("SEV1"));
        assertThat(row).contains("Ada Browser");

        // An update promised five minutes ago is overdue: the row nags.
        post(id, "/public-updates", Map.of("message", "Logins are slow.", "status", "INVESTIGATING",
                "occurredAt", detectedAt.plusSeconds(60).toString(),
                "nextUpdateDue", Instant.now().minus(5, ChronoUnit.MINUTES).toString()));
        row = awaitRow(id, cells -> cells != null && cells.contains("Public update overdue"));
        assertThat(browser.script("return document.querySelector('tr[data-incident=\"' + arguments[0] + '\"]').className", id)
                .asString()).isEqualTo("nag");
        assertThat(browser.script("return window.sameDocument").asString()).as("the page was never reloaded").isEqualTo("yes");
        assertThat(browser.script("return document.getElementById('connection').innerText").asString()).startsWith("Live");
        browser.screenshot(SCREENSHOTS.resolve("board.png"));
    }

    @Test
    void markupInAnIncidentIsShownAsTextNeverRun() {
        var id = api.detect(HOSTILE);
        post(id, "/public-updates", Map.of("message", HOSTILE + " We are on it.", "status", "INVESTIGATING"));
        PublicOutputs.awaitPublicView(api, id, view -> true);

        connectTheBoard();
        var row = awaitRow(id, cells -> cells != null);
        assertThat(row).contains(HOSTILE);
        assertThat(browser.script("return document.querySelectorAll('#board img, #board b').length").asInt()).isZero();

        browser.open(url("/status/incidents/" + id));
        assertThat(browser.script("return document.querySelector('h1').textContent").asString()).isEqualTo(HOSTILE);
        assertThat(browser.script("return document.querySelector('article.update p.message').textContent").asString())
                .isEqualTo(HOSTILE + " We are on it.");
        assertThat(browser.script("return document.querySelectorAll('main img, h1 img, main b, h1 b').length").asInt())
                .isZero();
        assertThat(browser.script("return typeof window.pwned").asString()).isEqualTo("undefined");
        browser.screenshot(SCREENSHOTS.resolve("markup-as-text.png"));
    }

    @Test
    void leavingTheBoardEndsItsStreamCleanly() {
        var id = api.detect("Someone leaves the board");
        long ended = streamsEnded("");
        connectTheBoard();
        awaitRow(id, cells -> cells != null);

        browser.open(url("/status"));
        // The server notices a client has gone when it next writes to it: keep the board changing.
        await("the board's stream to end").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            post(id, "/notes", Map.of("note", "Still here?"));
            return streamsEnded("") > ended;
        });
        assertThat(streamsEnded("exception=\"AuthorizationDeniedException\"")).isZero();
        assertThat(streamsEnded("status=\"403\"")).isZero();
    }

    /** How many requests for the board's event stream have ended (with this tag, if given), by the metrics. */
    private long streamsEnded(String tag) {
        var metrics = api.get("/actuator/prometheus").key(Api.ADMIN).send().body();
        return metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> line.contains("uri=\"/api/incidents/stream\"") && line.contains(tag))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Opens the board with no saved key and connects by typing the viewer key, as a person would. */
    private void connectTheBoard() {
        browser.open(url("/status"));
        browser.script("sessionStorage.clear()");
        browser.open(url("/board"));
        browser.type("#key", Api.VIEWER);
        browser.click("#login button[type=submit]");
    }

    /** Waits for the incident's row to satisfy the condition; returns its cells' text joined by " | ". */
    private String awaitRow(String id, Predicate<String> condition) {
        Callable<String> row = () -> {
            var cells = browser.script(ROW, id);
            return cells.isNull() ? null : String.join(" | ", cells.valueStream().map(node -> node.asString()).toList());
        };
        return await("board row of " + id).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(row, condition);
    }

    private void post(String id, String path, Object body) {
        var response = api.post("/api/incidents/" + id + path).json(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
