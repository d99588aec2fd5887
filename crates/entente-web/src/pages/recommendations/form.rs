//! The recommendation form: `GET /recommendations/new` and
//! `POST /recommendations` create one, `GET/POST /recommendations/{id}/edit`
//! change one, `GET/POST /recommendations/{id}/delete` delete one. Editors
//! and admins of an organisation record its recommendations; a refused form
//! comes back with every value kept, a summary of the problems at the top
//! and each message beside its field. Dates are typed day first in French
//! and Spanish (12/03/2026) or as 2026-03-12.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use entente_core::access::{AllianceId, Visibility};
use entente_core::plan::FieldError;
use entente_core::recommendation::{
    Body, RecommendationDraft, RecommendationId, Theme, split_tags,
};
use entente_store::{Recommendation, StoreError};

use super::show::heading;
use super::{Problems, body_label, missing, offers, recommendation_id, theme_label};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::actions::{parse_day, session_csrf, writes_for};
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::confirm::{DeleteQuestion, confirm_delete};
use crate::pages::orgs::checked_session;
use crate::pages::signin::CsrfForm;
use crate::pages::{frame, render};
use crate::state::AppState;
use crate::views::actions::Lookups;

/// The form's values as typed.
#[derive(Debug, Clone, Default)]
pub struct RecommendationForm {
    pub csrf: String,
    pub state: String,
    pub body: String,
    pub document_symbol: String,
    pub document_title: String,
    pub document_url: String,
    pub document_date: String,
    pub addressed_to: String,
    pub paragraph: String,
    pub text: String,
    pub themes: Vec<String>,
    pub tags: String,
    pub owner: String,
    pub visibility: String,
    pub shared_with: Vec<String>,
}

