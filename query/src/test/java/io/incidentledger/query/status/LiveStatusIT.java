package io.incidentledger.query.status;

import static io.incidentledger.query.status.CheckoutIncident.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.incidentledger.incident.DetectionSource;
import io.incidentledger.incident.IncidentAcknowledged;
import io.incidentledger.incident.IncidentContained;
import io.incidentledger.incident.IncidentDetected;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.IncidentFixed;
import io.incidentledger.incident.Mitigation;
import io.incidentledger.incident.Phase;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.incident.Severity;
import io.incidentledger.query.IncidentStream;
import io.incidentledger.query.ProjectionHarness;
import io.incidentledger.query.TestDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LiveStatusIT {

    private static final String[] TABLES = {"live_status", "live_status_service"};
    private static final Clock CLOCK = Clock.fixed(at(31), ZoneOffset.UTC);

    /**
     * Five incidents: LEARNED (the full checkout lifecycle, off the board) and four open ones.
     * Board order: C (SEV1, detected +5), A (SEV1, +10), E (SEV1, +20), B (SEV2, +0).
     */
    private static List<DomainEventMessage<IncidentEvent>> fiveIncidents() {
        var all = new ArrayList<>(CheckoutIncident.stream("INC-LEARNED").messages());
        all.addAll(open("INC-A", Severity.SEV1, 10, List.of("checkout"), Phase.ACKNOWLEDGED, null).messages());
        all.addAll(open("INC-B", Severity.SEV2, 0, List.of("search"), Phase.CONTAINED, null).messages());
        all.addAll(open("INC-C", Severity.SEV1, 5, List.of("checkout", "payments"), Phase.DETECTED,
                PublicStatus.INVESTIGATING).messages());
        all.addAll(open("INC-E", Severity.SEV1, 20, List.of("search"), Phase.FIXED, null).messages());
        return all;
    }

    private static IncidentStream open(String id, Severity severity, int detectedMinute, List<String> services,
                                       Phase phase, PublicStatus publicStatus) {
        var s = new IncidentStream(id, at(detectedMinute));
        var incident = s.id();
        s.record(new IncidentDetected(incident, "Incident " + id, severity, null, services, DetectionSource.EMPLOYEE,
                at(detectedMinute)), "alarm-bot");
        if (publicStatus != null) {
            s.record(new PublicUpdatePosted(incident, "Looking into it.", publicStatus, at(30), at(detectedMinute + 1)));
        }
        if (phase.compareTo(Phase.ACKNOWLEDGED) >= 0) {
            s.record(new IncidentAcknowledged(incident, "ana", at(detectedMinute + 1)), "ana");
        }
        if (phase.compareTo(Phase.CONTAINED) >= 0) {
            s.record(new IncidentContained(incident, Mitigation.FAILOVER, "failed over", at(detectedMinute + 2)), "ana");
        }
        if (phase == Phase.FIXED) {
            s.record(new IncidentFixed(incident, "patched", null, at(detectedMinute + 3)), "ana");
        }
        return s;
    }

    private static ProjectionHarness<LiveStatusProjection> harness(TestDatabase db) {
        return new ProjectionHarness<>(emitter -> new LiveStatusProjection(db.jdbc(), emitter, CLOCK));
    }


    private static List<String> ids(List<IncidentStatusView> views) {
        return views.stream().map(IncidentStatusView::incidentId).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void answersTheBoardAndOneIncident(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            var harness = harness(db);
            db.processInBatches(fiveIncidents(), 7, harness.events());

            var board = harness.query(FindBoard.all(), BoardView.class);
            assertThat(ids(board.incidents())).containsExactly("INC-C", "INC-A", "INC-E", "INC-B");
            assertThat(board.total()).isEqualTo(4);
            assertThat(board.incidents().get(0).updateOverdue()).as("due at +30, clock at +31").isTrue();
            assertThat(board.incidents().subList(1, 4)).noneMatch(IncidentStatusView::updateOverdue);

            assertThat(ids(harness.query(new FindBoard(null, Severity.SEV1, null, 0, 20), BoardView.class).incidents()))
                    .containsExactly("INC-C", "INC-A", "INC-E");
            assertThat(ids(harness.query(new FindBoard(null, null, "checkout", 0, 20), BoardView.class).incidents()))
                    .containsExactly("INC-C", "INC-A");
            assertThat(ids(harness.query(new FindBoard(Phase.CONTAINED, null, null, 0, 20), BoardView.class).incidents()))
                    .containsExactly("INC-B");
            assertThat(harness.query(new FindBoard(Phase.LEARNED, null, null, 0, 20), BoardView.class).total()).isZero();
            assertThat(harness.query(new FindBoard(null, Severity.SEV1, "search", 0, 20), BoardView.class))
                    .isEqualTo(new BoardView(List.of(harness.query(new GetIncidentStatus("INC-E"),
                            IncidentStatusView.class)), 0, 20, 1));

            var second = harness.query(new FindBoard(null, null, null, 1, 2), BoardView.class);
            assertThat(ids(second.incidents())).containsExactly("INC-E", "INC-B");
            assertThat(second).extracting(BoardView::page, BoardView::size, BoardView::total).containsExactly(1, 2, 4L);
            assertThat(harness.query(new FindBoard(null, null, null, 7, 2), BoardView.class).incidents()).isEmpty();

            var expected = CheckoutIncident.stream("INC-LEARNED").recorded().stream()
                    .reduce(null, IncidentStatusFold::apply, (a, b) -> b);
            assertThat(harness.query(new GetIncidentStatus("INC-LEARNED"), IncidentStatusView.class))
                    .isEqualTo(expected);
            assertThat(harness.query(new GetIncidentStatus("INC-NONE"), IncidentStatusView.class)).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void everyEventDeliveredTwiceLeavesTheSameTablesAsOneDelivery(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            var harness = harness(db);
            var messages = fiveIncidents();
            db.processInBatches(messages, 5, harness.events());
            var once = db.dump(TABLES);

            harness.reset();
            var twice = new ArrayList<EventMessage<?>>();
            messages.forEach(m -> {
                twice.add(m);
                twice.add(m);
            });
            db.processInBatches(twice, 9, harness.events());
            db.processInBatches(messages, 50, harness.events());

            assertThat(db.dump(TABLES)).isEqualTo(once).contains("INC-LEARNED");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void aResetAndReplayRebuildsByteIdenticalTables(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            var harness = harness(db);
            var messages = fiveIncidents();
            db.processInBatches(messages, 1, harness.events());
            var live = db.dump(TABLES);

            harness.reset();
            assertThat(db.dump(TABLES)).isEqualTo("live_status (0 rows)\nlive_status_service (0 rows)\n");
            db.processInBatches(messages, 100, harness.events());

            assertThat(db.dump(TABLES)).isEqualTo(live);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void pushesEachChangedViewOncePerBatchAndOnlyAfterCommit(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            var harness = harness(db);
            var board = harness.gateway().subscriptionQuery(new WatchBoard(),
                    ResponseTypes.multipleInstancesOf(IncidentStatusView.class),
                    ResponseTypes.instanceOf(IncidentStatusView.class));
            var one = harness.gateway().subscriptionQuery(new GetIncidentStatus("INC-C"),
                    ResponseTypes.instanceOf(IncidentStatusView.class), ResponseTypes.instanceOf(IncidentStatusView.class));
            var boardUpdates = new ArrayList<IncidentStatusView>();
            var oneUpdates = new ArrayList<IncidentStatusView>();
            board.updates().subscribe(boardUpdates::add);
            one.updates().subscribe(oneUpdates::add);
            assertThat(board.initialResult().block()).isEmpty();

            var messages = fiveIncidents();
            var last = messages.get(messages.size() - 1);
            assertThatThrownBy(() -> db.processBatch(messages, message -> {
                if (message == last) {
                    throw new IllegalStateException("the database went away");
                }
                return harness.events().handle(message);
            })).hasRootCauseMessage("the database went away");
            assertThat(boardUpdates).as("rolled back: nothing pushed").isEmpty();
            assertThat(db.dump(TABLES)).as("rolled back: nothing written")
                    .isEqualTo("live_status (0 rows)\nlive_status_service (0 rows)\n");

            db.processBatch(messages, harness.events());

            var stored = harness.queryList(new WatchBoard(), IncidentStatusView.class);
            assertThat(ids(boardUpdates)).containsExactlyInAnyOrder("INC-LEARNED", "INC-A", "INC-B", "INC-C", "INC-E");
            assertThat(ids(stored)).containsExactly("INC-C", "INC-A", "INC-E", "INC-B");
            assertThat(boardUpdates).containsAll(stored);
            assertThat(oneUpdates).containsExactly(harness.query(new GetIncidentStatus("INC-C"), IncidentStatusView.class));
            assertThat(oneUpdates.get(0).updateOverdue()).isTrue();
            board.close();
            one.close();
        }
    }
}
