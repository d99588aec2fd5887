//! `/api/v1/orgs/{short}/contacts`: an organisation's contacts (people,
//! personal data) as JSON. Read by the owner's members and, when shared,
//! the members of those alliances (each read from outside the owner is in
//! the owner's audit log); written by its editors and admins; shared with
//! an alliance only by its admins. A hidden contact answers exactly as a
//! missing one (`contact_not_found`).

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use entente_core::access::{AccessScope, AllianceId, Visibility};
use entente_store::{Contact, ContactDetails, ContactId, Store, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Viewer;
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;

/// A person at an organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContactBody {
    pub id: i64,
    /// The short name of the organisation holding the contact.
    #[schema(example = "apt")]
    pub org: String,
    pub name: String,
    pub role: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Language codes.
    #[schema(example = json!(["en", "fr"]))]
    pub languages: Vec<String>,
    /// Whether the person agreed to be contacted by other organisations.
    pub consent: bool,
    pub notes: String,
    /// `private` or `alliance`; never `public`.
    #[schema(example = "private")]
    pub visibility: String,
    /// The alliances an `alliance` contact is shared with, by number.
    pub shared_with: Vec<i64>,
}

impl ContactBody {
    fn new(org: &str, contact: Contact) -> Self {
        let details = contact.details;
        ContactBody {
            id: contact.id.0,
            org: org.to_owned(),
            visibility: details.visibility.code().to_owned(),
            shared_with: details.shared_with.iter().map(|a| a.0).collect(),
            name: details.name,
            role: details.role,
            email: details.email,
            phone: details.phone,
            languages: details.languages,
            consent: details.consent,
            notes: details.notes,
        }
    }
}

/// A contact to create, or what replaces one.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ContactInput {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub consent: bool,
    #[serde(default)]
    pub notes: String,
    /// `private` or `alliance` (an admin of the organisation only).
    #[schema(example = "private")]
    pub visibility: String,
    /// With `alliance`: the numbers of alliances the organisation is in.
    #[serde(default)]
    pub shared_with: Vec<i64>,
}

impl ContactInput {
    fn details(self) -> Result<ContactDetails, AppError> {
        let visibility: Visibility =
            self.visibility
                .parse()
                .map_err(
                    |e: entente_core::access::ParseCodeError| AppError::InvalidField {
                        field: "visibility",
                        reason: e.to_string(),
                    },
                )?;
        Ok(ContactDetails {
            name: self.name,
            role: self.role,
            email: self.email,
            phone: self.phone,
            languages: self.languages,
            consent: self.consent,
            notes: self.notes,
            visibility,
            shared_with: self.shared_with.into_iter().map(AllianceId).collect(),
        })
    }
}

/// A store refusal of a contact: bad fields name their field, a hidden or
/// missing record answers as `missing`.
pub fn contact_refused(error: StoreError, missing: AppError) -> AppError {
    match error {
        StoreError::Invalid { what } => {
            let field = ["name", "email", "languages", "visibility", "shared_with"]
                .into_iter()
                .find(|f| what.starts_with(f))
                .unwrap_or("body");
            AppError::InvalidField {
                field,
                reason: what,
            }
        }
        other => AppError::refused(other, missing),
    }
}

/// The organisation of `short` and, when `id` is given, its contact `id`,
/// as `scope` may see them.
fn find(
    store: &Store,
    scope: &AccessScope,
    short: &str,
    id: Option<i64>,
) -> Result<Result<(entente_store::Organisation, Option<Contact>), AppError>, StoreError> {
    let Some(org) = store.organisation_by_short_name(scope, short)? else {
        return Ok(Err(AppError::OrgNotFound(short.to_owned())));
    };
    let Some(id) = id else {
        return Ok(Ok((org, None)));
    };
    match store.contact(scope, ContactId(id))? {
        Some(contact) if contact.org == org.id => Ok(Ok((org, Some(contact)))),
        _ => Ok(Err(AppError::ContactNotFound(id.to_string()))),
    }
}

