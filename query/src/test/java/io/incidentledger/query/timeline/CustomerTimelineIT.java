package io.incidentledger.query.timeline;

import static io.incidentledger.incident.ComponentStatus.DEGRADED_PERFORMANCE;
import static io.incidentledger.incident.ComponentStatus.MAJOR_OUTAGE;
import static io.incidentledger.incident.ComponentStatus.OPERATIONAL;
import static io.incidentledger.incident.ComponentStatus.PARTIAL_OUTAGE;
import static io.incidentledger.query.timeline.PaymentsIncident.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;

import io.incidentledger.incident.AffectedComponent;
import io.incidentledger.incident.ImpactAssessed;
import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.incident.PublicStatus;
import io.incidentledger.incident.PublicUpdatePosted;
import io.incidentledger.query.IncidentStream;
import io.incidentledger.query.ProjectionHarness;
import io.incidentledger.query.TestDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CustomerTimelineIT {

    private static final String[] TABLES =
            {"customer_timeline_incident", "customer_timeline_update", "customer_timeline_component"};
    private static final long SEED = 424242L;

    /** The payments lifecycle plus two open public incidents, a private one and an old resolved one. */
    private static List<DomainEventMessage<IncidentEvent>> statusPage() {
        var all = new ArrayList<>(PaymentsIncident.stream("INC-PAY").messages());
        all.addAll(incident("INC-OPEN", 100, PublicStatus.INVESTIGATING,
                new AffectedComponent("Checkout", MAJOR_OUTAGE), new AffectedComponent("API", PARTIAL_OUTAGE)));
        all.addAll(incident("INC-OPEN2", 50, PublicStatus.IDENTIFIED,
                new AffectedComponent("Checkout", DEGRADED_PERFORMANCE), new AffectedComponent("Login", DEGRADED_PERFORMANCE)));
        all.addAll(incident("INC-PRIVATE", 55, null, new AffectedComponent("Billing", MAJOR_OUTAGE)));
        all.addAll(incident("INC-OLD", -40 * 24 * 60, PublicStatus.RESOLVED,
                new AffectedComponent("Webhooks", MAJOR_OUTAGE)));
        return all;
    }

    private static List<DomainEventMessage<IncidentEvent>> incident(String id, int minute, PublicStatus status,
                                                                   AffectedComponent... components) {
        var s = new IncidentStream(id, at(minute));
        s.record(new ImpactAssessed(s.id(), "internal", null, null, List.of(components), at(minute)), "ops");
        if (status != null) {
            s.record(new PublicUpdatePosted(s.id(), "Update on " + id, status, null, at(minute)), "comms");
        }
        return s.messages();
    }

    private static ProjectionHarness<CustomerTimelineProjection> harness(TestDatabase db) {
        return new ProjectionHarness<>(emitter -> new CustomerTimelineProjection(db.jdbc()));
    }


    private static List<String> ids(List<PublicIncidentView> views) {
        return views.stream().map(PublicIncidentView::incidentId).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void answersEveryStatusPageQuery(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            var harness = harness(db);
            db.processInBatches(statusPage(), 6, harness.events());

            assertThat(ids(harness.queryList(new FindCurrentPublicIncidents(), PublicIncidentView.class)))
                    .containsExactly("INC-OPEN", "INC-OPEN2");
            assertThat(ids(harness.queryList(new FindResolvedPublicIncidents(at(0), 10), PublicIncidentView.class)))
                    .containsExactly("INC-PAY");
            assertThat(ids(harness.queryList(new FindResolvedPublicIncidents(null, 10), PublicIncidentView.class)))
                    .containsExactly("INC-PAY", "INC-OLD");
            assertThat(ids(harness.queryList(new FindResolvedPublicIncidents(null, 1), PublicIncidentView.class)))
                    .containsExactly("INC-PAY");

            var expected = PaymentsIncident.stream("INC-PAY").recorded().stream()
                    .reduce(null, CustomerTimelineFold::apply, (a, b) -> b).view();
            assertThat(harness.query(new GetPublicIncident("INC-PAY"), PublicIncidentView.class)).isEqualTo(expected);
            assertThat(harness.query(new GetPublicIncident("INC-PRIVATE"), PublicIncidentView.class)).isNull();
            assertThat(harness.query(new GetPublicIncident("INC-NONE"), PublicIncidentView.class)).isNull();

            assertThat(harness.queryList(new FindComponentStatuses(), ComponentStatusView.class)).containsExactly(
                    new ComponentStatusView("API", PARTIAL_OUTAGE), new ComponentStatusView("Checkout", MAJOR_OUTAGE),
                    new ComponentStatusView("Login", DEGRADED_PERFORMANCE), new ComponentStatusView("Search", OPERATIONAL),
                    new ComponentStatusView("Webhooks", OPERATIONAL));

            var feed = harness.queryList(new FindPublicFeed(3), PublicFeedEntryView.class);
            assertThat(feed).extracting(PublicFeedEntryView::incidentId, e -> e.update().sequenceNumber(),
                    PublicFeedEntryView::updatedAt)
                    .containsExactly(tuple("INC-OPEN", 1L, at(100)),
                            tuple("INC-PAY", 17L, at(85)),
                            tuple("INC-PAY", 4L, at(70)));
            assertThat(feed.get(2)).isEqualTo(new PublicFeedEntryView("INC-PAY", expected.title(), at(70),
                    expected.updates().get(0)));
            assertThat(harness.queryList(new FindPublicFeed(500), PublicFeedEntryView.class)).hasSize(5 + 3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void everyEventDeliveredTwiceLeavesTheSameTablesAsOneDelivery(TestDatabase.Vendor vendor) {
        try (var db = TestDatabase.create(vendor)) {
            var harness = harness(db);
            var messages = new ArrayList<EventMessage<?>>(statusPage());
            messages.addAll(new IncidentGenerator(SEED).incidents(30));
            db.processInBatches(messages, 13, harness.events());
            var once = db.dump(TABLES);

            harness.reset();
            var twice = new ArrayList<EventMessage<?>>();
            messages.forEach(m -> {
                twice.add(m);
                twice.add(m);
            });
            db.processInBatches(twice, 17, harness.events());
            db.processInBatches(messages, 100, harness.events());

            assertThat(db.dump(TABLES)).isEqualTo(once).contains("INC-PAY", "INC-G29");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void aResetAndReplayRebuildsByteIdenticalTables(TestDatabase.Vendor vendor) {
        System.out.println("CustomerTimelineIT seed=" + SEED);
        try (var db = TestDatabase.create(vendor)) {
            var harness = harness(db);
            var messages = new ArrayList<EventMessage<?>>(statusPage());
            messages.addAll(new IncidentGenerator(SEED).incidents(30));
            db.processInBatches(messages, 1, harness.events());
            var live = db.dump(TABLES);

            harness.reset();
            assertThat(db.dump(TABLES)).isEqualTo("customer_timeline_incident (0 rows)\n"
                    + "customer_timeline_update (0 rows)\ncustomer_timeline_component (0 rows)\n");
            db.processInBatches(messages, 250, harness.events());

            assertThat(db.dump(TABLES)).isEqualTo(live);
        }
    }
}
