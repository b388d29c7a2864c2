package io.incidentledger.incidents;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import io.incidentledger.incident.IncidentId;
import io.incidentledger.problems.ProblemCode;
import io.incidentledger.problems.Refusal;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A client that got a 2xx for a command and then reads the incident sees its change, without
 * sleeping: a read waits (briefly, bounded) until the read model has applied every event the
 * store holds for that incident. Works across nodes, because both sides are read from the shared
 * database rather than from this node's memory.
 */
@Component
public class ReadYourWrites {

    private final EventStore eventStore;
    private final Duration patience;

    ReadYourWrites(EventStore eventStore, @Value("${incident-ledger.read-your-writes-timeout:PT5S}") Duration patience) {
        this.eventStore = eventStore;
        this.patience = patience;
    }

    /**
     * One incident's view for an HTTP read: waits for its read model like {@link #read}, and
     * answers 404 INCIDENT_NOT_FOUND for a malformed id and for an incident no model knows.
     */
    public <V> V incident(String incidentId, Supplier<V> read, ToLongFunction<V> version) {
        if (!IncidentId.isValid(incidentId)) {
            throw notFound(incidentId);
        }
        return read(incidentId, () -> Optional.ofNullable(read.get()), version)
                .orElseThrow(() -> notFound(incidentId));
    }

    public static Refusal notFound(String incidentId) {
        return new Refusal(ProblemCode.INCIDENT_NOT_FOUND, "No incident with id " + incidentId + " exists.");
    }

    /**
     * Reads a view until its version has caught up with the incident's last stored event, or the
     * patience runs out (then the latest view is returned as it is).
     *
     * @param read    reads the view; empty when the read model does not know the incident yet
     * @param version the version (last applied sequence number) of a view
     */
    public <V> Optional<V> read(String incidentId, Supplier<Optional<V>> read, ToLongFunction<V> version) {
        var stored = eventStore.lastSequenceNumberFor(incidentId);
        var view = read.get();
        if (stored.isEmpty()) {
            return view;
        }
        long target = stored.get();
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = Duration.ofMillis(2).toNanos();
        while ((view.isEmpty() || version.applyAsLong(view.get()) < target) && System.nanoTime() < deadline) {
            // Projections apply a new event within milliseconds; back off gently up to 50 ms.
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, Duration.ofMillis(50).toNanos());
            view = read.get();
        }
        return view;
    }
}
