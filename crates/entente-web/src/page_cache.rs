//! Rendered answers for anonymous readers, kept in memory and served again
//! until something they show changes.
//!
//! Public pages and API answers are the same for every reader who is not
//! signed in: they depend on the address (path and query), the language
//! (`?lang=` or Accept-Language) and whether the client takes gzip. Such an
//! answer is kept, compressed as sent, and served again while the
//! database's change counter (raised by triggers on every audited write and
//! every change to the shipped dataset, whichever process wrote) and the
//! day (pages show what is overdue *today*) are those it was rendered
//! under. A request with a cookie, an `Authorization` header or a `token`
//! in its query is never answered from the cache nor stored in it: it may
//! see more than the public.
//!
//! How the counter is watched is a setting: read on every request (the
//! default of [`PageCacheSettings`], exact, used by the tests), or read by a
//! background task every `refresh` (the server's default), in which case a
//! write through this server is seen at once (the counter is read again
//! after every request that may write) and a write by another process
//! (another server, the command line) within `refresh`.
//!
//! Every kept answer carries a strong `ETag`, so a browser on a slow
//! connection that asks again with `If-None-Match` gets a 304 and no body.

use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use entente_store::Store;
use quick_cache::Weighter;
use quick_cache::sync::Cache;

use crate::locale::Locale;

/// Says whether an answer came from the cache (`hit`) or was rendered and
/// kept (`miss`); absent when the cache had no part in it.
pub const CACHE_HEADER: &str = "x-entente-cache";

/// Answers larger than this are served but not kept.
const LARGEST_KEPT: usize = 4 * 1024 * 1024;

/// How the cache is sized and how it learns of changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageCacheSettings {
    /// The most bytes of answers kept; 0 turns the cache off.
    pub capacity_bytes: u64,
    /// `None`: the change counter is read on every request. `Some(d)`: a
    /// background task reads it every `d`, and after every request that
    /// may write.
    pub refresh: Option<Duration>,
}

impl Default for PageCacheSettings {
    fn default() -> Self {
        PageCacheSettings {
            capacity_bytes: 64 * 1024 * 1024,
            refresh: None,
        }
    }
}

/// What an answer was rendered under: while both are unchanged it is still true.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    changes: i64,
    day: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    path_and_query: String,
    locale: Locale,
    gzip: bool,
}

/// A kept answer: status 200, its headers (content type and encoding
/// included) and its body as sent.
#[derive(Debug)]
struct Kept {
    stamp: Stamp,
    headers: HeaderMap,
    body: Bytes,
    etag: HeaderValue,
}

#[derive(Debug, Clone, Copy)]
struct ByBytes;

impl Weighter<Key, Arc<Kept>> for ByBytes {
    fn weight(&self, key: &Key, kept: &Arc<Kept>) -> u64 {
        let headers: usize = kept
            .headers
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len())
            .sum();
        (key.path_and_query.len() + headers + kept.body.len() + 64) as u64
    }
}

/// The cache shared by every handler of one server.
pub struct PageCache {
    entries: Option<Cache<Key, Arc<Kept>, ByBytes>>,
    settings: PageCacheSettings,
    /// The counter as last read (background mode only).
    changes: AtomicI64,
    store: Store,
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageCache")
            .field("settings", &self.settings)
            .field("changes", &self.changes)
            .finish_non_exhaustive()
    }
}

impl PageCache {
    /// A cache over `store`'s change counter. In background mode the task
    /// that reads the counter is started on the current Tokio runtime and
    /// stops when the cache is dropped; outside a runtime the counter is
    /// read on every request instead.
    pub fn new(store: Store, mut settings: PageCacheSettings) -> Arc<PageCache> {
        let runtime = tokio::runtime::Handle::try_current().ok();
        if runtime.is_none() {
            settings.refresh = None;
        }
        let entries = (settings.capacity_bytes > 0).then(|| {
            // About 20 KB an answer, to size the table; the weight bounds it.
            let items = (settings.capacity_bytes / 20_000).max(16) as usize;
            Cache::with_weighter(items, settings.capacity_bytes, ByBytes)
        });
        let cache = Arc::new(PageCache {
            entries,
            settings,
            changes: AtomicI64::new(i64::MIN),
            store,
        });
        if let (Some(every), Some(runtime), Some(_)) =
            (settings.refresh, runtime, cache.entries.as_ref())
        {
            runtime.spawn(watch(Arc::downgrade(&cache), every));
        }
        cache
    }

    /// The counter now, from the database or as the watcher last read it.
    async fn stamp(&self) -> Option<Stamp> {
        let changes = match self.settings.refresh {
            None => self.read_changes().await?,
            Some(_) => match self.changes.load(Ordering::Acquire) {
                i64::MIN => self.refresh().await?,
                changes => changes,
            },
        };
        Some(Stamp {
            changes,
            day: Utc::now().date_naive(),
        })
    }

    async fn read_changes(&self) -> Option<i64> {
        let store = self.store.clone();
        match tokio::task::spawn_blocking(move || store.change_count()).await {
            Ok(Ok(changes)) => Some(changes),
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "the change counter could not be read; answers are rendered afresh");
                None
            }
            Err(e) => {
                tracing::warn!(error = %e, "reading the change counter failed");
                None
            }
        }
    }

    /// Reads the counter and remembers it (background mode).
    async fn refresh(&self) -> Option<i64> {
        let changes = self.read_changes().await?;
        self.changes.store(changes, Ordering::Release);
        Some(changes)
    }
}

