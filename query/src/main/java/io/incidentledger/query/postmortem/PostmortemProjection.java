package io.incidentledger.query.postmortem;

import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.query.BatchedViews;
import io.incidentledger.query.RecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The blameless postmortem: folds every incident event into the raw {@link PostmortemState} and
 * stores, in the same write, the {@link PostmortemView} rendered from it, which is all the queries
 * ever read. Markdown is rendered from that view by {@link PostmortemMarkdown}.
 */
@Component
@ProcessingGroup(PostmortemProjection.PROCESSING_GROUP)
public class PostmortemProjection {

    public static final String PROCESSING_GROUP = "postmortem";

    private final PostmortemTable table;
    private final BatchedViews<String, PostmortemState> states;

    public PostmortemProjection(JdbcTemplate jdbc) {
        this.table = new PostmortemTable(jdbc);
        this.states = new BatchedViews<String, PostmortemState>(table::state, changed -> table.write(changed.values()))
                .prefetching(RecordedEvent::incidentIdOf, table::states);
    }

    @EventHandler
    void on(IncidentEvent event, DomainEventMessage<?> message) {
        var recorded = RecordedEvent.of(message);
        states.update(recorded.incidentId(), state -> PostmortemFold.apply(state, recorded));
    }

    @ResetHandler
    void reset() {
        table.clear();
    }

    @QueryHandler
    PostmortemView handle(GetPostmortem query) {
        return table.find(query.incidentId());
    }

    @QueryHandler
    PostmortemLibraryView handle(FindPostmortems query) {
        return table.library(query);
    }
}
