package io.incidentledger.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.incidentledger.query.BatchedViews;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the event store into models that have just been reset, in large chunks, reading and
 * deserializing every event once for all of them.
 * <p>
 * A processor replays with one unit of work per batch and segment, and each model reads and
 * deserializes the stream for itself; most of a rebuild's time goes into those per-batch costs
 * (loading and writing the same views again and again, one token update per segment). Here the
 * stream is read and deserialized once, in chunks of {@code chunkSize} events; each model takes a
 * chunk in one unit of work and one transaction of its own, so each view the chunk touches is read
 * once and written once, and the chunk's position is stored in the model's segment tokens in the
 * same transaction. The models work on a chunk in parallel while the next one is read.
 * <p>
 * The models' own processors stay shut down meanwhile; their segments are claimed by this node
 * (the claims are refreshed with every chunk). When the stream has reached its head (or on
 * failure, or when cancelled), the claims are released and the processors start again from the
 * stored tokens: they handle whatever was appended since, exactly as after any stop, and a failing
 * chunk is simply retried by the processor. A crash loses nothing either: the tokens say how far
 * the replay came. A replay stopped for another rebuild leaves its processors stopped: the next
 * replay takes them on from their tokens.
 */
final class BulkReplay implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(BulkReplay.class);

    private final List<StreamingEventProcessor> processors;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final int chunkSize;
    /** Run once the processors have taken over at the head. */
    private final Runnable atHead;
    /** One thread per model; daemon, like the replay itself. */
    private final ExecutorService workers;
    private volatile boolean cancelled;
    private volatile boolean finished;

    /**
     * @param processors the models to replay, each just reset ({@link Rebuilds#resetToHead}) or carrying on
     *                   from where an earlier bulk replay stopped
     */
    BulkReplay(List<StreamingEventProcessor> processors, EventStore eventStore, TokenStore tokenStore,
               TransactionManager transactions, int chunkSize, Runnable atHead) {
        this.processors = List.copyOf(processors);
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.chunkSize = chunkSize;
        this.atHead = atHead;
        this.workers = Executors.newFixedThreadPool(processors.size(), runnable -> {
            var thread = new Thread(runnable, "rebuild-model");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The models being replayed, until their processors have taken over again. */
    Set<String> models() {
        return finished ? Set.of() : processors.stream().map(StreamingEventProcessor::getName).collect(Collectors.toSet());
    }

    List<StreamingEventProcessor> processors() {
        return processors;
    }

    /** Asks the replay to stop after the chunk in progress, leaving its processors stopped for the caller. */
    void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        var names = processors.stream().map(StreamingEventProcessor::getName).toList();
        long began = System.nanoTime();
        long events = 0;
        var models = new ArrayList<Model>();
        boolean reachedHead = false;
        try {
            transactions.executeInTransaction(() -> {
                for (var processor : processors) {
                    var segments = new ArrayList<SegmentToken>();
                    for (int segment : tokenStore.fetchSegments(processor.getName())) {
                        // claims it for this node (a reset has, already) and says where it stands
                        segments.add(new SegmentToken(processor.getName(), segment,
                                tokenStore.fetchToken(processor.getName(), segment)));
                    }
                    models.add(new Model(processor, segments));
                }
            });
            // From the segment furthest behind (the start, right after a reset); the others see
            // events again that they have seen, which a view's version makes harmless.
            var positions = models.stream().flatMap(model -> model.segments.stream())
                    .map(segment -> positionOf(segment.token())).toList();
            TrackingToken from = positions.isEmpty() ? null : positions.get(0);
            for (var position : positions) {
                from = lower(from, position);
            }
            log.info("Replaying {} in bulk from {}", names, from);
            try (var stream = eventStore.openStream(from)) {
                List<Future<Integer>> working = List.of();
                var chunk = new ArrayList<TrackedEventMessage<?>>(chunkSize);
                while (!cancelled) {
                    boolean more = stream.hasNextAvailable(0, TimeUnit.MILLISECONDS);
                    if (more) {
                        chunk.add(read(stream.nextAvailable()));
                    }
                    if (chunk.size() == chunkSize || (!more && !chunk.isEmpty())) {
                        events += awaitAll(working); // each model takes the chunks in order
                        var next = List.copyOf(chunk);
                        working = models.stream().map(model -> workers.submit(() -> model.replay(next))).toList();
                        chunk.clear();
                    }
                    if (!more) {
                        reachedHead = true;
                        break;
                    }
                }
                events += awaitAll(working);
            }
            log.info("Replayed {} events into {} in {} ms{}", events, names, (System.nanoTime() - began) / 1_000_000,
                    reachedHead ? "" : " (stopped: another rebuild, or shutdown)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Replay into {} interrupted after {} events; the processors carry on", names, events);
        } catch (RuntimeException e) {
            log.warn("Replay into {} stopped after {} events; the processors carry on from there", names, events, e);
        } finally {
            // No model may still be writing when its processor takes over.
            workers.shutdown();
            try {
                if (!workers.awaitTermination(5, TimeUnit.MINUTES)) {
                    log.warn("Replay into {}: a model's chunk is still running after 5 minutes", names);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (var segment : models.stream().flatMap(model -> model.segments.stream()).toList()) {
                try {
                    tokenStore.releaseClaim(segment.processor(), segment.segment());
                } catch (RuntimeException e) {
                    log.debug("Could not release {}[{}]", segment.processor(), segment.segment(), e);
                }
            }
            // Stopped on request, the processors stay stopped for the caller; otherwise (at the head,
            // or after a failure) they take over.
            if (reachedHead || !cancelled) {
                processors.stream().filter(p -> !p.isRunning()).forEach(StreamingEventProcessor::start);
            }
            finished = true;
        }
        if (reachedHead) {
            try {
                atHead.run();
            } catch (RuntimeException e) {
                log.warn("Replay into {}: tidying up after it failed; the models are rebuilt all the same", names, e);
            }
        }
    }

    /** Deserializes what every model reads, here, so that the models' threads share it without racing. */
    private static TrackedEventMessage<?> read(TrackedEventMessage<?> message) {
        message.getPayload();
        message.getMetaData();
        message.getTimestamp();
        return message;
    }

    /** Waits for the models' work on a chunk; the first failure stops the replay. */
    private static long awaitAll(List<Future<Integer>> working) throws InterruptedException {
        long events = 0;
        for (var work : working) {
            try {
                events = Math.max(events, work.get());
            } catch (ExecutionException e) {
                var failure = e.getCause();
                throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
            }
        }
        return events;
    }

    /** One model: its handlers, and its segments' tokens (touched by one worker at a time). */
    private final class Model {

        private final List<EventHandlerInvoker> invokers;
        private final List<SegmentToken> segments;

        Model(StreamingEventProcessor processor, List<SegmentToken> segments) {
            var invoker = ((AbstractEventProcessor) processor).eventHandlerInvoker();
            // The handlers themselves: the composite would ask each of them, for every event,
            // whether it supports a reset (a walk over its annotations), which a replay never needs.
            this.invokers = invoker instanceof MultiEventHandlerInvoker multi ? multi.delegates() : List.of(invoker);
            this.segments = segments;
        }

        /** One chunk through this model, and its segments' tokens moved past it, in one transaction. */
        int replay(List<TrackedEventMessage<?>> chunk) {
            // One plain unit of work for the whole chunk: a batching one keeps a context, a result
            // message (with a random identifier) and four phase notifications per event, which
            // cost more than some models' handling. The views see the chunk's events all the same
            // (BatchedViews.MESSAGES), and commit or roll back with them in one transaction.
            var unitOfWork = new DefaultUnitOfWork<EventMessage<?>>(chunk.get(0));
            unitOfWork.attachTransaction(transactions);
            unitOfWork.resources().put(BatchedViews.MESSAGES, chunk);
            var last = chunk.get(chunk.size() - 1).trackingToken();
            unitOfWork.onPrepareCommit(u -> segments.replaceAll(segment -> segment.advancedTo(last, tokenStore)));
            var result = unitOfWork.executeWithResult(() -> {
                for (var message : chunk) {
                    for (var invoker : invokers) {
                        // No canHandle first: a handler that takes no such event ignores it anyway,
                        // and asking would look its handlers up a second time for every event.
                        invoker.handle(message, Segment.ROOT_SEGMENT);
                    }
                }
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                var failure = result.exceptionResult();
                throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
            }
            return chunk.size();
        }
    }

    /** Where a segment stands in the stream: a replay token's current position; null at the start. */
    private static TrackingToken positionOf(TrackingToken token) {
        return token instanceof ReplayToken replay ? positionOf(replay.getCurrentToken()) : token;
    }

    /** The lower of two positions; null (the start of the stream) is lowest. */
    private static TrackingToken lower(TrackingToken a, TrackingToken b) {
        if (a == null || b == null) {
            return null;
        }
        return a.covers(b) ? b : a;
    }

    private record SegmentToken(String processor, int segment, TrackingToken token) {

        /** Where the segment's processor would be after the chunk: still replaying until it passes its reset position. */
        SegmentToken advancedTo(TrackingToken position, TokenStore tokenStore) {
            var next = token instanceof ReplayToken replay ? replay.advancedTo(position) : position;
            tokenStore.storeToken(next, processor, segment);
            return new SegmentToken(processor, segment, next);
        }
    }
}
