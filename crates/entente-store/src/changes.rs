//! The change counter: a number the database raises whenever something a
//! page can show changes, whichever process wrote (this server, another
//! server on the same PostgreSQL, the command line), so that every server
//! can tell when the answers it keeps rendered are stale.
//!
//! Triggers raise it in the writing transaction, so no write path can
//! forget to. They are not written table by table in the migrations: after
//! every migration, [`install_change_triggers`] gives every table that
//! lacks them its triggers, so a table added later is covered at once. The
//! tables left out are those no page shows and that change on every
//! request or job: sessions and sign-in steps, API tokens (their last use),
//! the audit log (written on some reads too), notifications, the marks of
//! when they were last looked for, and the job queue.

use diesel::QueryableByName;
use diesel::prelude::*;
use diesel::sql_types::Text;

use crate::connection::DbConnection;
use crate::schema::change_counter;
use crate::{Store, StoreError};

/// Tables whose changes no page shows.
const UNCOUNTED: [&str; 14] = [
    "__diesel_schema_migrations",
    "change_counter",
    "sessions",
    "pending_logins",
    "login_attempts",
    "one_time_links",
    "recovery_codes",
    "api_tokens",
    "audit_log",
    "notification_preferences",
    "notifications",
    "notification_refreshes",
    "jobs",
    "import_mappings",
];

impl Store {
    /// The current value of the change counter. Two equal readings mean
    /// that nothing a page shows changed in between.
    pub fn change_count(&self) -> Result<i64, StoreError> {
        Ok(change_counter::table
            .select(change_counter::changes)
            .first(&mut *self.connection()?)?)
    }
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

fn counted(table: &str) -> bool {
    !UNCOUNTED.contains(&table) && !table.starts_with("sqlite_")
}

/// Gives every counted table that lacks them the triggers that raise the
/// change counter: on SQLite one per kind of write and row, on PostgreSQL
/// one per statement (a load of thousands of rows raises it once).
pub(crate) fn install_change_triggers(conn: &mut DbConnection) -> Result<(), StoreError> {
    match conn {
        DbConnection::Sqlite(sqlite) => {
            // Ordinary tables only: a virtual table (the search index) and
            // its shadow tables take no triggers, and change with the
            // records they index.
            let missing: Vec<Name> = diesel::sql_query(
                "SELECT t.name AS name FROM sqlite_master t \
                 WHERE t.type = 'table' AND t.sql NOT LIKE 'CREATE VIRTUAL%' \
                 AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table' \
                     AND v.sql LIKE 'CREATE VIRTUAL%' AND t.name LIKE v.name || '\\_%' ESCAPE '\\') \
                 AND NOT EXISTS (SELECT 1 FROM sqlite_master g WHERE g.type = 'trigger' \
                     AND g.name = t.name || '_count_insert')",
            )
            .load(sqlite)?;
            for Name { name } in missing.into_iter().filter(|n| counted(&n.name)) {
                for write in ["insert", "update", "delete"] {
                    diesel::sql_query(format!(
                        "CREATE TRIGGER \"{name}_count_{write}\" AFTER {} ON \"{name}\" \
                         BEGIN UPDATE change_counter SET changes = changes + 1; END",
                        write.to_ascii_uppercase()
                    ))
                    .execute(sqlite)?;
                }
            }
        }
        DbConnection::Postgres(pg) => {
            let missing: Vec<Name> = diesel::sql_query(
                "SELECT t.tablename::text AS name FROM pg_tables t \
                 WHERE t.schemaname = current_schema() \
                 AND NOT EXISTS (SELECT 1 FROM pg_trigger g \
                     JOIN pg_class c ON c.oid = g.tgrelid \
                     JOIN pg_namespace n ON n.oid = c.relnamespace \
                     WHERE n.nspname = t.schemaname AND c.relname = t.tablename \
                     AND g.tgname = t.tablename || '_count')",
            )
            .load(pg)?;
            for Name { name } in missing.into_iter().filter(|n| counted(&n.name)) {
                diesel::sql_query(format!(
                    "CREATE TRIGGER \"{name}_count\" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE \
                     ON \"{name}\" FOR EACH STATEMENT EXECUTE FUNCTION count_change()"
                ))
                .execute(pg)?;
            }
        }
    }
    Ok(())
}
