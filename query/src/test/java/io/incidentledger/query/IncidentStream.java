package io.incidentledger.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * One incident's stream as Axon delivers it: dense sequence numbers from 0, a recording time per
 * event (one second apart unless told otherwise) and the actor in the metadata. Shared by every
 * read model's tests.
 */
public final class IncidentStream {

    private final IncidentId incidentId;
    private final List<DomainEventMessage<IncidentEvent>> messages = new ArrayList<>();
    private Instant recordingClock;

    public IncidentStream(String incidentId, Instant firstRecordedAt) {
        this.incidentId = new IncidentId(incidentId);
        this.recordingClock = firstRecordedAt;
    }

    public IncidentId id() {
        return incidentId;
    }

    /** The sequence number the next recorded event gets. */
    public long nextSequenceNumber() {
        return messages.size();
    }

    public DomainEventMessage<IncidentEvent> record(IncidentEvent event) {
        return record(event, null);
    }

    public DomainEventMessage<IncidentEvent> record(IncidentEvent event, String actor) {
        var recordedAt = recordingClock;
        recordingClock = recordingClock.plus(Duration.ofSeconds(1));
        Map<String, ?> metaData = actor == null ? Map.of() : Map.of(RecordedEvent.ACTOR, actor,
                RecordedEvent.CORRELATION_ID, "corr-" + messages.size());
        var message = new GenericDomainEventMessage<>("Incident", incidentId.value(), messages.size(), event,
                metaData, UUID.nameUUIDFromBytes((incidentId.value() + "/" + messages.size()).getBytes()).toString(),
                recordedAt);
        messages.add(message);
        return message;
    }

    /** Moves the recording clock: the next event is recorded at {@code at}. */
    public IncidentStream recordingAt(Instant at) {
        recordingClock = at;
        return this;
    }

    public List<DomainEventMessage<IncidentEvent>> messages() {
        return List.copyOf(messages);
    }

    public List<RecordedEvent> recorded() {
        return messages.stream().map(RecordedEvent::of).toList();
    }
}
