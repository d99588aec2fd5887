-- The dated actions in the lists' order, for date ranges at scale on
-- PostgreSQL (issue 7). A list with a first day reads its dated matches
-- apart, ordered by start (or else due date) then id, from the first day
-- less the longest span. PostgreSQL turns the store's "not undated" test
-- on `actions_listed`'s first column into `IS NOT NULL` on its second, so
-- it could neither start that index at the bound nor keep its order: it
-- read every dated action before the bound and sorted the rest (400 ms at
-- a million actions, under 1 ms with this index). SQLite reads the same
-- range of `actions_listed` and needs no such index.
CREATE INDEX actions_dated ON actions ((coalesce(start_date, due_date)), id)
    INCLUDE (visibility, lead_org, status, phase, level, action_type, end_date, start_date,
        due_date)
    WHERE coalesce(start_date, due_date) IS NOT NULL;