fn body<T>(body: Result<Json<T>, JsonRejection>) -> Result<T, AppError> {
    body.map(|Json(b)| b).map_err(|e| AppError::InvalidField {
        field: "body",
        reason: e.body_text(),
    })
}

fn signed_in(viewer: &Viewer) -> Result<AccessScope, AppError> {
    match viewer.account {
        Some(_) => Ok(viewer.scope.clone()),
        None => Err(AppError::Unauthenticated),
    }
}

/// The contact id in an address; anything else names no contact.
fn parse_id(raw: &str) -> Result<i64, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| AppError::ContactNotFound(raw.to_owned()))
}

/// An organisation's contacts.
///
/// The contacts the reader may see, by name: all of them for the
/// organisation's members, those shared with their alliances for others.
#[utoipa::path(
    get,
    path = "/api/v1/orgs/{short}/contacts",
    tag = "contacts",
    params(("short" = String, Path, description = "The organisation's short name")),
    responses(
        (status = 200, description = "The visible contacts, by name", body = Vec<ContactBody>),
        (status = 404, description = "No such organisation, or hidden (`org_not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn list_contacts(
    State(app): State<AppState>,
    Path(short): Path<String>,
    viewer: Viewer,
) -> Result<Json<Vec<ContactBody>>, AppError> {
    let scope = viewer.scope;
    let listed = app
        .read(move |store| {
            let (org, _) = match find(store, &scope, &short, None)? {
                Ok(found) => found,
                Err(e) => return Ok(Err(e)),
            };
            let contacts = store.contacts_of(&scope, org.id)?;
            Ok::<_, StoreError>(Ok(contacts
                .into_iter()
                .map(|c| ContactBody::new(&org.short_name, c))
                .collect()))
        })
        .await??;
    Ok(Json(listed))
}

/// One contact.
#[utoipa::path(
    get,
    path = "/api/v1/orgs/{short}/contacts/{id}",
    tag = "contacts",
    params(
        ("short" = String, Path, description = "The organisation's short name"),
        ("id" = i64, Path, description = "The contact's number"),
    ),
    responses(
        (status = 200, description = "The contact", body = ContactBody),
        (status = 404, description = "No such organisation (`org_not_found`) or contact, or hidden (`contact_not_found`)", body = ErrorBody),
    ),
    security((), ("bearer" = []))
)]
pub async fn show_contact(
    State(app): State<AppState>,
    Path((short, raw)): Path<(String, String)>,
    viewer: Viewer,
) -> Result<Json<ContactBody>, AppError> {
    let id = parse_id(&raw)?;
    let scope = viewer.scope;
    let (org, contact) = app
        .read(move |store| find(store, &scope, &short, Some(id)))
        .await??;
    let contact = contact.ok_or(AppError::ContactNotFound(raw))?;
    Ok(Json(ContactBody::new(&org.short_name, contact)))
}

