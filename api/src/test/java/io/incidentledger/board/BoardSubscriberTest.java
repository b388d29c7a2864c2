package io.incidentledger.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import io.incidentledger.incident.Phase;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.status.IncidentStatusView;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Local updates and polls both reach a stream; the client must see each change once, in order. */
class BoardSubscriberTest {

    final List<String> sent = new ArrayList<>();
    final BoardSubscriber subscriber = new BoardSubscriber(new Recording(), () -> { });

    @Test
    void pushesOnlyViewsNewerThanWhatTheClientHas() {
        subscriber.start(List.of(view("A", 1, Phase.ACKNOWLEDGED)));

        subscriber.offer(view("A", 1, Phase.ACKNOWLEDGED));
        subscriber.offer(view("A", 3, Phase.ACKNOWLEDGED));
        subscriber.offer(view("A", 2, Phase.ACKNOWLEDGED)); // a late local update, after a poll saw version 3
        subscriber.offer(view("B", 0, Phase.DETECTED));

        assertThat(sent).containsExactly("board [A@1]", "incident A@3", "incident B@0");
    }

    @Test
    void ignoresUpdatesBeforeTheBoardWasSent() {
        subscriber.offer(view("A", 2, Phase.ACKNOWLEDGED));
        subscriber.start(List.of());

        assertThat(sent).containsExactly("board []");
    }

    @Test
    void catchingUpTellsAboutNewAndChangedOpenIncidentsAndTheClosingOfShownOnes() {
        subscriber.start(List.of(view("A", 1, Phase.ACKNOWLEDGED), view("B", 4, Phase.FIXED)));

        subscriber.catchUp(List.of(view("A", 2, Phase.CONTAINED), view("C", 0, Phase.DETECTED)),
                Map.of("B", Optional.of(view("B", 5, Phase.LEARNED)),
                        "Z", Optional.of(view("Z", 9, Phase.LEARNED))));

        assertThat(sent).containsExactly("board [A@1, B@4]", "incident A@2", "incident C@0", "incident B@5");
        assertThat(subscriber.shownOpen()).containsExactlyInAnyOrder("A", "C");
    }

    @Test
    void stopsPushingOnceTheClientIsGone() {
        var gone = new BoardSubscriber(new Recording() {
            @Override
            public void send(SseEventBuilder builder) {
                throw new IllegalStateException("completed");
            }
        }, () -> { });
        gone.start(List.of());
        assertThat(gone.isClosed()).isTrue();
    }

    /**
     * Axon delivers an update holding its sink's lock, and closing the subscription takes that lock:
     * a stream that finds its client gone while an update waits for it must not close the
     * subscription under its own lock (that deadlocked the live-status processor for good).
     */
    @Test
    void aClientGoneWhileAnUpdateWaitsDoesNotDeadlockTheProcessor() throws Exception {
        var sink = new ReentrantLock();
        var closes = new AtomicInteger();
        var closedUnderSinkContention = new AtomicBoolean();
        AutoCloseable subscription = () -> {
            if (!sink.tryLock(2, TimeUnit.SECONDS)) {
                closedUnderSinkContention.set(true);
                return;
            }
            try {
                closes.incrementAndGet();
            } finally {
                sink.unlock();
            }
        };
        var holder = new BoardSubscriber[1];
        var processor = new Thread(() -> {
            sink.lock(); // as Axon's update emitter does while it calls offer
            try {
                holder[0].offer(view("B", 7, Phase.DETECTED));
            } finally {
                sink.unlock();
            }
        }, "processor");
        holder[0] = new BoardSubscriber(new Recording() {
            @Override
            public void send(SseEventBuilder builder) throws IOException {
                if (sent.isEmpty()) {
                    super.send(builder); // the board
                    return;
                }
                // the client is gone, found by a poll while an update is on its way
                processor.start();
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> processor.getState() == Thread.State.BLOCKED);
                throw new IOException("Broken pipe");
            }
        }, subscription);
        var subscriber = holder[0];
        subscriber.start(List.of());

        subscriber.catchUp(List.of(view("A", 0, Phase.DETECTED)), Map.of());

        processor.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(processor.isAlive()).as("the processor got past the update").isFalse();
        assertThat(closedUnderSinkContention).as("closed while the processor held the sink").isFalse();
        assertThat(subscriber.isClosed()).isTrue();
        assertThat(closes).as("released by the next poll, not under the stream's lock").hasValue(0);
        subscriber.release();
        subscriber.release();
        assertThat(closes).hasValue(1);
    }

    static IncidentStatusView view(String id, long version, Phase phase) {
        var at = Instant.parse("2026-01-01T00:00:00Z");
        return new IncidentStatusView(id, "t", null, phase, Severity.SEV2, null, List.of(), List.of(), at, null, null,
                null, null, null, 0, List.of(), at, null, null, false, false, version);
    }

    /** Records each event as "name payload", a view as id@version. */
    class Recording extends SseEmitter {

        @Override
        public void send(SseEventBuilder builder) throws java.io.IOException {
            String name = null;
            Object payload = null;
            for (var part : builder.build()) {
                if (part.getData() instanceof String text && text.startsWith("event:")) {
                    name = text.substring(6, text.indexOf('\n'));
                } else if (!(part.getData() instanceof String)) {
                    payload = part.getData();
                }
            }
            sent.add(name + " " + describe(payload));
        }

        private static String describe(Object payload) {
            if (payload instanceof IncidentStatusView view) {
                return view.incidentId() + "@" + view.version();
            }
            return ((List<?>) payload).stream().map(Recording::describe).toList().toString();
        }
    }
}
