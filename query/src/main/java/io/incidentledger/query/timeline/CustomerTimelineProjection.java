package io.incidentledger.query.timeline;

import java.util.List;

import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.ResponderAssigned;
import io.incidentledger.query.BatchedViews;
import io.incidentledger.query.RecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The customer-facing status page and timelines. It subscribes only to the event types of the
 * allowlist ({@link CustomerTimelineFold}), so an internal event, today's or a future one, never
 * even reaches it.
 */
@Component
@ProcessingGroup(CustomerTimelineProjection.PROCESSING_GROUP)
public class CustomerTimelineProjection {

    public static final String PROCESSING_GROUP = "customer-timeline";

    private final CustomerTimelineTable table;
    private final BatchedViews<String, TimelineState> states;

    public CustomerTimelineProjection(JdbcTemplate jdbc) {
        this.table = new CustomerTimelineTable(jdbc);
        this.states = new BatchedViews<String, TimelineState>(id -> table.find(id).orElse(null),
                changed -> table.write(changed.values()))
                .prefetching(CustomerTimelineProjection::handledIncidentId, table::findAll);
    }

    @EventHandler
    void on(PublicUpdatePosted event, DomainEventMessage<?> message) {
        fold(message);
    }

    @EventHandler
    void on(ImpactAssessed event, DomainEventMessage<?> message) {
        fold(message);
    }

    @EventHandler
    void on(IncidentFixed event, DomainEventMessage<?> message) {
        fold(message);
    }

    @EventHandler
    void on(EntryCorrected event, DomainEventMessage<?> message) {
        fold(message);
    }

    /** Names are read only to be hashed and kept out of public text. */
    @EventHandler
    void on(IncidentAcknowledged event, DomainEventMessage<?> message) {
        fold(message);
    }

    @EventHandler
    void on(ResponderAssigned event, DomainEventMessage<?> message) {
        fold(message);
    }

    /** Only messages this projection handles are worth a read. */
    private static String handledIncidentId(EventMessage<?> message) {
        return message.getPayload() instanceof IncidentEvent event && CustomerTimelineFold.isHandled(event)
                ? event.incidentId().value() : null;
    }

    private void fold(DomainEventMessage<?> message) {
        var recorded = RecordedEvent.of(message);
        states.update(recorded.incidentId(), state -> CustomerTimelineFold.apply(state, recorded));
    }

    @ResetHandler
    void reset() {
        table.clear();
    }

    @QueryHandler
    PublicIncidentView handle(GetPublicIncident query) {
        return table.findPublic(query.incidentId()).orElse(null);
    }

    @QueryHandler
    List<PublicIncidentView> handle(FindCurrentPublicIncidents query) {
        return table.current();
    }

    @QueryHandler
    List<PublicIncidentView> handle(FindResolvedPublicIncidents query) {
        return table.resolved(query.since(), query.limit());
    }

    @QueryHandler
    List<ComponentStatusView> handle(FindComponentStatuses query) {
        return table.componentStatuses();
    }

    @QueryHandler
    List<PublicFeedEntryView> handle(FindPublicFeed query) {
        return table.feed(query.limit());
    }
}
