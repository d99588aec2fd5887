//! Writes of many rows at once (an import of a file) on SQLite: the
//! connection's settings for the time of the write, and the tables'
//! indexes built once after the rows rather than grown row by row. On
//! PostgreSQL these run the work as it is.
//!
//! Measured on an import of a million actions (bench/RESULTS.md): with the
//! indexes kept row by row and statement journals in temporary files, 17.6
//! GB passed through `write()` for a 1.4 GB database and the import took
//! 73 s; with both changes, 2.7 GB and 56 s.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use crate::StoreError;
use crate::connection::DbConnection;

/// The most SQLite's page cache is raised to for one piece of work.
const MAX_PAGE_CACHE_KIB: u32 = 1 << 20;
/// SQLite's own page cache: 2,000 KiB.
const DEFAULT_PAGE_CACHE_KIB: u32 = 2_000;
/// A write smaller than this keeps the connection's settings.
const BULK_MIN_ROWS: usize = 2_000;

/// Runs `work`, a write of about `rows` rows that opens its own
/// transaction, with this SQLite connection set for it, then set back as
/// it was (the pool keeps the connection), whether `work` succeeds or
/// fails:
///
/// - the page cache raised to 1 KiB per row, at most 1 GiB: a write of a
///   million rows modifies pages all over the tables' indexes, and with
///   the default cache (2 MiB) they spill into the write-ahead log and are
///   read back again and again;
/// - temporary files in memory: each multi-row `INSERT` copies the pages it
///   changes that an earlier statement of the transaction had changed into
///   a statement journal (to undo the statement alone if a row fails), a
///   temporary file by default. It holds one statement's pages at most.
pub(crate) fn with_bulk_settings<T>(
    conn: &mut DbConnection,
    rows: usize,
    work: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let DbConnection::Sqlite(sqlite) = conn else {
        return work(conn);
    };
    if rows < BULK_MIN_ROWS {
        return work(conn);
    }
    let kib = u32::try_from(rows)
        .unwrap_or(u32::MAX)
        .clamp(DEFAULT_PAGE_CACHE_KIB, MAX_PAGE_CACHE_KIB);
    let before = Settings::read(sqlite)?;
    sqlite.batch_execute(&format!(
        "PRAGMA cache_size = -{kib}; PRAGMA temp_store = MEMORY;"
    ))?;
    let result = work(conn);
    if let DbConnection::Sqlite(sqlite) = conn
        && let Err(error) = sqlite.batch_execute(&before.pragmas())
    {
        tracing::warn!(%error, "the connection's settings could not be put back");
    }
    result
}

/// The settings [`with_bulk_settings`] changes, as they were.
#[derive(Debug, PartialEq, Eq, QueryableByName)]
struct Settings {
    /// KiB when negative, pages when positive.
    #[diesel(sql_type = BigInt)]
    cache_size: i64,
    /// 0 (as compiled), 1 (files) or 2 (memory).
    #[diesel(sql_type = BigInt)]
    temp_store: i64,
}

impl Settings {
    fn read(sqlite: &mut SqliteConnection) -> Result<Self, StoreError> {
        Ok(diesel::sql_query(
            "SELECT (SELECT cache_size FROM pragma_cache_size()) AS cache_size, \
                    (SELECT temp_store FROM pragma_temp_store()) AS temp_store",
        )
        .get_result(sqlite)?)
    }

    fn pragmas(&self) -> String {
        format!(
            "PRAGMA cache_size = {}; PRAGMA temp_store = {};",
            self.cache_size, self.temp_store
        )
    }
}

/// Whether a write of `rows` rows into tables of about `existing` rows
/// builds their indexes after the rows ([`with_indexes_deferred`]): when
/// it at least doubles them. Sorting every entry once is then cheaper than
/// inserting the new ones one by one at random places (an index of a
/// million actions builds in 1 to 5 s).
pub(crate) fn defers_indexes(rows: usize, existing: usize) -> bool {
    rows >= BULK_MIN_ROWS && rows >= existing
}

/// An index as the schema keeps it.
#[derive(Debug, PartialEq, Eq, QueryableByName)]
struct Index {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    sql: String,
}

