-- Idempotency keys of successful writes, per principal, with the answer they got (the
-- incident and its version). Written in the same transaction as the command's events, so a
-- key exists exactly when its events do. Rows older than the retention (24 h by default) are
-- ignored and deleted hourly. Portable between H2 2.4 and PostgreSQL 15.
CREATE TABLE idempotency_key (
    principal        VARCHAR(100) NOT NULL,
    idempotency_key  VARCHAR(100) NOT NULL,
    fingerprint      VARCHAR(64)  NOT NULL,
    incident_id      VARCHAR(64)  NOT NULL,
    incident_version BIGINT       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_key PRIMARY KEY (principal, idempotency_key)
);

CREATE INDEX ix_idempotency_key_created_at ON idempotency_key (created_at);
