package io.incidentledger.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * A 10,000-event incident on the real storage path (JDBC engine, H2, Jackson 3 for events and
 * snapshots) loads from its latest snapshot, and the state it loads is the state a full replay builds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentSnapshotTest {

    private static final IncidentId ID = new IncidentId("INC-LONG");
    private static final int EVENTS = 10_000;
    private static final int SNAPSHOT_EVERY = 100;
    private static final int BY_COMMAND = 250;
    private static final Instant START = Instant.parse("2024-05-14T09:00:00Z");

    private final JdbcConnectionPool database = JdbcConnectionPool.create(
            "jdbc:h2:mem:snapshots-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final SteppingClock clock = new SteppingClock(START);
    private final List<Long> firstSequenceNumbersRead = new CopyOnWriteArrayList<>();
    private Configuration axon;
    private Configuration replayOnly;

    @BeforeAll
    void buildALongIncident() throws SQLException {
        createTables();
        axon = start(engine(true), true);
        replayOnly = start(engine(false), false);
        long started = System.nanoTime();
        buildLongIncident();
        System.out.printf("IncidentSnapshotTest: built %d events in %d ms%n", EVENTS,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @AfterAll
    void stop() {
        axon.shutdown();
        replayOnly.shutdown();
        database.dispose();
    }

    @Test
    void loadsFromTheLatestSnapshotRatherThanTheFirstEvent() throws SQLException {
        assertThat(axon.repository(Incident.class)).isInstanceOf(EventSourcingRepository.class);
        assertThat(axon.snapshotter()).isInstanceOf(AggregateSnapshotter.class);
        assertThat(count("SELECT COUNT(*) FROM DomainEventEntry")).isGreaterThanOrEqualTo(EVENTS);

        long snapshotAt = count("SELECT MAX(sequenceNumber) FROM SnapshotEventEntry WHERE aggregateIdentifier = '"
                + ID + "'");
        assertThat(snapshotAt).isGreaterThanOrEqualTo(EVENTS - SNAPSHOT_EVERY);

        firstSequenceNumbersRead.clear();
        rejects(new AcknowledgeIncident(ID, "bob", null), Rejection.ALREADY_ACKNOWLEDGED);

        // A further read may follow if this load itself triggers the next snapshot; none starts at 0.
        assertThat(firstSequenceNumbersRead).as("where reading the incident's events started")
                .startsWith(snapshotAt + 1).doesNotContain(0L);
    }

    @Test
    void loadsTheSameStateFromTheSnapshotAsAFullReplay() {
        var fromSnapshot = load(axon);
        firstSequenceNumbersRead.clear();
        var fullyReplayed = load(replayOnly);

        assertThat(firstSequenceNumbersRead).containsExactly(0L);
        assertThat(fromSnapshot).usingRecursiveComparison().isEqualTo(fullyReplayed);
    }

    @Test
    void keepsEnforcingTheRulesAfterLoadingFromASnapshot() {
        var fixedAt = START.plusSeconds(EVENTS);
        rejects(new ReleaseResponder(ID, "alice", null), Rejection.COMMANDER_REQUIRED);
        rejects(new ReleaseResponder(ID, "carol", null), Rejection.RESPONDER_NOT_ASSIGNED);
        rejects(new FixIncident(ID, "Again", null, null), Rejection.ALREADY_FIXED);
        rejects(new ChangeSeverity(ID, Severity.SEV3, "Same", null), Rejection.SEVERITY_UNCHANGED);
        rejects(new CompleteActionItem(ID, "AI-1", null), Rejection.ACTION_ITEM_ALREADY_COMPLETED);
        rejects(new AddActionItem(ID, "AI-3", "Again", ActionItemKind.DETECT, "payments", null, null),
                Rejection.ACTION_ITEM_EXISTS);
        rejects(new ReopenIncident(ID, "Back", fixedAt.minusSeconds(1)), Rejection.OCCURRED_BEFORE_PREVIOUS_PHASE);
        rejects(new PostPublicUpdate(ID, "Early", PublicStatus.INVESTIGATING, null, START),
                Rejection.OCCURRED_BEFORE_DETECTION);
        rejects(new CorrectEntry(ID, 1, "Typo", "bob", null, null), Rejection.ENTRY_HAS_NO_TEXT);
        rejects(new CorrectEntry(ID, 3 * EVENTS, "Typo", "text", null, null), Rejection.ENTRY_NOT_FOUND);

        send(new CorrectEntry(ID, EVENTS - 2, "Typo", "Still watching", null, null));
        send(new CompleteActionItem(ID, "AI-2", null));
    }

    @Test
    void keepsTheSnapshotSmall() throws SQLException {
        String json;
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(
                "SELECT payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")) {
            statement.setString(1, ID.toString());
            try (var result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                json = new String(result.getBytes(1), StandardCharsets.UTF_8);
            }
        }
        System.out.printf("IncidentSnapshotTest: snapshot of %d+ events is %d bytes of JSON%n", EVENTS,
                json.length());
        assertThat(json).as("one character per entry, little else").hasSizeLessThan(EVENTS + 2_000)
                .contains("\"kinds\":\"DARTTTKC");
    }

    private void rejects(Object command, Rejection code) {
        assertThatThrownBy(() -> send(command)).isInstanceOfSatisfying(IncidentRejected.class,
                rejected -> assertThat(rejected.rejection()).isEqualTo(code));
    }

    private static Incident load(Configuration configuration) {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return configuration.repository(Incident.class).load(ID.toString()).invoke(incident -> incident);
        } finally {
            unitOfWork.rollback();
        }
    }

    /**
     * Detected, acknowledged by alice, bob assigned, AI-1 done, AI-2 and AI-3 open, contained, notes,
     * fixed. The bulk of the notes is appended as stored events, as an import would write them (through
     * commands alone this took 6 to 40 s, depending on the machine's load); the last
     * {@value #BY_COMMAND} go through commands, so the trigger snapshots a full replay first and then
     * snapshot-plus-tail loads.
     */
    private void buildLongIncident() {
        send(new DetectIncident(ID, "Slow checkout", Severity.SEV3, null, List.of("checkout"), null, null));
        send(new AcknowledgeIncident(ID, "alice", null));
        send(new AssignResponder(ID, "bob", ResponderRole.OPERATIONS, null));
        for (var item : List.of("AI-1", "AI-2", "AI-3")) {
            send(new AddActionItem(ID, item, "Follow up " + item, ActionItemKind.PROCESS, "payments", null, null));
        }
        send(new CompleteActionItem(ID, "AI-1", null));
        send(new ContainIncident(ID, Mitigation.FEATURE_DISABLED, "Disabled one-click", null));
        var imported = new ArrayList<DomainEventMessage<?>>();
        for (int sequence = 8; sequence < EVENTS - BY_COMMAND; sequence++) {
            clock.advance(Duration.ofSeconds(1));
            imported.add(new GenericDomainEventMessage<>("Incident", ID.toString(), sequence,
                    new InternalNoteAdded(ID, "Still watching, round " + sequence, clock.instant())));
        }
        axon.eventStore().publish(imported);
        for (int sequence = EVENTS - BY_COMMAND; sequence < EVENTS - 1; sequence++) {
            send(new AddInternalNote(ID, "Still watching, round " + sequence, null));
        }
        send(new FixIncident(ID, "Query plan fixed", "PR-77", null));
    }

    private void send(Object command) {
        clock.advance(Duration.ofSeconds(1));
        axon.commandGateway().sendAndWait(command);
    }

    private Configuration start(JdbcEventStorageEngine engine, boolean snapshots) {
        var policy = new TimePolicy(clock, Duration.ofSeconds(30));
        var aggregate = AggregateConfigurer.defaultConfiguration(Incident.class);
        if (snapshots) {
            aggregate.configureSnapshotTrigger(
                    c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), SNAPSHOT_EVERY));
        }
        var configuration = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(aggregate)
                .registerComponent(TimePolicy.class, c -> policy)
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    /** The real engine, recording where each aggregate read starts; optionally blind to snapshots. */
    private JdbcEventStorageEngine engine(boolean useSnapshots) {
        Serializer serializer = jackson();
        ConnectionProvider connections = database::getConnection;
        var builder = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer);
        if (!useSnapshots) {
            builder.snapshotFilter(snapshot -> false);
        }
        return new JdbcEventStorageEngine(builder) {
            @Override
            public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
                firstSequenceNumbersRead.add(firstSequenceNumber);
                return super.readEvents(aggregateIdentifier, firstSequenceNumber);
            }
        };
    }

    /**
     * The aggregate has private fields and no getters, so the serializer reads fields. Creators are
     * hidden because Jackson would otherwise take the public command-handling constructor
     * {@code Incident(DetectIncident, TimePolicy)} (parameter names are compiled in) as the creator
     * and call it with nulls; records (events, ids) keep their canonical constructors regardless.
     */
    static Jackson3Serializer jackson() {
        return Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(mapper -> mapper.changeDefaultVisibility(visibility -> visibility
                        .withFieldVisibility(JsonAutoDetect.Visibility.ANY)
                        .withCreatorVisibility(JsonAutoDetect.Visibility.NONE)))
                .build();
    }

    /** Axon's HSQL table factory fails on H2 2.4 ("START WITH 0"), so its two tables are created here. */
    private void createTables() throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE DomainEventEntry (
                        globalIndex BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                        aggregateIdentifier VARCHAR(255) NOT NULL,
                        sequenceNumber BIGINT NOT NULL,
                        type VARCHAR(255),
                        eventIdentifier VARCHAR(255) NOT NULL UNIQUE,
                        metaData BLOB,
                        payload BLOB NOT NULL,
                        payloadRevision VARCHAR(255),
                        payloadType VARCHAR(255) NOT NULL,
                        timeStamp VARCHAR(255) NOT NULL,
                        UNIQUE (aggregateIdentifier, sequenceNumber))""");
            statement.execute("""
                    CREATE TABLE SnapshotEventEntry (
                        aggregateIdentifier VARCHAR(255) NOT NULL,
                        sequenceNumber BIGINT NOT NULL,
                        type VARCHAR(255) NOT NULL,
                        eventIdentifier VARCHAR(255) NOT NULL UNIQUE,
                        metaData BLOB,
                        payload BLOB NOT NULL,
                        payloadRevision VARCHAR(255),
                        payloadType VARCHAR(255) NOT NULL,
                        timeStamp VARCHAR(255) NOT NULL,
                        PRIMARY KEY (aggregateIdentifier, sequenceNumber))""");
        }
    }

    private long count(String sql) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
