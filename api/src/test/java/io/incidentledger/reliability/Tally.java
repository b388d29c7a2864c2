package io.incidentledger.reliability;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The figures every reliability test adds to, printed once at the end of the run by
 * {@link ReliabilitySummary}. Only counts: each test asserts its own zeros, so the summary
 * is a report, never the check.
 */
public final class Tally {

    static final AtomicLong REQUESTS = new AtomicLong();
    static final AtomicLong CRASHES = new AtomicLong();
    static final AtomicLong EVENTS_VERIFIED = new AtomicLong();
    static final AtomicLong COMMANDS_VERIFIED = new AtomicLong();
    static final AtomicLong LOST = new AtomicLong();
    static final AtomicLong DUPLICATED = new AtomicLong();
    static final AtomicLong HALF_WRITTEN = new AtomicLong();
    static final AtomicLong LEAKED = new AtomicLong();
    static final AtomicLong MARKUP = new AtomicLong();
    static final AtomicLong SERVER_ERRORS = new AtomicLong();
    static final AtomicLong MODEL_MISMATCHES = new AtomicLong();

    private Tally() {
    }

    static boolean anything() {
        return REQUESTS.get() + CRASHES.get() + EVENTS_VERIFIED.get() > 0;
    }

    static String summary() {
        return String.format("""
                Reliability summary (%s): requests sent = %,d, crashes survived = %d, commands verified = %,d, \
                events verified = %,d, lost = %d, duplicated = %d, half-written = %d, leaked = %d, \
                markup from input = %d, 5xx = %d, read models differing from a rebuild = %d""",
                System.getProperty("test.database", "h2"), REQUESTS.get(), CRASHES.get(), COMMANDS_VERIFIED.get(),
                EVENTS_VERIFIED.get(), LOST.get(), DUPLICATED.get(), HALF_WRITTEN.get(), LEAKED.get(),
                MARKUP.get(), SERVER_ERRORS.get(), MODEL_MISMATCHES.get());
    }
}
