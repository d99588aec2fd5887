//! The form that records an assessment of a state's NPM
//! (`/states/{iso3}/npm/assessments/new`, `/npm-assessments/{id}/edit`) and
//! its deletion.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use entente_core::Iso3;
use entente_core::access::{AccessScope, Visibility, can_write};
use entente_core::monitoring::{AssessmentDraft, AssessmentId, Criterion, Rating, Viewpoint};
use entente_core::plan::FieldError;
use entente_store::{Store, StoreError};

use super::{
    FormHead, Offer, Writer, coded, day_text, head, pairs_of, record_id, refused_fields, to_npm,
    writer,
};
use crate::api::npm::input::{AssessmentInput, RatingInput};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::confirm::{DeleteQuestion, confirm_delete};
use crate::pages::npm::{known_state, label, state_name};
use crate::pages::render;
use crate::state::AppState;

/// One criterion's fields.
pub struct CriterionFields {
    pub code: &'static str,
    pub label: String,
    pub rating: String,
    pub evidence: String,
}

#[derive(Template)]
#[template(path = "npm_assessment_form.html")]
pub struct AssessmentFormPage {
    pub head: FormHead,
    pub form: AssessmentInput,
    pub profile: String,
    pub profiles: Vec<Offer>,
    pub viewpoints: Vec<Offer>,
    pub ratings: Vec<Offer>,
    pub criteria: Vec<CriterionFields>,
    pub chrome: Chrome,
}

fn assessment_from_pairs(iso3: Iso3, pairs: Vec<(String, String)>) -> AssessmentInput {
    let mut form = AssessmentInput {
        state: iso3.to_string(),
        ..AssessmentInput::default()
    };
    let mut ratings: Vec<RatingInput> = Criterion::ALL
        .iter()
        .map(|c| RatingInput {
            criterion: c.code().to_owned(),
            rating: String::new(),
            evidence: String::new(),
        })
        .collect();
    for (name, value) in pairs {
        match name.as_str() {
            "profile" => form.profile = value.trim().parse().ok(),
            "viewpoint" => form.viewpoint = value,
            "assessor" => form.assessor = value,
            "date" => form.date = value,
            "source" => form.source = value,
            "owner" => form.owner = value,
            "visibility" => form.visibility = value,
            "shared_with" => {
                if let Ok(id) = value.trim().parse() {
                    form.shared_with.push(id);
                }
            }
            other => {
                for rating in &mut ratings {
                    if other == format!("rating_{}", rating.criterion) {
                        rating.rating = value.clone();
                    } else if other == format!("evidence_{}", rating.criterion) {
                        rating.evidence = value.clone();
                    }
                }
            }
        }
    }
    form.ratings = ratings;
    form
}

fn assessment_input(draft: &AssessmentDraft, writer: &Writer, locale: Locale) -> AssessmentInput {
    AssessmentInput {
        state: draft.state.to_string(),
        profile: draft.profile.map(|p| p.0),
        viewpoint: draft.viewpoint.code().to_owned(),
        assessor: draft.assessor.clone(),
        date: day_text(locale, Some(draft.date)).unwrap_or_default(),
        source: draft.source.clone(),
        owner: writer.short_name(draft.owner),
        visibility: draft.visibility.code().to_owned(),
        shared_with: draft.shared_with.iter().map(|a| a.0).collect(),
        ratings: draft
            .full_ratings()
            .into_iter()
            .map(|r| RatingInput {
                criterion: r.criterion.code().to_owned(),
                rating: r.rating.code().to_owned(),
                evidence: r.evidence,
            })
            .collect(),
    }
}

fn profile_offers(
    store: &Store,
    scope: &AccessScope,
    iso3: Iso3,
) -> Result<Vec<Offer>, StoreError> {
    Ok(store
        .npm_profiles_of_state(scope, iso3)?
        .into_iter()
        .map(|p| {
            let name = p
                .content
                .bodies
                .first()
                .map_or_else(|| p.id.to_string(), |b| b.name.clone());
            (p.id.0.to_string(), name)
        })
        .collect())
}

#[expect(
    clippy::too_many_arguments,
    reason = "a form page is built from the request, the writer and the form's parts"
)]
async fn assessment_page(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    writer: &Writer,
    heading: String,
    target: String,
    form: AssessmentInput,
    errors: &[FieldError],
) -> Result<AssessmentFormPage, AppError> {
    let locale = request.locale;
    let iso3: Iso3 = form
        .state
        .parse()
        .map_err(|_| AppError::StateNotFound(form.state.clone()))?;
    let (chrome, head) = head(
        app,
        request,
        viewer,
        writer,
        heading,
        target,
        iso3,
        &form.shared_with,
        errors,
    )
    .await?;
    let scope = viewer.scope.clone();
    let profiles = app
        .read(move |store| profile_offers(store, &scope, iso3))
        .await?;
    let criteria = Criterion::ALL
        .iter()
        .map(|c| {
            let given = form.ratings.iter().find(|r| r.criterion == c.code());
            CriterionFields {
                code: c.code(),
                label: label(locale, "npm-criterion", c.code()),
                rating: given.map_or_else(
                    || Rating::NotKnown.code().to_owned(),
                    |r| {
                        if r.rating.is_empty() {
                            Rating::NotKnown.code().to_owned()
                        } else {
                            r.rating.clone()
                        }
                    },
                ),
                evidence: given.map(|r| r.evidence.clone()).unwrap_or_default(),
            }
        })
        .collect();
    Ok(AssessmentFormPage {
        chrome,
        profile: form.profile.map(|p| p.to_string()).unwrap_or_default(),
        profiles,
        viewpoints: coded(
            locale,
            "npm-viewpoint",
            Viewpoint::ALL.iter().map(|v| v.code()),
        ),
        ratings: coded(locale, "npm-rating", Rating::ALL.iter().map(|r| r.code())),
        criteria,
        form,
        head,
    })
}

