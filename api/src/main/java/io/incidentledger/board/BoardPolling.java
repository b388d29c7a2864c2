package io.incidentledger.board;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.incidentledger.query.status.GetIncidentStatus;
import io.incidentledger.query.status.IncidentStatusView;
import io.incidentledger.query.status.WatchBoard;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps board streams current with changes other nodes processed. Axon pushes subscription-query
 * updates only on the node whose event processor handled the event (without Axon Server its update
 * emitter is local), and with several nodes each one handles only its own token segments. So,
 * while at least one stream is open, this reads the open incidents from the shared read model
 * every poll interval and offers them to every stream, which pushes only what is newer. One read
 * per node per interval, whatever the number of streams; nothing at all while none is open.
 */
@Component
class BoardPolling {

    private static final Logger log = LoggerFactory.getLogger(BoardPolling.class);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final QueryGateway queries;
    private final Set<BoardSubscriber> subscribers = ConcurrentHashMap.newKeySet();

    BoardPolling(QueryGateway queries) {
        this.queries = queries;
    }

    void add(BoardSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    @Scheduled(fixedDelayString = "${incident-ledger.board.poll-interval:PT1S}")
    void poll() {
        for (var subscriber : subscribers) {
            if (subscriber.isClosed()) {
                subscribers.remove(subscriber);
                subscriber.release(); // here, under no stream's lock (see BoardSubscriber.release)
            }
        }
        if (subscribers.isEmpty()) {
            return;
        }
        subscribers.forEach(subscriber -> subscriber.keepAlive(KEEP_ALIVE));
        try {
            List<IncidentStatusView> openNow = queries.query(new WatchBoard(),
                    ResponseTypes.multipleInstancesOf(IncidentStatusView.class)).join();
            var openIds = new HashSet<String>();
            openNow.forEach(view -> openIds.add(view.incidentId()));
            var closedSince = new HashMap<String, Optional<IncidentStatusView>>();
            for (var subscriber : subscribers) {
                for (var id : subscriber.shownOpen()) {
                    if (!openIds.contains(id)) {
                        closedSince.computeIfAbsent(id, this::current);
                    }
                }
            }
            for (var subscriber : subscribers) {
                subscriber.catchUp(openNow, closedSince);
            }
        } catch (RuntimeException e) {
            // The next poll tries again; streams keep their local updates meanwhile.
            log.warn("Board poll failed: {}", e.toString());
        }
    }

    /**
     * Ends every stream first thing at shutdown: an open stream is an active request, and the web
     * server's graceful shutdown would otherwise wait its full timeout for it.
     */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        subscribers.forEach(BoardSubscriber::complete);
        subscribers.clear();
    }

    private Optional<IncidentStatusView> current(String incidentId) {
        return Optional.ofNullable(queries.query(new GetIncidentStatus(incidentId),
                ResponseTypes.instanceOf(IncidentStatusView.class)).join());
    }
}
