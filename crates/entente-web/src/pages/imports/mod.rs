//! Importing actions (`/orgs/{short}/import`) or recommendations
//! (`/orgs/{short}/recommendations/import`) from a coalition's spreadsheet
//! on the portal: `GET` offers the upload, `POST` reads the file and shows
//! the preview (rows read, every refused value with its line,
//! field, value and reason, and how each column is read, with a choice per
//! column to map headers in the coalition's own words), then imports all
//! the rows or none, and remembers the mapping for the organisation.
//!
//! Only editors and admins of the organisation may; who may is decided
//! before the file is read, and a hidden organisation answers as a missing
//! one. The file travels back with the preview's form, so nothing is kept
//! on the server between the two steps.

mod form;

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::multipart::{Multipart, MultipartRejection};

use self::form::{ImportForm, read_form};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use entente_core::access::AccessScope;
use entente_io::plan::{
    HeaderMapping, MappingError, MappingProblem, RecordKind, RowError, Sheet, field_names,
    read_actions, read_recommendations, read_sheet, resolve_headers,
};
use entente_store::{ImportError, ImportSummary, Organisation, Store, StoreError};

use super::actions::{session_csrf, writes_for};
use super::chrome::{Chrome, PageRequest};
use super::orgs::checked_session;
use super::{frame, render};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::state::AppState;

/// The largest file the import takes (its route's body limit allows for
/// the file coming back with the preview's form, a third larger).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The import route's body limit.
pub const BODY_LIMIT: usize = MAX_FILE_BYTES * 3 / 2;

/// How one column of the file is read.
#[derive(Debug, Clone)]
pub struct ColumnView {
    pub index: usize,
    pub header: String,
    /// The field it fills, `-` when left out, empty when unknown.
    pub reads_as: String,
    /// What the importer chose in the preview's form, if anything.
    pub chosen: String,
}

/// What a page imports: actions or recommendations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Importing {
    Actions,
    Recommendations,
}

impl Importing {
    fn kind(self) -> RecordKind {
        match self {
            Importing::Actions => RecordKind::Actions,
            Importing::Recommendations => RecordKind::Recommendations,
        }
    }

    /// The page's own address, where its forms post.
    fn path(self, short: &str) -> String {
        match self {
            Importing::Actions => format!("/orgs/{short}/import"),
            Importing::Recommendations => format!("/orgs/{short}/recommendations/import"),
        }
    }

    /// The prefix of the strings that name what is imported.
    fn words(self) -> &'static str {
        match self {
            Importing::Actions => "import",
            Importing::Recommendations => "recimport",
        }
    }

    /// Where the imported records are listed.
    fn listed_at(self, short: &str) -> String {
        match self {
            Importing::Actions => format!("/actions?org={short}"),
            Importing::Recommendations => "/recommendations".to_owned(),
        }
    }
}

#[derive(Template)]
#[template(path = "import.html")]
pub struct ImportPage {
    pub chrome: Chrome,
    pub short: String,
    pub org_name: String,
    /// Where the forms post.
    pub action: String,
    pub heading: String,
    pub lead: String,
    pub done_href: String,
    pub done_link: String,
    pub csrf: String,
    /// Why the file could not be read at all.
    pub unreadable: Option<String>,
    /// Whether a file was read (the preview is shown).
    pub previewed: bool,
    pub file_name: String,
    /// The file, to send back with the preview's form.
    pub data: String,
    pub rows_read: usize,
    pub columns: Vec<ColumnView>,
    pub fields: Vec<&'static str>,
    pub mapping_problems: Vec<String>,
    pub errors: Vec<RowError>,
    /// Rows imported, once done.
    pub imported: Option<usize>,
    /// The sentences that count: rows read, refused values, the button
    /// that imports, what was done.
    pub rows_text: String,
    pub errors_text: String,
    pub confirm_text: String,
    pub done_text: String,
}

impl ImportPage {
    /// Whether the preview's rows may be imported as they are.
    pub fn importable(&self) -> bool {
        self.previewed
            && self.mapping_problems.is_empty()
            && self.errors.is_empty()
            && self.rows_read > 0
    }
}

/// The organisation, if the user may import actions or recommendations
/// for it.
async fn importable(
    app: &AppState,
    viewer: &Viewer,
    short: &str,
    importing: Importing,
) -> Result<Organisation, AppError> {
    if viewer.account.is_none() {
        return Err(AppError::Unauthenticated);
    }
    let scope = viewer.scope.clone();
    let wanted = short.to_owned();
    let org = app
        .read(move |store| store.organisation_by_short_name(&scope, &wanted))
        .await?
        .ok_or_else(|| AppError::OrgNotFound(short.to_owned()))?;
    if !writes_for(&viewer.scope, org.id) {
        return Err(AppError::Forbidden(format!(
            "only editors and admins of {short} import its {}",
            importing.kind().code()
        )));
    }
    Ok(org)
}

