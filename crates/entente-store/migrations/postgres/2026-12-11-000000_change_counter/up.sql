-- One number that grows whenever something a page can show changes, so that
-- every server knows when the answers it keeps rendered are stale (issue 7).
-- Keep in step with ../../sqlite/2026-12-11-000000_change_counter/up.sql.
--
-- The triggers that raise it are not written here: after every migration
-- the store gives each table that lacks them a trigger calling
-- count_change() once per statement (src/changes.rs), so a table added
-- later is covered without anyone remembering to.
CREATE TABLE change_counter (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    changes BIGINT NOT NULL
);
INSERT INTO change_counter (id, changes) VALUES (1, 0);

CREATE FUNCTION count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE change_counter SET changes = changes + 1;
    RETURN NULL;
END;
$$;