/// Adds a contact.
///
/// Needs an editor or admin of the organisation, and an admin to share the
/// contact with an alliance; a read-only token is refused with
/// `token_read_only`.
#[utoipa::path(
    post,
    path = "/api/v1/orgs/{short}/contacts",
    tag = "contacts",
    params(("short" = String, Path, description = "The organisation's short name")),
    request_body = ContactInput,
    responses(
        (status = 201, description = "The new contact", body = ContactBody),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the organisation, sharing by a non-admin (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such organisation, or hidden (`org_not_found`)", body = ErrorBody),
        (status = 422, description = "A field cannot be used, such as a public visibility (`invalid_field`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn create_contact(
    State(app): State<AppState>,
    Path(short): Path<String>,
    viewer: Viewer,
    input: Result<Json<ContactInput>, JsonRejection>,
) -> Result<(StatusCode, Json<ContactBody>), AppError> {
    let scope = signed_in(&viewer)?;
    let details = body(input)?.details()?;
    let created = app
        .read(move |store| {
            let (org, _) = match find(store, &scope, &short, None)? {
                Ok(found) => found,
                Err(e) => return Ok(Err(e)),
            };
            let missing = AppError::OrgNotFound(short.clone());
            let id = match store.create_contact(&scope, org.id, &details) {
                Ok(id) => id,
                Err(e) => return Ok(Err(contact_refused(e, missing))),
            };
            let contact = store.contact(&scope, id)?;
            Ok::<_, StoreError>(
                contact
                    .map(|c| ContactBody::new(&org.short_name, c))
                    .ok_or_else(|| AppError::internal("the new contact is not readable")),
            )
        })
        .await??;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Replaces a contact's fields.
///
/// Under the rules of creation; sharing it with an alliance, or with more
/// alliances, needs an admin of the organisation.
#[utoipa::path(
    put,
    path = "/api/v1/orgs/{short}/contacts/{id}",
    tag = "contacts",
    params(
        ("short" = String, Path, description = "The organisation's short name"),
        ("id" = i64, Path, description = "The contact's number"),
    ),
    request_body = ContactInput,
    responses(
        (status = 200, description = "The contact as changed", body = ContactBody),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the organisation, sharing by a non-admin (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such organisation (`org_not_found`) or contact, or hidden (`contact_not_found`)", body = ErrorBody),
        (status = 422, description = "A field cannot be used (`invalid_field`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn update_contact(
    State(app): State<AppState>,
    Path((short, raw)): Path<(String, String)>,
    viewer: Viewer,
    input: Result<Json<ContactInput>, JsonRejection>,
) -> Result<Json<ContactBody>, AppError> {
    let scope = signed_in(&viewer)?;
    let id = parse_id(&raw)?;
    let input = body(input);
    let changed = app
        .read(move |store| {
            let (org, _) = match find(store, &scope, &short, Some(id))? {
                Ok(found) => found,
                Err(e) => return Ok(Err(e)),
            };
            let details = match input.and_then(ContactInput::details) {
                Ok(details) => details,
                Err(e) => return Ok(Err(e)),
            };
            let missing = AppError::ContactNotFound(raw);
            if let Err(e) = store.update_contact(&scope, ContactId(id), &details) {
                return Ok(Err(contact_refused(e, missing)));
            }
            let contact = store.contact(&scope, ContactId(id))?;
            Ok::<_, StoreError>(
                contact
                    .map(|c| ContactBody::new(&org.short_name, c))
                    .ok_or(missing_after(id)),
            )
        })
        .await??;
    Ok(Json(changed))
}

fn missing_after(id: i64) -> AppError {
    AppError::ContactNotFound(id.to_string())
}

/// Deletes a contact.
///
/// Needs an editor or admin of the organisation.
#[utoipa::path(
    delete,
    path = "/api/v1/orgs/{short}/contacts/{id}",
    tag = "contacts",
    params(
        ("short" = String, Path, description = "The organisation's short name"),
        ("id" = i64, Path, description = "The contact's number"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Neither a session nor a token (`unauthenticated`)", body = ErrorBody),
        (status = 403, description = "Not an editor of the organisation (`forbidden`), or a read-only token (`token_read_only`)", body = ErrorBody),
        (status = 404, description = "No such organisation (`org_not_found`) or contact, or hidden (`contact_not_found`)", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn delete_contact(
    State(app): State<AppState>,
    Path((short, raw)): Path<(String, String)>,
    viewer: Viewer,
) -> Result<StatusCode, AppError> {
    let scope = signed_in(&viewer)?;
    let id = parse_id(&raw)?;
    app.read(move |store| {
        if let Err(e) = find(store, &scope, &short, Some(id))? {
            return Ok(Err(e));
        }
        let missing = AppError::ContactNotFound(raw);
        Ok::<_, StoreError>(
            store
                .delete_contact(&scope, ContactId(id))
                .map_err(|e| contact_refused(e, missing)),
        )
    })
    .await??;
    Ok(StatusCode::NO_CONTENT)
}
