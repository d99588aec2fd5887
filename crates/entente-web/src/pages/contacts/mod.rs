//! An organisation's contacts on the portal: `GET/POST /orgs/{short}/contacts`
//! (the list, and adding one), `GET/POST /orgs/{short}/contacts/{id}` (one
//! contact, and changing it) and `POST .../{id}/delete`.
//!
//! Personal data: the store shows each reader only what they may read (a
//! hidden contact answers as a missing one) and logs reads from outside the
//! owner. Who may write is decided before what was typed is looked at.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use entente_core::access::{AccessScope, RecordAccess, Visibility, can_share_personal, can_write};
use entente_store::{Contact, ContactId, Organisation, Store, StoreError};

use super::chrome::{Chrome, PageRequest};
use super::confirm::{DeleteQuestion, confirm_delete};
use super::orgs::checked_session;
use super::{frame, render};
use crate::api::contacts::contact_refused;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::locale::Locale;
use crate::state::AppState;

mod form;

use form::problems_of;
pub use form::{ContactForm, ContactProblems};

/// One contact as a list shows it.
pub struct ContactRow {
    pub id: i64,
    /// Its page: `/orgs/{short}/contacts/{id}`.
    pub path: String,
    pub name: String,
    pub role: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub languages: String,
    pub consent: String,
    pub visibility: String,
}

impl ContactRow {
    fn new(locale: Locale, short: &str, contact: Contact) -> Self {
        let d = contact.details;
        ContactRow {
            id: contact.id.0,
            path: format!("/orgs/{short}/contacts/{}", contact.id),
            consent: locale.t(if d.consent {
                "contact-consent-yes"
            } else {
                "contact-consent-no"
            }),
            visibility: locale.t(&format!("visibility-{}", d.visibility.code())),
            languages: d.languages.join(", "),
            name: d.name,
            role: d.role,
            email: d.email,
            phone: d.phone,
        }
    }
}

#[derive(Template)]
#[template(path = "contacts.html")]
pub struct ContactsPage {
    pub chrome: Chrome,
    pub org: Organisation,
    /// `/orgs/{short}` and `/orgs/{short}/contacts`.
    pub org_path: String,
    pub list_path: String,
    pub contacts: Vec<ContactRow>,
    /// The contact shown and edited, on a contact's own page.
    pub contact: Option<ContactRow>,
    pub writes: bool,
    pub shares: bool,
    /// The alliances the organisation is in: id and name.
    pub alliances: Vec<(i64, String)>,
    pub form: ContactForm,
    pub problems: ContactProblems,
    pub csrf: String,
}

/// What a page about `org` needs from the store.
struct Loaded {
    org: Organisation,
    contacts: Vec<Contact>,
    alliances: Vec<(i64, String)>,
}

fn load(
    store: &Store,
    scope: &AccessScope,
    short: &str,
    one: Option<i64>,
) -> Result<Result<Loaded, AppError>, StoreError> {
    let Some(org) = store.organisation_by_short_name(scope, short)? else {
        return Ok(Err(AppError::OrgNotFound(short.to_owned())));
    };
    let contacts = match one {
        None => store.contacts_of(scope, org.id)?,
        Some(id) => match store.contact(scope, ContactId(id))? {
            Some(c) if c.org == org.id => vec![c],
            _ => return Ok(Err(AppError::ContactNotFound(id.to_string()))),
        },
    };
    let alliances = store
        .alliances(scope)?
        .into_iter()
        .filter(|a| a.members.contains(&org.id))
        .map(|a| (a.id.0, a.name))
        .collect();
    Ok(Ok(Loaded {
        org,
        contacts,
        alliances,
    }))
}

fn writes(scope: &AccessScope, org: &Organisation) -> bool {
    scope.user().is_some() && can_write(scope, &RecordAccess::private(org.id))
}

/// The contact id in an address; anything else names no contact.
fn parse_id(raw: &str) -> Result<i64, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| AppError::ContactNotFound(raw.to_owned()))
}

