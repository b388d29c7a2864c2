package io.incidentledger.board;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.incidentledger.incident.Phase;
import io.incidentledger.query.status.IncidentStatusView;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open board stream. Changes reach it two ways: this node's subscription query, at once, for
 * the events this node's processors handled; and {@link BoardPolling}, within a poll interval, for
 * those another node handled. A view is pushed only when it is newer than what the client was
 * last sent, so the two ways never show a change twice nor step an incident back.
 */
final class BoardSubscriber {

    private final SseEmitter emitter;
    private final AutoCloseable subscription;
    private final Map<String, Long> versions = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private boolean started;
    private volatile boolean closed;
    private final AtomicBoolean released = new AtomicBoolean();
    private long lastSent = System.nanoTime();

    BoardSubscriber(SseEmitter emitter, AutoCloseable subscription) {
        this.emitter = emitter;
        this.subscription = subscription;
    }

    synchronized void start(List<IncidentStatusView> board) {
        if (send("board", board)) {
            board.forEach(this::remember);
            started = true;
        }
    }

    synchronized void offer(IncidentStatusView view) {
        if (!started || closed) {
            return;
        }
        var known = versions.get(view.incidentId());
        if ((known == null || view.version() > known) && send("incident", view)) {
            remember(view);
        }
    }

    /** The incidents this client shows as open: the ones whose closing it must still be told about. */
    synchronized Set<String> shownOpen() {
        return Set.copyOf(open);
    }

    /**
     * Pushes what changed since the client was last sent anything: the open incidents now, and the
     * current view of incidents it shows as open that are open no more.
     */
    synchronized void catchUp(List<IncidentStatusView> openNow, Map<String, Optional<IncidentStatusView>> closedSince) {
        openNow.forEach(this::offer);
        closedSince.forEach((id, view) -> {
            if (open.contains(id)) {
                view.ifPresent(this::offer);
            }
        });
    }

    /**
     * Sends a comment when the stream has been quiet for {@code idle}: a client that went away is
     * only noticed on a write, and until then its stream is counted as an active request.
     */
    synchronized void keepAlive(Duration idle) {
        if (!closed && System.nanoTime() - lastSent > idle.toNanos()) {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
                lastSent = System.nanoTime();
            } catch (IOException | IllegalStateException e) {
                close();
            }
        }
    }

    /** Ends the stream, e.g. at shutdown, so the client reconnects (to another node, behind a balancer). */
    void complete() {
        close();
        emitter.complete();
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Stops pushing to this stream and releases its subscription query, at once or, when called
     * under this object's lock (a failed send), at the next poll ({@link #release}).
     */
    void close() {
        closed = true;
        if (!Thread.holdsLock(this)) {
            release();
        }
    }

    /**
     * Releases the subscription query of a closed stream, once. Never under this object's lock:
     * Axon calls {@link #offer} holding its update sink's lock, and releasing takes that lock, so
     * releasing under ours deadlocks with an update waiting for ours; the live-status processor
     * stayed stuck for good when a poll found a client gone while an update was on its way.
     */
    void release() {
        if (released.compareAndSet(false, true)) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // closing a finished subscription has nothing left to release
            }
        }
    }

    private void remember(IncidentStatusView view) {
        versions.put(view.incidentId(), view.version());
        if (view.phase() == Phase.LEARNED) {
            open.remove(view.incidentId());
        } else {
            open.add(view.incidentId());
        }
    }

    private boolean send(String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
            lastSent = System.nanoTime();
            return true;
        } catch (IOException | IllegalStateException e) {
            // The client went away; stop pushing to it.
            close();
            return false;
        }
    }
}
