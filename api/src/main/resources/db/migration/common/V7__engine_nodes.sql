-- The engine nodes sharing this database (EngineNodes): when each first and last sent its
-- heartbeat, in database time. A node counts while its heartbeat is recent (and, past its first
-- seconds, while it holds a token segment); the count decides how many token segments of each
-- event processor one node may claim. node_id is the owner name Axon writes into TokenEntry.owner,
-- so the two tables can be read side by side.
CREATE TABLE engine_node (
    node_id    VARCHAR(255)             NOT NULL PRIMARY KEY,
    first_seen TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen  TIMESTAMP WITH TIME ZONE NOT NULL
);
