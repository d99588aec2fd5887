//! `GET /recommendations/{id}`: one recommendation, its source, its
//! follow-up timeline, the actions that push it and the related ones, with
//! the forms that record a follow-up event and link an action or a related
//! recommendation for those who may. Reads of a non-public recommendation
//! from outside its owner are logged for the owner's admins.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use entente_core::access::{AccessScope, can_write};
use entente_core::plan::FieldError;
use entente_core::recommendation::{FollowUpKind, FollowUpStatus};
use entente_store::{
    ActionFilter, FollowUp, PushingAction, Recommendation, RecommendationFilter, StoreError,
};

use super::list::source_label;
use super::{
    Problems, body_label, kind_label, missing, offers, recommendation_id, status_label, theme_label,
};
use crate::auth::{Viewer, audit_outside_read};
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::actions::{session_csrf, writes_for};
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::{frame, render};
use crate::state::AppState;
use crate::views::actions::{Lookups, org_label};

/// A labelled value.
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// One follow-up event of the timeline.
pub struct Step {
    pub id: i64,
    pub date: String,
    pub kind: String,
    pub status_code: &'static str,
    pub status: String,
    pub note: String,
    pub by: String,
    pub may_delete: bool,
}

/// A linked record: a name, a link, a status.
pub struct Linked {
    pub id: i64,
    pub name: String,
    pub href: String,
    pub status: String,
}

/// The values of the follow-up form, kept when it is refused.
#[derive(Default, Clone)]
pub struct FollowUpValues {
    pub date: String,
    pub kind: String,
    pub status: String,
    pub note: String,
    pub recorded_by: String,
}

/// Which form of the page a refusal belongs to.
pub enum Refused {
    FollowUp(FollowUpValues, Vec<FieldError>),
    Action(Vec<FieldError>),
    Related(Vec<FieldError>),
}

#[derive(Template)]
#[template(path = "recommendation.html")]
pub struct RecommendationSheet {
    pub chrome: Chrome,
    pub id: i64,
    pub heading: String,
    pub text: String,
    pub status_code: &'static str,
    pub status: String,
    pub demo: bool,
    pub facts: Vec<Fact>,
    pub source_url: Option<String>,
    pub timeline: Vec<Step>,
    pub actions: Vec<Linked>,
    pub related: Vec<Linked>,
    pub may_write: bool,
    pub csrf: String,
    /// The organisations the reader may record a follow-up for.
    pub recorders: Vec<(String, String)>,
    pub kinds: Vec<(String, String)>,
    pub statuses: Vec<(String, String)>,
    pub follow_up: FollowUpValues,
    pub follow_up_problems: Problems,
    /// Actions on the state the reader may link.
    pub linkable_actions: Vec<(String, String)>,
    pub action_problems: Problems,
    /// Recommendations on the state the reader may relate.
    pub relatable: Vec<(String, String)>,
    pub related_problems: Problems,
}

/// Everything the page shows, read in one go.
struct Read {
    recommendation: Recommendation,
    follow_ups: Vec<FollowUp>,
    actions: Vec<PushingAction>,
    related: Vec<Recommendation>,
    lookups: Lookups,
    linkable: Vec<(i64, String)>,
    relatable: Vec<Recommendation>,
}

/// `GET /recommendations/{id}`
pub async fn show_recommendation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    sheet_response(&app, &request, &viewer, &raw, None).await
}

/// The page, with a refused form's problems and values when there are.
pub async fn sheet_response(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    raw: &str,
    refused: Option<Refused>,
) -> Result<Response, AppError> {
    let id = recommendation_id(raw)?;
    let scope = viewer.scope.clone();
    let found = app
        .read(move |store| {
            let Some(recommendation) = store.recommendation(&scope, id)? else {
                return Ok::<_, StoreError>(None);
            };
            let c = &recommendation.content;
            audit_outside_read(store, &scope, c.owner, c.visibility, "recommendation", id.0)?;
            let on_state = ActionFilter {
                states: vec![c.state],
                ..ActionFilter::default()
            };
            let linkable = store
                .list_actions(&scope, &on_state, entente_store::PageRequest::default())?
                .actions
                .into_iter()
                .map(|a| (a.id.0, a.content.title))
                .collect();
            let same_state = RecommendationFilter {
                states: vec![c.state],
                ..RecommendationFilter::default()
            };
            let relatable = store
                .list_recommendations(&scope, &same_state, entente_store::PageRequest::default())?
                .recommendations;
            Ok(Some(Read {
                follow_ups: store.follow_ups(&scope, id)?,
                actions: store.pushing_actions(&scope, id)?,
                related: store.related_recommendations(&scope, id)?,
                lookups: Lookups::load(store, &scope)?,
                linkable,
                relatable,
                recommendation,
            }))
        })
        .await?;
    let Some(read) = found else {
        return Err(missing(raw));
    };
    let heading = heading(&read.recommendation, request.locale);
    let chrome = frame(app, request, heading.clone(), "recommendations").await?;
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = sheet(chrome, viewer, read, heading, refused);
    Ok((status, render(&page)?).into_response())
}

/// "SPT — CAT/OP/TUR/1, ¶ 57": who, where, which paragraph.
pub fn heading(recommendation: &Recommendation, locale: Locale) -> String {
    let c = &recommendation.content;
    let source = if c.document_symbol.is_empty() {
        &c.document_title
    } else {
        &c.document_symbol
    };
    let mut text = format!("{} — {source}", body_label(c.body, locale));
    if !c.paragraph.is_empty() {
        text.push_str(&format!(", § {}", c.paragraph));
    }
    text
}

