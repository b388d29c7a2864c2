package io.incidentledger.query.timeline;

import static io.incidentledger.query.timeline.IncidentGenerator.MARKER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.incidentledger.incident.IncidentEvent;
import io.incidentledger.query.ProjectionHarness;
import io.incidentledger.query.RecordedEvent;
import io.incidentledger.query.TestDatabase;
import io.incidentledger.query.ViewJson;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * Randomized incidents whose internal texts, people and actors all carry a marker: no marker
 * may reach any customer-timeline table or query result, whether live (batched through the
 * projection) or reconstructed by folding the whole stream.
 */
class CustomerTimelineLeakTest {

    private static final long SEED = 20250301L;
    private static final String[] TABLES =
            {"customer_timeline_incident", "customer_timeline_update", "customer_timeline_component"};

    @Test
    void noInternalTextNameOrActorEverReachesTheCustomerTimeline() {
        System.out.println("CustomerTimelineLeakTest seed=" + SEED);
        var generator = new IncidentGenerator(SEED);
        var messages = generator.incidents(120);
        var batchSizes = new Random(SEED);
        try (var db = TestDatabase.create(TestDatabase.Vendor.H2)) {
            var harness = new ProjectionHarness<>(emitter -> new CustomerTimelineProjection(db.jdbc()));
            for (int from = 0; from < messages.size(); ) {
                int to = Math.min(messages.size(), from + 1 + batchSizes.nextInt(60));
                db.processBatch(messages.subList(from, to), harness.events());
                from = to;
            }

            var everything = new StringBuilder(db.dump(TABLES));
            var ids = messages.stream().map(m -> m.getAggregateIdentifier()).distinct().toList();
            ids.forEach(id -> everything.append(ViewJson.write(
                    String.valueOf(harness.query(new GetPublicIncident(id), PublicIncidentView.class)))));
            everything.append(harness.queryList(new FindCurrentPublicIncidents(), PublicIncidentView.class));
            everything.append(harness.queryList(new FindResolvedPublicIncidents(Instant.EPOCH, 200),
                    PublicIncidentView.class));
            everything.append(harness.queryList(new FindComponentStatuses(), ComponentStatusView.class));
            everything.append(harness.queryList(new FindPublicFeed(500), PublicFeedEntryView.class));
            everything.append(reconstructed(messages));

            assertThat(everything.toString()).doesNotContainIgnoringCase(MARKER);
            // the test has teeth: there were public incidents, names in public text, and redactions
            assertThat(generator.nameMentions()).isGreaterThan(20);
            assertThat(harness.queryList(new FindPublicFeed(500), PublicFeedEntryView.class)).hasSizeGreaterThan(100);
            assertThat(everything.toString()).contains(NameRedactor.REPLACEMENT);
        }
    }

    /** The as-of path: every event of every incident folded, allowlisted or not. */
    private static String reconstructed(List<DomainEventMessage<IncidentEvent>> messages) {
        Map<String, TimelineState> states = new LinkedHashMap<>();
        for (var message : messages) {
            var recorded = RecordedEvent.of(message);
            states.put(recorded.incidentId(),
                    CustomerTimelineFold.apply(states.get(recorded.incidentId()), recorded));
        }
        var json = new ArrayList<String>();
        states.values().forEach(state -> json.add(state == null ? "null" : ViewJson.write(state)));
        return String.join("\n", json);
    }
}
