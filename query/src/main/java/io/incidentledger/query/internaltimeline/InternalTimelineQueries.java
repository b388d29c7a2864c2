package io.incidentledger.query.internaltimeline;

import java.util.Optional;

import io.incidentledger.query.RecordedHistory;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Reads the internal timeline straight from the event store: it needs every entry of one incident
 * and nothing else, so a table would only be a second copy of the stream.
 */
@Component
class InternalTimelineQueries {

    private final RecordedHistory history;

    InternalTimelineQueries(RecordedHistory history) {
        this.history = history;
    }

    @QueryHandler
    Optional<InternalTimelineView> handle(GetInternalTimeline query) {
        var events = history.of(query.incidentId(), query.asOf());
        return events.isEmpty() ? Optional.empty()
                : Optional.of(InternalTimelineFold.fold(query.incidentId(), events, query.asOf()));
    }
}
