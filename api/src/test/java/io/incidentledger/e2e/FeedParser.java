package io.incidentledger.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * Parses an Atom document with Universal Feed Parser (Debian's python3-feedparser), the parser
 * many feed readers are built on, so the feed is judged by a standard client rather than by our
 * own XML library. Fails, never skips, when the parser is missing: .ci/run installs it.
 */
final class FeedParser {

    /** What feedparser made of the document; {@code bozo} is its "this is not well-formed" flag. */
    record Feed(boolean bozo, String problem, String version, String title, List<Entry> entries) {
    }

    record Entry(String id, String title, String summary, String link, String published, String updated) {
    }

    private static final String SCRIPT = """
            import json, sys, feedparser
            d = feedparser.parse(sys.stdin.buffer.read())
            keys = ("id", "title", "summary", "link", "published", "updated")
            print(json.dumps({"bozo": bool(d.bozo), "problem": str(d.get("bozo_exception", "")),
                "version": d.get("version", ""), "title": d.feed.get("title"),
                "entries": [{k: e.get(k) for k in keys} for e in d.entries]}))
            """;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FeedParser() {
    }

    static Feed parse(String xml) {
        var python = python();
        try {
            var process = new ProcessBuilder(python, "-c", SCRIPT).redirectErrorStream(false).start();
            try (var in = process.getOutputStream()) {
                in.write(xml.getBytes(StandardCharsets.UTF_8));
            }
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("feedparser failed (" + python + "): " + err
                        + "\nInstall Debian's python3-feedparser (.ci/run does): apt-get install python3-feedparser");
            }
            return JSON.readValue(out, Feed.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Debian's interpreter: a python3 earlier on the PATH (pyenv, a venv) does not see Debian's packages. */
    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }
}
