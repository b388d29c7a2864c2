-- The audit chain's anchors (docs/audit-chain.md): the link of every event, written by the event
-- storage engine in the transaction that appends the event. Rows are only ever inserted.
-- V8.1 (a Java migration, AnchorStoredEvents) anchors the events stored before this table existed.

CREATE TABLE audit_chain (
    incident_id     VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    link            CHAR(64)     NOT NULL,
    PRIMARY KEY (incident_id, sequence_number)
);
