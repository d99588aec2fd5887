//! The consultation form: `GET /consultations/new` and `POST /consultations`
//! create one, `GET/POST /consultations/{id}/edit` change one,
//! `GET/POST /consultations/{id}/delete` delete one after confirmation.
//! Editors and admins of an organisation record its consultations; a
//! refused form comes back with every value kept, a summary of the
//! problems at the top and each message beside its field.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use entente_core::access::{AllianceId, Visibility};
use entente_core::consultation::{ConsultationDraft, ConsultationId, ConsultationKind};
use entente_core::plan::FieldError;
use entente_store::{Consultation, StoreError};

use super::{consultation_id, kind_label, missing, problems};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::actions::{parse_day, session_csrf, writes_for};
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::confirm::{DeleteQuestion, confirm_delete};
use crate::pages::orgs::checked_session;
use crate::pages::recommendations::{Problems, offers};
use crate::pages::signin::CsrfForm;
use crate::pages::{frame, render};
use crate::state::AppState;
use crate::views::actions::Lookups;

/// The form's values as typed.
#[derive(Debug, Clone, Default)]
pub struct ConsultationForm {
    pub csrf: String,
    pub state: String,
    pub title: String,
    pub kind: String,
    pub start: String,
    pub end: String,
    pub outcome: String,
    pub owner: String,
    pub visibility: String,
    pub shared_with: Vec<String>,
}

