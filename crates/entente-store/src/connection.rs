//! Connections: which backend a URL names, the pooled connection type that
//! covers both, and the settings every new SQLite connection gets.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, CustomizeConnection, ManageConnection, Pool, R2D2Connection};
use diesel::{PgConnection, SqliteConnection};

use crate::error::StoreError;

/// The database engine behind a [`crate::Store`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        })
    }
}

/// One connection to either backend; repositories use diesel's DSL on it and
/// `match` only where the backends' SQL differs (multi-row inserts, locks).
#[derive(diesel::MultiConnection)]
pub(crate) enum DbConnection {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

pub(crate) type DbPool = Pool<Connector>;

/// The backend type of [`DbConnection`], for boxed query fragments.
pub(crate) type Db = <DbConnection as Connection>::Backend;

/// Where the data lives, decided from the URL's scheme by us rather than by
/// `MultiConnection::establish`, which tries each backend in turn and would
/// take a mistyped PostgreSQL URL for an SQLite file name.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Target {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Target {
    pub(crate) fn parse(url: &str) -> Result<Target, StoreError> {
        let url = url.trim();
        if url.is_empty() {
            return Err(StoreError::Config(
                "is empty; give a postgres:// URL, sqlite://PATH or a file path".into(),
            ));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Target::Postgres(url.to_owned()));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if let Some((scheme, _)) = path.split_once("://") {
            return Err(StoreError::Config(format!(
                "the scheme {scheme:?} is not supported; use postgres://, postgresql://, sqlite:// or a file path"
            )));
        }
        if path.is_empty() || path == ":memory:" {
            return Err(StoreError::Config(format!(
                "{url:?} names no file; SQLite needs a file so that all pooled connections share the data"
            )));
        }
        if looks_like_libpq_keywords(path) {
            // Not echoed: such strings often carry a password.
            return Err(StoreError::Config(
                "looks like PostgreSQL key=value settings; write them as a postgres:// URL".into(),
            ));
        }
        Ok(Target::Sqlite(PathBuf::from(path)))
    }

    pub(crate) fn backend(&self) -> Backend {
        match self {
            Target::Sqlite(_) => Backend::Sqlite,
            Target::Postgres(_) => Backend::Postgres,
        }
    }

    pub(crate) fn establish(&self) -> Result<DbConnection, StoreError> {
        let connection = match self {
            Target::Sqlite(path) => {
                create_parent_dirs(path)?;
                SqliteConnection::establish(&path.to_string_lossy()).map(DbConnection::Sqlite)
            }
            Target::Postgres(url) => PgConnection::establish(url).map(DbConnection::Postgres),
        };
        connection.map_err(|source| StoreError::Connection {
            target: self.to_string(),
            source,
        })
    }
}

impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Target({self})")
    }
}

/// Shows the target without the password a PostgreSQL URL may carry.
impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Sqlite(path) => write!(f, "{} (SQLite)", path.display()),
            Target::Postgres(url) => f.write_str(&redact(url)),
        }
    }
}

fn looks_like_libpq_keywords(s: &str) -> bool {
    ["host=", "dbname=", "user=", "port=", "password="]
        .iter()
        .any(|key| s.contains(key))
}

/// Replaces the password in `scheme://user:password@host` by `***`.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((credentials, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match credentials.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

fn create_parent_dirs(path: &Path) -> Result<(), StoreError> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::Config(format!(
                "cannot create the folder {} for the SQLite file: {e}",
                dir.display()
            ))
        }),
        _ => Ok(()),
    }
}

/// Makes pooled connections for one [`Target`].
pub(crate) struct Connector {
    target: Target,
}

impl ManageConnection for Connector {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        self.target.establish().map_err(|e| match e {
            StoreError::Connection { source, .. } => r2d2::Error::ConnectionError(source),
            other => r2d2::Error::ConnectionError(diesel::ConnectionError::BadConnection(
                other.to_string(),
            )),
        })
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        std::thread::panicking() || conn.is_broken()
    }
}

/// Per-connection settings: they are not stored in the database (except
/// SQLite's WAL), so each new connection needs them.
#[derive(Debug)]
struct SessionSettings;

