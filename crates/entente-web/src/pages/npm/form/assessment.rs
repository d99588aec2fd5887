//! The form that records an assessment of a state's NPM
//! (`/states/{iso3}/npm/assessments/new`, `/npm-assessments/{id}/edit`) and
//! its deletion.

use askama::Template;
use entente_core::Iso3;
use entente_core::access::{AccessScope, RecordAccess, Visibility};
use entente_core::monitoring::{AssessmentDraft, AssessmentId, Criterion, Rating, Viewpoint};
use entente_core::plan::FieldError;
use entente_store::{Store, StoreError};

use super::record::NpmRecord;
use super::{FormHead, Offer, Writer, coded, day_text};
use crate::api::actions::view::Names;
use crate::api::npm::input::{AssessmentInput, RatingInput};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::chrome::Chrome;
use crate::pages::npm::label;
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

/// The assessment's forms (see [`NpmRecord`]).
pub enum Assessment {}

impl NpmRecord for Assessment {
    const NAME: &'static str = "assessment";
    const LABEL: &'static str = "assessment";
    type Id = AssessmentId;
    type Draft = AssessmentDraft;
    type Input = AssessmentInput;
    type Page = AssessmentFormPage;

    fn id(number: i64) -> AssessmentId {
        AssessmentId(number)
    }

    fn state(draft: &AssessmentDraft) -> Iso3 {
        draft.state
    }

    fn access(draft: &AssessmentDraft) -> RecordAccess {
        draft.access()
    }

    fn blank(state: Iso3, owner: String) -> AssessmentInput {
        AssessmentInput {
            state: state.to_string(),
            owner,
            visibility: Visibility::Private.code().to_owned(),
            ..AssessmentInput::default()
        }
    }

    fn posted(state: Iso3, pairs: Vec<(String, String)>) -> AssessmentInput {
        assessment_from_pairs(state, pairs)
    }

    fn shown(draft: &AssessmentDraft, writer: &Writer, locale: Locale) -> AssessmentInput {
        assessment_input(draft, writer, locale)
    }

    fn to_draft(form: &AssessmentInput, names: &Names) -> Result<AssessmentDraft, Vec<FieldError>> {
        form.to_draft(names)
    }

    fn state_and_shares(form: &AssessmentInput) -> (&str, &[i64]) {
        (&form.state, &form.shared_with)
    }

    async fn page(
        app: &AppState,
        viewer: &Viewer,
        locale: Locale,
        iso3: Iso3,
        (chrome, head): (Chrome, FormHead),
        form: AssessmentInput,
    ) -> Result<AssessmentFormPage, AppError> {
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

    fn read(
        store: &Store,
        scope: &AccessScope,
        id: AssessmentId,
    ) -> Result<Option<AssessmentDraft>, StoreError> {
        Ok(store.assessment(scope, id)?.map(|found| found.content))
    }

    fn create(
        store: &Store,
        scope: &AccessScope,
        draft: &AssessmentDraft,
    ) -> Result<(), StoreError> {
        store.create_assessment(scope, draft).map(|_| ())
    }

    fn update(
        store: &Store,
        scope: &AccessScope,
        id: AssessmentId,
        draft: &AssessmentDraft,
    ) -> Result<(), StoreError> {
        store.update_assessment(scope, id, draft)
    }

    fn delete(store: &Store, scope: &AccessScope, id: AssessmentId) -> Result<(), StoreError> {
        store.delete_assessment(scope, id)
    }
}
