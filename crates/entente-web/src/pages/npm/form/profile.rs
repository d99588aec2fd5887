//! The form that records a state's NPM profile
//! (`/states/{iso3}/npm/profiles/new`, `/npm-profiles/{id}/edit`) and its
//! deletion.

use askama::Template;
use entente_core::Iso3;
use entente_core::access::{AccessScope, RecordAccess, Visibility};
use entente_core::monitoring::{NpmModel, ProfileDraft, ProfileId};
use entente_core::plan::FieldError;
use entente_store::{Store, StoreError};

use super::record::NpmRecord;
use super::{FormHead, Offer, SPARE_ROWS, Writer, coded, day_text};
use crate::api::actions::view::Names;
use crate::api::npm::input::{BodyInput, Count, ProfileInput, ReportInput};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::chrome::Chrome;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "npm_profile_form.html")]
pub struct ProfileFormPage {
    pub head: FormHead,
    pub form: ProfileInput,
    pub models: Vec<Offer>,
    pub bodies: Vec<BodyInput>,
    pub reports: Vec<(String, String, String, String)>,
    pub staff: String,
    /// The date fields: name and value as typed.
    pub dates: Vec<(&'static str, String)>,
    pub chrome: Chrome,
}

fn profile_from_pairs(iso3: Iso3, pairs: Vec<(String, String)>) -> ProfileInput {
    let mut form = ProfileInput {
        state: iso3.to_string(),
        ..ProfileInput::default()
    };
    let (mut names, mut roles) = (Vec::new(), Vec::new());
    let (mut years, mut urls, mut titles, mut published) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (name, value) in pairs {
        match name.as_str() {
            "owner" => form.owner = value,
            "visibility" => form.visibility = value,
            "shared_with" => {
                if let Ok(id) = value.trim().parse() {
                    form.shared_with.push(id);
                }
            }
            "model" => form.model = value,
            "legal_basis" => form.legal_basis = value,
            "law_date" => form.law_date = Some(value),
            "designation_date" => form.designation_date = Some(value),
            "operation_start" => form.operation_start = Some(value),
            "website" => form.website = Some(value),
            "staff" => form.staff = Some(Count::Text(value)),
            "budget_amount" => form.budget_amount = Some(value),
            "budget_currency" => form.budget_currency = Some(value),
            "notes" => form.notes = value,
            "body_name" => names.push(value),
            "body_role" => roles.push(value),
            "report_year" => years.push(value),
            "report_url" => urls.push(value),
            "report_title" => titles.push(value),
            "report_published" => published.push(value),
            _ => {}
        }
    }
    form.bodies = names
        .into_iter()
        .zip(roles)
        .map(|(name, role)| BodyInput { name, role })
        .collect();
    form.annual_reports = years
        .into_iter()
        .zip(urls)
        .zip(titles)
        .zip(published)
        .map(|(((year, url), title), published)| ReportInput {
            year: Count::Text(year),
            url,
            title,
            published: Some(published),
        })
        .collect();
    form
}

fn profile_input(draft: &ProfileDraft, writer: &Writer, locale: Locale) -> ProfileInput {
    ProfileInput {
        state: draft.state.to_string(),
        owner: writer.short_name(draft.owner),
        visibility: draft.visibility.code().to_owned(),
        shared_with: draft.shared_with.iter().map(|a| a.0).collect(),
        bodies: draft
            .bodies
            .iter()
            .map(|b| BodyInput {
                name: b.name.clone(),
                role: b.role.clone(),
            })
            .collect(),
        model: draft.model.code().to_owned(),
        legal_basis: draft.legal_basis.clone(),
        law_date: day_text(locale, draft.law_date),
        designation_date: day_text(locale, draft.designation_date),
        operation_start: day_text(locale, draft.operation_start),
        website: draft.website.clone(),
        staff: draft.staff.map(|s| Count::Number(i64::from(s))),
        budget_amount: draft.budget.map(|b| b.amount_text()),
        budget_currency: draft.budget.map(|b| b.currency_code().to_owned()),
        notes: draft.notes.clone(),
        annual_reports: draft
            .annual_reports
            .iter()
            .map(|r| ReportInput {
                year: Count::Number(i64::from(r.year)),
                url: r.url.clone(),
                title: r.title.clone(),
                published: day_text(locale, r.published),
            })
            .collect(),
    }
}

/// The profile's forms (see [`NpmRecord`]).
pub enum Profile {}

impl NpmRecord for Profile {
    const NAME: &'static str = "profile";
    const LABEL: &'static str = "NPM profile";
    type Id = ProfileId;
    type Draft = ProfileDraft;
    type Input = ProfileInput;
    type Page = ProfileFormPage;

