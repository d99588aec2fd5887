//! Settings shared by every subcommand, from flags or `ENTENTE_*` variables.
//! A wrong value stops the program with a message naming the setting.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Args;
use tracing_subscriber::EnvFilter;

#[derive(Args, Clone)]
pub struct Settings {
    /// Directory for Entente's own files; the SQLite database lives here unless --database-url says otherwise.
    #[arg(
        long,
        env = "ENTENTE_DATA_DIR",
        default_value = "entente-data",
        global = true
    )]
    pub data_dir: PathBuf,

    /// Database: `postgres://user@host/db` for PostgreSQL, or an SQLite file path (`sqlite://path`).
    /// Default: entente.db in the data directory.
    #[arg(long, env = "DATABASE_URL", global = true, value_parser = parse_database_url)]
    pub database_url: Option<DatabaseUrl>,

    /// What to log, as a tracing filter: `info`, `debug`, `entente_web=debug,info`.
    #[arg(long, env = "ENTENTE_LOG", default_value = "info", global = true, value_parser = parse_log_filter)]
    pub log: String,

    /// The address people reach this instance at, for the links the command line prints
    /// and the portal shows (`https://entente.example.org`, or with a path prefix).
    #[arg(
        long,
        env = "ENTENTE_PUBLIC_URL",
        default_value = entente_web::DEFAULT_PUBLIC_URL,
        global = true,
        value_parser = parse_public_url
    )]
    pub public_url: PublicUrl,

    /// Make administrators (of any organisation, and site administrators) turn on
    /// two-factor sign-in before they use the workspace or the API (`true`/`false`).
    #[arg(long, env = "ENTENTE_REQUIRE_ADMIN_2FA", global = true)]
    pub require_admin_2fa: bool,

    /// Mark every cookie `Secure`, for a server behind a TLS proxy that does not send
    /// `X-Forwarded-Proto: https` (with it, cookies are `Secure` anyway) (`true`/`false`).
    #[arg(long, env = "ENTENTE_SECURE_COOKIES", global = true)]
    pub secure_cookies: bool,
}

impl Settings {
    /// The database to use: the configured URL, or an SQLite file in the data directory.
    pub fn database_url(&self) -> DatabaseUrl {
        self.database_url.clone().unwrap_or_else(|| {
            DatabaseUrl(format!(
                "sqlite://{}",
                self.data_dir.join("entente.db").display()
            ))
        })
    }
}

/// A database URL; its `Debug` and `Display` hide any password.
#[derive(Clone)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redact_password(&self.0))
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((userinfo, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

fn parse_database_url(s: &str) -> Result<DatabaseUrl, String> {
    let known = ["postgres://", "postgresql://", "sqlite://", "sqlite:"];
    if s.trim().is_empty() {
        return Err("DATABASE_URL / --database-url is empty".into());
    }
    if s.contains("://") && !known.iter().any(|scheme| s.starts_with(scheme)) {
        return Err(format!(
            "DATABASE_URL / --database-url must start with postgres://, postgresql:// or sqlite:// (got {})",
            redact_password(s)
        ));
    }
    Ok(DatabaseUrl(s.to_owned()))
}

/// The instance's public address, without a trailing `/`, so paths join onto it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    /// The address of `path` (which starts with `/`) on this instance.
    pub fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    /// The address itself, without a trailing `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An http(s) address with a host; no query or fragment, since paths are appended to it.
fn parse_public_url(s: &str) -> Result<PublicUrl, String> {
    let problem = |why: &str| {
        format!(
            "ENTENTE_PUBLIC_URL / --public-url {why}, such as https://entente.example.org (got {s:?})"
        )
    };
    let lower = s.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return Err(problem("must be an http:// or https:// address"));
    };
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() || host.starts_with(':') || host.contains('@') {
        return Err(problem("must name a host"));
    }
    if s.contains(|c: char| c.is_whitespace() || c.is_control() || c == '?' || c == '#') {
        return Err(problem(
            "must be an address without spaces, query or fragment",
        ));
    }
    Ok(PublicUrl(s.trim_end_matches('/').to_owned()))
}

fn parse_log_filter(s: &str) -> Result<String, String> {
    EnvFilter::try_new(s).map_err(|e| {
        format!("ENTENTE_LOG / --log is not a log filter ({e}); try `info` or `debug`")
    })?;
    Ok(s.to_owned())
}

pub fn parse_listen(s: &str) -> Result<SocketAddr, String> {
    s.parse()
        .map_err(|_| format!("ENTENTE_LISTEN / --listen must be an address and port such as 127.0.0.1:8080 (got {s:?})"))
}

pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    s.parse()
        .map_err(|_| format!("{s:?} is not a date in the form YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        let url = parse_database_url("postgres://entente:s3cret@db.example/entente").unwrap();
        assert_eq!(url.to_string(), "postgres://entente:***@db.example/entente");
        assert!(!format!("{url:?}").contains("s3cret"));
        assert_eq!(url.expose(), "postgres://entente:s3cret@db.example/entente");
    }

    #[test]
    fn wrong_values_name_the_setting() {
        assert!(
            parse_database_url("mysql://x")
                .unwrap_err()
                .contains("DATABASE_URL")
        );
        assert!(
            parse_listen("localhost")
                .unwrap_err()
                .contains("ENTENTE_LISTEN")
        );
        assert!(
            parse_log_filter("info,[")
                .unwrap_err()
                .contains("ENTENTE_LOG")
        );
        assert!(parse_listen("127.0.0.1:0").is_ok());
    }

    #[test]
    fn public_urls_are_web_addresses_that_paths_join_onto() {
        for bad in [
            "entente.example.org",
            "ftp://entente.example.org",
            "javascript:alert(1)",
            "https://",
            "https:///path",
            "https://:8080",
            "https://user@evil.example",
            "https://entente.example.org/?next=x",
            "https://entente.example.org/#top",
            "https://entente example.org",
        ] {
            let error = parse_public_url(bad).unwrap_err();
            assert!(error.contains("ENTENTE_PUBLIC_URL"), "{bad}: {error}");
        }
        let url = parse_public_url("https://entente.example.org/campaign/").unwrap();
        assert_eq!(
            url.join("/set-password/abc"),
            "https://entente.example.org/campaign/set-password/abc"
        );
        let local = parse_public_url("http://127.0.0.1:8080").unwrap();
        assert_eq!(local.join("/x"), "http://127.0.0.1:8080/x");
    }
}
