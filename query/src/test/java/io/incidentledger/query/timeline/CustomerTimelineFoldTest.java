package io.incidentledger.query.timeline;

import static io.incidentledger.incident.ComponentStatus.DEGRADED_PERFORMANCE;
import static io.incidentledger.incident.ComponentStatus.MAJOR_OUTAGE;
import static io.incidentledger.incident.ComponentStatus.OPERATIONAL;
import static io.incidentledger.incident.ComponentStatus.PARTIAL_OUTAGE;
import static io.incidentledger.incident.PublicStatus.IDENTIFIED;
import static io.incidentledger.incident.PublicStatus.INVESTIGATING;
import static io.incidentledger.incident.PublicStatus.RESOLVED;
import static io.incidentledger.query.timeline.PaymentsIncident.T0;
import static io.incidentledger.query.timeline.PaymentsIncident.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.incidentledger.incident.ComponentStatus;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.ResponderAssigned;
import io.incidentledger.incident.ResponderRole;
import io.incidentledger.query.RecordedEvent;
import org.junit.jupiter.api.Test;

class CustomerTimelineFoldTest {

    private static final String ID = "INC-PAY-1";
    private static final String FIRST = "Checkout is failing for many customers.\nWe are investigating.";
    private static final String FIRST_CORRECTED = "Checkout is failing for some customers.\nWe are investigating.";
    private static final PublicUpdateView U4 = new PublicUpdateView(4, at(5), INVESTIGATING, FIRST, at(30), false, null);
    private static final PublicUpdateView U4_CORRECTED =
            new PublicUpdateView(4, at(4), INVESTIGATING, FIRST_CORRECTED, at(30), true, at(70));
    private static final PublicUpdateView U6 = new PublicUpdateView(6, at(15), IDENTIFIED,
            "our team and our engineers identified a database failover.", at(45), false, null);
    private static final PublicUpdateView U10 =
            new PublicUpdateView(10, at(40), RESOLVED, "Checkout works again.", null, false, null);
    private static final PublicUpdateView U13 = new PublicUpdateView(13, at(65), INVESTIGATING,
            "Checkout is slow again; our team is on it.", at(90), false, null);
    private static final PublicUpdateView U17 =
            new PublicUpdateView(17, at(85), RESOLVED, "All systems work normally.", null, false, null);

    private final List<RecordedEvent> events = PaymentsIncident.stream(ID).recorded();

    /** states.get(n) has folded events 0..n. */
    private List<TimelineState> foldAll() {
        var states = new ArrayList<TimelineState>();
        TimelineState state = null;
        for (var event : events) {
            state = CustomerTimelineFold.apply(state, event);
            states.add(state);
        }
        return states;
    }

    private static ComponentStatusView component(String name, ComponentStatus status) {
        return new ComponentStatusView(name, status);
    }

    @Test
    void beforeItsFirstPublicUpdateAnIncidentIsNotPublicButRemembersItsComponents() {
        var state = foldAll().get(2);

        assertThat(state.publicView()).isEmpty();
        assertThat(state.view()).isEqualTo(new PublicIncidentView(ID, null, null, null, null, null,
                List.of(component("API", DEGRADED_PERFORMANCE), component("Checkout", MAJOR_OUTAGE)), List.of()));
        assertThat(state.version()).isEqualTo(2);
    }

    @Test
    void theFirstPublicUpdateMakesItPublicAndTitlesIt() {
        assertThat(foldAll().get(4).publicView()).contains(new PublicIncidentView(ID,
                "Checkout is failing for many customers.", INVESTIGATING, at(5), null, at(30),
                List.of(component("API", DEGRADED_PERFORMANCE), component("Checkout", MAJOR_OUTAGE)), List.of(U4)));
    }

    @Test
    void aFixReturnsComponentsToOperationalAndResolvedUpdateResolvesIt() {
        var states = foldAll();

        assertThat(states.get(8).view().components())
                .containsExactly(component("API", OPERATIONAL), component("Checkout", PARTIAL_OUTAGE));
        assertThat(states.get(10).publicView()).contains(new PublicIncidentView(ID,
                "Checkout is failing for many customers.", RESOLVED, at(5), at(40), null,
                List.of(component("API", OPERATIONAL), component("Checkout", OPERATIONAL)), List.of(U4, U6, U10)));
    }

