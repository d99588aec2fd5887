//! The one stylesheet, compiled into the binary and cached for a year:
//! pages link it with a content hash, so a new build is fetched at once.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::LazyLock;

use axum::http::header;
use axum::response::IntoResponse;

const CSS: &str = include_str!("../../static/entente.css");

static VERSION: LazyLock<String> = LazyLock::new(|| {
    let mut hasher = DefaultHasher::new();
    CSS.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
});

pub fn css_version() -> &'static str {
    &VERSION
}

/// `GET /static/entente.css`
pub async fn show_stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        CSS,
    )
}
