//! Reading the request's cookies and writing `Set-Cookie` headers with the
//! attributes every Entente cookie carries: HttpOnly, SameSite=Lax, Path=/,
//! and Secure when the request came over TLS or the server says so.

use axum::http::{HeaderMap, HeaderValue, header};
use chrono::TimeDelta;

use crate::state::AppState;

/// The value of the cookie `name`, if the request carries it.
pub fn read<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|line| line.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim_matches('"'))
        .filter(|value| !value.is_empty())
}

/// Whether the request reached the proxy in front of us over TLS.
pub fn over_tls(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
}

/// Whether cookies set in answer to this request must be `Secure`.
pub fn secure(app: &AppState, headers: &HeaderMap) -> bool {
    app.secure_cookies() || over_tls(headers)
}

/// A `Set-Cookie` value that sets `name` for `max_age`.
pub fn set(name: &str, value: &str, max_age: TimeDelta, secure: bool) -> HeaderValue {
    cookie_line(name, value, max_age.num_seconds(), secure)
}

/// A `Set-Cookie` value that removes `name`.
pub fn clear(name: &str, secure: bool) -> HeaderValue {
    cookie_line(name, "", 0, secure)
}

fn cookie_line(name: &str, value: &str, max_age: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let line = format!("{name}={value}; Max-Age={max_age}; Path=/; HttpOnly; SameSite=Lax{secure}");
    // Names are ours and values are URL-safe base64: always a valid header.
    HeaderValue::from_str(&line).expect("cookie names and values are visible ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; entente_session=xyz; b=2"),
        );
        assert_eq!(read(&headers, "entente_session"), Some("xyz"));
        assert_eq!(read(&headers, "entente"), None);
        assert_eq!(read(&headers, "b"), Some("2"));
    }

    #[test]
    fn cookies_are_http_only_and_same_site() {
        let line = set("s", "v", TimeDelta::hours(1), false);
        assert_eq!(line, "s=v; Max-Age=3600; Path=/; HttpOnly; SameSite=Lax");
        assert!(
            set("s", "v", TimeDelta::hours(1), true)
                .to_str()
                .unwrap()
                .ends_with("; Secure")
        );
        assert!(
            clear("s", false)
                .to_str()
                .unwrap()
                .starts_with("s=; Max-Age=0")
        );
    }

    #[test]
    fn tls_is_read_from_the_proxy_header() {
        let mut headers = HeaderMap::new();
        assert!(!over_tls(&headers));
        headers.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        assert!(over_tls(&headers));
    }
}
