package io.incidentledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.incidentledger.incident.AddInternalNote;
import io.incidentledger.incident.Incident;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.IncidentLearned;
import io.incidentledger.incident.IncidentRejected;
import io.incidentledger.incident.TimePolicy;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** The synthetic histories are lifecycles the Incident aggregate itself arrives at. */
class SyntheticIncidentTest {

    private static final long SEED = 7;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void aClosedIncidentRunsFromDetectionToLearningAndTakesNoMoreNotes() {
        System.out.println("seed " + SEED);
        var random = new Random(SEED);
        for (int i = 0; i < 20; i++) {
            var events = all(SyntheticIncident.closed("DONE-" + i, random, random.nextInt(9)));
            assertThat(events.get(0)).isInstanceOf(IncidentDetected.class);
            assertThat(events.get(events.size() - 1)).isInstanceOf(IncidentLearned.class);
            fixture().given(events.toArray()).when(note("DONE-" + i)).expectException(IncidentRejected.class);
        }
    }

    @Test
    void anOpenIncidentStopsBeforeLearningAndStillTakesNotes() {
        var random = new Random(SEED);
        for (int length = 2; length <= 30; length++) {
            var events = all(SyntheticIncident.open("OPEN-" + length, random, length));
            assertThat(events).hasSizeBetween(2, Math.max(2, length)).noneMatch(IncidentLearned.class::isInstance);
            fixture().given(events.toArray()).when(note("OPEN-" + length)).expectSuccessfulHandlerExecution();
        }
    }

    @Test
    void aLongIncidentHasExactlyItsSizeAndTheSameSeedGivesTheSameHistory() {
        var first = all(SyntheticIncident.longRunning("LONG-1000", new Random(SEED), 1_000));
        var again = all(SyntheticIncident.longRunning("LONG-1000", new Random(SEED), 1_000));
        assertThat(first).hasSize(1_000).isEqualTo(again);
        fixture().given(first.toArray()).when(note("LONG-1000")).expectSuccessfulHandlerExecution();
    }

    private static List<IncidentEvent> all(SyntheticIncident incident) {
        var events = new ArrayList<IncidentEvent>();
        var at = START;
        while (incident.remaining() > 0) {
            at = at.plus(Duration.ofMinutes(3));
            events.add(incident.next(at));
        }
        return events;
    }

    private static AggregateTestFixture<Incident> fixture() {
        var fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(new TimePolicy(Clock.systemUTC(), Duration.ofSeconds(30)));
        return fixture;
    }

    private static AddInternalNote note(String id) {
        return new AddInternalNote(new IncidentId(id), "one more note", null);
    }
}
