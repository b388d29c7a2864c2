-- Blameless postmortem (query module, package postmortem, processing group "postmortem").
-- Rows are replaced as a whole (delete + insert) when a batch of events changes an incident.

-- One row per incident: the published document. view_json is the whole PostmortemView (stable
-- JSON); the other columns are what the library filters and sorts by. Every text in it is
-- blameless: people appear as role labels only. search_text is the document's text, lower case,
-- for the library's word search (so a search can never find a name either).
CREATE TABLE postmortem (
    incident_id VARCHAR(64)              NOT NULL PRIMARY KEY,
    version     BIGINT                   NOT NULL,
    status      VARCHAR(8)               NOT NULL,
    severity    VARCHAR(8),
    detected_at TIMESTAMP WITH TIME ZONE,
    learned_at  TIMESTAMP WITH TIME ZONE,
    search_text TEXT                     NOT NULL,
    view_json   TEXT                     NOT NULL
);

CREATE INDEX postmortem_library ON postmortem (detected_at);

-- One row per affected service of a postmortem (as the document shows it), for the library's
-- service filter.
CREATE TABLE postmortem_service (
    incident_id VARCHAR(64)   NOT NULL,
    service     VARCHAR(2000) NOT NULL,
    PRIMARY KEY (incident_id, service)
);

CREATE INDEX postmortem_service_by_service ON postmortem_service (service);

-- The projection's working memory, never served: the raw fold state (PostmortemState) as JSON,
-- with people's names as the event store has them, so that a name learned late can still be
-- scrubbed from text recorded early when the document is rendered again.
CREATE TABLE postmortem_state (
    incident_id VARCHAR(64) NOT NULL PRIMARY KEY,
    version     BIGINT      NOT NULL,
    state_json  TEXT        NOT NULL
);