impl ConsultationForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut form = ConsultationForm::default();
        for (name, value) in pairs {
            let slot = match name.as_str() {
                "csrf" => &mut form.csrf,
                "state" => &mut form.state,
                "title" => &mut form.title,
                "kind" => &mut form.kind,
                "start" => &mut form.start,
                "end" => &mut form.end,
                "outcome" => &mut form.outcome,
                "owner" => &mut form.owner,
                "visibility" => &mut form.visibility,
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

    fn of(content: &ConsultationDraft, lookups: &Lookups, locale: Locale) -> Self {
        let format = match locale {
            Locale::En => "%Y-%m-%d",
            Locale::Fr | Locale::Es => "%d/%m/%Y",
        };
        let day = |d: Option<chrono::NaiveDate>| {
            d.map(|d| d.format(format).to_string()).unwrap_or_default()
        };
        ConsultationForm {
            csrf: String::new(),
            state: content.state.to_string(),
            title: content.title.clone(),
            kind: content.kind.code().to_owned(),
            start: day(content.start),
            end: day(content.end),
            outcome: content.outcome.clone(),
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

    pub fn shares_with(&self, id: &str) -> bool {
        self.shared_with.iter().any(|a| a == id)
    }

    /// The draft the values make, or every value that cannot be read.
    fn to_draft(
        &self,
        lookups: &Lookups,
        demo: bool,
    ) -> Result<ConsultationDraft, Vec<FieldError>> {
        let state = self
            .state
            .trim()
            .parse()
            .map_err(|_| FieldError::new("state", "required", "choose a state"));
        let kind = self
            .kind
            .parse::<ConsultationKind>()
            .map_err(|_| FieldError::new("kind", "required", "choose the kind of consultation"));
        let day = |field: &'static str, raw: &str| {
            if raw.trim().is_empty() {
                Ok(None)
            } else {
                parse_day(raw).map(Some).ok_or_else(|| {
                    FieldError::new(field, "not_a_date", format!("{raw:?} is not a day"))
                })
            }
        };
        let start = day("start", &self.start);
        let end = day("end", &self.end);
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
        match (state, kind, start, end, owner, visibility) {
            (Ok(state), Ok(kind), Ok(start), Ok(end), Ok(owner), Ok(visibility)) => {
                let draft = ConsultationDraft {
                    state,
                    title: self.title.trim().to_owned(),
                    kind,
                    start,
                    end,
                    outcome: self.outcome.trim().to_owned(),
                    owner,
                    visibility,
                    shared_with,
                    demo,
                };
                draft.validate().map(|()| draft)
            }
            (state, kind, start, end, owner, visibility) => Err([
                state.err(),
                kind.err(),
                start.err(),
                end.err(),
                owner.err(),
                visibility.err(),
            ]
            .into_iter()
            .flatten()
            .collect()),
        }
    }
}

#[derive(Template)]
#[template(path = "consultation_form.html")]
pub struct ConsultationFormPage {
    pub chrome: Chrome,
    pub heading: String,
    pub target: String,
    pub submit: String,
    pub cancel_href: String,
    pub csrf: String,
    pub form: ConsultationForm,
    pub problems: Problems,
    pub states: Vec<(String, String)>,
    pub kinds: Vec<(String, String)>,
    pub owners: Vec<(String, String)>,
    pub visibilities: Vec<(String, String)>,
    pub alliances: Vec<(String, String)>,
}

enum Subject {
    New,
    Existing { id: ConsultationId, title: String },
}

/// `GET /consultations/new`
pub async fn show_new_consultation(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let lookups = writer_lookups(&app, &viewer).await?;
    let form = ConsultationForm {
        owner: lookups
            .orgs
            .iter()
            .find(|o| writes_for(&viewer.scope, o.id))
            .map(|o| o.short_name.clone())
            .unwrap_or_default(),
        state: request.params.get("state").unwrap_or_default().to_owned(),
        kind: ConsultationKind::NpmDesign.code().to_owned(),
        visibility: Visibility::Private.code().to_owned(),
        ..ConsultationForm::default()
    };
    let page = form_page(&app, &request, &viewer, &lookups, Subject::New, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /consultations`
pub async fn create_consultation(
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
                .read(move |store| Ok::<_, StoreError>(store.create_consultation(&scope, &draft)))
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

/// `GET /consultations/{id}/edit`
pub async fn show_edit_consultation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (consultation, lookups) = writable(&app, &viewer, &raw).await?;
    let form = ConsultationForm::of(&consultation.content, &lookups, request.locale);
    let subject = Subject::Existing {
        id: consultation.id,
        title: consultation.content.title.clone(),
    };
    let page = form_page(&app, &request, &viewer, &lookups, subject, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /consultations/{id}/edit`
pub async fn update_consultation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let form = checked_form(&viewer, body)?;
    let (consultation, lookups) = writable(&app, &viewer, &raw).await?;
    let errors = match form.to_draft(&lookups, consultation.content.demo) {
        Err(errors) => errors,
        Ok(draft) => {
            let (scope, id) = (viewer.scope.clone(), consultation.id);
            let updated = app
                .read(move |store| {
                    Ok::<_, StoreError>(store.update_consultation(&scope, id, &draft))
                })
                .await?;
            match updated {
                Ok(()) => return Ok(to_page(&request, id)),
                Err(e) => refused_fields(e)?,
            }
        }
    };
    let subject = Subject::Existing {
        id: consultation.id,
        title: consultation.content.title.clone(),
    };
    let page = form_page(&app, &request, &viewer, &lookups, subject, form, &errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// `GET /consultations/{id}/delete`
pub async fn show_delete_consultation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (consultation, _) = writable(&app, &viewer, &raw).await?;
    let question = DeleteQuestion {
        heading: request.locale.t_args(
            "consult-delete-title",
            &[("name", consultation.content.title.clone().into())],
        ),
        explain: "consult-delete-explain",
        confirm: "consult-delete-confirm",
        target: format!("/consultations/{}/delete", consultation.id.0),
        back: format!("/consultations/{}", consultation.id.0),
        section: "consultations",
    };
    confirm_delete(&app, &request, &viewer, question).await
}

/// `POST /consultations/{id}/delete`
pub async fn delete_consultation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, AppError> {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    checked_session(&viewer, &form.csrf)?;
    let (consultation, _) = writable(&app, &viewer, &raw).await?;
    let (scope, id) = (viewer.scope.clone(), consultation.id);
    app.read(move |store| Ok::<_, StoreError>(store.delete_consultation(&scope, id)))
        .await?
        .map_err(|e| AppError::refused(e, missing(&raw)))?;
    let lang = request.locale.code();
    Ok(Redirect::to(&format!("/consultations?lang={lang}")).into_response())
}

fn checked_form(
    viewer: &Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<ConsultationForm, AppError> {
    let Ok(Form(pairs)) = body else {
        return Err(AppError::CsrfRejected);
    };
    let form = ConsultationForm::from_pairs(pairs);
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

fn to_page(request: &PageRequest, id: ConsultationId) -> Response {
    let lang = request.locale.code();
    Redirect::to(&format!("/consultations/{id}?lang={lang}")).into_response()
}

async fn writer_lookups(app: &AppState, viewer: &Viewer) -> Result<Lookups, AppError> {
    if viewer.session().is_none() {
        return Err(AppError::Unauthenticated);
    }
    let scope = viewer.scope.clone();
    let lookups = app.read(move |store| Lookups::load(store, &scope)).await?;
    if !lookups.orgs.iter().any(|o| writes_for(&viewer.scope, o.id)) {
        return Err(AppError::Forbidden(
            "recording consultations needs an editor or admin role in an organisation".to_owned(),
        ));
    }
    Ok(lookups)
}

/// The consultation, if the reader sees it (else a missing page) and may
/// change it (else forbidden), with the form's names.
pub async fn writable(
    app: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<(Consultation, Lookups), AppError> {
    if viewer.session().is_none() {
        return Err(AppError::Unauthenticated);
    }
    let id = consultation_id(raw)?;
    let scope = viewer.scope.clone();
    let found = app
        .read(move |store| match store.consultation(&scope, id)? {
            Some(c) => Ok::<_, StoreError>(Some((c, Lookups::load(store, &scope)?))),
            None => Ok(None),
        })
        .await?;
    let Some((consultation, lookups)) = found else {
        return Err(missing(raw));
    };
    if !writes_for(&viewer.scope, consultation.content.owner) {
        return Err(AppError::Forbidden(format!(
            "only editors of its owner may change consultation {id}"
        )));
    }
    Ok((consultation, lookups))
}

async fn form_page(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    lookups: &Lookups,
    subject: Subject,
    form: ConsultationForm,
    errors: &[FieldError],
) -> Result<ConsultationFormPage, AppError> {
    let locale = request.locale;
    let (heading, target, submit, cancel) = match &subject {
        Subject::New => (
            locale.t("consult-new-title"),
            "/consultations".to_owned(),
            locale.t("consult-form-create"),
            "/consultations".to_owned(),
        ),
        Subject::Existing { id, title } => (
            locale.t_args("consult-edit-title", &[("name", title.clone().into())]),
            format!("/consultations/{id}/edit"),
            locale.t("action-form-save"),
            format!("/consultations/{id}"),
        ),
    };
    let chrome = frame(app, request, heading.clone(), "consultations").await?;
    let scope = &viewer.scope;
    let writable: Vec<_> = lookups
        .orgs
        .iter()
        .filter(|o| writes_for(scope, o.id))
        .collect();
    Ok(ConsultationFormPage {
        heading,
        target: format!("{target}?lang={}", locale.code()),
        submit,
        cancel_href: chrome.href(&cancel),
        csrf: session_csrf(viewer),
        problems: problems(errors, locale),
        states: lookups
            .states_by_name(locale)
            .into_iter()
            .map(|(iso3, name)| (iso3.to_string(), name))
            .collect(),
        kinds: offers(ConsultationKind::ALL, ConsultationKind::code, |k| {
            kind_label(k, locale)
        }),
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
