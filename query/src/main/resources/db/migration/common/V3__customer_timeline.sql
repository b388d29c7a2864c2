-- Customer timeline (query module, package timeline, processing group "customer-timeline").
-- Built from an allowlist of public events and fields only; no internal text or name is ever
-- stored here (names exist only as SHA-256 hashes inside state_json, to redact public text).

-- One row per incident the timeline heard of. is_public turns true with the first public
-- update; until then the row only keeps components assessed so far. state_json holds the
-- TimelineState (the PublicIncidentView plus name hashes and version) as stable JSON.
CREATE TABLE customer_timeline_incident (
    incident_id   VARCHAR(64)              NOT NULL PRIMARY KEY,
    is_public     BOOLEAN                  NOT NULL,
    title         VARCHAR(400),
    public_status VARCHAR(16),
    started_at    TIMESTAMP WITH TIME ZONE,
    resolved_at   TIMESTAMP WITH TIME ZONE,
    version       BIGINT                   NOT NULL,
    state_json    TEXT                     NOT NULL
);

CREATE INDEX customer_timeline_incident_status ON customer_timeline_incident (is_public, public_status);
CREATE INDEX customer_timeline_incident_resolved ON customer_timeline_incident (resolved_at);

-- One row per public update of a public incident, for the feed across incidents.
-- updated_at is corrected_at for a corrected update, else occurred_at.
CREATE TABLE customer_timeline_update (
    incident_id     VARCHAR(64)              NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    message         TEXT                     NOT NULL,
    next_update_due TIMESTAMP WITH TIME ZONE,
    corrected       BOOLEAN                  NOT NULL,
    corrected_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (incident_id, sequence_number)
);

CREATE INDEX customer_timeline_update_feed ON customer_timeline_update (updated_at);

-- One row per component a public incident named. status_rank is the ComponentStatus order
-- (0 OPERATIONAL .. 3 MAJOR_OUTAGE); counts is true while the incident's latest public update
-- is not RESOLVED, so a component's page status is the worst rank among counting rows.
CREATE TABLE customer_timeline_component (
    incident_id VARCHAR(64)  NOT NULL,
    component   VARCHAR(100) NOT NULL,
    status      VARCHAR(24)  NOT NULL,
    status_rank INTEGER      NOT NULL,
    counts      BOOLEAN      NOT NULL,
    PRIMARY KEY (incident_id, component)
);
