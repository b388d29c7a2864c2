package io.incidentledger.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.incidentledger.IncidentLedgerApplication;
import io.incidentledger.incident.AcknowledgeIncident;
import io.incidentledger.incident.AddInternalNote;
import io.incidentledger.incident.DetectIncident;
import io.incidentledger.incident.IncidentId;
import io.incidentledger.incident.Severity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * What anchoring the audit chain at append time costs a command: the same commands against the
 * anchoring engine and against Axon's plain JDBC engine, each in a fresh application and
 * database, alternating. Prints figures; asserts nothing. Not part of the suites (neither *Test
 * nor *IT): run with {@code ./mvnw -pl api verify -Dit.test=AnchoringBenchmark -Dskip.postgres}.
 */
class AnchoringBenchmark {

    private static final int INCIDENTS = 60;
    private static final int NOTES = 18;

    /** Replaces the anchoring engine; registered explicitly, never found by component scanning. */
    static class PlainEngine {
        @Bean
        EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer events,
                                              org.axonframework.config.Configuration configuration,
                                              ConnectionProvider connections, TransactionManager transactions) {
            return JdbcEventStorageEngine.builder().snapshotSerializer(serializer).eventSerializer(events)
                    .upcasterChain(configuration.upcasterChain()).snapshotFilter(configuration.snapshotFilter())
                    .persistenceExceptionResolver(StorageConfiguration::isUniqueViolation)
                    .connectionProvider(connections).transactionManager(transactions)
                    .schema(EventSchema.builder().build()).build();
        }
    }

    @Test
    void commandLatencyWithAndWithoutAnchoring() {
        for (int round = 1; round <= 2; round++) {
            for (boolean anchoring : new boolean[] {true, false}) {
                var builder = new SpringApplicationBuilder(IncidentLedgerApplication.class).web(WebApplicationType.NONE);
                if (!anchoring) {
                    builder.sources(PlainEngine.class);
                }
                try (var context = builder.run("--incident-ledger.samples.enabled=false",
                        "--spring.main.allow-bean-definition-overriding=true", "--logging.level.root=WARN")) {
                    var engine = context.getBean(EventStorageEngine.class).getClass().getSimpleName();
                    var nanos = measure(context.getBean(CommandGateway.class));
                    Arrays.sort(nanos);
                    System.out.printf(Locale.ROOT, "round %d %-28s %5d commands: mean %.2f ms, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                            round, engine, nanos.length, Arrays.stream(nanos).average().orElse(0) / 1e6,
                            nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6,
                            nanos[nanos.length * 99 / 100] / 1e6);
                }
            }
        }
    }

    private static long[] measure(CommandGateway commands) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            var id = IncidentId.generate();
            List<Object> script = new ArrayList<>();
            script.add(new DetectIncident(id, "Benchmark " + i, Severity.SEV3, null, List.of("bench"), null, null));
            script.add(new AcknowledgeIncident(id, "maria", null));
            for (int n = 0; n < NOTES; n++) {
                script.add(new AddInternalNote(id, "note " + n, null));
            }
            for (var command : script) {
                long start = System.nanoTime();
                commands.sendAndWait(command, MetaData.with("actor", "bench"));
                // The first incidents warm the JVM up; only the rest count.
                if (i >= INCIDENTS / 4) {
                    nanos.add(System.nanoTime() - start);
                }
            }
        }
        return nanos.stream().mapToLong(Long::longValue).toArray();
    }
}