    fn id(number: i64) -> ProfileId {
        ProfileId(number)
    }

    fn state(draft: &ProfileDraft) -> Iso3 {
        draft.state
    }

    fn access(draft: &ProfileDraft) -> RecordAccess {
        draft.access()
    }

    fn blank(state: Iso3, owner: String) -> ProfileInput {
        ProfileInput {
            state: state.to_string(),
            owner,
            visibility: Visibility::Private.code().to_owned(),
            ..ProfileInput::default()
        }
    }

    fn posted(state: Iso3, pairs: Vec<(String, String)>) -> ProfileInput {
        profile_from_pairs(state, pairs)
    }

    fn shown(draft: &ProfileDraft, writer: &Writer, locale: Locale) -> ProfileInput {
        profile_input(draft, writer, locale)
    }

    fn to_draft(form: &ProfileInput, names: &Names) -> Result<ProfileDraft, Vec<FieldError>> {
        form.to_draft(names)
    }

    fn state_and_shares(form: &ProfileInput) -> (&str, &[i64]) {
        (&form.state, &form.shared_with)
    }

    async fn page(
        _app: &AppState,
        _viewer: &Viewer,
        locale: Locale,
        _state: Iso3,
        (chrome, head): (Chrome, FormHead),
        form: ProfileInput,
    ) -> Result<ProfileFormPage, AppError> {
        let mut bodies = form.bodies.clone();
        bodies.extend((0..SPARE_ROWS).map(|_| BodyInput::default()));
        let mut reports: Vec<(String, String, String, String)> = form
            .annual_reports
            .iter()
            .map(|r| {
                (
                    r.year.text(),
                    r.url.clone(),
                    r.title.clone(),
                    r.published.clone().unwrap_or_default(),
                )
            })
            .collect();
        reports.extend((0..SPARE_ROWS).map(|_| Default::default()));
        Ok(ProfileFormPage {
            chrome,
            models: coded(locale, "npm-model", NpmModel::ALL.iter().map(|m| m.code())),
            staff: form.staff.as_ref().map(Count::text).unwrap_or_default(),
            dates: vec![
                ("law_date", form.law_date.clone().unwrap_or_default()),
                (
                    "designation_date",
                    form.designation_date.clone().unwrap_or_default(),
                ),
                (
                    "operation_start",
                    form.operation_start.clone().unwrap_or_default(),
                ),
            ],
            bodies,
            reports,
            form,
            head,
        })
    }

    fn read(
        store: &Store,
        scope: &AccessScope,
        id: ProfileId,
    ) -> Result<Option<ProfileDraft>, StoreError> {
        Ok(store.npm_profile(scope, id)?.map(|found| found.content))
    }

    fn create(store: &Store, scope: &AccessScope, draft: &ProfileDraft) -> Result<(), StoreError> {
        store.create_npm_profile(scope, draft).map(|_| ())
    }

    fn update(
        store: &Store,
        scope: &AccessScope,
        id: ProfileId,
        draft: &ProfileDraft,
    ) -> Result<(), StoreError> {
        store.update_npm_profile(scope, id, draft)
    }

    fn delete(store: &Store, scope: &AccessScope, id: ProfileId) -> Result<(), StoreError> {
        store.delete_npm_profile(scope, id)
    }
}
