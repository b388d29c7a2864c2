package io.incidentledger.board;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Ends every open board stream when the application stops, before the web server's graceful
 * shutdown waits for active requests: an open board, or one its client silently left, otherwise
 * held every shutdown for the whole grace period (30 s). Boards reconnect on their own.
 */
@Component
class OpenStreams implements SmartLifecycle {

    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    void opened(SseEmitter emitter) {
        open.add(emitter);
    }

    void closed(SseEmitter emitter) {
        open.remove(emitter);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs in the highest phase, so before the web server's graceful shutdown. */
    @Override
    public void stop() {
        running = false;
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
