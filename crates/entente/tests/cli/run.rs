//! Runs the real `entente` binary on a database of its own: an SQLite file in
//! a temporary data directory, or a fresh PostgreSQL schema when
//! `ENTENTE_TEST_POSTGRES_URL` names a database the tests may use.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use diesel::{Connection, PgConnection, RunQueryDsl};
use entente_core::TreatyEvent;
use entente_store::{EventFilter, Store};
use tempfile::TempDir;

const POSTGRES_URL_VARIABLE: &str = "ENTENTE_TEST_POSTGRES_URL";

/// What one run of the binary did.
pub struct Run {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn of(output: Output) -> Run {
        Run {
            success: output.status.success(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Panics with both outputs unless the command succeeded.
    pub fn ok(self) -> Run {
        assert!(
            self.success,
            "entente failed:\n{}\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Panics with both outputs unless the command failed.
    pub fn failed(self) -> Run {
        assert!(
            !self.success,
            "entente should have failed:\n{}\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// Runs the binary with no database settings from the environment.
pub fn entente(args: impl IntoIterator<Item = impl AsRef<OsStr>>, env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_entente"));
    for variable in [
        "DATABASE_URL",
        "ENTENTE_DATA_DIR",
        "ENTENTE_LISTEN",
        "ENTENTE_LOG",
        "ENTENTE_PUBLIC_URL",
    ] {
        command.env_remove(variable);
    }
    command
        .args(["--log", "warn"])
        .args(args)
        .envs(env.iter().copied());
    Run::of(command.output().expect("the entente binary runs"))
}

/// An isolated database and data directory for one test, removed when dropped.
pub struct Instance {
    pub dir: TempDir,
    /// The PostgreSQL URL with the test's own schema; `None` on SQLite.
    postgres: Option<(String, String, String)>,
}

impl Instance {
    fn sqlite() -> Instance {
        Instance {
            dir: tempfile::tempdir().expect("a temporary folder"),
            postgres: None,
        }
    }

    /// A schema named for this test and process, so tests run in parallel.
    fn postgres(base_url: &str, test: &str) -> Instance {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let schema = format!(
            "entente_cli_{}_{}_{}",
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
        Instance {
            dir: tempfile::tempdir().expect("a temporary folder"),
            postgres: Some((base_url.to_owned(), schema, url)),
        }
    }

    pub fn backend(&self) -> &'static str {
        if self.postgres.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    }

    fn database_url(&self) -> String {
        match &self.postgres {
            Some((_, _, url)) => url.clone(),
            None => format!("sqlite://{}", self.dir.path().join("entente.db").display()),
        }
    }

    /// Runs `entente` on this instance's data directory and database.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut all: Vec<&OsStr> = vec![OsStr::new("--data-dir"), self.dir.path().as_os_str()];
        all.extend(args.iter().map(OsStr::new));
        match &self.postgres {
            Some((_, _, url)) => entente(all, &[("DATABASE_URL", url)]),
            None => entente(all, &[]),
        }
    }

    /// Lets the binary create the database and load the shipped dataset, as any first command does.
    pub fn load_shipped_dataset(&self) {
        self.run(&["status", "FRA"]).ok();
    }

    /// The instance's database, to check behind the binary's back what it stored.
    pub fn store(&self) -> Store {
        Store::open(&self.database_url()).expect("the test database opens")
    }

    /// Every stored treaty event, read behind the binary's back.
    pub fn events(&self) -> Vec<TreatyEvent> {
        let mut events = self
            .store()
            .events(&EventFilter::default())
            .expect("the events read");
        events.sort_by(|a, b| {
            (
                &a.treaty,
                a.state,
                a.date,
                a.kind.code(),
                &a.source,
                &a.note,
            )
                .cmp(&(
                    &b.treaty,
                    b.state,
                    b.date,
                    b.kind.code(),
                    &b.source,
                    &b.note,
                ))
        });
        events
    }

    /// Writes a file into the data directory, for an import to read.
    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).expect("write the test file");
        path
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        if let Some((base_url, schema, _)) = &self.postgres {
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

/// Runs `test` on a fresh SQLite instance, then on a fresh PostgreSQL schema
/// when one is configured (and says so when not).
pub fn on_each_backend(name: &str, test: impl Fn(&Instance)) {
    test(&Instance::sqlite());
    match std::env::var(POSTGRES_URL_VARIABLE) {
        Ok(url) if !url.trim().is_empty() => test(&Instance::postgres(&url, name)),
        _ => skip_notice(format_args!(
            "{name}: PostgreSQL half skipped ({POSTGRES_URL_VARIABLE} is not set)"
        )),
    }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn fixture_text(name: &str) -> String {
    let path = fixture(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A raw source file in ../shared/data, or `None` (said so) when that folder is absent.
pub fn shared_file(test: &str, relative: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
    if dir.is_dir() {
        Some(dir.join(relative))
    } else {
        skip_notice(format_args!("{test}: skipped because ../shared is absent"));
        None
    }
}

/// Says that part of a test was skipped, straight to the terminal: the test
/// harness captures `println!` of passing tests, and a skip must be seen.
fn skip_notice(message: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}
