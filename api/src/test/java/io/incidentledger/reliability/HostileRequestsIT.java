package io.incidentledger.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import io.incidentledger.Concurrently;
import io.incidentledger.RunningApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * At least 10,000 generated hostile requests ({@link HostileRequests}) across every endpoint,
 * sent by parallel keep-alive clients: never a 5xx; every refusal a problem detail with a code;
 * nothing appended, and no idempotency key stored, beyond what the accepted writes account for;
 * and whatever markup got in is shown as text on the status page and in the feed
 * ({@link PublicMarkup}). Seed, count and workers: {@code -Dhostile.seed}, {@code
 * -Dhostile.requests}, {@code -Dhostile.workers}.
 */
class HostileRequestsIT extends RunningApplication {

    static final long SEED = Long.getLong("hostile.seed", 20_240_501L);
    static final int REQUESTS = Integer.getInteger("hostile.requests", 10_000);
    static final int WORKERS = Integer.getInteger("hostile.workers", 4);
    static final JsonMapper JSON = JsonMapper.builder().build();

    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    final Map<String, Long> versions = new ConcurrentHashMap<>();
    final AtomicLong created = new AtomicLong();
    final AtomicLong keysStored = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

    @Test
    void hostileRequestsNeverCauseA5xxAndAppendNothingTheyWereNotAcceptedFor() {
        assertThat(REQUESTS).as("hostile.requests").isGreaterThanOrEqualTo(1_000);
        System.out.printf("HostileRequestsIT: seed=%d requests=%d workers=%d%n", SEED, REQUESTS, WORKERS);
        var targets = new ArrayList<String>();
        for (int w = 0; w < WORKERS; w++) {
            targets.add(api.acknowledged("Hostile target " + w));
            versions.put(targets.get(w), 1L);
        }
        var eventsBefore = events.total();
        var keysBefore = jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key", Long.class);
        long started = System.nanoTime();

        Concurrently.run(WORKERS, w -> {
            var requests = new HostileRequests(new Random(SEED + w));
            for (int i = w; i < REQUESTS; i += WORKERS) {
                check(requests.next(targets.get(w)), targets.get(w));
            }
            return null;
        });

        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("HostileRequestsIT: %,d requests in %.1f s (%.0f/s), answers by status %s; %d incidents "
                        + "created, %d writes accepted on the targets%n", sent.get(), seconds, sent.get() / seconds,
                new TreeMap<>(statuses), created.get(),
                versions.values().stream().mapToLong(v -> v - 1).sum());
        Tally.REQUESTS.addAndGet(sent.get());
        Tally.SERVER_ERRORS.addAndGet(serverErrors.get());
        assertThat(sent.get()).isEqualTo(REQUESTS);
        assertThat(failures).as("answers that break the rules (first 20)").isEmpty();
        for (var target : targets) {
            assertThat(events.sequenceNumbers(target)).as("events of " + target)
                    .containsExactlyElementsOf(LongStream.rangeClosed(0, versions.get(target)).boxed().toList());
        }
        assertThat(events.total() - eventsBefore).as("events appended")
                .isEqualTo(versions.values().stream().mapToLong(v -> v - 1).sum() + created.get());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key", Long.class) - keysBefore)
                .as("idempotency keys stored").isEqualTo(keysStored.get());

        var markup = new PublicMarkup(api);
        for (var target : targets) {
            markup.checkIncidentPage(target);
        }
        markup.checkStatusPageAndFeed();
    }

    private void check(HostileRequests.Request request, String target) {
        sent.incrementAndGet();
        Http.Answer response;
        try {
            response = Http.send(build(request));
        } catch (UncheckedIOException e) {
            note("no answer: " + e + " to " + request);
            return;
        }
        var body = response.body();
        int status = response.status();
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        var type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            serverErrors.incrementAndGet();
            note(status + " to " + request + " -> " + body);
        } else if (status >= 400) {
            if (!type.startsWith("application/problem+json") || !hasCode(body)) {
                note("not a problem detail: " + status + " " + type + " to " + request + " -> " + body);
            }
        } else if (request.write() && status < 300) {
            var written = JSON.readTree(body);
            if (status == 201) {
                created.incrementAndGet();
            } else {
                versions.merge(target, written.get("version").asLong(), Math::max);
            }
            if (request.storesKey() && response.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                keysStored.incrementAndGet();
            }
        }
    }

    private HttpRequest build(HostileRequests.Request request) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                .timeout(Duration.ofSeconds(30));
        request.headers().forEach((name, value) -> {
            try {
                builder.header(name, value);
            } catch (IllegalArgumentException unsendable) {
                // a header value this client refuses to send (a control character): send it without
            }
        });
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        var body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        return builder.method(request.method(), body).build();
    }

    private static boolean hasCode(String body) {
        try {
            var code = JSON.readTree(body).get("code");
            return code != null && !code.asString().isBlank();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private void note(String failure) {
        if (failures.size() < 20) {
            failures.add(failure.length() > 1500 ? failure.substring(0, 1500) + "..." : failure);
        }
    }
}
