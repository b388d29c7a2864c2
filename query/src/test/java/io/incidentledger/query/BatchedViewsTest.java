package io.incidentledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.Test;

class BatchedViewsTest {

    /** A store of "views" (strings) that counts every load and write. */
    private final Map<String, String> stored = new HashMap<>();
    private final List<String> loads = new ArrayList<>();
    private final List<Map<String, String>> writes = new ArrayList<>();
    private final List<List<String>> publications = new ArrayList<>();
    private final BatchedViews<String, String> views = new BatchedViews<>(
            key -> {
                loads.add(key);
                return stored.get(key);
            },
            changed -> {
                writes.add(new LinkedHashMap<>(changed));
                stored.putAll(changed);
            },
            (Collection<String> published) -> publications.add(List.copyOf(published)));

    private static String append(String view, String suffix) {
        return (view == null ? "" : view) + suffix;
    }

    @Test
    void withoutUnitOfWorkEveryUpdateIsLoadedWrittenAndPublishedAtOnce() {
        views.update("a", v -> append(v, "1"));
        views.update("a", v -> append(v, "2"));

        assertThat(loads).containsExactly("a", "a");
        assertThat(writes).containsExactly(Map.of("a", "1"), Map.of("a", "12"));
        assertThat(publications).containsExactly(List.of("1"), List.of("12"));
    }

    @Test
    void loadsAndWritesEachViewOnceInOneUnitOfWorkAndPublishesOnlyAfterCommit() {
        stored.put("b", "x");
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        views.update("a", v -> append(v, "1"));
        views.update("b", v -> append(v, "2"));
        views.update("a", v -> append(v, "3"));
        var last = views.update("a", v -> append(v, "4"));
        unitOfWork.onCommit(u -> assertThat(publications).as("nothing published before commit").isEmpty());

        assertThat(last).isEqualTo("134");
        assertThat(writes).as("nothing written before prepare-commit").isEmpty();
        unitOfWork.commit();

        assertThat(loads).containsExactly("a", "b");
        assertThat(writes).containsExactly(Map.of("a", "134", "b", "x2"));
        assertThat(writes.get(0).keySet()).as("first-touched order").containsExactly("a", "b");
        assertThat(publications).containsExactly(List.of("134", "x2"));
    }

    @Test
    void aBatchOfMessagesSharesOneLoadAndOneWritePerView() {
        List<EventMessage<?>> batch = List.of(GenericEventMessage.asEventMessage("1"),
                GenericEventMessage.asEventMessage("2"), GenericEventMessage.asEventMessage("3"));
        var unitOfWork = new BatchingUnitOfWork<>(batch);

        unitOfWork.executeWithResult(() -> {
            var payload = (String) unitOfWork.getMessage().getPayload();
            // a nested unit of work, as some interceptors start, still joins the batch
            var nested = DefaultUnitOfWork.startAndGet(null);
            views.update("a", v -> append(v, payload));
            nested.commit();
            return views.update("b", v -> append(v, payload));
        }, RollbackConfigurationType.ANY_THROWABLE);

        assertThat(loads).containsExactly("a", "b");
        assertThat(writes).containsExactly(Map.of("a", "123", "b", "123"));
        assertThat(publications).containsExactly(List.of("123", "123"));
    }

    @Test
    void aRolledBackUnitOfWorkWritesAndPublishesNothing() {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);

        assertThatThrownBy(() -> unitOfWork.execute(() -> {
            views.update("a", v -> append(v, "1"));
            throw new IllegalStateException("handler failed");
        })).hasMessage("handler failed");

        assertThat(writes).isEmpty();
        assertThat(publications).isEmpty();
        assertThat(stored).isEmpty();
    }

    @Test
    void anUnchangedViewIsNeitherWrittenNorPublished() {
        stored.put("a", "same");
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        views.update("a", v -> v);
        views.update("missing", v -> null);
        unitOfWork.commit();

        assertThat(loads).containsExactly("a", "missing");
        assertThat(writes).isEmpty();
        assertThat(publications).isEmpty();
    }

    @Test
    void aMissingViewIsLoadedOnlyOnceEvenWhileItStaysMissing() {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        views.update("a", v -> null);
        views.update("a", v -> null);
        views.update("a", v -> append(v, "1"));
        unitOfWork.commit();

        assertThat(loads).containsExactly("a");
        assertThat(writes).containsExactly(Map.of("a", "1"));
    }

    private final List<List<String>> loadAlls = new ArrayList<>();

    private BatchedViews<String, String> prefetching() {
        return views.prefetching(message -> ((String) message.getPayload()).substring(0, 1), keys -> {
            loadAlls.add(List.copyOf(keys));
            var found = new HashMap<String, String>();
            keys.stream().filter(stored::containsKey).forEach(k -> found.put(k, stored.get(k)));
            return found;
        });
    }

    @Test
    void aPrefetchingBatchReadsTheViewsOfAllItsMessagesInOneCall() {
        stored.put("a", "x");
        var prefetching = prefetching();
        List<EventMessage<?>> batch = List.of(GenericEventMessage.asEventMessage("a1"),
                GenericEventMessage.asEventMessage("b2"), GenericEventMessage.asEventMessage("a3"));
        var unitOfWork = new BatchingUnitOfWork<>(batch);

        unitOfWork.executeWithResult(() -> {
            var payload = (String) unitOfWork.getMessage().getPayload();
            return prefetching.update(payload.substring(0, 1), v -> append(v, payload.substring(1)));
        }, RollbackConfigurationType.ANY_THROWABLE);

        assertThat(loadAlls).containsExactly(List.of("a", "b"));
        assertThat(loads).as("no single reads").isEmpty();
        assertThat(writes).containsExactly(Map.of("a", "x13", "b", "2"));
    }

    /** The bulk replay handles a chunk in one plain unit of work, naming its messages as a resource. */
    @Test
    void aPlainUnitOfWorkNamingItsMessagesIsPrefetchedToo() {
        stored.put("a", "x");
        var prefetching = prefetching();
        List<EventMessage<?>> chunk = List.of(GenericEventMessage.asEventMessage("a1"),
                GenericEventMessage.asEventMessage("b2"), GenericEventMessage.asEventMessage("a3"));
        var unitOfWork = new DefaultUnitOfWork<>(chunk.get(0));
        unitOfWork.resources().put(BatchedViews.MESSAGES, chunk);

        unitOfWork.executeWithResult(() -> {
            for (var message : chunk) {
                var payload = (String) message.getPayload();
                prefetching.update(payload.substring(0, 1), v -> append(v, payload.substring(1)));
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);

        assertThat(loadAlls).containsExactly(List.of("a", "b"));
        assertThat(loads).as("no single reads").isEmpty();
        assertThat(writes).containsExactly(Map.of("a", "x13", "b", "2"));
    }
}
