//! The state page's section on recommendations: the open ones the reader
//! may see (neither implemented nor refused), newest first, with a link to
//! all of them.

use entente_core::Iso3;

use super::list::{excerpt, source_label};
use super::{body_label, status_label};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::pages::chrome::Chrome;
use crate::state::AppState;

/// How many open recommendations the state page lists.
const SHOWN: usize = 10;

/// One open recommendation.
pub struct OpenRow {
    pub href: String,
    pub body: String,
    pub source: String,
    pub excerpt: String,
    pub status_code: &'static str,
    pub status: String,
    pub demo: bool,
}

/// What `state_recommendations.html` shows.
pub struct StateRecommendations {
    pub rows: Vec<OpenRow>,
    /// "3 open recommendations", counting those not listed.
    pub count: String,
    pub all_href: String,
}

/// The open recommendations on `iso3` the reader may see.
pub async fn state_recommendations(
    app: &AppState,
    viewer: &Viewer,
    iso3: Iso3,
    chrome: &Chrome,
) -> Result<StateRecommendations, AppError> {
    let scope = viewer.scope.clone();
    let open = app
        .read(move |store| store.open_recommendations(&scope, iso3))
        .await?;
    let locale = chrome.locale;
    Ok(StateRecommendations {
        count: locale.count("state-recs-count", open.len()),
        rows: open
            .iter()
            .take(SHOWN)
            .map(|r| {
                let c = &r.content;
                OpenRow {
                    href: chrome.href(&format!("/recommendations/{}", r.id)),
                    body: body_label(c.body, locale),
                    source: source_label(
                        &c.document_symbol,
                        &c.document_title,
                        c.document_date,
                        locale,
                    ),
                    excerpt: excerpt(&c.text),
                    status_code: r.status.code(),
                    status: status_label(r.status, locale),
                    demo: c.demo,
                }
            })
            .collect(),
        all_href: chrome.href(&format!("/recommendations?state={iso3}")),
    })
}
