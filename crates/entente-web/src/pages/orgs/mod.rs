//! The organisation directory: `GET /orgs`, `GET /orgs/{short}` (with the
//! member list for members, and the settings form, role changes and
//! removals for admins),
//! `POST /orgs/{short}/members/{user}/role` and `.../remove`.
//!
//! A hidden entry answers exactly as a missing one; the store filters
//! what the reader may see, and refuses what they may not change.

use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use entente_core::access::{
    OrgKind, RecordAccess, Role, UserId, Visibility, can_administer, can_write,
};
use entente_store::{Member, Organisation, StoreError};
use serde::Deserialize;

use super::chrome::{Chrome, PageRequest};
use super::org_settings::{SettingsDraft, SettingsForm};
use super::signin::CsrfForm;
use super::{frame, render};
use crate::auth::{self, Viewer};
use crate::error::AppError;
use crate::locale::Locale;
use crate::state::AppState;

mod choices;

pub use choices::ProfileChoices;
use choices::labels;

#[derive(Template)]
#[template(path = "orgs.html")]
pub struct DirectoryPage {
    pub chrome: Chrome,
    pub entries: Vec<EntryRow>,
    pub choices: ProfileChoices,
    /// The filter's values as asked: sector, level, state, region codes.
    pub filter: [String; 4],
}

/// One organisation as a page shows it, labels translated.
pub struct EntryRow {
    pub short_name: String,
    pub name: String,
    pub kind: String,
    pub website: Option<String>,
    pub description: Option<String>,
    pub visibility: String,
    pub level: String,
    pub sectors: String,
    /// State codes.
    pub states: String,
    pub regions: String,
}

impl EntryRow {
    pub fn new(locale: Locale, org: Organisation) -> Self {
        let choices = ProfileChoices::new(locale);
        let profile = &org.profile;
        let states: Vec<&str> = profile.area.states.iter().map(|s| s.as_str()).collect();
        EntryRow {
            kind: locale.t(&format!("org-kind-{}", org.kind.code())),
            visibility: locale.t(&format!("visibility-{}", org.visibility.code())),
            level: labels(&choices.levels, std::iter::once(profile.level.code())),
            sectors: labels(&choices.sectors, profile.sectors.iter().map(|s| s.code())),
            states: states.join(", "),
            regions: labels(
                &choices.regions,
                profile.area.regions.iter().map(|r| r.code()),
            ),
            short_name: org.short_name,
            name: org.name,
            website: org.website,
            description: org.description,
        }
    }
}

