//! Multi-row INSERTs, which diesel's `MultiConnection` cannot build
//! itself: the statement is built for the backend in hand.

/// Rows per INSERT: one round trip each, well under both backends' limits
/// on bound parameters (SQLite 32,766, PostgreSQL 65,535) at up to 60
/// columns.
pub(crate) const ROWS_PER_STATEMENT: usize = 500;

/// Inserts `$rows` (a slice of `Insertable` rows) into `$table` in
/// statements of [`ROWS_PER_STATEMENT`] rows, on the connection `$conn`
/// (a `&mut DbConnection`); `?` returns a failure.
macro_rules! insert_batches {
    ($conn:expr, $table:expr, $rows:expr) => {
        for chunk in $rows.chunks($crate::batch::ROWS_PER_STATEMENT) {
            match &mut *$conn {
                $crate::connection::DbConnection::Sqlite(c) => {
                    diesel::insert_into($table).values(chunk).execute(c)?
                }
                $crate::connection::DbConnection::Postgres(c) => {
                    diesel::insert_into($table).values(chunk).execute(c)?
                }
            };
        }
    };
}

pub(crate) use insert_batches;
