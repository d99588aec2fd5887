//! `/api/v1/orgs`: the organisation directory as JSON, filtered by what
//! the session or token may read; a hidden entry answers exactly as a
//! missing one (`org_not_found`).

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use entente_store::{DirectoryFilter, Organisation, StoreError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::extract::Params;
use crate::state::AppState;

/// A directory entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrgEntry {
    pub id: i64,
    #[schema(example = "apt")]
    pub short_name: String,
    pub name: String,
    /// `government_body`, `parliament`, `nhri`, `national_ngo`,
    /// `international_ngo`, `regional_body`, `un_body`,
    /// `professional_association`, `academia`, `media`, `donor`,
    /// `supportive_state` or `other`.
    #[schema(example = "international_ngo")]
    pub kind: String,
    pub website: Option<String>,
    pub description: Option<String>,
    /// Who may read the entry: `private`, `alliance` or `public`.
    #[schema(example = "public")]
    pub visibility: String,
    /// Where it works: `international`, `regional` or `national`.
    #[schema(example = "international")]
    pub level: String,
    /// Its fields of work: `torture_prevention`, `human_rights`, `legal`,
    /// `health`, `detention`, `children`, `women`, `disability`,
    /// `migration`, `other`.
    #[schema(example = json!(["torture_prevention", "legal"]))]
    pub sectors: Vec<String>,
    /// The states it works in, by ISO 3166-1 alpha-3 code.
    #[schema(example = json!(["FRA", "SEN"]))]
    pub states: Vec<String>,
    /// The UN regional groups it works in as a whole: `african`,
    /// `asia_pacific`, `eastern_european`, `grulac`, `weog`.
    #[schema(example = json!(["african"]))]
    pub regions: Vec<String>,
}

impl From<Organisation> for OrgEntry {
    fn from(org: Organisation) -> Self {
        let profile = &org.profile;
        OrgEntry {
            id: org.id.0,
            level: profile.level.code().to_owned(),
            sectors: profile
                .sectors
                .iter()
                .map(|s| s.code().to_owned())
                .collect(),
            states: profile
                .area
                .states
                .iter()
                .map(|s| s.as_str().to_owned())
                .collect(),
            regions: profile
                .area
                .regions
                .iter()
                .map(|r| r.code().to_owned())
                .collect(),
            kind: org.kind.code().to_owned(),
            visibility: org.visibility.code().to_owned(),
            short_name: org.short_name,
            name: org.name,
            website: org.website,
            description: org.description,
        }
    }
}

/// A member of an organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrgMember {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    /// `viewer`, `editor` or `admin`.
    #[schema(example = "editor")]
    pub role: String,
}

/// The directory filter a query asks for: `sector`, `level`, `state` and
/// `region`, each a code; a value that is none is `invalid_parameter`.
pub fn directory_filter(params: &Params) -> Result<DirectoryFilter, AppError> {
    fn parsed<T: std::str::FromStr>(
        params: &Params,
        name: &'static str,
    ) -> Result<Option<T>, AppError>
    where
        T::Err: std::fmt::Display,
    {
        params
            .get(name)
            .map(|value| {
                value.parse::<T>().map_err(|e| AppError::InvalidParameter {
                    name,
                    reason: e.to_string(),
                })
            })
            .transpose()
    }
    Ok(DirectoryFilter {
        sector: parsed(params, "sector")?,
        level: parsed(params, "level")?,
        state: parsed(params, "state")?,
        region: parsed(params, "region")?,
    })
}

/// The organisation directory.
///
/// The entries the reader may see, by short name: public ones for
/// everyone, more for members of the organisations and their alliances;
/// filtered by sector, level, state (those that name it) and UN regional
/// group (those that work in it as a whole or in one of its states).
#[utoipa::path(
    get,
    path = "/api/v1/orgs",
    tag = "organisations",
    params(
        ("sector" = Option<String>, Query, description = "A sector code, such as `legal`"),
        ("level" = Option<String>, Query, description = "`international`, `regional` or `national`"),
        ("state" = Option<String>, Query, description = "An ISO 3166-1 alpha-3 code"),
        ("region" = Option<String>, Query, description = "A UN regional group: `african`, `asia_pacific`, `eastern_european`, `grulac`, `weog`"),
    ),
    responses(
        (status = 200, description = "Visible entries", body = Vec<OrgEntry>),
        (status = 422, description = "A filter names no sector, level, state or group (`invalid_parameter`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_orgs(
    State(app): State<AppState>,
    RawQuery(query): RawQuery,
    viewer: Viewer,
) -> Result<Json<Vec<OrgEntry>>, AppError> {
    let filter = directory_filter(&Params::from_query(query.as_deref()))?;
    let scope = viewer.scope;
    let orgs = app
        .read(move |store| store.directory(&scope, &filter))
        .await?;
    Ok(Json(orgs.into_iter().map(OrgEntry::from).collect()))
}

/// One directory entry.
#[utoipa::path(
    get,
    path = "/api/v1/orgs/{short}",
    tag = "organisations",
    params(("short" = String, Path, description = "The organisation's short name")),
    responses(
        (status = 200, description = "The entry", body = OrgEntry),
        (status = 404, description = "No such entry, or hidden from the reader (`org_not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_org(
    State(app): State<AppState>,
    Path(short): Path<String>,
    viewer: Viewer,
) -> Result<Json<OrgEntry>, AppError> {
    let scope = viewer.scope;
    let found = {
        let short = short.clone();
        app.read(move |store| {
            let found = store.organisation_by_short_name(&scope, &short)?;
            if let Some(org) = &found {
                crate::auth::audit_outside_read(
                    store,
                    &scope,
                    org.id,
                    org.visibility,
                    "organisation",
                    org.id.0,
                )?;
            }
            Ok::<_, StoreError>(found)
        })
        .await?
    };
    found
        .map(|org| Json(org.into()))
        .ok_or(AppError::OrgNotFound(short))
}

/// The members of an organisation.
///
/// For its members and the site admin; anyone else who sees the entry is
/// refused with `forbidden`.
#[utoipa::path(
    get,
    path = "/api/v1/orgs/{short}/members",
    tag = "organisations",
    params(("short" = String, Path, description = "The organisation's short name")),
    responses(
        (status = 200, description = "The members, by name", body = Vec<OrgMember>),
        (status = 403, description = "The reader is not a member (`forbidden`)", body = ErrorBody),
        (status = 404, description = "No such entry, or hidden from the reader (`org_not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_members(
    State(app): State<AppState>,
    Path(short): Path<String>,
    viewer: Viewer,
) -> Result<Json<Vec<OrgMember>>, AppError> {
    let scope = viewer.scope;
    let answer = app
        .read(move |store| {
            let Some(org) = store.organisation_by_short_name(&scope, &short)? else {
                return Ok::<_, StoreError>(Err(AppError::OrgNotFound(short)));
            };
            if !scope.is_site_admin() && scope.role_in(org.id).is_none() {
                return Ok(Err(AppError::Forbidden(format!(
                    "only members of {short} see its members"
                ))));
            }
            store.members_of(&scope, org.id).map(Ok)
        })
        .await??;
    Ok(Json(
        answer
            .into_iter()
            .map(|m| OrgMember {
                user_id: m.user.0,
                role: m.role.code().to_owned(),
                display_name: m.display_name,
                email: m.email,
            })
            .collect(),
    ))
}