// busy_timeout comes first: switching to WAL takes a lock, and connections
// opening together must wait for it rather than fail with "database is locked".
const SQLITE_PRAGMAS: &str = "
    PRAGMA busy_timeout = 5000;
    PRAGMA journal_mode = WAL;
    PRAGMA foreign_keys = ON;
    PRAGMA synchronous = NORMAL;
";

// PostgreSQL compiles a query it costs high with LLVM before running it:
// 90 to 170 ms for a page of a list or a search at a million actions, whose
// answers take a few milliseconds. Entente's queries are short, so never.
//
// Diesel prepares each statement once per connection, and after five runs
// PostgreSQL may keep one generic plan for it, made without the values.
// The best plan of a list depends on them: a state with no action or with
// nine thousand, a member of no alliance or of three. At a million
// actions, the generic plan of a member's list of a state scanned every
// action in parallel: 6 ms for a state with no action (nested loops from
// the state's few rows: 0.3 ms), 313 ms for a state with 9,467 (46 ms).
// Planning each run again costs 0.1 to 1 ms.
const POSTGRES_SETTINGS: &str = "SET jit = off; SET plan_cache_mode = force_custom_plan";

impl CustomizeConnection<DbConnection, r2d2::Error> for SessionSettings {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        match conn {
            // NORMAL is durable enough in WAL mode: a power cut may lose the
            // last commits but never corrupts the file.
            DbConnection::Sqlite(sqlite) => sqlite.batch_execute(SQLITE_PRAGMAS),
            DbConnection::Postgres(pg) => pg.batch_execute(POSTGRES_SETTINGS),
        }
        .map_err(r2d2::Error::QueryError)
    }
}

/// Opens one connection first, so a wrong URL fails at once with the
/// database's own message instead of after the pool's timeout.
pub(crate) fn pool(target: Target) -> Result<DbPool, StoreError> {
    let mut probe = target.establish()?;
    if let DbConnection::Sqlite(sqlite) = &mut probe {
        sqlite.batch_execute(SQLITE_PRAGMAS)?;
    }
    drop(probe);
    let max_size = match target.backend() {
        // Readers run in parallel under WAL; writers queue on the file lock.
        Backend::Sqlite => 8,
        Backend::Postgres => 10,
    };
    // No idle connections opened ahead in the pool's background threads: a
    // short command (`entente migrate`) would exit while libpq is still
    // connecting there, which can abort the process in libpq's Kerberos
    // teardown. Connections open on first use instead.
    Ok(Pool::builder()
        .max_size(max_size)
        .min_idle(Some(0))
        .connection_timeout(Duration::from_secs(15))
        .connection_customizer(Box::new(SessionSettings))
        .build_unchecked(Connector { target }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_decides_the_backend() {
        let pg = Target::parse("postgres://u@h/db").unwrap();
        assert_eq!(pg, Target::Postgres("postgres://u@h/db".into()));
        assert_eq!(
            Target::parse("postgresql://h/db").unwrap().backend(),
            Backend::Postgres
        );
        for (url, path) in [
            ("sqlite://data/e.db", "data/e.db"),
            ("sqlite:///abs/e.db", "/abs/e.db"),
            ("sqlite:e.db", "e.db"),
            ("plain/e.db", "plain/e.db"),
        ] {
            assert_eq!(
                Target::parse(url).unwrap(),
                Target::Sqlite(PathBuf::from(path)),
                "{url}"
            );
        }
    }

    #[test]
    fn other_urls_are_refused_naming_the_setting() {
        for url in [
            "",
            "mysql://h/db",
            "sqlite://",
            ":memory:",
            "host=localhost dbname=test",
        ] {
            let err = Target::parse(url).unwrap_err();
            assert!(matches!(err, StoreError::Config(_)), "{url}");
            assert!(err.to_string().starts_with("DATABASE_URL: "), "{err}");
        }
    }

    #[test]
    fn passwords_never_show() {
        let target = Target::parse("postgres://alice:s3cret@db.example/entente").unwrap();
        assert_eq!(
            target.to_string(),
            "postgres://alice:***@db.example/entente"
        );
        assert!(
            !format!("{:?}", Target::parse("host=x password=s3cret").unwrap_err())
                .contains("s3cret")
        );
    }
}