impl RecommendationForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut form = RecommendationForm::default();
        for (name, value) in pairs {
            let slot = match name.as_str() {
                "csrf" => &mut form.csrf,
                "state" => &mut form.state,
                "body" => &mut form.body,
                "document_symbol" => &mut form.document_symbol,
                "document_title" => &mut form.document_title,
                "document_url" => &mut form.document_url,
                "document_date" => &mut form.document_date,
                "addressed_to" => &mut form.addressed_to,
                "paragraph" => &mut form.paragraph,
                "text" => &mut form.text,
                "tags" => &mut form.tags,
                "owner" => &mut form.owner,
                "visibility" => &mut form.visibility,
                "themes" => {
                    form.themes.push(value);
                    continue;
                }
                "shared_with" => {
                    form.shared_with.push(value);
                    continue;
                }
                _ => continue,
            };
            *slot = value;
        }
        form
    }

    fn of(content: &RecommendationDraft, lookups: &Lookups, locale: Locale) -> Self {
        let format = match locale {
            Locale::En => "%Y-%m-%d",
            Locale::Fr | Locale::Es => "%d/%m/%Y",
        };
        RecommendationForm {
            csrf: String::new(),
            state: content.state.to_string(),
            body: content.body.code().to_owned(),
            document_symbol: content.document_symbol.clone(),
            document_title: content.document_title.clone(),
            document_url: content.document_url.clone().unwrap_or_default(),
            document_date: content
                .document_date
                .map(|d| d.format(format).to_string())
                .unwrap_or_default(),
            addressed_to: content.addressed_to.clone(),
            paragraph: content.paragraph.clone(),
            text: content.text.clone(),
            themes: content.themes.iter().map(|t| t.code().to_owned()).collect(),
            tags: content.tags.join(", "),
            owner: lookups
                .org(content.owner)
                .map(|o| o.short_name.clone())
                .unwrap_or_default(),
            visibility: content.visibility.code().to_owned(),
            shared_with: content
                .shared_with
                .iter()
                .map(|a| a.0.to_string())
                .collect(),
        }
    }

    pub fn has_theme(&self, code: &str) -> bool {
        self.themes.iter().any(|t| t == code)
    }

    pub fn shares_with(&self, id: &str) -> bool {
        self.shared_with.iter().any(|a| a == id)
    }

    /// The draft the values make, or every value that cannot be read.
    fn to_draft(
        &self,
        lookups: &Lookups,
        demo: bool,
    ) -> Result<RecommendationDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let state = self
            .state
            .trim()
            .parse()
            .map_err(|_| FieldError::new("state", "required", "choose a state"));
        let body = self
            .body
            .parse::<Body>()
            .map_err(|_| FieldError::new("body", "required", "choose the recommending body"));
        let document_date = if self.document_date.trim().is_empty() {
            Ok(None)
        } else {
            parse_day(&self.document_date).map(Some).ok_or_else(|| {
                FieldError::new(
                    "document_date",
                    "not_a_date",
                    format!("{:?} is not a day", self.document_date),
                )
            })
        };
        let mut themes = Vec::new();
        for code in &self.themes {
            match code.parse::<Theme>() {
                Ok(theme) => themes.push(theme),
                Err(e) => errors.push(FieldError::new("themes", "unknown_theme", e.to_string())),
            }
        }
        let owner = lookups
            .org_by_short(self.owner.trim())
            .map(|o| o.id)
            .ok_or_else(|| {
                FieldError::new("owner", "not_editor", "choose an organisation you edit for")
            });
        let visibility = self
            .visibility
            .parse::<Visibility>()
            .map_err(|_| FieldError::new("visibility", "required", "choose who may see it"));
        let shared_with: Vec<AllianceId> = if visibility == Ok(Visibility::Alliance) {
            self.shared_with
                .iter()
                .filter_map(|a| a.parse().ok().map(AllianceId))
                .collect()
        } else {
            Vec::new()
        };
        match (state, body, document_date, owner, visibility) {
            (Ok(state), Ok(body), Ok(document_date), Ok(owner), Ok(visibility))
                if errors.is_empty() =>
            {
                let url = self.document_url.trim();
                let draft = RecommendationDraft {
                    state,
                    body,
                    document_symbol: self.document_symbol.trim().to_owned(),
                    document_title: self.document_title.trim().to_owned(),
                    document_url: (!url.is_empty()).then(|| url.to_owned()),
                    document_date,
                    addressed_to: self.addressed_to.trim().to_owned(),
                    paragraph: self.paragraph.trim().to_owned(),
                    text: self.text.trim().to_owned(),
                    themes,
                    tags: split_tags(&self.tags),
                    owner,
                    visibility,
                    shared_with,
                    demo,
                };
                draft.validate().map(|()| draft)
            }
            (state, body, date, owner, visibility) => {
                let mut all: Vec<FieldError> = [
                    state.err(),
                    body.err(),
                    date.err(),
                    owner.err(),
                    visibility.err(),
                ]
                .into_iter()
                .flatten()
                .collect();
                all.extend(errors);
                Err(all)
            }
        }
    }
}

#[derive(Template)]
#[template(path = "recommendation_form.html")]
pub struct RecommendationFormPage {
    pub chrome: Chrome,
    pub heading: String,
    pub target: String,
    pub submit: String,
    pub cancel_href: String,
    pub csrf: String,
    pub form: RecommendationForm,
    pub problems: Problems,
    pub states: Vec<(String, String)>,
    pub bodies: Vec<(String, String)>,
    pub themes: Vec<(String, String)>,
    pub owners: Vec<(String, String)>,
    pub visibilities: Vec<(String, String)>,
    pub alliances: Vec<(String, String)>,
}

enum Subject {
    New,
    Existing {
        id: RecommendationId,
        heading: String,
    },
}

