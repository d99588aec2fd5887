//! The SQLite and PostgreSQL migrations must build the same schema: same
//! tables, same columns, same nullability, types that hold the same values.

use std::collections::BTreeMap;

use diesel::sql_types::{Integer, Text};
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl, SqliteConnection};

use crate::support::{TestDb, both_backends};

#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    /// The kind of value, in words both backends share.
    family: &'static str,
    nullable: bool,
}

type Schema = BTreeMap<(String, String), Column>;

const MIGRATIONS_TABLE: &str = "__diesel_schema_migrations";

#[derive(QueryableByName)]
struct SqliteTable {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct SqliteColumn {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    declared: String,
    #[diesel(sql_type = Integer)]
    not_null: i32,
}

fn sqlite_family(declared: &str) -> &'static str {
    match declared.to_ascii_uppercase().as_str() {
        "INTEGER" | "BIGINT" | "SMALLINT" => "integer",
        "TEXT" => "text",
        "REAL" | "DOUBLE" => "real",
        "BOOLEAN" => "boolean",
        // Declared DATE, stored as ISO text: what diesel reads as a date.
        "DATE" => "date",
        // Declared TIMESTAMP, stored as text in UTC: what diesel reads as one.
        "TIMESTAMP" => "timestamp",
        _ => "unknown",
    }
}

fn postgres_family(data_type: &str) -> &'static str {
    match data_type {
        "integer" | "bigint" | "smallint" => "integer",
        "text" | "character varying" => "text",
        "real" | "double precision" => "real",
        "boolean" => "boolean",
        "date" => "date",
        "timestamp without time zone" => "timestamp",
        _ => "unknown",
    }
}

fn sqlite_schema(db: &TestDb) -> Schema {
    let path = db.url.strip_prefix("sqlite://").unwrap();
    let mut conn = SqliteConnection::establish(path).unwrap();
    // Ordinary tables only: the search index's FTS5 table is a virtual
    // table whose shadow tables hold its index; PostgreSQL's counterpart is
    // the tsvector column skipped below.
    let tables: Vec<SqliteTable> = diesel::sql_query(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> $1",
    )
    .bind::<Text, _>(MIGRATIONS_TABLE)
    .load(&mut conn)
    .unwrap();
    let mut schema = Schema::new();
    for table in tables {
        let columns: Vec<SqliteColumn> = diesel::sql_query(
            "SELECT name, type AS declared, \"notnull\" AS not_null FROM pragma_table_info($1)",
        )
        .bind::<Text, _>(&table.name)
        .load(&mut conn)
        .unwrap();
        for c in columns {
            let column = Column {
                family: sqlite_family(&c.declared),
                nullable: c.not_null == 0,
            };
            schema.insert((table.name.clone(), c.name), column);
        }
    }
    schema
}

#[derive(QueryableByName)]
struct PostgresColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Text)]
    is_nullable: String,
}

fn postgres_schema(db: &TestDb) -> Schema {
    let mut conn = PgConnection::establish(&db.url).unwrap();
    // The search index's tsvector column is the counterpart of SQLite's
    // FTS5 table, left out there too.
    let columns: Vec<PostgresColumn> = diesel::sql_query(
        "SELECT table_name::text AS table_name, column_name::text AS column_name, \
                data_type::text AS data_type, is_nullable::text AS is_nullable \
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> $1 \
           AND data_type <> 'tsvector'",
    )
    .bind::<Text, _>(MIGRATIONS_TABLE)
    .load(&mut conn)
    .unwrap();
    columns
        .into_iter()
        .map(|c| {
            let column = Column {
                family: postgres_family(&c.data_type),
                nullable: c.is_nullable == "YES",
            };
            ((c.table_name, c.column_name), column)
        })
        .collect()
}

#[test]
fn sqlite_and_postgres_schemas_agree() {
    let Some((sqlite, postgres)) = both_backends("schemas_agree") else {
        return;
    };
    let sqlite = sqlite_schema(&sqlite);
    let postgres = postgres_schema(&postgres);
    assert!(sqlite.len() > 30, "the SQLite schema was read: {sqlite:?}");
    let unknown: Vec<_> = sqlite
        .iter()
        .chain(&postgres)
        .filter(|(_, c)| c.family == "unknown")
        .collect();
    assert!(
        unknown.is_empty(),
        "types with no counterpart on the other backend: {unknown:?}"
    );
    let mut differences = Vec::new();
    for key in sqlite.keys().chain(postgres.keys()) {
        let (s, p) = (sqlite.get(key), postgres.get(key));
        if s != p && !differences.iter().any(|(k, _, _)| k == key) {
            differences.push((key.clone(), s, p));
        }
    }
    assert!(
        differences.is_empty(),
        "(table, column), SQLite, PostgreSQL:\n{differences:#?}"
    );
}
