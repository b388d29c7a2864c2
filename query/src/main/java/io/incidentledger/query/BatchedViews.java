package io.incidentledger.query;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Folds events into views with one read and one write per view per unit of work.
 * <p>
 * A streaming processor hands a projection a whole batch of events in one unit of work. Within
 * it, the first event that touches a view loads it; every further event is applied in memory;
 * at prepare-commit all changed views are written in one call (same transaction as the tracking
 * token), and after commit they are handed to {@code published} (subscription query updates must
 * never announce a write that could still roll back). Without an active unit of work (plain unit
 * tests, ad-hoc calls) each update is loaded, written and published at once.
 * <p>
 * One instance per projection; it is thread-safe because all batch state lives in the unit of
 * work of the calling thread.
 *
 * @param <K> the view's key, usually the raw incident id
 * @param <V> the view; a fold returning an equal view counts as no change
 */
public final class BatchedViews<K, V> {

    /**
     * A unit-of-work resource: the event messages a unit of work that is no
     * {@link BatchingUnitOfWork} hands its handlers one after another (a bulk replay's chunk), so
     * that a {@link #prefetching} projection reads their views at once there too.
     */
    public static final String MESSAGES = BatchedViews.class.getName() + ".messages";

    private static final AtomicLong INSTANCES = new AtomicLong();

    private final String resourceKey = BatchedViews.class.getName() + "#" + INSTANCES.incrementAndGet();
    private final Function<K, V> load;
    private final Consumer<Map<K, V>> write;
    private final Consumer<Collection<V>> published;
    private final Function<EventMessage<?>, K> keyOf;
    private final Function<Collection<K>, Map<K, V>> loadAll;

    /**
     * @param load      reads one view, or returns null when there is none yet
     * @param write     stores the changed views, keyed by their key, in first-touched order
     * @param published receives the written views once their transaction has committed
     */
    public BatchedViews(Function<K, V> load, Consumer<Map<K, V>> write, Consumer<Collection<V>> published) {
        this(load, write, published, null, null);
    }

    private BatchedViews(Function<K, V> load, Consumer<Map<K, V>> write, Consumer<Collection<V>> published,
                         Function<EventMessage<?>, K> keyOf, Function<Collection<K>, Map<K, V>> loadAll) {
        this.load = Objects.requireNonNull(load, "load");
        this.write = Objects.requireNonNull(write, "write");
        this.published = Objects.requireNonNull(published, "published");
        this.keyOf = keyOf;
        this.loadAll = loadAll;
    }

    public BatchedViews(Function<K, V> load, Consumer<Map<K, V>> write) {
        this(load, write, views -> { });
    }

    /**
     * The same, but when a batch of messages ({@link BatchingUnitOfWork}) starts touching views, the
     * views of every message in it are read with one {@code loadAll} call instead of one read each.
     * Worth it when a batch spans many keys (a replay of many interleaved incidents).
     *
     * @param keyOf   the view key a message will touch, or null if none
     * @param loadAll reads the views of the given keys; keys without a view are simply absent
     */
    public BatchedViews<K, V> prefetching(Function<EventMessage<?>, K> keyOf, Function<Collection<K>, Map<K, V>> loadAll) {
        return new BatchedViews<>(load, write, published, Objects.requireNonNull(keyOf, "keyOf"),
                Objects.requireNonNull(loadAll, "loadAll"));
    }

    /**
     * Applies {@code change} to the view under {@code key} (null when there is none yet) and keeps
     * the result for the rest of the unit of work. A null result means "nothing to store".
     *
     * @return the view after the change
     */
    public V update(K key, UnaryOperator<V> change) {
        if (!inStartedUnitOfWork()) {
            var current = load.apply(key);
            var next = change.apply(current);
            if (next != null && !next.equals(current)) {
                write.accept(Map.of(key, next));
                published.accept(List.of(next));
            }
            return next;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Batch batch = root.getOrComputeResource(resourceKey, k -> newBatch(root));
        return batch.update(key, change);
    }

    private static boolean inStartedUnitOfWork() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root().phase() == UnitOfWork.Phase.STARTED;
    }

    private Batch newBatch(UnitOfWork<?> root) {
        var batch = new Batch();
        if (loadAll != null) {
            List<? extends Message<?>> messages = root instanceof BatchingUnitOfWork<?> batching
                    ? batching.getMessages() : root.getResource(MESSAGES);
            if (messages != null) {
                batch.prefetch(messages);
            }
        }
        root.onPrepareCommit(u -> batch.flush());
        root.afterCommit(u -> batch.publish());
        return batch;
    }

    private final class Batch {
        // HashMap, not Map.of: a missing view is cached as null so it is not loaded again.
        private final Map<K, V> views = new HashMap<>();
        private final Map<K, V> changed = new LinkedHashMap<>();

        void prefetch(List<? extends Message<?>> messages) {
            var keys = new LinkedHashSet<K>();
            for (var message : messages) {
                var key = message instanceof EventMessage<?> event ? keyOf.apply(event) : null;
                if (key != null) {
                    keys.add(key);
                }
            }
            if (!keys.isEmpty()) {
                var found = loadAll.apply(keys);
                keys.forEach(key -> views.put(key, found.get(key)));
            }
        }

        V update(K key, UnaryOperator<V> change) {
            V current = views.containsKey(key) ? views.get(key) : load(key);
            V next = change.apply(current);
            if (next != null && !next.equals(current)) {
                views.put(key, next);
                changed.put(key, next);
            }
            return next;
        }

        private V load(K key) {
            V view = load.apply(key);
            views.put(key, view);
            return view;
        }

        void flush() {
            if (!changed.isEmpty()) {
                write.accept(Collections.unmodifiableMap(changed));
            }
        }

        void publish() {
            if (!changed.isEmpty()) {
                published.accept(List.copyOf(changed.values()));
            }
        }
    }
}
