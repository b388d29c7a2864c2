package io.incidentledger.query.internaltimeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.incidentledger.incident.EntryCorrected;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.RecordedEvent;
import org.junit.jupiter.api.Test;

class InternalTimelineFoldTest {

    static final IncidentId ID = new IncidentId("INC-1");
    static final Instant T0 = Instant.parse("2026-03-02T09:20:00Z");

    final List<RecordedEvent> events = new ArrayList<>();

    @Test
    void ordersByOccurrenceKeepsRecordedOrderForTiesAndAppliesCorrections() {
        record(new IncidentDetected(ID, "App crashes", Severity.SEV1, "24% crash", List.of("app"), null, T0), "alertmanager");
        record(new InternalNoteAdded(ID, "deploy at 09:12", T0.minusSeconds(480)), "devi");
        record(new IncidentAcknowledged(ID, "maria", T0.plusSeconds(180)), "maria");
        record(new PublicUpdatePosted(ID, "We are investigatng", PublicStatus.INVESTIGATING, null, T0.plusSeconds(180)), "chen");
        record(new EntryCorrected(ID, 3, "typo", "We are investigating", T0.plusSeconds(200), T0.plusSeconds(600)), "chen");

        var view = InternalTimelineFold.fold("INC-1", events, null);

        assertThat(view.version()).isEqualTo(4);
        assertThat(view.entries()).extracting(InternalTimelineView.Entry::sequenceNumber).containsExactly(1L, 0L, 2L, 3L, 4L);
        var update = view.entries().get(3);
        assertThat(update.summary()).isEqualTo("Public update (INVESTIGATING): We are investigating");
        assertThat(update.occurredAt()).isEqualTo(T0.plusSeconds(200));
        assertThat(update.actor()).isEqualTo("chen");
        assertThat(update.corrected()).isTrue();
        assertThat(update.corrections()).singleElement().satisfies(c -> {
            assertThat(c.sequenceNumber()).isEqualTo(4);
            assertThat(c.reason()).isEqualTo("typo");
        });
        assertThat(((PublicUpdatePosted) update.event()).message()).isEqualTo("We are investigatng");
        assertThat(view.entries().get(4).correctsSequenceNumber()).isEqualTo(3L);
        assertThat(view.entries().get(0).summary()).isEqualTo("Note: deploy at 09:12");
    }

    @Test
    void ignoresARedeliveredEvent() {
        record(new IncidentDetected(ID, "App crashes", Severity.SEV1, null, List.of(), null, T0), "a");
        events.add(events.get(0));
        assertThat(InternalTimelineFold.fold("INC-1", events, null).entries()).hasSize(1);
    }

    private void record(IncidentEvent event, String actor) {
        events.add(new RecordedEvent(events.size(), T0.plusSeconds(1000 + events.size()), actor, "c", event));
    }
}
