package io.incidentledger.reliability;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.incidentledger.Api;

/**
 * Every command the crash clients sent and what they learned of its fate. The command's id is
 * both its Idempotency-Key and its X-Correlation-Id, which the engine copies onto every event
 * the command appends (as metadata {@code traceId}): so the store itself says which events
 * belong to which command.
 */
final class Ledger {

    enum Fate {
        /** A 2xx answer: the command's events must exist, exactly once, ending at the answered version. */
        ACKNOWLEDGED,
        /** A clean 4xx refusal: nothing may exist for it. */
        REFUSED,
        /** No answer (the engine died) or a 5xx: all of its events or none, never a part. */
        IN_DOUBT
    }

    /** One command as sent; {@code events} is how many events it appends when it succeeds. */
    record Command(String id, String incidentId, String method, String path, Map<String, Object> body, int events) {
    }

    static final class Entry {
        final Command command;
        volatile Fate fate = Fate.IN_DOUBT;
        volatile long version = -1;
        volatile String answer = "";
        volatile boolean replayed;
        volatile Api.Response response;

        Entry(Command command) {
            this.command = command;
        }

        @Override
        public String toString() {
            return fate + " " + command.method() + " " + command.path() + " id=" + command.id() + " version=" + version
                    + " " + answer;
        }
    }

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

    /** Sends a command and records its fate; false when the engine did not answer at all. */
    boolean send(Api api, String key, Command command) {
        return resend(api, key, add(command));
    }

    Entry add(Command command) {
        var entry = new Entry(command);
        entries.add(entry);
        return entry;
    }

    /** Sends the same request again, with the same Idempotency-Key: what a client does after a lost answer. */
    boolean resend(Api api, String key, Entry entry) {
        return resend(api, key, entry, Map.of());
    }

    /** Sends the request (again) with extra headers, e.g. If-Match; the key and correlation id stay the command's. */
    boolean resend(Api api, String key, Entry entry, Map<String, String> headers) {
        var command = entry.command;
        var call = api.call(command.method(), command.path()).key(key)
                .header("Idempotency-Key", command.id()).header("X-Correlation-Id", command.id());
        headers.forEach(call::header);
        if (command.body() != null) {
            call.json(command.body());
        }
        Tally.REQUESTS.incrementAndGet();
        Api.Response response;
        try {
            response = call.send();
        } catch (UncheckedIOException noAnswer) {
            entry.fate = Fate.IN_DOUBT;
            entry.answer = noAnswer.getCause().toString();
            return false;
        }
        entry.answer = response.status() + " " + (response.code() == null ? "" : response.code());
        entry.response = response;
        if (response.status() >= 500) {
            Tally.SERVER_ERRORS.incrementAndGet();
            entry.fate = Fate.IN_DOUBT;
            entry.answer = response.toString();
        } else if (response.status() >= 300) {
            entry.fate = Fate.REFUSED;
            entry.answer = response.toString();
        } else {
            entry.fate = Fate.ACKNOWLEDGED;
            entry.version = response.version();
            entry.replayed = response.header("Idempotent-Replayed").isPresent();
        }
        return true;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    List<Entry> inDoubt() {
        return entries.stream().filter(e -> e.fate == Fate.IN_DOUBT).toList();
    }

    long count(Fate fate) {
        return entries.stream().filter(e -> e.fate == fate).count();
    }
}
