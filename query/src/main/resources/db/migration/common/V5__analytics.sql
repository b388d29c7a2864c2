-- Analytics (query module, package analytics, processing group "analytics").
-- Stable, documented tables for analytics jobs; they are also the projection's whole state.
-- Rows are replaced as a whole (delete + insert) when a batch of events changes an incident.
-- Times are business times (corrected where corrected), UTC. Durations are whole seconds, null
-- when an end is unknown, never negative. With reopening, acknowledgement and containment are
-- the first ones and the fix is the final fix (null while the incident is reopened).

-- One row per incident.
CREATE TABLE analytics_incident (
    incident_id                         VARCHAR(64)              NOT NULL PRIMARY KEY,
    version                             BIGINT                   NOT NULL, -- last sequence number folded in
    severity                            VARCHAR(8),                        -- current severity, SEV1..SEV4
    detection_source                    VARCHAR(32),
    detected_at                         TIMESTAMP WITH TIME ZONE,
    detection_month                     VARCHAR(7),                        -- YYYY-MM of detected_at
    impact_started_at                   TIMESTAMP WITH TIME ZONE,          -- latest known impact start
    acknowledged_at                     TIMESTAMP WITH TIME ZONE,
    contained_at                        TIMESTAMP WITH TIME ZONE,          -- first containment
    fixed_at                            TIMESTAMP WITH TIME ZONE,          -- final fix
    learned_at                          TIMESTAMP WITH TIME ZONE,
    first_public_update_at              TIMESTAMP WITH TIME ZONE,
    time_to_detect_seconds              BIGINT,                            -- impact start to detection
    time_to_acknowledge_seconds         BIGINT,                            -- detection to acknowledgement
    time_to_contain_seconds             BIGINT,                            -- detection to first containment
    time_to_fix_seconds                 BIGINT,                            -- detection to final fix
    time_to_learn_seconds               BIGINT,                            -- final fix to learned
    impact_duration_seconds             BIGINT,                            -- impact start to final fix
    time_to_first_public_update_seconds BIGINT,                            -- detection to first public update
    reopen_count                        INTEGER                  NOT NULL
);

CREATE INDEX analytics_incident_by_month ON analytics_incident (detection_month, detected_at);

-- One row per affected service of an incident (as detected).
CREATE TABLE analytics_incident_service (
    incident_id VARCHAR(64)  NOT NULL,
    service     VARCHAR(100) NOT NULL,
    PRIMARY KEY (incident_id, service)
);

CREATE INDEX analytics_incident_service_by_service ON analytics_incident_service (service);

-- Every milestone of the response, reopened cycles included: kind is DETECTED, ACKNOWLEDGED,
-- CONTAINED, FIXED, REOPENED, LEARNED or PUBLIC_UPDATE; sequence_number is the event's place in
-- the incident's stream (what a correction refers to).
CREATE TABLE analytics_milestone (
    incident_id     VARCHAR(64)              NOT NULL,
    sequence_number BIGINT                   NOT NULL,
    kind            VARCHAR(16)              NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (incident_id, sequence_number)
);
