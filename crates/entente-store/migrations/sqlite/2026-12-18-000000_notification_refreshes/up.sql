-- When the job worker last looked for what concerns each user (the
-- overlaps, gaps and deadlines of the notifications list), and against
-- which reading of the change counter and which day: the list pages only
-- read what was found, and a worker looks again for a user once the plan
-- or the day has moved on. A worker takes a user's turn by writing this
-- row first, so with several servers each look happens once.
-- Keep in step with ../../postgres/2026-12-18-000000_notification_refreshes/up.sql
-- (a test compares them).
CREATE TABLE notification_refreshes (
    user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    change_count BIGINT NOT NULL,
    as_of DATE NOT NULL CHECK (as_of = date(as_of)),
    refreshed_at TIMESTAMP NOT NULL CHECK (julianday(refreshed_at) IS NOT NULL)
);
