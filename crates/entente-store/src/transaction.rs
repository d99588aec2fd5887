//! Write transactions that take the write lock up front, so concurrent
//! writers queue instead of failing half-way.

use diesel::RunQueryDsl;
use diesel::connection::{AnsiTransactionManager, Connection, TransactionManager};
use diesel::sql_types::BigInt;

use crate::connection::DbConnection;
use crate::error::StoreError;

/// Serialises Entente's writers on PostgreSQL: several servers may start on
/// one database at once and each load the shipped dataset.
const PG_WRITE_LOCK: i64 = 0x656e_7465_6e74_6501;

/// Runs `work` in one transaction holding the database's write lock; commits
/// on `Ok`, rolls back on `Err`.
///
/// A plain `BEGIN` on SQLite takes the write lock only at the first write; a
/// transaction that read first then fails with "database is locked" if
/// another wrote meanwhile, which `busy_timeout` cannot cure. `BEGIN
/// IMMEDIATE` waits for the lock instead.
pub(crate) fn write<T>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    match conn {
        DbConnection::Sqlite(sqlite) => {
            AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?
        }
        DbConnection::Postgres(pg) => {
            AnsiTransactionManager::begin_transaction(pg)?;
            let locked = diesel::sql_query("SELECT pg_advisory_xact_lock($1)")
                .bind::<BigInt, _>(PG_WRITE_LOCK)
                .execute(pg);
            if let Err(e) = locked {
                AnsiTransactionManager::rollback_transaction(pg)?;
                return Err(e.into());
            }
        }
    }
    type Manager = <DbConnection as Connection>::TransactionManager;
    match work(conn) {
        Ok(value) => {
            Manager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(error) => {
            if let Err(rollback) = Manager::rollback_transaction(conn) {
                // The pool discards a connection left in a transaction; the
                // caller's error says more than the rollback's.
                tracing::warn!(%rollback, "rollback after a failed write failed");
            }
            Err(error)
        }
    }
}