    @Test
    void afterReopeningANewAssessmentAndUpdateOpenItAgain() {
        assertThat(foldAll().get(13).publicView()).contains(new PublicIncidentView(ID,
                "Checkout is failing for many customers.", INVESTIGATING, at(5), null, at(90),
                List.of(component("API", OPERATIONAL), component("Checkout", DEGRADED_PERFORMANCE),
                        component("Search", PARTIAL_OUTAGE)),
                List.of(U4, U6, U10, U13)));
    }

    @Test
    void theFinalTimelineShowsTheCorrectedUpdateAndNothingInternal() {
        var states = foldAll();
        var last = states.get(states.size() - 1);

        assertThat(last.publicView()).contains(new PublicIncidentView(ID,
                "Checkout is failing for some customers.", RESOLVED, at(4), at(85), null,
                List.of(component("API", OPERATIONAL), component("Checkout", OPERATIONAL),
                        component("Search", OPERATIONAL)),
                List.of(U4_CORRECTED, U6, U10, U13, U17)));
        assertThat(last.version()).as("root cause and learning are not on the allowlist").isEqualTo(17);
        assertThat(last.nameHashes()).containsExactlyInAnyOrder(NameRedactor.hash("Maria Lopez"),
                NameRedactor.hash("sam"), NameRedactor.hash("Sam Park"));
        assertThat(last.longestName()).isEqualTo(2);
        assertThat(states.get(15)).as("correcting an internal note changes nothing").isSameAs(states.get(14));
        assertThat(last.toString()).doesNotContainIgnoringCase("secret").doesNotContain("Maria", "Lopez", "Park");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        var states = foldAll();
        for (int n = 0; n < events.size(); n++) {
            for (int earlier = 0; earlier <= n; earlier++) {
                assertThat(CustomerTimelineFold.apply(states.get(n), events.get(earlier))).isSameAs(states.get(n));
            }
        }
    }

    @Test
    void eventsOffTheAllowlistAreIgnoredEvenWithANewActor() {
        var note = new RecordedEvent(0, T0, "new person", null,
                new InternalNoteAdded(new IncidentId(ID), "note", T0));

        assertThat(CustomerTimelineFold.apply(null, note)).isNull();
        var state = foldAll().get(19);
        assertThat(CustomerTimelineFold.apply(state, new RecordedEvent(20, T0, "new person", null,
                new InternalNoteAdded(new IncidentId(ID), "note", T0)))).isSameAs(state);
    }

    @Test
    void aNameLearntAfterAnUpdateIsTakenOutOfThatUpdateToo() {
        var id = new IncidentId(ID);
        var posted = CustomerTimelineFold.apply(null, new RecordedEvent(0, T0, null, null,
                new PublicUpdatePosted(id, "Ana Wu is rolling back.", INVESTIGATING, null, T0)));
        var assigned = CustomerTimelineFold.apply(posted, new RecordedEvent(1, T0, null, null,
                new ResponderAssigned(id, "ana wu", ResponderRole.OPERATIONS, T0)));

        assertThat(posted.view().updates().get(0).message()).isEqualTo("Ana Wu is rolling back.");
        assertThat(assigned.view().updates().get(0).message()).isEqualTo("our team is rolling back.");
        assertThat(assigned.view().title()).isEqualTo("our team is rolling back.");
    }

    @Test
    void aLongFirstLineIsCutAtAWordForTheTitle() {
        var words = "word ".repeat(40);

        assertThat(TimelineDraft.title(words + "\nsecond line")).hasSize(120).endsWith("word…");
        assertThat(TimelineDraft.title("Short first line.\nDetails follow.")).isEqualTo("Short first line.");
        assertThat(TimelineDraft.title("Payments fail in Europe. We are investigating.")).isEqualTo("Payments fail in Europe.");
        assertThat(TimelineDraft.title("Version 2.14.1 crashes! Update now.")).isEqualTo("Version 2.14.1 crashes!");
        assertThat(TimelineDraft.title("No sentence end here")).isEqualTo("No sentence end here");
    }
}