/// Runs `work` with the indexes of `tables` dropped, then creates them
/// again from the very statements the schema held. Must run inside the
/// write's transaction: if anything fails, the rollback brings the indexes
/// back with the rows as they were, and other connections never see the
/// tables without them. Indexes SQLite makes itself (primary keys,
/// `UNIQUE`) stay, so the rows are checked against them as they come.
pub(crate) fn with_indexes_deferred<T>(
    conn: &mut DbConnection,
    tables: &[&str],
    work: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let DbConnection::Sqlite(sqlite) = conn else {
        return work(conn);
    };
    let mut indexes: Vec<Index> = Vec::new();
    for table in tables {
        indexes.extend(
            diesel::sql_query(
                "SELECT name, sql FROM sqlite_schema \
                 WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
            )
            .bind::<Text, _>(*table)
            .load::<Index>(sqlite)?,
        );
    }
    for index in &indexes {
        sqlite.batch_execute(&format!(
            "DROP INDEX \"{}\"",
            index.name.replace('"', "\"\"")
        ))?;
    }
    let value = work(conn)?;
    let started = std::time::Instant::now();
    for index in &indexes {
        conn.batch_execute(&index.sql)?;
    }
    tracing::debug!(indexes = indexes.len(), elapsed = ?started.elapsed(), "indexes built");
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connection::Target;
    use crate::transaction;

    fn sqlite(dir: &tempfile::TempDir) -> DbConnection {
        Target::Sqlite(dir.path().join("e.db")).establish().unwrap()
    }

    fn settings(conn: &mut DbConnection) -> Settings {
        match conn {
            DbConnection::Sqlite(sqlite) => Settings::read(sqlite).unwrap(),
            DbConnection::Postgres(_) => unreachable!("a SQLite target"),
        }
    }

    #[test]
    fn a_large_write_has_its_settings_then_the_ones_before() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = sqlite(&dir);
        let default = settings(&mut conn);
        assert_eq!(default.cache_size, -i64::from(DEFAULT_PAGE_CACHE_KIB));
        let inside = with_bulk_settings(&mut conn, 300_000, |conn| Ok(settings(conn))).unwrap();
        assert_eq!(
            inside,
            Settings {
                cache_size: -300_000,
                temp_store: 2
            }
        );
        assert_eq!(settings(&mut conn), default);
        let capped = with_bulk_settings(&mut conn, usize::MAX, |conn| Ok(settings(conn))).unwrap();
        assert_eq!(capped.cache_size, -i64::from(MAX_PAGE_CACHE_KIB));
        let raised = with_bulk_settings(&mut conn, BULK_MIN_ROWS, |conn| Ok(settings(conn)));
        assert_eq!(raised.unwrap().temp_store, 2);
        let small = with_bulk_settings(&mut conn, 10, |conn| Ok(settings(conn))).unwrap();
        assert_eq!(small, default);
        // A failed write puts them back too, and its error comes out.
        let failed: Result<(), StoreError> = with_bulk_settings(&mut conn, 300_000, |_| {
            Err(StoreError::Config("refused".into()))
        });
        assert!(matches!(failed, Err(StoreError::Config(_))));
        assert_eq!(settings(&mut conn), default);
    }

    fn indexes(conn: &mut DbConnection) -> Vec<Index> {
        let DbConnection::Sqlite(sqlite) = conn else {
            unreachable!("a SQLite target")
        };
        diesel::sql_query(
            "SELECT name, sql FROM sqlite_schema \
             WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
        )
        .load(sqlite)
        .unwrap()
    }

    const SCHEMA: &str = "
        CREATE TABLE items (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, n INTEGER);
        CREATE INDEX items_n ON items (n);
        CREATE INDEX \"items by code and n\" ON items (code, (n * 2)) WHERE n > 0;
        CREATE TABLE other (id INTEGER PRIMARY KEY, n INTEGER);
        CREATE INDEX other_n ON other (n);
    ";

    #[test]
    fn deferred_indexes_come_back_as_they_were_with_the_rows() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = sqlite(&dir);
        conn.batch_execute(SCHEMA).unwrap();
        let before = indexes(&mut conn);
        assert_eq!(before.len(), 3);
        transaction::write(&mut conn, |conn| {
            with_indexes_deferred(conn, &["items"], |conn| {
                // Only the other table's index is left while the rows go in.
                let names: Vec<String> = indexes(conn).into_iter().map(|i| i.name).collect();
                assert_eq!(names, ["other_n"]);
                conn.batch_execute(
                    "INSERT INTO items (code, n) VALUES ('a', 1), ('b', 2), ('c', NULL)",
                )?;
                Ok(())
            })
        })
        .unwrap();
        assert_eq!(indexes(&mut conn), before);
        let DbConnection::Sqlite(sqlite) = &mut conn else {
            unreachable!()
        };
        let plan: Vec<String> =
            diesel::sql_query("EXPLAIN QUERY PLAN SELECT id FROM items WHERE n = 2")
                .load::<PlanRow>(sqlite)
                .unwrap()
                .into_iter()
                .map(|row| row.detail)
                .collect();
        assert!(plan.iter().any(|d| d.contains("items_n")), "{plan:?}");
    }

    #[derive(QueryableByName)]
    struct PlanRow {
        #[diesel(sql_type = Text)]
        detail: String,
    }

    #[test]
    fn a_failed_write_leaves_the_indexes_and_rows_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = sqlite(&dir);
        conn.batch_execute(SCHEMA).unwrap();
        conn.batch_execute("INSERT INTO items (code, n) VALUES ('a', 1)")
            .unwrap();
        let before = indexes(&mut conn);
        let failed = transaction::write(&mut conn, |conn| {
            with_indexes_deferred(conn, &["items", "other"], |conn| {
                conn.batch_execute("INSERT INTO items (code, n) VALUES ('b', 2)")?;
                // The UNIQUE constraint's own index is still there.
                conn.batch_execute("INSERT INTO items (code, n) VALUES ('a', 3)")?;
                Ok(())
            })
        });
        assert!(failed.is_err());
        assert_eq!(indexes(&mut conn), before);
        let DbConnection::Sqlite(sqlite) = &mut conn else {
            unreachable!()
        };
        let count: i64 = diesel::select(diesel::dsl::sql::<BigInt>("(SELECT count(*) FROM items)"))
            .get_result(sqlite)
            .unwrap();
        assert_eq!(count, 1);
    }

    #[test]
    fn only_writes_that_at_least_double_the_rows_defer_indexes() {
        assert!(defers_indexes(1_000_000, 300));
        assert!(defers_indexes(1_000_000, 1_000_000));
        assert!(!defers_indexes(1_000_000, 1_000_001));
        assert!(!defers_indexes(BULK_MIN_ROWS - 1, 0));
    }
}
