package io.incidentledger.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.List;

import io.incidentledger.IncidentLedgerApplication;
import io.incidentledger.incident.DetectIncident;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.Severity;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.ProcessRetriesExhaustedException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The axonserver profile as docker/compose.axonserver.yml runs it (postgres,axonserver), against an
 * Axon Server address where nothing listens: no Axon Server can run on this machine, so this
 * proves the wiring and how start-up behaves without the server, not the traffic itself.
 *
 * <p>The main context is a node restarting while Axon Server is down: its processors' token
 * segments are already in the database. A node's very first start needs Axon Server, because
 * Axon's pooled processors ask the event store for the head of the stream when they create
 * their segments; {@link #aFirstStartFailsFastWhileAxonServerIsUnreachable} pins that down.
 */
class AxonServerProfileIT {

    /** Generous: the context starts in seconds; a connector that blocked on connecting would never finish. */
    private static final Duration START_UP_LIMIT = Duration.ofSeconds(90);

    private static String unreachable;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void startAgainstAnUnreachableAxonServer() throws IOException {
        unreachable = "127.0.0.1:" + closedPort();
        // Command-line arguments stand in for the environment variables the profile's placeholders read.
        context = assertTimeoutPreemptively(START_UP_LIMIT, () -> start(List.of("postgres", "axonserver"), true,
                "--AXON_SERVER_ADDRESS=" + unreachable, "--AXON_SERVER_CONTEXT=incidents"));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            assertTimeoutPreemptively(START_UP_LIMIT, context::close);
        }
    }

    @Test
    void takesTheServerAndContextFromTheEnvironmentVariablesTheComposeFileSets() {
        var configuration = context.getBean(AxonServerConfiguration.class);
        assertThat(configuration.getServers()).isEqualTo(unreachable);
        assertThat(configuration.getContext()).isEqualTo("incidents");
    }

    @Test
    void eventsAndMessagesGoThroughAxonServer() {
        var axon = context.getBean(Configuration.class);
        assertThat(axon.eventStore()).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(axon.commandBus()).isInstanceOf(AxonServerCommandBus.class);
        assertThat(axon.queryBus()).isInstanceOf(AxonServerQueryBus.class);
    }

    @Test
    void hasNoEmbeddedEventStorage() {
        assertThat(context.getBeansOfType(EventStorageEngine.class)).isEmpty();
    }

    @Test
    void keepsTokensInTheDatabaseAndSerializesWithJackson() {
        var axon = context.getBean(Configuration.class);
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(List.of(axon.serializer(), axon.eventSerializer(), axon.messageSerializer()))
                .allSatisfy(serializer -> assertThat(serializer).isInstanceOf(Jackson3Serializer.class));
    }

    @Test
    void aCommandFailsWhileAxonServerIsUnreachableAndNothingIsWrittenLocally() {
        var sent = context.getBean(CommandGateway.class).send(
                new DetectIncident(IncidentId.generate(), "Nowhere to go", Severity.SEV3, null, List.of(), null, null));
        assertThat(sent).failsWithin(Duration.ofSeconds(30))
                .withThrowableThat().isInstanceOf(ExecutionException.class)
                .withStackTraceContaining("AXONIQ-4003"); // the connector's "error while dispatching command"
        var jdbc = context.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from DomainEventEntry").query(Long.class).single()).isZero();
    }

    @Test
    void aFirstStartFailsFastWhileAxonServerIsUnreachable() {
        assertTimeoutPreemptively(START_UP_LIMIT, () -> assertThatThrownBy(() -> start(
                List.of("postgres", "axonserver"), false, "--AXON_SERVER_ADDRESS=" + unreachable))
                .hasRootCauseInstanceOf(ProcessRetriesExhaustedException.class)
                .hasStackTraceContaining("Failed to start bean 'springAxonConfiguration'"));
    }

    @Test
    void refusesAxonServerWithoutTheProfile() {
        assertThatThrownBy(() -> start(List.of("postgres"), false,
                "--axon.axonserver.enabled=true", "--axon.axonserver.servers=" + unreachable))
                .hasStackTraceContaining("Axon Server is enabled but the axonserver profile is not active");
    }

    @Test
    void refusesTheProfileWithAxonServerDisabled() {
        assertThatThrownBy(() -> start(List.of("postgres", "axonserver"), false,
                "--axon.axonserver.enabled=false"))
                .hasStackTraceContaining("the axonserver profile is active but axon.axonserver.enabled is false");
    }

    private static ConfigurableApplicationContext start(List<String> profiles, boolean restart, String... args) {
        var application = new SpringApplicationBuilder(IncidentLedgerApplication.class)
                .web(WebApplicationType.NONE)
                .profiles(profiles.toArray(String[]::new));
        if (restart) {
            application.initializers(context -> ((GenericApplicationContext) context).registerBean(TokensOfAnEarlierRun.class));
        }
        return application.run(args);
    }

    /** Creates every processor's token segments after Flyway and before the processors start, as an earlier run would have. */
    static class TokensOfAnEarlierRun implements SmartInitializingSingleton {

        private final EventProcessingConfiguration processing;
        private final EventProcessorProperties properties;
        private final TokenStore tokenStore;
        private final TransactionManager transactionManager;

        TokensOfAnEarlierRun(EventProcessingConfiguration processing, EventProcessorProperties properties,
                             TokenStore tokenStore, TransactionManager transactionManager) {
            this.processing = processing;
            this.properties = properties;
            this.tokenStore = tokenStore;
            this.transactionManager = transactionManager;
        }

        @Override
        public void afterSingletonsInstantiated() {
            for (var name : processing.eventProcessors().keySet()) {
                var settings = properties.getProcessors().get(name);
                int segments = settings == null || settings.getInitialSegmentCount() == null ? 1 : settings.getInitialSegmentCount();
                transactionManager.executeInTransaction(() -> tokenStore.initializeTokenSegments(name, segments));
            }
        }
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
