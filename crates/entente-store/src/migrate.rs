//! The schema's migrations, embedded in the binary, one directory per
//! backend because their SQL differs (types, identity columns, checks).

use diesel::RunQueryDsl;
use diesel::migration::MigrationVersion;
use diesel::sql_types::BigInt;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::connection::DbConnection;
use crate::{Store, StoreError};

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Held while migrating PostgreSQL, so servers starting together on one
/// database apply each migration once.
const PG_MIGRATION_LOCK: i64 = 0x656e_7465_6e74_6502;

impl Store {
    /// Applies the migrations not yet applied; returns their versions, in
    /// order (none when the schema is up to date).
    pub fn migrate(&self) -> Result<Vec<String>, StoreError> {
        let mut conn = self.connection()?;
        if let DbConnection::Postgres(pg) = &mut *conn {
            advisory(pg, "SELECT pg_advisory_lock($1)")?;
        }
        let migrated = migrate(&mut conn);
        if let DbConnection::Postgres(pg) = &mut *conn {
            advisory(pg, "SELECT pg_advisory_unlock($1)")?;
        }
        let applied = migrated?;
        crate::plan::sync_builtin_action_types(&mut conn)?;
        crate::search::after_migrations(&mut conn, &applied)?;
        Ok(applied)
    }
}

/// The pending migrations, then the change counter's triggers on any table
/// that lacks them (on PostgreSQL under the caller's lock, so that servers
/// starting together add each trigger once).
fn migrate(conn: &mut DbConnection) -> Result<Vec<String>, StoreError> {
    let applied = match conn {
        DbConnection::Sqlite(sqlite) => sqlite.run_pending_migrations(SQLITE).map(names),
        DbConnection::Postgres(pg) => pg.run_pending_migrations(POSTGRES).map(names),
    }
    .map_err(StoreError::Migration)?;
    crate::changes::install_change_triggers(conn)?;
    Ok(applied)
}

fn advisory(pg: &mut diesel::PgConnection, sql: &str) -> Result<(), StoreError> {
    diesel::sql_query(sql)
        .bind::<BigInt, _>(PG_MIGRATION_LOCK)
        .execute(pg)?;
    Ok(())
}

fn names(versions: Vec<MigrationVersion<'_>>) -> Vec<String> {
    versions.iter().map(ToString::to_string).collect()
}
