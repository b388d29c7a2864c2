package io.incidentledger.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.incidentledger.query.ViewTable;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds read models: each model is a streaming event processor (named as its processing
 * group), reset to the start of the event store and replayed; its {@code @ResetHandler} clears its
 * tables first. The replay itself runs in bulk ({@link BulkReplay}: large chunks, every event read
 * once for all the models rebuilt) and hands each model back to its processor at the head. Other
 * models, commands and reads go on meanwhile; reads of a rebuilding model see it partly rebuilt,
 * and are told so ({@link RebuildingHeader}).
 * <p>
 * One node starts a rebuild: resetting needs every segment of the model, so with several nodes
 * the others must not hold that model's segments (stop them, or use the admin endpoint of each).
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    /** How long a status read from the token store is reused by the header on reads. */
    private static final Duration FRESH = Duration.ofMillis(200);

    private final EventProcessingConfiguration processing;
    private final TokenPositions tokens;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final int chunkSize;
    /** Runs one bulk replay at a time; daemon: a replay cut short by a crash is resumed by the processors from its tokens. */
    private final ExecutorService replays = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "rebuild");
        thread.setDaemon(true);
        return thread;
    });
    /** Vacuums after replays, so that a vacuum never holds up the next rebuild's request; daemon, like the replays. */
    private final ExecutorService vacuums = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "rebuild-vacuum");
        thread.setDaemon(true);
        return thread;
    });
    /** The tables emptied by resets whose replay has not reached the head yet. */
    private final Set<String> refilling = ConcurrentHashMap.newKeySet();
    /** The latest bulk replay (written under this object's lock, read by health checks too). */
    private volatile BulkReplay replay;
    private Future<?> replaying;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private volatile Set<String> rebuilding = Set.of();
    private volatile Instant rebuildingReadAt = Instant.MIN;

    Rebuilds(EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer, EventStore eventStore,
             TokenStore tokenStore, TransactionManager transactions,
             @Value("${incident-ledger.rebuild.chunk-size:10000}") int chunkSize) {
        this.processing = processing;
        this.tokens = new TokenPositions(jdbc, serializer);
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.chunkSize = chunkSize;
    }

    /** The read models that can be rebuilt, by name. */
    public Set<String> models() {
        return processing.eventProcessors().entrySet().stream()
                .filter(p -> p.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Starts rebuilding the given models, or all when none is given, and returns their status
     * as the rebuild starts (nothing processed yet). A model rebuilding already starts over.
     *
     * @throws IllegalArgumentException when a model is unknown
     * @throws IllegalStateException    when a model cannot be reset; its processor keeps running
     */
    public synchronized List<RebuildStatus> start(Collection<String> requested) {
        var models = requested.isEmpty() ? models() : new TreeSet<>(requested);
        var unknown = new TreeSet<>(models);
        unknown.removeAll(models());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown read model(s) " + unknown + "; the read models are " + models());
        }
        var processors = models.stream()
                .map(model -> processing.eventProcessor(model, StreamingEventProcessor.class).orElseThrow()).toList();
        var toReplay = new ArrayList<StreamingEventProcessor>();
        try {
            // A bulk replay in progress stops after its chunk; the models it was replaying and not
            // asked for again carry on in the next one, from where they are.
            stopReplay().stream().filter(p -> !models.contains(p.getName())).forEach(toReplay::add);
            awaitVacuums();
            for (var processor : processors) {
                processor.shutDown();
                refilling.addAll(ViewTable.clearedBy(processor::resetTokens));
                resetToHead(processor);
                toReplay.add(processor);
                started.put(processor.getName(), clock.instant());
            }
            return status().stream().filter(s -> models.contains(s.model())).toList();
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not reset " + models + " (does another node hold their segments?): "
                    + e.getMessage(), e);
        } finally {
            rebuildingReadAt = Instant.MIN;
            // Whatever happened, the models serve again: those reset are replayed in bulk, then
            // handed back to their processors; the others start at once.
            processors.stream().filter(p -> !toReplay.contains(p) && !p.isRunning()).forEach(StreamingEventProcessor::start);
            if (!toReplay.isEmpty()) {
                replayInBulk(toReplay);
            }
        }
    }

    private void replayInBulk(List<StreamingEventProcessor> processors) {
        if (chunkSize <= 0) {
            processors.forEach(StreamingEventProcessor::start);
            return;
        }
        replay = new BulkReplay(processors, eventStore, tokenStore, transactions, chunkSize, this::vacuumRefilled);
        replaying = replays.submit(replay);
    }

    /**
     * Makes a just-reset model replay from the start to the head as of now. A reset leaves a
     * processor's initial token nested in its replay token, and a model reset while it was still
     * catching up would otherwise count as rebuilt once it passed where it had been. The segments
     * stay claimed by this node until the replay releases them.
     */
    private void resetToHead(StreamingEventProcessor processor) {
        transactions.executeInTransaction(() -> {
            var head = eventStore.createHeadToken();
            for (int segment : tokenStore.fetchSegments(processor.getName())) {
                tokenStore.fetchToken(processor.getName(), segment);
                tokenStore.storeToken(ReplayToken.createReplayToken(head), processor.getName(), segment);
            }
        });
    }

    /**
     * After a bulk replay, on PostgreSQL: vacuums and analyzes the tables its resets emptied, in
     * the background. A rebuild rewrites the views chunk by chunk; until a vacuum, reads step over
     * the dead rows, the board's count cannot be answered from its index alone, and the planner's
     * statistics describe the tables as they were before the reset (measured: board p99 5-20x
     * slower after rebuilds until autovacuum came). Outside any transaction, as VACUUM must be.
     */
    private void vacuumRefilled() {
        var tables = new TreeSet<>(refilling);
        refilling.removeAll(tables);
        if (tables.isEmpty() || !ViewTable.postgres(jdbc)) {
            return;
        }
        vacuums.execute(() -> {
            try {
                long began = System.nanoTime();
                jdbc.execute("VACUUM (ANALYZE) " + String.join(", ", tables));
                log.info("Vacuumed and analyzed {} after the rebuild in {} ms", tables,
                        (System.nanoTime() - began) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Could not vacuum {} after the rebuild; autovacuum will: {}", tables, e.getMessage());
            }
        });
    }

    /**
     * Waits for the vacuums of earlier rebuilds (a second or two on a million events) before the
     * resets empty the tables again. A vacuum that analyzed a table just emptied would record it as
     * empty; PostgreSQL then plans the replay's statements for an empty table (a sequential scan
     * per view key) and keeps those plans while the table refills: measured, a rebuild of all
     * models took over 140 s instead of 33.
     */
    private void awaitVacuums() {
        try {
            vacuums.submit(() -> { }).get(1, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            log.warn("The vacuum after the previous rebuild still runs after a minute; rebuilding all the same");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the previous rebuild's vacuum", e);
        }
    }

    /**
     * Stops a bulk replay in progress after its current chunk, its processors still stopped.
     *
     * @return the processors it leaves stopped: those it had not finished
     */
    private List<StreamingEventProcessor> stopReplay() {
        if (replay == null) {
            return List.of();
        }
        replay.cancel();
        try {
            replaying.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the rebuild in progress", e);
        } catch (ExecutionException e) {
            // BulkReplay handles its own failures; nothing reaches here
        }
        // A replay that reached the head before it saw the request has started its processors.
        var stopped = replay.processors().stream().filter(p -> !p.isRunning()).toList();
        replay = null;
        return stopped;
    }

    /** On shutdown: the replay stops after its chunk; the tokens say how far it came, and the next start carries on. */
    @PreDestroy
    synchronized void stop() {
        stopReplay();
        replays.shutdown();
        vacuums.shutdownNow();
    }

    /**
     * The models this node is replaying in bulk: their processors are stopped meanwhile, on
     * purpose, and start again at the head of the stream.
     */
    public Set<String> replayingInBulk() {
        var current = replay;
        return current == null ? Set.of() : current.models();
    }

    /** Every model's status, by name. */
    public List<RebuildStatus> status() {
        var now = clock.instant();
        var byModel = new TreeMap<String, List<TokenPositions.Segment>>();
        models().forEach(model -> byModel.put(model, List.of()));
        tokens.segments().stream().filter(s -> byModel.containsKey(s.model()))
                .collect(Collectors.groupingBy(TokenPositions.Segment::model))
                .forEach((model, stored) -> byModel.put(model, withLocalProgress(model, stored)));
        var statuses = byModel.entrySet().stream().map(e -> status(e.getKey(), e.getValue(), now)).toList();
        rebuilding = statuses.stream().filter(RebuildStatus::rebuilding).map(RebuildStatus::model)
                .collect(Collectors.toUnmodifiableSet());
        rebuildingReadAt = now;
        return statuses;
    }

    /** The models rebuilding now, as last read at most a fraction of a second ago. */
    public Set<String> rebuilding() {
        if (rebuildingReadAt.plus(FRESH).isBefore(clock.instant())) {
            status();
        }
        return rebuilding;
    }

    /**
     * The segments this node processes, as its processor knows them now. A segment writes its
     * position to the token store only when it handles an event of its own or extends its claim
     * (every few seconds), so a segment with nothing left to do would look behind for a while. Its
     * processor knows better: caught up means every event up to the head has gone through it.
     */
    private List<TokenPositions.Segment> withLocalProgress(String model, List<TokenPositions.Segment> stored) {
        var local = processing.eventProcessor(model, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        return stored.stream().map(segment -> {
            var status = local.get(segment.segment());
            if (status == null || status.isErrorState()) {
                return segment;
            }
            long position = Math.max(segment.position(), TokenPositions.segment(model, segment.segment(),
                    status.getTrackingToken()).position());
            if (segment.replayUntil() != null && status.isCaughtUp()) {
                position = Math.max(position, segment.replayUntil());
            }
            return new TokenPositions.Segment(model, segment.segment(), position, segment.replayUntil());
        }).toList();
    }

    private RebuildStatus status(String model, List<TokenPositions.Segment> segments, Instant now) {
        long processed = segments.stream().mapToLong(TokenPositions.Segment::position).min().orElse(0);
        var replaying = segments.stream().filter(TokenPositions.Segment::replaying).toList();
        if (replaying.isEmpty()) {
            started.remove(model);
            return new RebuildStatus(model, false, processed, null, null, null, null, null);
        }
        long total = replaying.stream().mapToLong(TokenPositions.Segment::replayUntil).max().orElse(0);
        // A segment that finished its replay has passed the total; count it as done.
        processed = Math.min(processed, total);
        var startedAt = started.get(model);
        Double rate = null;
        Long left = null;
        if (startedAt != null) {
            double seconds = Math.max(Duration.between(startedAt, now).toMillis(), 1) / 1000.0;
            rate = processed / seconds;
            left = rate > 0 ? Math.round((total - processed) / rate) : null;
        }
        double percent = total == 0 ? 100.0 : Math.floor(1000.0 * processed / total) / 10;
        return new RebuildStatus(model, true, processed, total, percent, rate, left, startedAt);
    }
}
