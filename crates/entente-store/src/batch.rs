//! Multi-row INSERTs, which diesel's `MultiConnection` cannot build
//! itself: the statement is built for the backend in hand.

/// Rows per INSERT: one round trip each, well under both backends' limits
/// on bound parameters (SQLite 32,766, PostgreSQL 65,535) at up to 60
/// columns.
pub(crate) const ROWS_PER_STATEMENT: usize = 500;

/// Inserts `$rows` (a slice of `Insertable` rows) into `$table` in
/// statements of [`ROWS_PER_STATEMENT`] rows, on the connection `$conn`
/// (a `&mut DbConnection`); `?` returns a failure.
///
/// A full statement's rows go as an array: diesel then knows the
/// statement's shape from its type and prepares it once per connection,
/// where a slice's statement is parsed and planned again for each batch
/// (a quarter of the time of inserting 200,000 actions on SQLite, measured
/// by replaying the same statements with and without a statement cache).
/// The rows' type must bind `None` as NULL (`treat_none_as_default_value =
/// false`): with a column left to its default, diesel on SQLite inserts
/// the rows one by one, in a savepoint.
macro_rules! insert_batches {
    ($conn:expr, $table:expr, $rows:expr) => {
        let mut full = $rows.chunks_exact($crate::batch::ROWS_PER_STATEMENT);
        for chunk in full.by_ref() {
            match <&[_; $crate::batch::ROWS_PER_STATEMENT]>::try_from(chunk) {
                Ok(array) => {
                    $crate::batch::insert_batches!(@one $conn, $table, array);
                }
                // Never: each exact chunk has the array's length.
                Err(_) => {
                    $crate::batch::insert_batches!(@one $conn, $table, chunk);
                }
            }
        }
        let rest = full.remainder();
        if !rest.is_empty() {
            $crate::batch::insert_batches!(@one $conn, $table, rest);
        }
    };
    (@one $conn:expr, $table:expr, $chunk:expr) => {
        match &mut *$conn {
            $crate::connection::DbConnection::Sqlite(c) => {
                diesel::insert_into($table).values($chunk).execute(c)?
            }
            $crate::connection::DbConnection::Postgres(c) => {
                diesel::insert_into($table).values($chunk).execute(c)?
            }
        };
    };
}

pub(crate) use insert_batches;
