package io.incidentledger.incidents;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.incidentledger.problems.ProblemCode;
import io.incidentledger.problems.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The idempotency keys of successful writes, per principal, with the answer they got. Written
 * through the command's own transaction (JdbcTemplate joins the transaction Axon's
 * SpringTransactionManager started), so a key is stored exactly when its events are.
 * A key is kept for the retention period; after that the same key is a new request.
 */
class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;
    private final JdbcTemplate boundedInsert;

    static final int IN_FLIGHT_WAIT_SECONDS = 2;

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock, Duration retention) {
        this.jdbc = jdbc;
        // On PostgreSQL a second insert of a key another transaction holds uncommitted waits for
        // that transaction; a first request finishes in milliseconds, so wait a little, not forever.
        this.boundedInsert = new JdbcTemplate(jdbc.getDataSource());
        this.boundedInsert.setQueryTimeout(IN_FLIGHT_WAIT_SECONDS);
        this.clock = clock;
        this.retention = retention;
    }

    /** The answer an earlier write with this key got, if it succeeded within the retention period. */
    record Remembered(String fingerprint, String incidentId, long version) {
    }

    Optional<Remembered> find(String principal, String key) {
        return jdbc.query("""
                        SELECT fingerprint, incident_id, incident_version FROM idempotency_key
                        WHERE principal = ? AND idempotency_key = ? AND created_at >= ?""",
                (row, i) -> new Remembered(row.getString(1), row.getString(2), row.getLong(3)),
                principal, key, cutoff()).stream().findFirst();
    }

    /**
     * Stores the key with the write's answer. A concurrent request that stored the same key first
     * (or still holds it, uncommitted) makes this one fail, and its whole transaction with it.
     */
    void remember(String principal, String key, String fingerprint, CommandOutcome outcome) {
        try {
            jdbc.update("DELETE FROM idempotency_key WHERE principal = ? AND idempotency_key = ? AND created_at < ?",
                    principal, key, cutoff());
            boundedInsert.update("""
                            INSERT INTO idempotency_key
                                (principal, idempotency_key, fingerprint, incident_id, incident_version, created_at)
                            VALUES (?, ?, ?, ?, ?, ?)""",
                    principal, key, fingerprint, outcome.incidentId(), outcome.version(), now());
        } catch (DuplicateKeyException | PessimisticLockingFailureException | QueryTimeoutException taken) {
            throw new Refusal(ProblemCode.IDEMPOTENCY_KEY_IN_FLIGHT,
                    "Another request with this Idempotency-Key is being processed or has just completed; "
                            + "nothing was recorded for this one. Retry to get its answer.");
        }
    }

    @Scheduled(fixedDelayString = "${incident-ledger.idempotency.cleanup-interval:PT1H}",
            initialDelayString = "${incident-ledger.idempotency.cleanup-interval:PT1H}")
    void deleteExpired() {
        var deleted = jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?", cutoff());
        if (deleted > 0) {
            log.info("Deleted {} idempotency keys older than {}", deleted, retention);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private OffsetDateTime cutoff() {
        return now().minus(retention);
    }
}
