//! Fresh, isolated databases for each test, on each backend.

use std::sync::atomic::{AtomicUsize, Ordering};

use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};
use entente_store::{Backend, Store};
use tempfile::TempDir;

const POSTGRES_URL_VARIABLE: &str = "ENTENTE_TEST_POSTGRES_URL";

/// A migrated, empty store, removed when dropped.
pub struct TestDb {
    pub store: Store,
    /// What `Store::open` was given: a file path or a PostgreSQL URL.
    pub url: String,
    _dir: Option<TempDir>,
    pg_schema: Option<(String, String)>,
}

impl TestDb {
    pub fn backend(&self) -> Backend {
        self.store.backend()
    }

    /// Runs SQL behind the store's back, as someone editing the database by hand would.
    pub fn execute_raw(&self, sql: &str) -> usize {
        self.try_execute_raw(sql)
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// The single text column `line` of each row `sql` selects, read behind
    /// the store's back: to compare stored rows that no public read shows.
    pub fn text_rows(&self, sql: &str) -> Vec<String> {
        #[derive(diesel::QueryableByName)]
        struct Line {
            #[diesel(sql_type = diesel::sql_types::Text)]
            line: String,
        }
        let rows: Vec<Line> = match self.backend() {
            Backend::Sqlite => {
                let path = self
                    .url
                    .strip_prefix("sqlite://")
                    .expect("an sqlite:// URL");
                diesel::sql_query(sql).load(&mut SqliteConnection::establish(path).unwrap())
            }
            Backend::Postgres => {
                diesel::sql_query(sql).load(&mut PgConnection::establish(&self.url).unwrap())
            }
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
        rows.into_iter().map(|row| row.line).collect()
    }

    /// Like [`TestDb::execute_raw`], for SQL the database should refuse.
    pub fn try_execute_raw(&self, sql: &str) -> Result<usize, String> {
        match self.backend() {
            Backend::Sqlite => {
                let path = self
                    .url
                    .strip_prefix("sqlite://")
                    .expect("an sqlite:// URL");
                diesel::sql_query(sql).execute(&mut SqliteConnection::establish(path).unwrap())
            }
            Backend::Postgres => {
                diesel::sql_query(sql).execute(&mut PgConnection::establish(&self.url).unwrap())
            }
        }
        .map_err(|e| e.to_string())
    }

    fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let url = format!(
            "sqlite://{}",
            dir.path().join("nested/entente.db").display()
        );
        let store = Store::open(&url).expect("open SQLite");
        store.migrate().expect("migrate SQLite");
        TestDb {
            store,
            url,
            _dir: Some(dir),
            pg_schema: None,
        }
    }

    /// A schema named for this test and process, so tests run in parallel.
    fn postgres(base_url: &str, test: &str) -> TestDb {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let schema = format!(
            "entente_test_{}_{}_{}",
            test.replace(|c: char| !c.is_ascii_alphanumeric(), "_"),
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = PgConnection::establish(base_url)
            .unwrap_or_else(|e| panic!("{POSTGRES_URL_VARIABLE}={base_url} does not connect: {e}"));
        diesel::sql_query(format!("CREATE SCHEMA \"{schema}\""))
            .execute(&mut admin)
            .expect("create the test schema");
        let separator = if base_url.contains('?') { '&' } else { '?' };
        let url = format!("{base_url}{separator}options=-csearch_path%3D{schema}");
        let store = Store::open(&url).expect("open PostgreSQL");
        store.migrate().expect("migrate PostgreSQL");
        TestDb {
            store,
            url,
            _dir: None,
            pg_schema: Some((base_url.to_owned(), schema)),
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((base_url, schema)) = &self.pg_schema {
            let dropped = PgConnection::establish(base_url)
                .map_err(|e| e.to_string())
                .and_then(|mut admin| {
                    diesel::sql_query(format!("DROP SCHEMA \"{schema}\" CASCADE"))
                        .execute(&mut admin)
                        .map_err(|e| e.to_string())
                });
            if let Err(e) = dropped {
                eprintln!("could not drop the test schema {schema}: {e}");
            }
        }
    }
}

/// The PostgreSQL URL for tests, or `None` after saying the half is skipped.
pub fn postgres_url(test: &str) -> Option<String> {
    match std::env::var(POSTGRES_URL_VARIABLE) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            skip_notice(format_args!(
                "{test}: PostgreSQL half skipped ({POSTGRES_URL_VARIABLE} is not set)"
            ));
            None
        }
    }
}

/// Runs `test` on a fresh SQLite database, then on a fresh PostgreSQL schema
/// when one is configured.
pub fn on_each_backend(name: &str, test: impl Fn(&TestDb)) {
    test(&TestDb::sqlite());
    if let Some(url) = postgres_url(name) {
        test(&TestDb::postgres(&url, name));
    }
}

/// Both databases side by side, for tests that compare them.
pub fn both_backends(name: &str) -> Option<(TestDb, TestDb)> {
    let url = postgres_url(name)?;
    Some((TestDb::sqlite(), TestDb::postgres(&url, name)))
}

/// Says that part of a test was skipped, straight to the terminal: the test
/// harness captures `println!` of passing tests, and a skip must be seen.
fn skip_notice(message: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}
