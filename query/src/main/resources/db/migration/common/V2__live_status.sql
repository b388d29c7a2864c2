-- Live status board (query module, package status, processing group "live-status").
-- One row per incident. The columns are what the board filters and sorts by; view_json holds
-- the whole IncidentStatusView (stable JSON). Rows are replaced as a whole (delete + insert)
-- when a batch of events changes the incident, so no column is ever updated in place.
CREATE TABLE live_status (
    incident_id        VARCHAR(64)              NOT NULL PRIMARY KEY,
    phase              VARCHAR(16)              NOT NULL,
    severity           VARCHAR(8)               NOT NULL,
    is_open            BOOLEAN                  NOT NULL,
    detected_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    public_status      VARCHAR(16),
    next_update_due    TIMESTAMP WITH TIME ZONE,
    public_status_lags BOOLEAN                  NOT NULL,
    last_update_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT                   NOT NULL,
    view_json          TEXT                     NOT NULL
);

CREATE INDEX live_status_board ON live_status (is_open, severity, detected_at);

-- One row per affected service of an incident, for the board's service filter.
CREATE TABLE live_status_service (
    incident_id VARCHAR(64)  NOT NULL,
    service     VARCHAR(100) NOT NULL,
    PRIMARY KEY (incident_id, service)
);

CREATE INDEX live_status_service_by_service ON live_status_service (service);