/// `GET /states/{iso3}/npm/assessments/new`
pub async fn show_new_assessment(
    State(app): State<AppState>,
    Path(code): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let state = known_state(&app, &code).await?;
    let writer = writer(&app, &viewer).await?;
    let form = AssessmentInput {
        state: state.0.to_string(),
        owner: writer
            .owners(&viewer.scope)
            .first()
            .map(|o| o.0.clone())
            .unwrap_or_default(),
        visibility: Visibility::Private.code().to_owned(),
        ..AssessmentInput::default()
    };
    let locale = request.locale;
    let heading = locale.t_args(
        "npm-assessment-new-title",
        &[("name", state_name(locale, &state).into())],
    );
    let target = format!("/states/{}/npm/assessments/new", state.0);
    let page =
        assessment_page(&app, &request, &viewer, &writer, heading, target, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /states/{iso3}/npm/assessments/new`
pub async fn create_assessment(
    State(app): State<AppState>,
    Path(code): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let pairs = pairs_of(&viewer, body)?;
    let state = known_state(&app, &code).await?;
    let writer = writer(&app, &viewer).await?;
    let form = assessment_from_pairs(state.0, pairs);
    let errors = match form.to_draft(&writer.names) {
        Err(errors) => errors,
        Ok(draft) => {
            let scope = viewer.scope.clone();
            let created = app
                .read(move |store| Ok::<_, StoreError>(store.create_assessment(&scope, &draft)))
                .await?;
            match created {
                Ok(_) => return Ok(to_npm(&request, state.0)),
                Err(e) => refused_fields(e)?,
            }
        }
    };
    let locale = request.locale;
    let heading = locale.t_args(
        "npm-assessment-new-title",
        &[("name", state_name(locale, &state).into())],
    );
    let target = format!("/states/{}/npm/assessments/new", state.0);
    let page = assessment_page(
        &app, &request, &viewer, &writer, heading, target, form, &errors,
    )
    .await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

async fn writable_assessment(
    app: &AppState,
    viewer: &Viewer,
    raw: &str,
) -> Result<(AssessmentId, AssessmentDraft), AppError> {
    if viewer.session().is_none() {
        return Err(AppError::Unauthenticated);
    }
    let missing = || AppError::NotFound(format!("/npm-assessments/{raw}"));
    let id = AssessmentId(record_id(raw).ok_or_else(missing)?);
    let scope = viewer.scope.clone();
    let found = app
        .read(move |store| store.assessment(&scope, id))
        .await?
        .ok_or_else(missing)?;
    if !can_write(&viewer.scope, &found.content.access()) {
        return Err(AppError::Forbidden(format!(
            "only editors of its organisation may change assessment {id}"
        )));
    }
    Ok((id, found.content))
}

/// `GET /npm-assessments/{id}/edit`
pub async fn show_edit_assessment(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (id, draft) = writable_assessment(&app, &viewer, &raw).await?;
    let writer = writer(&app, &viewer).await?;
    let locale = request.locale;
    let form = assessment_input(&draft, &writer, locale);
    let heading = locale.t("npm-assessment-edit-title");
    let target = format!("/npm-assessments/{id}/edit");
    let page =
        assessment_page(&app, &request, &viewer, &writer, heading, target, form, &[]).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /npm-assessments/{id}/edit`
pub async fn update_assessment(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let pairs = pairs_of(&viewer, body)?;
    let (id, before) = writable_assessment(&app, &viewer, &raw).await?;
    let writer = writer(&app, &viewer).await?;
    let form = assessment_from_pairs(before.state, pairs);
    let errors = match form.to_draft(&writer.names) {
        Err(errors) => errors,
        Ok(draft) => {
            let scope = viewer.scope.clone();
            let updated = app
                .read(move |store| Ok::<_, StoreError>(store.update_assessment(&scope, id, &draft)))
                .await?;
            match updated {
                Ok(()) => return Ok(to_npm(&request, before.state)),
                Err(e) => refused_fields(e)?,
            }
        }
    };
    let heading = request.locale.t("npm-assessment-edit-title");
    let target = format!("/npm-assessments/{id}/edit");
    let page = assessment_page(
        &app, &request, &viewer, &writer, heading, target, form, &errors,
    )
    .await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
}

/// `GET /npm-assessments/{id}/delete`: asks before deleting.
pub async fn show_delete_assessment(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let (id, assessment) = writable_assessment(&app, &viewer, &raw).await?;
    let question = DeleteQuestion {
        heading: request.locale.t_args(
            "npm-assessment-delete-title",
            &[("state", assessment.state.to_string().into())],
        ),
        explain: "npm-assessment-delete-explain",
        confirm: "npm-assessment-delete-confirm",
        target: format!("/npm-assessments/{id}/delete"),
        back: format!("/states/{}/npm", assessment.state),
        section: "states",
    };
    confirm_delete(&app, &request, &viewer, question).await
}

/// `POST /npm-assessments/{id}/delete`
pub async fn delete_assessment(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    pairs_of(&viewer, body)?;
    let (id, before) = writable_assessment(&app, &viewer, &raw).await?;
    let scope = viewer.scope.clone();
    app.read(move |store| store.delete_assessment(&scope, id))
        .await?;
    Ok(to_npm(&request, before.state))
}
