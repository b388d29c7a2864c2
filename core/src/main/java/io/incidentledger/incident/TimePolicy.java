package io.incidentledger.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The aggregate's notion of "now": a clock and how far into the future a caller's clock may run
 * ahead of ours. Injected into command handlers as a resource, so tests control time.
 */
public record TimePolicy(Clock clock, Duration clockSkewAllowance) {

    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(30);

    public TimePolicy {
        Texts.required("clock", clock);
        if (clockSkewAllowance == null || clockSkewAllowance.isNegative()) {
            throw new IllegalArgumentException("clockSkewAllowance must be zero or positive");
        }
    }

    public static TimePolicy system() {
        return new TimePolicy(Clock.systemUTC(), DEFAULT_SKEW);
    }

    /**
     * The business time of an entry: the caller's, or now when it gave none. Truncated to
     * microseconds, the precision every supported database keeps.
     */
    Instant occurredAt(Instant requested) {
        var now = clock.instant();
        var at = requested == null ? now : requested;
        if (at.isAfter(now.plus(clockSkewAllowance))) {
            throw Rejection.OCCURRED_IN_FUTURE.exception("It was " + at + "; the server's time is " + now + ".");
        }
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    void requireNotInFuture(Instant at) {
        var now = clock.instant();
        if (at.isAfter(now.plus(clockSkewAllowance))) {
            throw Rejection.OCCURRED_IN_FUTURE.exception("It was " + at + "; the server's time is " + now + ".");
        }
    }
}
