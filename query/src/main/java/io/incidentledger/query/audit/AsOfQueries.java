package io.incidentledger.query.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.incidentledger.query.RecordedHistory;
import io.incidentledger.query.postmortem.PostmortemFold;
import io.incidentledger.query.postmortem.PostmortemView;
import io.incidentledger.query.status.IncidentStatusFold;
import io.incidentledger.query.status.IncidentStatusView;
import io.incidentledger.query.timeline.CustomerTimelineFold;
import io.incidentledger.query.timeline.PublicIncidentView;
import io.incidentledger.query.timeline.TimelineState;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Views as they were known at a past recorded instant: the incident's events recorded up to then,
 * read back from the event store and folded by the very functions the projections run. Nothing
 * here reads a read-model table, so these answers are also right while a model rebuilds.
 */
@Component
class AsOfQueries {

    private final RecordedHistory history;
    private final Clock clock;

    AsOfQueries(RecordedHistory history, ObjectProvider<Clock> clock) {
        this.history = history;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @QueryHandler
    Optional<IncidentStatusView> handle(GetIncidentStatusAsOf query) {
        IncidentStatusView view = null;
        for (var recorded : history.of(query.incidentId(), query.asOf())) {
            view = IncidentStatusFold.apply(view, recorded);
        }
        // Overdue as judged then; an instant still to come is judged now, as nothing is known beyond it.
        var seenAt = earlier(query.asOf(), clock.instant());
        return Optional.ofNullable(view).map(v -> v.asSeenAt(seenAt));
    }

    @QueryHandler
    Optional<PublicIncidentView> handle(GetPublicIncidentAsOf query) {
        TimelineState state = null;
        for (var recorded : history.of(query.incidentId(), query.asOf())) {
            state = CustomerTimelineFold.apply(state, recorded);
        }
        return Optional.ofNullable(state).flatMap(TimelineState::publicView);
    }

    @QueryHandler
    Optional<PostmortemView> handle(GetPostmortemAsOf query) {
        return PostmortemFold.replay(history.of(query.incidentId(), query.asOf()));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
