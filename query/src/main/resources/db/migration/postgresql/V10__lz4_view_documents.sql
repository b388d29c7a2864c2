-- PostgreSQL only. View documents above about 2 kB (postmortems and their fold states, 6-7 kB of
-- JSON each) are compressed when stored; a rebuild stores tens of thousands of them, and pglz,
-- the default, cost the database about as much as everything else it did for the postmortem
-- model. lz4 compresses them at less than half that cost. A server built without lz4 keeps pglz.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE postmortem ALTER COLUMN view_json SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE postmortem ALTER COLUMN search_text SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE postmortem_state ALTER COLUMN state_json SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE customer_timeline_incident ALTER COLUMN state_json SET COMPRESSION lz4';
    EXECUTE 'ALTER TABLE live_status ALTER COLUMN view_json SET COMPRESSION lz4';
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'view documents keep the default compression: %', SQLERRM;
END
$$;