/// The list (`one` = `None`) or one contact's page, with `form` and its
/// `problems` when a change was refused.
async fn page(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    short: String,
    one: Option<i64>,
    refused: Option<(ContactForm, ContactProblems)>,
) -> Result<Response, AppError> {
    let scope = viewer.scope.clone();
    let loaded = app
        .read(move |store| load(store, &scope, &short, one))
        .await??;
    let locale = request.locale;
    let title = match (one, loaded.contacts.first()) {
        (Some(_), Some(contact)) => contact.details.name.clone(),
        _ => format!("{} · {}", locale.t("contacts-title"), loaded.org.name),
    };
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let (form, problems) = refused.unwrap_or_else(|| {
        let form = match (one, loaded.contacts.first()) {
            (Some(_), Some(contact)) => ContactForm::of(contact),
            _ => ContactForm {
                visibility: Visibility::Private.code().to_owned(),
                ..ContactForm::default()
            },
        };
        (form, ContactProblems::default())
    });
    let short = loaded.org.short_name.clone();
    let mut rows: Vec<ContactRow> = loaded
        .contacts
        .into_iter()
        .map(|c| ContactRow::new(locale, &short, c))
        .collect();
    let contact = if one.is_some() { rows.pop() } else { None };
    let page = ContactsPage {
        chrome: frame(app, request, title, "orgs").await?,
        writes: writes(&viewer.scope, &loaded.org),
        shares: viewer.scope.user().is_some() && can_share_personal(&viewer.scope, loaded.org.id),
        org_path: format!("/orgs/{short}"),
        list_path: format!("/orgs/{short}/contacts"),
        org: loaded.org,
        contacts: rows,
        contact,
        alliances: loaded.alliances,
        form,
        problems,
        csrf: viewer
            .session()
            .map(|(_, _, csrf)| csrf.to_owned())
            .unwrap_or_default(),
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /orgs/{short}/contacts`: the contacts the reader may see.
pub async fn list_contacts(
    State(app): State<AppState>,
    Path(short): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    page(&app, &request, &viewer, short, None, None).await
}

/// `GET /orgs/{short}/contacts/{id}`: one contact, with its form for
/// editors and admins.
pub async fn show_contact(
    State(app): State<AppState>,
    Path((short, raw)): Path<(String, String)>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    let id = parse_id(&raw)?;
    page(&app, &request, &viewer, short, Some(id), None).await
}

/// Checks that the reader may write `short`'s contacts (and sees contact
/// `one`): before a form is looked at.
async fn writable(
    app: &AppState,
    viewer: &Viewer,
    short: &str,
    one: Option<i64>,
) -> Result<Loaded, AppError> {
    let scope = viewer.scope.clone();
    let wanted = short.to_owned();
    let loaded = app
        .read(move |store| load(store, &scope, &wanted, one))
        .await??;
    if !writes(&viewer.scope, &loaded.org) {
        return Err(AppError::Forbidden(format!(
            "only an editor or admin of organisation {short} may change its contacts"
        )));
    }
    Ok(loaded)
}

/// Creates (`one` = `None`) or changes a contact from a posted form.
async fn save(
    app: AppState,
    request: PageRequest,
    viewer: Viewer,
    short: String,
    one: Option<i64>,
    body: Bytes,
) -> Result<Response, AppError> {
    let form = ContactForm::parse(&body);
    checked_session(&viewer, &form.csrf)?;
    let org = writable(&app, &viewer, &short, one).await?.org;
    let locale = request.locale;
    let outcome = match form.details() {
        None => Err(None),
        Some(details) => {
            let scope = viewer.scope.clone();
            app.read(move |store| {
                let done = match one {
                    None => store.create_contact(&scope, org.id, &details).map(|_| ()),
                    Some(id) => store.update_contact(&scope, ContactId(id), &details),
                };
                Ok::<_, StoreError>(done.map_err(Some))
            })
            .await?
        }
    };
    match outcome {
        Ok(()) => {
            let back = match one {
                None => format!("/orgs/{short}/contacts?lang={}", locale.code()),
                Some(id) => format!("/orgs/{short}/contacts/{id}?lang={}", locale.code()),
            };
            Ok(Redirect::to(&back).into_response())
        }
        Err(error) => {
            let problems = problems_of(locale, &form, error)?;
            page(&app, &request, &viewer, short, one, Some((form, problems))).await
        }
    }
}

/// `POST /orgs/{short}/contacts`: an editor or admin adds a contact.
pub async fn create_contact(
    State(app): State<AppState>,
    Path(short): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    save(app, request, viewer, short, None, body).await
}

/// `POST /orgs/{short}/contacts/{id}`: an editor or admin changes a contact.
pub async fn update_contact(
    State(app): State<AppState>,
    Path((short, raw)): Path<(String, String)>,
    request: PageRequest,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let id = parse_id(&raw)?;
    save(app, request, viewer, short, Some(id), body).await
}

/// `GET /orgs/{short}/contacts/{id}/delete`: asks before deleting.
pub async fn show_delete_contact(
    State(app): State<AppState>,
    Path((short, raw)): Path<(String, String)>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    if viewer.session().is_none() {
        return Err(AppError::Unauthenticated);
    }
    let id = parse_id(&raw)?;
    let loaded = writable(&app, &viewer, &short, Some(id)).await?;
    let name = loaded
        .contacts
        .first()
        .map(|c| c.details.name.clone())
        .unwrap_or_default();
    let question = DeleteQuestion {
        heading: request
            .locale
            .t_args("contact-delete-title", &[("name", name.into())]),
        explain: "contact-delete-explain",
        confirm: "contact-delete-confirm",
        target: format!("/orgs/{short}/contacts/{id}/delete"),
        back: format!("/orgs/{short}/contacts/{id}"),
        section: "orgs",
    };
    confirm_delete(&app, &request, &viewer, question).await
}

/// `POST /orgs/{short}/contacts/{id}/delete`: an editor or admin deletes a
/// contact; back to the list.
pub async fn delete_contact(
    State(app): State<AppState>,
    Path((short, raw)): Path<(String, String)>,
    request: PageRequest,
    viewer: Viewer,
    body: Bytes,
) -> Result<Response, AppError> {
    let form = ContactForm::parse(&body);
    checked_session(&viewer, &form.csrf)?;
    let id = parse_id(&raw)?;
    writable(&app, &viewer, &short, Some(id)).await?;
    let scope = viewer.scope.clone();
    app.read(move |store| Ok::<_, StoreError>(store.delete_contact(&scope, ContactId(id))))
        .await?
        .map_err(|e| contact_refused(e, AppError::ContactNotFound(raw)))?;
    let lang = request.locale.code();
    Ok(Redirect::to(&format!("/orgs/{short}/contacts?lang={lang}")).into_response())
}