#[derive(Template)]
#[template(path = "org.html")]
pub struct OrgPage {
    pub chrome: Chrome,
    pub org: EntryRow,
    /// Whether the reader belongs to the organisation (or runs the site).
    pub sees_members: bool,
    pub administers: bool,
    pub members: Vec<MemberRow>,
    /// Every role, code and label, for the role selector.
    pub roles: Vec<(&'static str, String)>,
    /// Every kind and every visibility, code and label, for the settings form.
    pub kinds: Vec<(&'static str, String)>,
    pub choices: ProfileChoices,
    /// Whether the reader is signed in, and so may be shown contacts.
    pub signed_in: bool,
    /// `/orgs/{short}/contacts`.
    pub contacts_path: String,
    /// Whether the reader may record the organisation's actions (an
    /// editor or admin), and so import them from a spreadsheet.
    pub writes: bool,
    /// `/orgs/{short}/import`.
    pub import_path: String,
    pub visibilities: Vec<(&'static str, String)>,
    /// The settings form, filled in with the stored entry or what was typed.
    pub settings: SettingsDraft,
    pub csrf: String,
    pub notes: Notes,
}

/// Why the last change was refused, by the form it came from, and what
/// the invitation form held, so it comes back filled in.
#[derive(Debug, Default)]
pub struct Notes {
    pub members: Option<String>,
    pub invite: Option<String>,
    pub invite_email: String,
    /// A refused settings form, to show again with its messages.
    pub settings: Option<SettingsDraft>,
}

pub struct MemberRow {
    pub user: i64,
    pub display_name: String,
    pub email: String,
    pub role: &'static str,
    pub role_label: String,
}

/// `GET /orgs`: the directory entries the reader may see, filtered by
/// `sector`, `level`, `state` and `region` when asked.
pub async fn list_orgs(
    State(app): State<AppState>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let filter = crate::api::orgs::directory_filter(&request.params)?;
    let asked = ["sector", "level", "state", "region"]
        .map(|name| request.params.get(name).unwrap_or_default().to_owned());
    let scope = viewer.scope.clone();
    let orgs = app
        .read(move |store| store.directory(&scope, &filter))
        .await?;
    let locale = request.locale;
    let page = DirectoryPage {
        chrome: frame(&app, &request, locale.t("orgs-title"), "orgs").await?,
        entries: orgs.into_iter().map(|o| EntryRow::new(locale, o)).collect(),
        choices: ProfileChoices::new(locale),
        filter: asked,
    };
    Ok(render(&page)?.into_response())
}

/// `GET /orgs/{short}`: the entry, its members for members, the member
/// controls for admins.
pub async fn show_org(
    State(app): State<AppState>,
    Path(short): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let notes = Notes::default();
    org_page(&app, &request, &viewer, short, StatusCode::OK, notes).await
}

/// The organisation's page, answered with `status` and the `notes` of a
/// refused change.
pub async fn org_page(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    short: String,
    status: StatusCode,
    mut notes: Notes,
) -> Result<Response, AppError> {
    let (org, members) = entry_and_members(app, viewer, short).await?;
    let locale = request.locale;
    let sees_members = viewer.scope.is_site_admin() || viewer.scope.role_in(org.id).is_some();
    let administers = can_administer(&viewer.scope, org.id);
    let chrome = frame(app, request, org.name.clone(), "orgs").await?;
    let settings = notes.settings.take().unwrap_or_else(|| SettingsDraft {
        form: SettingsForm::of(&org),
        ..SettingsDraft::default()
    });
    let page = OrgPage {
        chrome,
        sees_members,
        administers,
        members: members.into_iter().map(|m| member_row(locale, m)).collect(),
        roles: Role::ALL
            .iter()
            .map(|r| (r.code(), locale.t(&format!("role-{}", r.code()))))
            .collect(),
        kinds: OrgKind::ALL
            .iter()
            .map(|k| (k.code(), locale.t(&format!("org-kind-{}", k.code()))))
            .collect(),
        choices: ProfileChoices::new(locale),
        signed_in: viewer.scope.user().is_some(),
        contacts_path: format!("/orgs/{}/contacts", org.short_name),
        writes: can_write(&viewer.scope, &RecordAccess::private(org.id)),
        import_path: format!("/orgs/{}/import", org.short_name),
        visibilities: Visibility::ALL
            .iter()
            .map(|v| (v.code(), locale.t(&format!("visibility-{}", v.code()))))
            .collect(),
        settings,
        csrf: viewer
            .session()
            .map(|(_, _, csrf)| csrf.to_owned())
            .unwrap_or_default(),
        notes,
        org: EntryRow::new(locale, org),
    };
    Ok((status, render(&page)?).into_response())
}

/// The entry of `short` and its members as the viewer may see them; a
/// read from outside the organisation is logged.
async fn entry_and_members(
    app: &AppState,
    viewer: &Viewer,
    short: String,
) -> Result<(Organisation, Vec<Member>), AppError> {
    let scope = viewer.scope.clone();
    app.read(move |store| {
        let Some(org) = store.organisation_by_short_name(&scope, &short)? else {
            return Ok::<_, StoreError>(Err(short));
        };
        crate::auth::audit_outside_read(
            store,
            &scope,
            org.id,
            org.visibility,
            "organisation",
            org.id.0,
        )?;
        let members = store.members_of(&scope, org.id)?;
        Ok(Ok((org, members)))
    })
    .await?
    .map_err(AppError::OrgNotFound)
}

fn member_row(locale: Locale, member: Member) -> MemberRow {
    MemberRow {
        user: member.user.0,
        display_name: member.display_name,
        email: member.email,
        role: member.role.code(),
        role_label: locale.t(&format!("role-{}", member.role.code())),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    role: String,
}

/// The form's session after its CSRF check: only a signed-in browser
/// changes anything through the portal's forms.
pub fn checked_session(viewer: &Viewer, given: &str) -> Result<(), AppError> {
    let Some((_, _, csrf)) = viewer.session() else {
        return Err(AppError::CsrfRejected);
    };
    auth::check_csrf(Some(csrf), given)
}

/// `POST /orgs/{short}/members/{user}/role`: an admin changes a member's
/// role; leaving the organisation without an admin is refused on the page.
pub async fn change_member_role(
    State(app): State<AppState>,
    Path((short, user)): Path<(String, i64)>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<RoleForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    checked_session(&viewer, &form.csrf)?;
    let locale = request.locale;
    let Ok(role) = form.role.parse::<Role>() else {
        let notes = Notes {
            members: Some(locale.t("org-role-invalid")),
            ..Notes::default()
        };
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return org_page(&app, &request, &viewer, short, status, notes).await;
    };
    let outcome = change_membership(&app, &viewer, &short, UserId(user), Some(role)).await?;
    finish_change(&app, &request, &viewer, short, outcome).await
}

/// `POST /orgs/{short}/members/{user}/remove`: an admin removes a member.
pub async fn remove_member(
    State(app): State<AppState>,
    Path((short, user)): Path<(String, i64)>,
    request: PageRequest,
    viewer: Viewer,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Ok(Form(form)) = form else {
        return Err(AppError::CsrfRejected);
    };
    checked_session(&viewer, &form.csrf)?;
    let outcome = change_membership(&app, &viewer, &short, UserId(user), None).await?;
    finish_change(&app, &request, &viewer, short, outcome).await
}

/// Sets `role`, or removes the membership when `None`, through the store's
/// checks; the audit log records what changed.
async fn change_membership(
    app: &AppState,
    viewer: &Viewer,
    short: &str,
    user: UserId,
    role: Option<Role>,
) -> Result<Result<(), AppError>, AppError> {
    let scope = viewer.scope.clone();
    let short = short.to_owned();
    app.read(move |store| {
        let Some(org) = store.organisation_by_short_name(&scope, &short)? else {
            return Ok::<_, StoreError>(Err(AppError::OrgNotFound(short)));
        };
        let changed = match role {
            Some(role) => store.set_role(&scope, user, org.id, role),
            None => store.remove_membership(&scope, user, org.id).map(|_| ()),
        };
        if let Err(e) = changed {
            return Ok(Err(AppError::refused(e, AppError::OrgNotFound(short))));
        }
        let (action, detail) = match role {
            Some(role) => (
                entente_store::AuditAction::MembershipChanged,
                format!("user {user} is now {role}"),
            ),
            None => (
                entente_store::AuditAction::MembershipRemoved,
                format!("user {user} removed"),
            ),
        };
        let mut entry = entente_store::AuditEntry::new(chrono::Utc::now().naive_utc(), action);
        entry.actor_user = scope.user();
        entry.org = Some(org.id);
        entry.record_kind = Some("membership".to_owned());
        entry.record_id = Some(user.0);
        entry.detail = detail;
        store.append_audit(&entry)?;
        Ok(Ok(()))
    })
    .await
}

/// Back to the organisation's page after a change, or the page with the
/// reason a conflict (the last admin) was refused.
async fn finish_change(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    short: String,
    outcome: Result<(), AppError>,
) -> Result<Response, AppError> {
    match outcome {
        Ok(()) => {
            let lang = request.locale.code();
            Ok(Redirect::to(&format!("/orgs/{short}?lang={lang}")).into_response())
        }
        Err(AppError::Conflict(_)) => {
            let notes = Notes {
                members: Some(request.locale.t("org-last-admin")),
                ..Notes::default()
            };
            org_page(app, request, viewer, short, StatusCode::CONFLICT, notes).await
        }
        Err(other) => Err(other),
    }
}
