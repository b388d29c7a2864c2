package io.incidentledger.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random command sequences through real Axon wiring (command gateway, aggregate
 * repository, embedded event store), checking the stored stream after every command. The seed is
 * printed; rerun a failure with {@code -Dseed=...}.
 */
class IncidentInvariantsTest {

    private static final long DEFAULT_SEED = 20_240_514L;
    private static final int SEQUENCES = Integer.getInteger("invariants.sequences", 2_000);
    private static final Duration SKEW = Duration.ofSeconds(30);
    /** The in-memory engine scans every stored event per read, so each batch gets a fresh store. */
    private static final int SEQUENCES_PER_STORE = 25;
    private static final Map<Class<?>, Class<?>> LAST_EVENT_OF = Map.ofEntries(
            Map.entry(DetectIncident.class, IncidentDetected.class),
            Map.entry(AcknowledgeIncident.class, IncidentAcknowledged.class),
            Map.entry(AssignResponder.class, ResponderAssigned.class),
            Map.entry(ReleaseResponder.class, ResponderReleased.class),
            Map.entry(ChangeSeverity.class, SeverityChanged.class),
            Map.entry(AssessImpact.class, ImpactAssessed.class),
            Map.entry(AddInternalNote.class, InternalNoteAdded.class),
            Map.entry(PostPublicUpdate.class, PublicUpdatePosted.class),
            Map.entry(ContainIncident.class, IncidentContained.class),
            Map.entry(FixIncident.class, IncidentFixed.class),
            Map.entry(IdentifyRootCause.class, RootCauseIdentified.class),
            Map.entry(RecordLesson.class, LessonRecorded.class),
            Map.entry(AddActionItem.class, ActionItemAdded.class),
            Map.entry(CompleteActionItem.class, ActionItemCompleted.class),
            Map.entry(CorrectEntry.class, EntryCorrected.class),
            Map.entry(ReopenIncident.class, IncidentReopened.class),
            Map.entry(LearnFromIncident.class, IncidentLearned.class));

    private final long seed = Long.getLong("seed", DEFAULT_SEED);
    private final SteppingClock clock = new SteppingClock(Instant.parse("2024-05-14T08:00:00.123456789Z"));
    private final Random random = new Random(seed);
    private final RandomCommands commands = new RandomCommands(random, clock, SKEW);
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private int commandsSent;
    private int learnedSequences;

    @Test
    void randomCommandSequencesKeepEveryInvariant() {
        System.out.printf("IncidentInvariantsTest: seed %d (rerun with -Dseed=%d), %d sequences%n", seed, seed,
                SEQUENCES);
        long started = System.nanoTime();
        Configuration axon = null;
        try {
            for (int s = 0; s < SEQUENCES; s++) {
                if (s % SEQUENCES_PER_STORE == 0) {
                    if (axon != null) {
                        axon.shutdown();
                    }
                    axon = startAxon();
                }
                runSequence(axon, new IncidentId("R-" + s), 20 + random.nextInt(41), s);
            }
        } finally {
            if (axon != null) {
                axon.shutdown();
            }
        }
        printSummary(Duration.ofNanos(System.nanoTime() - started));

        assertThat(learnedSequences).as("sequences that reached LEARNED").isGreaterThan(SEQUENCES / 10);
        for (var code : Rejection.values()) {
            assertThat(outcomes).as("the generator provokes %s", code).containsKey("rejected " + code);
        }
    }

    private Configuration startAxon() {
        var policy = new TimePolicy(clock, SKEW);
        var configuration = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Incident.class)
                // ConfigurationParameterResolverFactory hands registered components to handler parameters.
                .registerComponent(TimePolicy.class, c -> policy)
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    private void runSequence(Configuration axon, IncidentId id, int length, int sequence) {
        List<? extends DomainEventMessage<?>> before = List.of();
        StoredStreamCheck.View view = null;
        for (int step = 0; step < length; step++) {
            clock.advance(Duration.ofSeconds(random.nextInt(10) == 0 ? 0 : random.nextInt(600))
                    .plusNanos(random.nextInt(1_000_000_000)));
            Object command;
            try {
                command = view == null ? commands.detect(id) : commands.next(id, view);
            } catch (InvalidCommandException refused) {
                count("refused shape: " + refused.field());
                continue;
            }
            try {
                var after = send(axon, id, command, before, view);
                view = after.isEmpty() ? null : StoredStreamCheck.check(after);
                before = after;
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", sequence " + sequence + ", step " + step + ", command "
                        + command + ":\n" + e.getMessage(), e);
            }
        }
        if (view != null && view.phase() == Phase.LEARNED) {
            learnedSequences++;
        }
    }

    private List<? extends DomainEventMessage<?>> send(Configuration axon, IncidentId id, Object command,
            List<? extends DomainEventMessage<?>> before, StoredStreamCheck.View view) {
        commandsSent++;
        String name = command.getClass().getSimpleName();
        try {
            axon.commandGateway().sendAndWait(command);
        } catch (IncidentRejected rejected) {
            count("rejected " + rejected.rejection());
            var after = read(axon, id);
            assertThat(identifiers(after)).as("a rejected command appends nothing").isEqualTo(identifiers(before));
            return after;
        }
        count("accepted " + name);
        var after = read(axon, id);
        assertThat(after.size()).as("an accepted command appends").isGreaterThan(before.size());
        assertThat(identifiers(after.subList(0, before.size()))).as("history is never edited")
                .isEqualTo(identifiers(before));
        assertThat(after.get(after.size() - 1).getPayload()).isInstanceOf(LAST_EVENT_OF.get(command.getClass()));
        var latest = clock.instant().plus(SKEW);
        for (var appended : after.subList(before.size(), after.size())) {
            var event = (IncidentEvent) appended.getPayload();
            assertThat(event.occurredAt()).as("not in the future").isBeforeOrEqualTo(latest)
                    .isEqualTo(event.occurredAt().truncatedTo(ChronoUnit.MICROS));
            if (view != null && !(event instanceof InternalNoteAdded)) {
                assertThat(event.occurredAt()).as("not before detection").isAfterOrEqualTo(view.detectedAt());
            }
        }
        return after;
    }

    private List<? extends DomainEventMessage<?>> read(Configuration axon, IncidentId id) {
        return axon.eventStore().readEvents(id.toString()).asStream().toList();
    }

    private static List<String> identifiers(List<? extends DomainEventMessage<?>> events) {
        return events.stream().map(EventMessage::getIdentifier).toList();
    }

    private void count(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    private void printSummary(Duration elapsed) {
        System.out.printf("IncidentInvariantsTest: %d sequences, %d commands, %d reached LEARNED, %d ms%n",
                SEQUENCES, commandsSent, learnedSequences, elapsed.toMillis());
        outcomes.forEach((outcome, count) -> System.out.printf("  %-45s %7d%n", outcome, count));
    }
}
