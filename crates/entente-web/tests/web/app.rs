//! `TestApp`: the application on 127.0.0.1, port 0, over a database of its
//! own: a SQLite file, or a fresh PostgreSQL schema when
//! `ENTENTE_TEST_POSTGRES_URL` names a database, so every test that reads
//! data proves both backends serve the same answers.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

use diesel::{Connection, PgConnection, RunQueryDsl};
use entente_store::{ReferenceData, Store};
use entente_web::{AppState, router};
use reqwest::header::{ACCEPT_LANGUAGE, HeaderMap};
use tokio::task::JoinHandle;

const POSTGRES_URL_VARIABLE: &str = "ENTENTE_TEST_POSTGRES_URL";

/// A backend a test runs on.
pub enum Backend {
    Sqlite,
    /// The database named by the variable, to hold one schema per test.
    Postgres(String),
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres(_) => "PostgreSQL",
        })
    }
}

/// SQLite always; PostgreSQL when configured, else a line saying that half is
/// skipped (a silent skip would pass for a PostgreSQL run).
fn backends(test: &str) -> Vec<Backend> {
    let mut backends = vec![Backend::Sqlite];
    match std::env::var(POSTGRES_URL_VARIABLE) {
        Ok(url) if !url.trim().is_empty() => backends.push(Backend::Postgres(url)),
        _ => skip_notice(format_args!(
            "{test}: PostgreSQL half skipped ({POSTGRES_URL_VARIABLE} is not set)"
        )),
    }
    backends
}

/// The running test's name, as the test harness names its thread.
fn test_name() -> String {
    let thread = std::thread::current();
    let path = thread.name().unwrap_or("test");
    path.rsplit("::").next().unwrap_or(path).to_owned()
}

/// Runs `test` against the application over `data` on each available backend,
/// each on a database of its own.
pub async fn on_each_backend(data: ReferenceData<'_>, test: impl AsyncFn(&TestApp)) {
    let name = test_name();
    for backend in backends(&name) {
        // Printed so a failure says which backend it happened on.
        eprintln!("{name}: on {backend}");
        let app = TestApp::start_on(&backend, &name, data).await;
        test(&app).await;
    }
}

/// A test's database, removed when dropped.
enum Database {
    /// Holds the folder of the SQLite file until the test ends.
    Sqlite {
        _dir: tempfile::TempDir,
    },
    Postgres {
        admin_url: String,
        schema: String,
    },
}

impl Database {
    /// A migrated store over a new database, its URL, and what removes it.
    fn create(backend: &Backend, test: &str) -> (Store, String, Database) {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("a temporary folder");
                let url = dir.path().join("entente.sqlite3").display().to_string();
                let store = Store::open(&url).expect("open SQLite");
                store.migrate().expect("migrate SQLite");
                (store, url, Database::Sqlite { _dir: dir })
            }
            Backend::Postgres(admin_url) => Database::postgres(admin_url, test),
        }
    }

    /// A schema named for the test, the process and a counter, so tests and
    /// test runs side by side never meet; the store sees only that schema.
    fn postgres(admin_url: &str, test: &str) -> (Store, String, Database) {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        // PostgreSQL cuts identifiers at 63 bytes; the suffix must survive.
        let stem: String = test
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .take(30)
            .collect();
        let schema = format!(
            "entente_web_{stem}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = PgConnection::establish(admin_url).unwrap_or_else(|e| {
            panic!("{POSTGRES_URL_VARIABLE}={admin_url} does not connect: {e}")
        });
        diesel::sql_query(format!("CREATE SCHEMA \"{schema}\""))
            .execute(&mut admin)
            .expect("create the test schema");
        // Owned from here, so a failure below still drops the schema.
        let database = Database::Postgres {
            admin_url: admin_url.to_owned(),
            schema: schema.clone(),
        };
        let separator = if admin_url.contains('?') { '&' } else { '?' };
        let url = format!("{admin_url}{separator}options=-csearch_path%3D{schema}");
        let store = Store::open(&url).expect("open PostgreSQL");
        store.migrate().expect("migrate PostgreSQL");
        (store, url, database)
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        let Database::Postgres { admin_url, schema } = self else {
            return;
        };
        let dropped = PgConnection::establish(admin_url)
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

pub struct TestApp {
    pub base: String,
    /// The application's store, to set up accounts and look behind the scenes.
    pub store: Store,
    /// What opens the same database again, for a second server.
    url: String,
    client: reqwest::Client,
    server: JoinHandle<()>,
    _database: Option<Database>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}

pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Answer {
    pub async fn from(response: reqwest::Response) -> Answer {
        Answer {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.text().await.unwrap(),
        }
    }

    /// Every `Set-Cookie` line.
    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

impl TestApp {
    /// Starts the application over a new SQLite file loaded with `data`, for
    /// tests of what does not depend on the backend (headers, assets, errors).
    pub async fn start(data: ReferenceData<'_>) -> TestApp {
        TestApp::start_on(&Backend::Sqlite, &test_name(), data).await
    }

    async fn start_on(backend: &Backend, test: &str, data: ReferenceData<'_>) -> TestApp {
        let (store, url, database) = Database::create(backend, test);
        store
            .load_reference(data)
            .unwrap_or_else(|e| panic!("load the data on {backend}: {e}"));
        TestApp::serve(store, url, Some(database)).await
    }

    async fn serve(store: Store, url: String, database: Option<Database>) -> TestApp {
        TestApp::serve_configured(store, url, database, |state| state).await
    }

    async fn serve_configured(
        store: Store,
        url: String,
        database: Option<Database>,
        configure: impl FnOnce(AppState) -> AppState,
    ) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let app = router(configure(AppState::new(store.clone())));
        let server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        TestApp {
            base,
            store,
            url,
            client: reqwest::Client::new(),
            server,
            _database: database,
        }
    }

    /// A second server over the same database, with a store (and pool) of
    /// its own, as when several servers share one PostgreSQL. The database
    /// stays as long as `self` does.
    pub async fn second_server(&self) -> TestApp {
        let store = Store::open(&self.url).expect("open the database again");
        TestApp::serve(store, self.url.clone(), None).await
    }

    /// A second server over the same database with an instance setting
    /// under test, as `configure` sets it.
    pub async fn configured_server(&self, configure: impl FnOnce(AppState) -> AppState) -> TestApp {
        let store = Store::open(&self.url).expect("open the database again");
        TestApp::serve_configured(store, self.url.clone(), None, configure).await
    }

    /// A client that keeps cookies, as a browser does, and does not follow
    /// redirects, so tests see them.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.get_with(path, None).await
    }

    pub async fn get_in(&self, path: &str, accept_language: &str) -> Answer {
        self.get_with(path, Some(accept_language)).await
    }

    async fn get_with(&self, path: &str, accept_language: Option<&str>) -> Answer {
        let mut request = self.client.get(format!("{}{path}", self.base));
        if let Some(lang) = accept_language {
            request = request.header(ACCEPT_LANGUAGE, lang);
        }
        let response = request.send().await.unwrap();
        Answer {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.text().await.unwrap(),
        }
    }
}

/// Says that part of a test was skipped, straight to the terminal: the test
/// harness captures `println!` of passing tests, and a skip must be seen.
fn skip_notice(message: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}
