package io.incidentledger.query;

import java.time.Instant;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * One incident's events read back from the event store, optionally only those recorded up to an
 * instant: the input with which a view is reconstructed "as of" that instant by the same fold
 * the projection runs.
 */
@Component
public class RecordedHistory {

    private final EventStore eventStore;

    public RecordedHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * @param asOf a recorded instant; null for every event
     * @return the events in stream order; empty when the incident did not exist (yet)
     */
    public List<RecordedEvent> of(String incidentId, Instant asOf) {
        // From sequence 0: the overload without a sequence number may start at a snapshot.
        return eventStore.readEvents(incidentId, 0).asStream()
                .map(message -> RecordedEvent.of((DomainEventMessage<?>) message))
                .filter(recorded -> asOf == null || !recorded.recordedAt().isAfter(asOf))
                .toList();
    }
}
