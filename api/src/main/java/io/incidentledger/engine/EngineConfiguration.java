package io.incidentledger.engine;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.incidentledger.incident.Incident;
import io.incidentledger.incident.TimePolicy;
import io.incidentledger.query.IsoInstants;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** How the Axon engine runs the Incident aggregate: time, snapshots, serialization, metadata. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    /** Metadata key of the authenticated principal who caused an event. */
    static final String ACTOR = "actor";

    @Bean
    TimePolicy timePolicy(@Value("${incident-ledger.clock-skew-allowance:PT30S}") Duration clockSkewAllowance) {
        return new TimePolicy(Clock.systemUTC(), clockSkewAllowance);
    }

    /** Spring's snapshotter finds aggregate factories among the beans. */
    @Bean
    AggregateFactory<Incident> incidentFactory(ParameterResolverFactory parameterResolvers,
                                               HandlerDefinition handlerDefinition) {
        return new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                Incident.class, parameterResolvers, handlerDefinition));
    }

    @Bean
    ConfigurerModule incidentAggregate(AggregateFactory<Incident> incidentFactory,
                                       @Value("${incident-ledger.snapshot-threshold:100}") int snapshotThreshold) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(Incident.class)
                        .configureAggregateFactory(config -> incidentFactory)
                        .configureSnapshotTrigger(config ->
                                new EventCountSnapshotTriggerDefinition(config.snapshotter(), snapshotThreshold)));
    }

    /**
     * Snapshots are taken on a thread of their own. Axon's default takes them on the command's
     * thread right after its commit, while it still holds the incident's lock, and needs a second
     * database connection to do so: when writers waiting for that lock hold every pooled
     * connection, the incident (and every request waiting for a connection) stalled until the
     * pool's 30 s timeout, answering 500s (reliability/ContentionIT: 32 writers on one incident
     * crossing 100 events). Requests for one incident are deduplicated, so the queue stays small.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("snapshotter-");
        // Not a bean (an Executor bean would replace Boot's task executor); daemon, so it never
        // holds the JVM up: a snapshot cut short is only a snapshot not taken.
        executor.setDaemon(true);
        executor.initialize();
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(executor)
                .build();
    }

    /**
     * A read model that fails on an event (the database went away, a deadlock) must not skip it:
     * Axon's default logs and moves on, and the model would differ from the stream for good. With
     * errors propagated, the batch rolls back with its token and the processor retries it.
     */
    @Bean
    ConfigurerModule projectionsRetryInsteadOfSkipping() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
    }

    /** Several nodes on one database split every processor's segments between them; see {@link EngineNodes}. */
    @Bean
    ConfigurerModule fairShareOfSegments(EngineNodes nodes) {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerPooledStreamingEventProcessorConfiguration(
                        (config, builder) -> builder.maxSegmentProvider(nodes::maxSegments)));
    }

    /**
     * Snapshots serialize the aggregate's private fields (it has no getters). Axon's tracking
     * tokens are polymorphic; Jackson 3 refuses polymorphic types unless a validator allows
     * them, and a reset processor would otherwise retry its ReplayToken forever. Instants are
     * read and written by {@link IsoInstants}: the same text, read back at a fraction of the cost.
     */
    @Bean
    Jackson3SerializerCustomizer axonJsonCustomizer() {
        return builder -> builder
                .changeDefaultVisibility(visibility -> visibility.withFieldVisibility(JsonAutoDetect.Visibility.ANY))
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .allowIfSubType("io.incidentledger.")
                        .build())
                .addModule(IsoInstants.jacksonModule());
    }

    /*
     * Axon's Jackson 3 serializers as its auto-configuration builds them for axon.serializer.*=jackson3
     * (the default here), but remembering classes by name: see TypeCachingJackson3Serializer. Any other
     * setting leaves the serializer to Axon, and EngineGuards then refuses to start.
     */

    @Bean
    @Primary
    @ConditionalOnProperty(name = "axon.serializer.general", havingValue = "jackson3")
    Serializer serializer(RevisionResolver revisions, Jackson3SerializerCustomizer customizer) {
        return typeCachingSerializer(revisions, customizer);
    }

    @Bean
    @Qualifier("messageSerializer")
    @ConditionalOnProperty(name = "axon.serializer.messages", havingValue = "jackson3")
    Serializer messageSerializer(RevisionResolver revisions, Jackson3SerializerCustomizer customizer) {
        return typeCachingSerializer(revisions, customizer);
    }

    @Bean
    @Qualifier("eventSerializer")
    @ConditionalOnProperty(name = "axon.serializer.events", havingValue = "jackson3")
    Serializer eventSerializer(RevisionResolver revisions, Jackson3SerializerCustomizer customizer) {
        return typeCachingSerializer(revisions, customizer);
    }

    private static Serializer typeCachingSerializer(RevisionResolver revisions, Jackson3SerializerCustomizer customizer) {
        return new TypeCachingJackson3Serializer(Jackson3Serializer.builder()
                .revisionResolver(revisions)
                .converter(new ChainingConverter(EngineConfiguration.class.getClassLoader()))
                .jsonMapperBuilderCustomizer(customizer));
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorProvider() {
        return new SimpleCorrelationDataProvider(ACTOR);
    }
}