async fn page(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    org: &Organisation,
    importing: Importing,
) -> Result<ImportPage, AppError> {
    let locale = request.locale;
    let words = importing.words();
    let title = locale.t_args(
        &format!("{words}-title"),
        &[("name", org.name.clone().into())],
    );
    Ok(ImportPage {
        chrome: frame(app, request, title, "orgs").await?,
        short: org.short_name.clone(),
        org_name: org.name.clone(),
        action: importing.path(&org.short_name),
        heading: locale.t(&format!("{words}-heading")),
        lead: locale.t(&format!("{words}-lead")),
        done_href: importing.listed_at(&org.short_name),
        done_link: locale.t(&format!("{words}-done-link")),
        csrf: session_csrf(viewer),
        unreadable: None,
        previewed: false,
        file_name: String::new(),
        data: String::new(),
        rows_read: 0,
        columns: Vec::new(),
        fields: field_names(importing.kind()),
        mapping_problems: Vec::new(),
        errors: Vec::new(),
        imported: None,
        rows_text: String::new(),
        errors_text: String::new(),
        confirm_text: String::new(),
        done_text: String::new(),
    })
}

/// `GET /orgs/{short}/import`: the upload form for actions.
pub async fn show_import(
    State(app): State<AppState>,
    Path(short): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    show(&app, &short, &request, &viewer, Importing::Actions).await
}

/// `GET /orgs/{short}/recommendations/import`: the upload form for
/// recommendations.
pub async fn show_recommendation_import(
    State(app): State<AppState>,
    Path(short): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    show(&app, &short, &request, &viewer, Importing::Recommendations).await
}

async fn show(
    app: &AppState,
    short: &str,
    request: &PageRequest,
    viewer: &Viewer,
    importing: Importing,
) -> Result<Response, AppError> {
    let org = importable(app, viewer, short, importing).await?;
    let page = page(app, request, viewer, &org, importing).await?;
    Ok(render(&page)?.into_response())
}

/// `POST /orgs/{short}/import`: the preview of the file sent, or, when the
/// preview's form confirms it, the import of all its rows.
pub async fn import_actions(
    State(app): State<AppState>,
    Path(short): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    import(
        &app,
        &short,
        &request,
        &viewer,
        multipart,
        Importing::Actions,
    )
    .await
}

/// `POST /orgs/{short}/recommendations/import`: as [`import_actions`],
/// for a file of recommendations the organisation will own.
pub async fn import_recommendations(
    State(app): State<AppState>,
    Path(short): Path<String>,
    request: PageRequest,
    viewer: Viewer,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let importing = Importing::Recommendations;
    import(&app, &short, &request, &viewer, multipart, importing).await
}

async fn import(
    app: &AppState,
    short: &str,
    request: &PageRequest,
    viewer: &Viewer,
    multipart: Result<Multipart, MultipartRejection>,
    importing: Importing,
) -> Result<Response, AppError> {
    let org = importable(app, viewer, short, importing).await?;
    let multipart = multipart.map_err(|e| AppError::InvalidField {
        field: "file",
        reason: e.body_text(),
    })?;
    let form = read_form(multipart).await?;
    checked_session(viewer, &form.csrf)?;
    let mut page = page(app, request, viewer, &org, importing).await?;
    if form.bytes.is_empty() {
        page.unreadable = Some(request.locale.t("import-no-file"));
        return Ok(render(&page)?.into_response());
    }
    let scope = viewer.scope.clone();
    let org_id = org.id;
    let (outcome, form) = app
        .read(move |store| {
            let outcome = preview(store, &scope, org_id, &form, importing)?;
            Ok::<_, StoreError>((outcome, form))
        })
        .await?;
    fill(&mut page, outcome?, form);
    counts(&mut page, request.locale, importing);
    Ok(render(&page)?.into_response())
}

/// What reading (and perhaps importing) the file came to.
enum Outcome {
    Unreadable(String),
    Read {
        headers: Vec<String>,
        rows: usize,
        mapping: Result<HeaderMapping, MappingError>,
        errors: Vec<RowError>,
    },
    Imported(usize),
}

