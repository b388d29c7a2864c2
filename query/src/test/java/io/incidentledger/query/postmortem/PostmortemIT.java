package io.incidentledger.query.postmortem;

import static io.incidentledger.query.ReplayChecks.assertRedeliveryChangesNothing;
import static io.incidentledger.query.ReplayChecks.assertResetAndReplayRebuild;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.IncidentLearned;
import io.incidentledger.incident.InternalNoteAdded;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.IncidentStream;
import io.incidentledger.query.ProjectionHarness;
import io.incidentledger.query.ReopenedOutageStory;
import io.incidentledger.query.TestDatabase;
import io.incidentledger.query.postmortem.PostmortemView.Status;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PostmortemIT {

    private static final String[] TABLES = {"postmortem", "postmortem_service", "postmortem_state"};
    private static final String[] PUBLISHED = {"postmortem", "postmortem_service"};

    /** The reopened outage (INC-42, 2025-03-14, SEV1, final) and three more for the library. */
    private static List<DomainEventMessage<IncidentEvent>> fourIncidents() {
        var all = new ArrayList<>(ReopenedOutageStory.stream().messages());
        all.addAll(small("INC-50", "2025-04-01", Severity.SEV3, List.of("search"), "Search index lagged after a deploy",
                true).messages());
        all.addAll(small("INC-51", "2025-05-01", Severity.SEV1, List.of("checkout"), "The deploy of 5.2 failed",
                false).messages());
        all.addAll(small("INC-52", "2025-02-01", Severity.SEV2, List.of("payments", "search"),
                "Payments: 100% failures_ at night", false).messages());
        return all;
    }

    private static IncidentStream small(String id, String day, Severity severity, List<String> services, String title,
                                        boolean learned) {
        var t = Instant.parse(day + "T03:00:00Z");
        var s = new IncidentStream(id, t);
        s.record(new IncidentDetected(s.id(), title, severity, null, services, DetectionSource.CUSTOMER_REPORT, t),
                "kim");
        s.record(new IncidentAcknowledged(s.id(), "kim", t.plusSeconds(60)), "kim");
        s.record(new InternalNoteAdded(s.id(), "kim is on it", t.plusSeconds(90)), "kim");
        if (learned) {
            s.record(new IncidentFixed(s.id(), "kim restarted the indexer", null, t.plusSeconds(600)), "kim");
            s.record(new IncidentLearned(s.id(), "Indexer restarts need an alert", t.plusSeconds(3600)), "kim");
        }
        return s;
    }

    private static ProjectionHarness<PostmortemProjection> harness(TestDatabase db) {
        return new ProjectionHarness<>(emitter -> new PostmortemProjection(db.jdbc()));
    }

    private static List<String> ids(ProjectionHarness<?> harness, FindPostmortems query) {
        return harness.query(query, PostmortemLibraryView.class).postmortems().stream()
                .map(PostmortemLibraryView.Entry::incidentId).toList();
    }

    private static FindPostmortems words(String text) {
        return new FindPostmortems(null, null, null, text, 0, 20);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void answersOnePostmortemAndTheLibrary(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            var harness = harness(db);
            db.processInBatches(fourIncidents(), 7, harness.events());

            var expected = PostmortemDocument.render(PostmortemFoldTest.fold(ReopenedOutageStory.stream().recorded()));
            assertThat(harness.query(new GetPostmortem("INC-42"), PostmortemView.class)).isEqualTo(expected);
            assertThat(harness.query(new GetPostmortem("INC-NONE"), PostmortemView.class)).isNull();

            var all = harness.query(FindPostmortems.all(), PostmortemLibraryView.class);
            assertThat(all.postmortems()).extracting(PostmortemLibraryView.Entry::incidentId)
                    .containsExactly("INC-51", "INC-50", "INC-42", "INC-52");
            assertThat(all.total()).isEqualTo(4);
            assertThat(all.postmortems().get(2)).isEqualTo(new PostmortemLibraryView.Entry("INC-42",
                    "Checkout errors after deploy", Status.FINAL, Severity.SEV1, List.of("checkout", "payments"),
                    ReopenedOutageStory.at("09:20:00"), expected.summary()));

            assertThat(ids(harness, new FindPostmortems("checkout", null, null, null, 0, 20)))
                    .containsExactly("INC-51", "INC-42");
            assertThat(ids(harness, new FindPostmortems(null, Severity.SEV1, null, null, 0, 20)))
                    .containsExactly("INC-51", "INC-42");
            assertThat(ids(harness, new FindPostmortems(null, null, Status.FINAL, null, 0, 20)))
                    .containsExactly("INC-50", "INC-42");
            assertThat(ids(harness, new FindPostmortems("search", Severity.SEV2, Status.DRAFT, "  ", 0, 20)))
                    .containsExactly("INC-52");
            assertThat(ids(harness, words("deploy"))).containsExactly("INC-51", "INC-50", "INC-42");
            assertThat(ids(harness, words("DEPLOY  pool"))).containsExactly("INC-42");
            assertThat(ids(harness, words("responder 1 rolls"))).containsExactly("INC-42");
            assertThat(ids(harness, words("100%"))).as("LIKE wildcards are literal").containsExactly("INC-52");
            assertThat(ids(harness, words("%"))).containsExactly("INC-52");
            assertThat(ids(harness, words("_"))).containsExactly("INC-52");
            assertThat(ids(harness, words("maria"))).as("names are never searchable").isEmpty();
            assertThat(ids(harness, words("kim"))).isEmpty();

            var second = harness.query(new FindPostmortems(null, null, null, null, 1, 3), PostmortemLibraryView.class);
            assertThat(second.postmortems()).extracting(PostmortemLibraryView.Entry::incidentId)
                    .containsExactly("INC-52");
            assertThat(second).extracting(PostmortemLibraryView::page, PostmortemLibraryView::size,
                    PostmortemLibraryView::total).containsExactly(1, 3, 4L);
            assertThat(harness.query(new FindPostmortems(null, null, null, null, -4, 9999),
                    PostmortemLibraryView.class).size()).isEqualTo(FindPostmortems.MAX_SIZE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void thePublishedTablesHoldNoName(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            var harness = harness(db);
            db.processInBatches(fourIncidents(), 10, harness.events());

            var published = db.dump(PUBLISHED);
            var people = new ArrayList<>(ReopenedOutageStory.PEOPLE);
            people.add("kim");
            for (var name : people) {
                assertThat(Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_])",
                        Pattern.CASE_INSENSITIVE).matcher(published).find()).as(name).isFalse();
            }
            assertThat(published).contains("Responder 1");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void everyEventDeliveredTwiceLeavesTheSameTablesAsOneDelivery(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            var tables = assertRedeliveryChangesNothing(db, harness(db), fourIncidents(), TABLES);

            assertThat(tables).contains("INC-42", "INC-52");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void aResetClearsOnlyItsOwnTablesAndAReplayRebuildsThemByteIdentical(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            db.jdbc().update("INSERT INTO live_status_service (incident_id, service) VALUES ('INC-X', 'other')");

            assertResetAndReplayRebuild(db, harness(db), fourIncidents(), TABLES);

            assertThat(db.dump("live_status_service")).as("another model's table").contains("INC-X");
        }
    }
}