fn sheet(
    chrome: Chrome,
    viewer: &Viewer,
    read: Read,
    heading: String,
    refused: Option<Refused>,
) -> RecommendationSheet {
    let locale = chrome.locale;
    let scope = &viewer.scope;
    let r = &read.recommendation;
    let c = &r.content;
    let lookups = &read.lookups;
    let may_write = can_write(scope, &c.access());
    let none = || locale.t("action-none-given");
    let fact = |key: &str, value: String| Fact {
        label: locale.t(key),
        value,
    };
    let mut tags: Vec<String> = c.themes.iter().map(|t| theme_label(*t, locale)).collect();
    tags.extend(c.tags.iter().cloned());
    let facts = vec![
        fact("rec-field-state", lookups.state_name(c.state, locale)),
        fact("rec-field-body", body_label(c.body, locale)),
        fact(
            "rec-field-source",
            source_label(
                &c.document_symbol,
                &c.document_title,
                c.document_date,
                locale,
            ),
        ),
        fact(
            "rec-field-addressed_to",
            if c.addressed_to.is_empty() {
                none()
            } else {
                c.addressed_to.clone()
            },
        ),
        fact(
            "rec-field-themes",
            if tags.is_empty() {
                none()
            } else {
                tags.join(", ")
            },
        ),
        fact("rec-field-owner", org_label(lookups, c.owner, locale)),
        fact(
            "rec-field-visibility",
            locale.t(&format!("action-visibility-{}", c.visibility.code())),
        ),
    ];
    let timeline = read
        .follow_ups
        .iter()
        .rev()
        .map(|f| Step {
            id: f.id,
            date: locale.date(f.event.date),
            kind: kind_label(f.event.kind, locale),
            status_code: f.event.status.code(),
            status: status_label(f.event.status, locale),
            note: f.event.note.clone(),
            by: f
                .recorded_by_org
                .map(|o| org_label(lookups, o, locale))
                .unwrap_or_default(),
            may_delete: may_write || f.recorded_by_org.is_some_and(|o| writes_for(scope, o)),
        })
        .collect();
    let action_link = |a: &PushingAction| Linked {
        id: a.id.0,
        name: a.title.clone(),
        href: chrome.href(&format!("/actions/{}", a.id)),
        status: locale.t(&format!(
            "action-status-{}",
            a.status.code().replace('_', "-")
        )),
    };
    let rec_link = |other: &Recommendation| Linked {
        id: other.id.0,
        name: heading_of(other, locale),
        href: chrome.href(&format!("/recommendations/{}", other.id)),
        status: status_label(other.status, locale),
    };
    let (follow_up, follow_up_problems, action_problems, related_problems) = match refused {
        Some(Refused::FollowUp(values, errors)) => (
            values,
            Problems::new(&errors, locale),
            Problems::default(),
            Problems::default(),
        ),
        Some(Refused::Action(errors)) => (
            FollowUpValues::default(),
            Problems::default(),
            Problems::new(&errors, locale),
            Problems::default(),
        ),
        Some(Refused::Related(errors)) => (
            FollowUpValues::default(),
            Problems::default(),
            Problems::default(),
            Problems::new(&errors, locale),
        ),
        None => (
            FollowUpValues::default(),
            Problems::default(),
            Problems::default(),
            Problems::default(),
        ),
    };
    let linked: Vec<i64> = read.actions.iter().map(|a| a.id.0).collect();
    let related_ids: Vec<i64> = read.related.iter().map(|o| o.id.0).collect();
    RecommendationSheet {
        id: r.id.0,
        heading,
        text: c.text.clone(),
        status_code: r.status.code(),
        status: status_label(r.status, locale),
        demo: c.demo,
        facts,
        source_url: c.document_url.clone(),
        timeline,
        actions: read.actions.iter().map(action_link).collect(),
        related: read.related.iter().map(rec_link).collect(),
        may_write,
        csrf: session_csrf(viewer),
        recorders: recorders(scope, lookups),
        kinds: offers(FollowUpKind::ALL, FollowUpKind::code, |k| {
            kind_label(k, locale)
        }),
        statuses: offers(FollowUpStatus::ALL, FollowUpStatus::code, |s| {
            status_label(s, locale)
        }),
        follow_up,
        follow_up_problems,
        linkable_actions: read
            .linkable
            .into_iter()
            .filter(|(id, _)| !linked.contains(id))
            .map(|(id, title)| (id.to_string(), title))
            .collect(),
        action_problems,
        relatable: read
            .relatable
            .iter()
            .filter(|o| o.id != r.id && !related_ids.contains(&o.id.0))
            .map(|o| (o.id.0.to_string(), heading_of(o, locale)))
            .collect(),
        related_problems,
        chrome,
    }
}

fn heading_of(recommendation: &Recommendation, locale: Locale) -> String {
    let excerpt = super::list::excerpt(&recommendation.content.text);
    format!("{} — {excerpt}", heading(recommendation, locale))
}

/// The organisations the reader edits for, by name.
pub fn recorders(scope: &AccessScope, lookups: &Lookups) -> Vec<(String, String)> {
    lookups
        .orgs
        .iter()
        .filter(|o| writes_for(scope, o.id))
        .map(|o| (o.short_name.clone(), o.name.clone()))
        .collect()
}
