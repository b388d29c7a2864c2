package io.incidentledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.InternalNoteAdded;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

class RecordedEventTest {

    private static final Instant AT = Instant.parse("2025-03-01T10:00:00.123456789Z");

    @Test
    void takesPositionRecordingTimeActorAndCorrelationFromTheMessage() {
        var event = new InternalNoteAdded(new IncidentId("INC-1"), "note", Instant.parse("2025-03-01T09:59:00Z"));
        var message = new GenericDomainEventMessage<>("Incident", "INC-1", 7, event,
                Map.of("actor", "maria", "correlationId", "c-1"), "m-1", AT);

        var recorded = RecordedEvent.of(message);

        assertThat(recorded).isEqualTo(new RecordedEvent(7, Instant.parse("2025-03-01T10:00:00.123456Z"),
                "maria", "c-1", event));
        assertThat(recorded.incidentId()).isEqualTo("INC-1");
    }

    @Test
    void leavesActorAndCorrelationNullWhenTheMetadataHasNone() {
        var event = new InternalNoteAdded(new IncidentId("INC-1"), "note", AT);
        var recorded = RecordedEvent.of(new GenericDomainEventMessage<>("Incident", "INC-1", 0, event, Map.of()));

        assertThat(recorded.actor()).isNull();
        assertThat(recorded.correlationId()).isNull();
    }

    @Test
    void refusesAPayloadThatIsNoIncidentEvent() {
        var message = new GenericDomainEventMessage<>("Other", "x", 0, "text");

        assertThatThrownBy(() -> RecordedEvent.of(message)).isInstanceOf(IllegalArgumentException.class);
    }
}
