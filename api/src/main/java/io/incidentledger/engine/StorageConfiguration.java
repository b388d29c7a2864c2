package io.incidentledger.engine;

import java.time.Duration;

import io.incidentledger.query.audit.ChainAnchoring;
import org.axonframework.common.jdbc.ConnectionProvider;
import java.sql.SQLException;

import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * Axon's storage on our own database: events, snapshots and tracking tokens in the tables
 * Flyway creates (V1__axon_event_store.sql), in the same transactions as the read models.
 *
 * <p>Declared here rather than left to Axon's auto-configuration: under Spring Boot 4 Axon's
 * JDBC and transaction auto-configurations are evaluated before the DataSource exists, and
 * Axon silently falls back to a no-op transaction manager and no event store at all.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /** Tracking tokens live beside the read models whatever the event store: one transaction for both. */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, EngineNodes nodes,
                          @Value("${incident-ledger.token-claim-timeout:PT10S}") Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(nodes.nodeId())
                .build();
    }

    /**
     * The embedded event store, anchoring the audit chain as it appends; with Axon Server enabled,
     * the connector provides the store instead (and there is no chain: see docs/audit-chain.md).
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          ChainAnchoring anchoring,
                                          @Value("${incident-ledger.event-store.read-batch-size:1000}") int readBatchSize) {
        var builder = JdbcEventStorageEngine.builder()
                .batchSize(readBatchSize)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(StorageConfiguration::isUniqueViolation)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(EventSchema.builder().build());
        return new AnchoringEventStorageEngine(builder, transactionManager, anchoring);
    }

    /**
     * A second write at the same (aggregate, sequence) is how concurrent commands on one incident
     * collide. SQLSTATE 23505 is the standard unique violation on both H2 and PostgreSQL; Axon's
     * error-code table does not recognise H2 2.4's, and would report a generic store failure.
     */
    static boolean isUniqueViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
