//! Opening databases: bad URLs fail at once, naming what is wrong.

use std::time::{Duration, Instant};

use diesel::{Connection, RunQueryDsl};
use entente_store::{Backend, Store, StoreError};

#[test]
fn an_unreachable_postgres_fails_fast_without_showing_the_password() {
    let started = Instant::now();
    let err = Store::open("postgres://entente:s3cret@127.0.0.1:1/entente").unwrap_err();
    assert!(matches!(err, StoreError::Connection { .. }), "{err}");
    let message = err.to_string();
    assert!(
        message.contains("postgres://entente:***@127.0.0.1:1/entente"),
        "{message}"
    );
    assert!(
        !message.contains("s3cret") && !format!("{err:?}").contains("s3cret"),
        "{message}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "no pool timeout before the error"
    );
}

#[test]
fn a_plain_path_opens_sqlite_creating_its_folders() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/entente.db");
    let store = Store::open(path.to_str().unwrap()).unwrap();
    assert_eq!(store.backend(), Backend::Sqlite);
    assert!(!store.migrate().unwrap().is_empty());
    assert!(path.is_file());
    let mut raw = diesel::SqliteConnection::establish(path.to_str().unwrap()).unwrap();
    let mode: Vec<JournalMode> = diesel::sql_query("PRAGMA journal_mode")
        .load(&mut raw)
        .unwrap();
    assert_eq!(
        mode[0].journal_mode, "wal",
        "readers do not block the writer"
    );
}

#[derive(diesel::QueryableByName)]
struct JournalMode {
    #[diesel(sql_type = diesel::sql_types::Text)]
    journal_mode: String,
}

/// The web layer shares one store between its threads.
const _: () = {
    const fn shareable<T: Clone + Send + Sync + 'static>() {}
    shareable::<Store>();
};

#[test]
fn other_schemes_name_the_setting() {
    let err = Store::open("mysql://localhost/entente")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("DATABASE_URL: "), "{err}");
    assert!(err.contains("mysql"), "{err}");
}
