package io.incidentledger.query;

import java.util.List;
import java.util.function.Function;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;

/**
 * Wires a projection the way Axon does in the application, without Spring Boot: its
 * {@code @EventHandler}s and {@code @ResetHandler} behind an annotation adapter, its
 * {@code @QueryHandler}s on a query bus whose update emitter the projection is built with.
 */
public final class ProjectionHarness<P> {

    private final SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
    private final QueryGateway gateway = DefaultQueryGateway.builder().queryBus(queryBus).build();
    private final P projection;
    private final AnnotationEventHandlerAdapter events;

    public ProjectionHarness(Function<QueryUpdateEmitter, P> factory) {
        this.projection = factory.apply(queryBus.queryUpdateEmitter());
        this.events = new AnnotationEventHandlerAdapter(projection);
        new AnnotationQueryHandlerAdapter<>(projection).subscribe(queryBus);
    }

    public P projection() {
        return projection;
    }

    /** The projection's event handlers, for {@link TestDatabase#processBatch}. */
    public EventMessageHandler events() {
        return events;
    }

    /** What the processor does before a replay: calls the {@code @ResetHandler}. */
    public void reset() {
        events.prepareReset();
    }

    public QueryGateway gateway() {
        return gateway;
    }

    public <R> R query(Object query, Class<R> resultType) {
        return gateway.query(query, ResponseTypes.instanceOf(resultType)).join();
    }

    public <R> List<R> queryList(Object query, Class<R> elementType) {
        return gateway.query(query, ResponseTypes.multipleInstancesOf(elementType)).join();
    }
}
