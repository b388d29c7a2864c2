package io.incidentledger.query.status;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.query.BatchedViews;
import io.incidentledger.query.RecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live status board: folds every incident event into {@link IncidentStatusView}s, answers
 * the board queries and pushes each changed view to subscribers once its batch has committed.
 * Overdue public updates are judged against the clock at read and push time, never stored.
 */
@Component
@ProcessingGroup(LiveStatusProjection.PROCESSING_GROUP)
public class LiveStatusProjection {

    public static final String PROCESSING_GROUP = "live-status";

    private final LiveStatusTable table;
    private final QueryUpdateEmitter emitter;
    private final Clock clock;
    private final BatchedViews<String, IncidentStatusView> views;

    /** Uses the application's {@link Clock} bean if there is one, else the system clock (UTC). */
    @Autowired
    public LiveStatusProjection(JdbcTemplate jdbc, QueryUpdateEmitter emitter, ObjectProvider<Clock> clock) {
        this(jdbc, emitter, clock.getIfAvailable(Clock::systemUTC));
    }

    public LiveStatusProjection(JdbcTemplate jdbc, QueryUpdateEmitter emitter, Clock clock) {
        this.table = new LiveStatusTable(jdbc);
        this.emitter = emitter;
        this.clock = clock;
        this.views = new BatchedViews<String, IncidentStatusView>(id -> table.find(id).orElse(null),
                changed -> table.write(changed.values()), this::publish)
                .prefetching(RecordedEvent::incidentIdOf, table::findAll);
    }

    @EventHandler
    void on(IncidentEvent event, DomainEventMessage<?> message) {
        var recorded = RecordedEvent.of(message);
        views.update(recorded.incidentId(), view -> IncidentStatusFold.apply(view, recorded));
    }

    @ResetHandler
    void reset() {
        table.clear();
    }

    @QueryHandler
    IncidentStatusView handle(GetIncidentStatus query) {
        var now = clock.instant();
        return table.find(query.incidentId()).map(view -> view.asSeenAt(now)).orElse(null);
    }

    @QueryHandler
    BoardView handle(FindBoard query) {
        var now = clock.instant();
        var board = table.board(query);
        return new BoardView(board.incidents().stream().map(view -> view.asSeenAt(now)).toList(),
                board.page(), board.size(), board.total());
    }

    @QueryHandler
    List<IncidentStatusView> handle(WatchBoard query) {
        var now = clock.instant();
        return table.open().stream().map(view -> view.asSeenAt(now)).toList();
    }

    private void publish(Collection<IncidentStatusView> changed) {
        var now = clock.instant();
        for (var view : changed) {
            var seen = view.asSeenAt(now);
            emitter.emit(GetIncidentStatus.class, query -> view.incidentId().equals(query.incidentId()), seen);
            emitter.emit(WatchBoard.class, query -> true, seen);
        }
    }
}
