package io.incidentledger.board;

import java.time.Duration;

import io.incidentledger.incident.Phase;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.status.BoardView;
import io.incidentledger.query.status.FindBoard;
import io.incidentledger.query.status.IncidentStatusView;
import io.incidentledger.query.status.WatchBoard;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live status board for responders: open incidents, most severe and oldest first. */
@RestController
@RequestMapping("/api/incidents")
class BoardController {

    static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final QueryGateway queries;
    private final BoardPolling polling;
    private final OpenStreams streams;

    BoardController(QueryGateway queries, BoardPolling polling, OpenStreams streams) {
        this.queries = queries;
        this.polling = polling;
        this.streams = streams;
    }

    @GetMapping
    BoardView board(@RequestParam(required = false) Phase phase,
                    @RequestParam(required = false) Severity severity,
                    @RequestParam(required = false) String service,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "" + FindBoard.DEFAULT_SIZE) int size) {
        return queries.query(new FindBoard(phase, severity, service, page, size),
                ResponseTypes.instanceOf(BoardView.class)).join();
    }

    /**
     * Server-sent events: first a {@code board} event with every open incident, then an
     * {@code incident} event whenever one changes (closed ones too, so clients drop them), whichever
     * node processed the change (see {@link BoardPolling}). Clients reconnect after
     * {@link #STREAM_LIFETIME}, which bounds how long a connection is held.
     */
    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        var emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        var subscription = queries.subscriptionQuery(new WatchBoard(),
                ResponseTypes.multipleInstancesOf(IncidentStatusView.class),
                ResponseTypes.instanceOf(IncidentStatusView.class));
        var subscriber = new BoardSubscriber(emitter, subscription);
        streams.opened(emitter);
        emitter.onCompletion(() -> {
            streams.closed(emitter);
            subscriber.close();
        });
        emitter.onTimeout(subscriber::close);
        emitter.onError(e -> subscriber.close());
        subscription.initialResult().subscribe(board -> {
            subscriber.start(board);
            polling.add(subscriber);
        }, emitter::completeWithError);
        subscription.updates().subscribe(subscriber::offer, emitter::completeWithError);
        return emitter;
    }
}