/// `GET /recommendations/new`
pub async fn show_new_recommendation(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let lookups = writer_lookups(&app, &viewer).await?;
    let form = RecommendationForm {
        owner: lookups
            .orgs
            .iter()
            .find(|o| writes_for(&viewer.scope, o.id))
            .map(|o| o.short_name.clone())
            .unwrap_or_default(),
        state: request.params.get("state").unwrap_or_default().to_owned(),
        // Confidential unless published: SPT reports are.
        visibility: Visibility::Private.code().to_owned(),
        ..RecommendationForm::default()
    };
    let page = form_page(&app, &request, &viewer, &lookups, Subject::New, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /recommendations`
pub async fn create_recommendation(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let form = checked_form(&viewer, body)?;
    let lookups = writer_lookups(&app, &viewer).await?;
    let errors = match form.to_draft(&lookups, false) {
        Err(errors) => errors,
        Ok(draft) => {
            let scope = viewer.scope.clone();
            let created = app
                .read(move |store| Ok::<_, StoreError>(store.create_recommendation(&scope, &draft)))
                .await?;
            match created {
                Ok(id) => return Ok(to_page(&request, id)),
                Err(e) => refused_fields(e)?,
            }
        }
    };
    let page = form_page(
        &app,
        &request,
        &viewer,
        &lookups,
        Subject::New,
        form,
        &errors,
    )
    .await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// `GET /recommendations/{id}/edit`
pub async fn show_edit_recommendation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (recommendation, lookups) = writable(&app, &viewer, &raw).await?;
    let form = RecommendationForm::of(&recommendation.content, &lookups, request.locale);
    let subject = Subject::Existing {
        id: recommendation.id,
        heading: heading(&recommendation, request.locale),
    };
    let page = form_page(&app, &request, &viewer, &lookups, subject, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /recommendations/{id}/edit`
pub async fn update_recommendation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let form = checked_form(&viewer, body)?;
    let (recommendation, lookups) = writable(&app, &viewer, &raw).await?;
    let errors = match form.to_draft(&lookups, recommendation.content.demo) {
        Err(errors) => errors,
        Ok(draft) => {
            let (scope, id) = (viewer.scope.clone(), recommendation.id);
            let updated = app
                .read(move |store| {
                    Ok::<_, StoreError>(store.update_recommendation(&scope, id, &draft))
                })
                .await?;
            match updated {
                Ok(()) => return Ok(to_page(&request, id)),
                Err(e) => refused_fields(e)?,
            }
        }
    };
    let subject = Subject::Existing {
        id: recommendation.id,
        heading: heading(&recommendation, request.locale),
    };
    let page = form_page(&app, &request, &viewer, &lookups, subject, form, &errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// `GET /recommendations/{id}/delete`
pub async fn show_delete_recommendation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (recommendation, _) = writable(&app, &viewer, &raw).await?;
    let locale = request.locale;
    let question = DeleteQuestion {
        heading: locale.t_args(
            "rec-delete-title",
            &[("name", heading(&recommendation, locale).into())],
        ),
        explain: "rec-delete-explain",
        confirm: "rec-delete-confirm",
        target: format!("/recommendations/{}/delete", recommendation.id),
        back: format!("/recommendations/{}", recommendation.id),
        section: "recommendations",
    };
    confirm_delete(&app, &request, &viewer, question).await
}

/// `POST /recommendations/{id}/delete`
pub async fn delete_recommendation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    checked_session(&viewer, &form.csrf)?;
    let (recommendation, _) = writable(&app, &viewer, &raw).await?;
    let (scope, id) = (viewer.scope.clone(), recommendation.id);
    app.read(move |store| Ok::<_, StoreError>(store.delete_recommendation(&scope, id)))
        .await?
        .map_err(|e| AppError::refused(e, missing(&raw)))?;
    let lang = request.locale.code();
    Ok(Redirect::to(&format!("/recommendations?lang={lang}")).into_response())
}

fn checked_form(
    viewer: &Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<RecommendationForm, AppError> {
    let Ok(Form(pairs)) = body else {
        return Err(AppError::CsrfRejected);
    };
    let form = RecommendationForm::from_pairs(pairs);
    checked_session(viewer, &form.csrf)?;
    Ok(form)
}

fn refused_fields(error: StoreError) -> Result<Vec<FieldError>, AppError> {
    match error {
        StoreError::Fields { errors } => Ok(errors),
        StoreError::NotFound { .. } | StoreError::Forbidden { .. } => Ok(vec![FieldError::new(
            "owner",
            "not_editor",
            "choose an organisation you edit for",
        )]),
        other => Err(AppError::internal(other)),
    }
}

fn to_page(request: &PageRequest, id: RecommendationId) -> Response {
    let lang = request.locale.code();
    Redirect::to(&format!("/recommendations/{id}?lang={lang}")).into_response()
}

async fn writer_lookups(app: &AppState, viewer: &Viewer) -> Result<Lookups, AppError> {
    if viewer.session().is_none() {
        return Err(AppError::Unauthenticated);
    }
    let scope = viewer.scope.clone();
    let lookups = app.read(move |store| Lookups::load(store, &scope)).await?;
    if !lookups.orgs.iter().any(|o| writes_for(&viewer.scope, o.id)) {
        return Err(AppError::Forbidden(
            "recording recommendations needs an editor or admin role in an organisation".to_owned(),
        ));
    }
    Ok(lookups)
}

/// The recommendation, if the reader sees it (else a missing page) and may
/// change it (else forbidden), with the form's names.
async fn writable(
    app: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<(Recommendation, Lookups), AppError> {
    if viewer.session().is_none() {
        return Err(AppError::Unauthenticated);
    }
    let id = recommendation_id(raw)?;
    let scope = viewer.scope.clone();
    let found = app
        .read(move |store| match store.recommendation(&scope, id)? {
            Some(r) => Ok::<_, StoreError>(Some((r, Lookups::load(store, &scope)?))),
            None => Ok(None),
        })
        .await?;
    let Some((recommendation, lookups)) = found else {
        return Err(missing(raw));
    };
    if !writes_for(&viewer.scope, recommendation.content.owner) {
        return Err(AppError::Forbidden(format!(
            "only editors of its owner may change recommendation {id}"
        )));
    }
    Ok((recommendation, lookups))
}

async fn form_page(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    lookups: &Lookups,
    subject: Subject,
    form: RecommendationForm,
    errors: &[FieldError],
) -> Result<RecommendationFormPage, AppError> {
    let locale = request.locale;
    let (heading, target, submit, cancel) = match &subject {
        Subject::New => (
            locale.t("rec-new-title"),
            "/recommendations".to_owned(),
            locale.t("rec-form-create"),
            "/recommendations".to_owned(),
        ),
        Subject::Existing { id, heading } => (
            locale.t_args("rec-edit-title", &[("name", heading.clone().into())]),
            format!("/recommendations/{id}/edit"),
            locale.t("action-form-save"),
            format!("/recommendations/{id}"),
        ),
    };
    let chrome = frame(app, request, heading.clone(), "recommendations").await?;
    let scope = &viewer.scope;
    let writable: Vec<_> = lookups
        .orgs
        .iter()
        .filter(|o| writes_for(scope, o.id))
        .collect();
    Ok(RecommendationFormPage {
        heading,
        target: format!("{target}?lang={}", locale.code()),
        submit,
        cancel_href: chrome.href(&cancel),
        csrf: session_csrf(viewer),
        problems: Problems::new(errors, locale),
        states: lookups
            .states_by_name(locale)
            .into_iter()
            .map(|(iso3, name)| (iso3.to_string(), name))
            .collect(),
        bodies: offers(Body::ALL, Body::code, |b| body_label(b, locale)),
        themes: offers(Theme::ALL, Theme::code, |t| theme_label(t, locale)),
        owners: writable
            .iter()
            .map(|o| (o.short_name.clone(), o.name.clone()))
            .collect(),
        visibilities: offers(Visibility::ALL, Visibility::code, |v| {
            locale.t(&format!("action-visibility-{}", v.code()))
        }),
        alliances: lookups
            .alliances
            .iter()
            .filter(|a| writable.iter().any(|o| a.members.contains(&o.id)))
            .map(|a| (a.id.0.to_string(), a.name.clone()))
            .collect(),
        form,
        chrome,
    })
}