/// Reads the counter every `every` while the cache lives.
async fn watch(cache: Weak<PageCache>, every: Duration) {
    loop {
        tokio::time::sleep(every).await;
        let Some(cache) = cache.upgrade() else { return };
        cache.refresh().await;
    }
}

/// The middleware: answers from the cache when it can, keeps what it may.
pub async fn serve(State(cache): State<Arc<PageCache>>, request: Request, next: Next) -> Response {
    let Some(entries) = cache.entries.as_ref() else {
        return next.run(request).await;
    };
    let Some(key) = key_for(&request) else {
        let may_write = !matches!(*request.method(), Method::GET | Method::HEAD);
        let response = next.run(request).await;
        if may_write && cache.settings.refresh.is_some() {
            cache.refresh().await;
        }
        return response;
    };
    let Some(stamp) = cache.stamp().await else {
        return next.run(request).await;
    };
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    if let Some(kept) = entries.get(&key).filter(|kept| kept.stamp == stamp) {
        return answer(&kept, if_none_match.as_ref(), "hit");
    }
    let response = next.run(request).await;
    if !keepable(&response, key.gzip) {
        return response;
    }
    // An answer known to be too large to keep (an export) goes out as it
    // is, rather than being copied into memory only to be thrown away.
    let too_large = axum::body::HttpBody::size_hint(response.body()).lower() > LARGEST_KEPT as u64;
    if too_large {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        Err(e) => {
            tracing::warn!(error = %e, "an answer's body could not be read");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let kept = Arc::new(Kept {
        stamp,
        etag: etag(&body, key.gzip),
        headers: parts.headers,
        body,
    });
    if kept.body.len() <= LARGEST_KEPT {
        entries.insert(key, Arc::clone(&kept));
    }
    answer(&kept, if_none_match.as_ref(), "miss")
}

/// The key of a request the cache may answer, or `None`.
fn key_for(request: &Request) -> Option<Key> {
    if request.method() != Method::GET {
        return None;
    }
    let headers = request.headers();
    if headers.contains_key(header::COOKIE) || headers.contains_key(header::AUTHORIZATION) {
        return None;
    }
    let query = request.uri().query();
    if query.is_some_and(|q| form_urlencoded::parse(q.as_bytes()).any(|(k, _)| k == "token")) {
        return None;
    }
    let path_and_query = request.uri().path_and_query().map_or_else(
        || request.uri().path().to_owned(),
        |pq| pq.as_str().to_owned(),
    );
    Some(Key {
        path_and_query,
        locale: Locale::negotiate(query, headers),
        gzip: accepts_gzip(headers),
    })
}

/// Whether Accept-Encoding names gzip (or `*`) with a quality above zero.
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// Only a complete, successful answer that sets no cookie is kept, and an
/// answer for a client that takes no gzip only when it is not compressed.
fn keepable(response: &Response, gzip: bool) -> bool {
    let headers = response.headers();
    response.status() == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && (gzip || !headers.contains_key(header::CONTENT_ENCODING))
        && headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok())
            .is_none_or(|v| !v.contains("no-store") && !v.contains("private"))
}

fn etag(body: &Bytes, gzip: bool) -> HeaderValue {
    let mut hasher = std::hash::DefaultHasher::new();
    body.hash(&mut hasher);
    let suffix = if gzip { "-gz" } else { "" };
    HeaderValue::from_str(&format!("\"{:016x}{suffix}\"", hasher.finish()))
        .expect("hex digits are a valid header value")
}

fn answer(kept: &Kept, if_none_match: Option<&HeaderValue>, how: &'static str) -> Response {
    let matches = if_none_match
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| {
            let ours = kept.etag.to_str().unwrap_or("");
            tags.split(',').any(|tag| {
                let tag = tag.trim();
                tag == "*" || tag.trim_start_matches("W/") == ours
            })
        });
    let mut response = if matches {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        for name in [
            header::VARY,
            header::CACHE_CONTROL,
            header::CONTENT_LOCATION,
        ] {
            if let Some(value) = kept.headers.get(&name) {
                response.headers_mut().insert(name, value.clone());
            }
        }
        response
    } else {
        let mut response = Response::new(Body::from(kept.body.clone()));
        *response.headers_mut() = kept.headers.clone();
        response
    };
    let headers = response.headers_mut();
    headers.insert(header::ETAG, kept.etag.clone());
    headers.insert(CACHE_HEADER, HeaderValue::from_static(how));
    response
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderMap, HeaderValue, header};

    use super::accepts_gzip;

    fn with(encoding: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(encoding).unwrap(),
        );
        headers
    }

    #[test]
    fn gzip_is_taken_when_named_or_starred_with_a_quality_above_zero() {
        assert!(accepts_gzip(&with("gzip, deflate, br")));
        assert!(accepts_gzip(&with("br;q=1.0, GZIP;q=0.5")));
        assert!(accepts_gzip(&with("*")));
        assert!(!accepts_gzip(&with("gzip;q=0")));
        assert!(!accepts_gzip(&with("br, deflate")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }
}
