//! The state page's implementation section lists the consultations on the
//! state that the reader may see, latest first.

use entente_core::Iso3;

use super::kind_label;
use super::list::dates_text;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::pages::chrome::Chrome;
use crate::state::AppState;

/// One consultation of the state.
pub struct StateConsultation {
    pub href: String,
    pub title: String,
    pub kind: String,
    pub dates: String,
    pub demo: bool,
}

/// What `state_consultations.html` shows.
pub struct StateConsultations {
    pub rows: Vec<StateConsultation>,
    pub all_href: String,
    pub new_href: String,
}

/// The consultations on `iso3` the reader may see.
pub async fn state_consultations(
    app: &AppState,
    viewer: &Viewer,
    iso3: Iso3,
    chrome: &Chrome,
) -> Result<StateConsultations, AppError> {
    let scope = viewer.scope.clone();
    let found = app
        .read(move |store| store.state_consultations(&scope, iso3))
        .await?;
    let locale = chrome.locale;
    Ok(StateConsultations {
        rows: found
            .iter()
            .map(|c| {
                let d = &c.content;
                StateConsultation {
                    href: chrome.href(&format!("/consultations/{}", c.id)),
                    title: d.title.clone(),
                    kind: kind_label(d.kind, locale),
                    dates: dates_text(d.start, d.end, locale),
                    demo: d.demo,
                }
            })
            .collect(),
        all_href: chrome.href(&format!("/consultations?state={iso3}")),
        new_href: chrome.href(&format!("/consultations/new?state={iso3}")),
    })
}
