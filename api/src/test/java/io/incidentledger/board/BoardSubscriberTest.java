package io.incidentledger.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.incidentledger.incident.Phase;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.status.IncidentStatusView;
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