fn preview(
    store: &Store,
    scope: &AccessScope,
    org: entente_core::access::OrgId,
    form: &ImportForm,
    importing: Importing,
) -> Result<Result<Outcome, AppError>, StoreError> {
    let kind = importing.kind();
    let sheet = match read_sheet(&form.bytes, &form.file_name) {
        Ok(sheet) => sheet,
        Err(e) => return Ok(Ok(Outcome::Unreadable(e.to_string()))),
    };
    let remembered = store.import_mapping(scope, org, kind.code())?;
    let mapping = resolve_headers(kind, &sheet.headers, &remembered, &form.explicit());
    let read = |errors| Outcome::Read {
        headers: sheet.headers.clone(),
        rows: sheet.rows.len(),
        mapping: mapping.clone(),
        errors,
    };
    let Ok(columns) = &mapping else {
        return Ok(Ok(read(Vec::new())));
    };
    let written = match write(store, scope, org, &sheet, columns, importing, form.confirm)? {
        Written::Refused(errors) => return Ok(Ok(read(errors))),
        Written::Previewed => return Ok(Ok(read(Vec::new()))),
        Written::Failed(e) => {
            let missing = AppError::NotFound("/import".to_owned());
            return Ok(Err(AppError::refused(e, missing)));
        }
        Written::Imported(count) => count,
    };
    store.remember_import_mapping(scope, org, kind.code(), &columns.to_remember)?;
    Ok(Ok(Outcome::Imported(written)))
}

/// What came of reading the rows and, when confirmed, of writing them.
enum Written {
    /// Every row is good; nothing was written (no confirmation, or no row).
    Previewed,
    Refused(Vec<RowError>),
    Failed(StoreError),
    Imported(usize),
}

impl Written {
    fn of<T>(
        records: Result<Vec<T>, Vec<RowError>>,
        confirm: bool,
        import: impl FnOnce(&[T]) -> Result<ImportSummary, ImportError>,
    ) -> Written {
        match records {
            Err(errors) => Written::Refused(errors),
            Ok(records) if !confirm || records.is_empty() => Written::Previewed,
            Ok(records) => match import(&records) {
                Ok(summary) => Written::Imported(summary.inserted),
                Err(ImportError::Rows(errors)) => Written::Refused(errors),
                Err(ImportError::Store(e)) => Written::Failed(e),
            },
        }
    }
}

/// Reads the rows of the sheet and, when `confirm`, writes them all or none.
fn write(
    store: &Store,
    scope: &AccessScope,
    org: entente_core::access::OrgId,
    sheet: &Sheet,
    columns: &HeaderMapping,
    importing: Importing,
    confirm: bool,
) -> Result<Written, StoreError> {
    let states = store.states()?;
    Ok(match importing {
        Importing::Actions => Written::of(read_actions(sheet, columns, &states), confirm, |r| {
            store.import_actions(scope, org, r, |_| {})
        }),
        Importing::Recommendations => Written::of(
            read_recommendations(sheet, columns, &states),
            confirm,
            |r| store.import_recommendation_records(scope, org, r),
        ),
    })
}

/// Puts what reading the file came to on the page.
fn fill(page: &mut ImportPage, outcome: Outcome, form: ImportForm) {
    match outcome {
        Outcome::Unreadable(reason) => page.unreadable = Some(reason),
        Outcome::Imported(count) => page.imported = Some(count),
        Outcome::Read {
            headers,
            rows,
            mapping,
            errors,
        } => {
            page.previewed = true;
            page.rows_read = rows;
            page.errors = errors;
            page.columns = columns(&headers, &mapping, &form);
            if let Err(problems) = &mapping {
                page.mapping_problems = problems.problems.iter().map(ToString::to_string).collect();
            }
            page.file_name = form.file_name;
            page.data = STANDARD.encode(&form.bytes);
        }
    }
}

/// The sentences with counts, in the reader's language.
fn counts(page: &mut ImportPage, locale: crate::locale::Locale, importing: Importing) {
    let count = |key: &str, n: usize| locale.t_args(key, &[("count", n.into())]);
    page.rows_text = count("import-rows-read", page.rows_read);
    page.errors_text = count("import-errors", page.errors.len());
    page.confirm_text = count("import-confirm", page.rows_read);
    let done = format!("{}-done", importing.words());
    page.done_text = count(&done, page.imported.unwrap_or(0));
}

/// How each column is read, for the preview's mapping table.
fn columns(
    headers: &[String],
    mapping: &Result<HeaderMapping, MappingError>,
    form: &ImportForm,
) -> Vec<ColumnView> {
    let explicit = form.explicit();
    let chosen: BTreeMap<&str, &str> = explicit
        .iter()
        .map(|(h, f)| (h.as_str(), f.as_str()))
        .collect();
    headers
        .iter()
        .enumerate()
        .map(|(index, header)| {
            let reads_as = match mapping {
                Ok(mapping) => mapping.columns[index].field.unwrap_or("-").to_owned(),
                Err(error) => unknown_or_named(error, index),
            };
            ColumnView {
                index,
                header: header.clone(),
                reads_as,
                chosen: chosen
                    .get(header.as_str())
                    .map(|f| (*f).to_owned())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// A column of headers that could not all be read: empty when its header
/// names no field, `*` when it is recognised.
fn unknown_or_named(error: &MappingError, index: usize) -> String {
    let unknown = error
        .problems
        .iter()
        .any(|p| matches!(p, MappingProblem::UnknownHeader { column, .. } if *column == index + 1));
    if unknown {
        String::new()
    } else {
        "*".to_owned()
    }
}
