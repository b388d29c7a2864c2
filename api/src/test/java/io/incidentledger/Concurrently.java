package io.incidentledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs n calls at once: every thread waits at a gate, so the requests really race. */
public final class Concurrently {

    private Concurrently() {
    }

    public static <T> List<T> run(int threads, IntFunction<T> call) {
        var gate = new CountDownLatch(1);
        var executor = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < threads; i++) {
                var index = i;
                futures.add(executor.submit(() -> {
                    gate.await();
                    return call.apply(index);
                }));
            }
            gate.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }
}
