-- Drops the triggers the store added with the function they call.
DROP FUNCTION count_change() CASCADE;
DROP TABLE change_counter;
