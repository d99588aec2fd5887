//! `GET /consultations/{id}`: one consultation, its positions matrix
//! (participants by options, each position in words and with a mark that
//! differs in shape), the consensus figures of each option overall and by
//! sector, and, for editors of its owner, the forms that set positions and
//! add or remove participants and options. Reads of a non-public
//! consultation from outside its owner are logged for the owner's admins.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use entente_core::access::can_write;
use entente_core::consultation::{Consensus, ParticipantSector, Position};
use entente_core::plan::FieldError;
use entente_store::{Consultation, PositionsMatrix, StoreError};

use super::list::dates_text;
use super::{
    consultation_id, kind_label, missing, position_class, position_label, position_mark, problems,
    sector_label,
};
use crate::auth::{Viewer, audit_outside_read};
use crate::error::AppError;
use crate::locale::Locale;
use crate::pages::actions::session_csrf;
use crate::pages::chrome::{Chrome, PageRequest};
use crate::pages::recommendations::show::Fact;
use crate::pages::recommendations::{Problems, offers};
use crate::pages::{frame, render};
use crate::state::AppState;
use crate::views::actions::{Lookups, org_label};

/// One cell of the matrix.
pub struct Cell {
    /// The form field's name: `position-{participant}-{option}`.
    pub name: String,
    /// The position's code, empty when the participant said nothing.
    pub code: &'static str,
    pub class: &'static str,
    pub mark: &'static str,
    pub words: String,
    /// "Ministry of Justice — Ombudsman model", for the field's label.
    pub label: String,
}

/// One participant's row.
pub struct MatrixRow {
    pub id: i64,
    pub name: String,
    pub sector: String,
    pub cells: Vec<Cell>,
}

/// Where an option stands, in words and figures.
pub struct Figures {
    pub label: String,
    pub supports: usize,
    pub accepts: usize,
    pub opposes: usize,
    pub no_position: usize,
    /// "67 %", or a dash when nobody took a position.
    pub share: String,
    /// "2 of 3 who took a position are in favour".
    pub summary: String,
}

/// One option with its figures, overall and by sector.
pub struct OptionFigures {
    pub id: i64,
    pub label: String,
    pub description: String,
    /// The caption of its table of figures by sector.
    pub caption: String,
    pub overall: Figures,
    pub by_sector: Vec<Figures>,
}

/// The values of the participant form, kept when it is refused.
#[derive(Default, Clone)]
pub struct ParticipantValues {
    pub org: String,
    pub name: String,
    pub sector: String,
}

/// The values of the option form, kept when it is refused.
#[derive(Default, Clone)]
pub struct OptionValues {
    pub label: String,
    pub description: String,
}

/// Which form of the page a refusal belongs to.
pub enum Refused {
    Participant(ParticipantValues, Vec<FieldError>),
    Option(OptionValues, Vec<FieldError>),
    Positions(Vec<FieldError>),
}

#[derive(Template)]
#[template(path = "consultation.html")]
pub struct ConsultationSheet {
    pub chrome: Chrome,
    pub id: i64,
    pub title: String,
    pub demo: bool,
    pub facts: Vec<Fact>,
    pub outcome: String,
    /// The options, in order, as the matrix's columns.
    pub columns: Vec<(i64, String)>,
    pub rows: Vec<MatrixRow>,
    pub figures: Vec<OptionFigures>,
    pub may_write: bool,
    pub csrf: String,
    /// Value and label of each position a cell may take.
    pub positions: Vec<(String, String)>,
    pub sectors: Vec<(String, String)>,
    /// The directory entries the reader sees that do not take part yet.
    pub orgs: Vec<(String, String)>,
    pub participant: ParticipantValues,
    pub participant_problems: Problems,
    pub option: OptionValues,
    pub option_problems: Problems,
    pub positions_problems: Problems,
}

/// `GET /consultations/{id}`
pub async fn show_consultation(
    State(app): State<AppState>,
    Path(raw): Path<String>,
    request: PageRequest,
    viewer: Viewer,
) -> Result<Response, AppError> {
    sheet_response(&app, &request, &viewer, &raw, None).await
}

/// The page, with a refused form's problems and values when there are.
pub async fn sheet_response(
    app: &AppState,
    request: &PageRequest,
    viewer: &Viewer,
    raw: &str,
    refused: Option<Refused>,
) -> Result<Response, AppError> {
    let id = consultation_id(raw)?;
    let scope = viewer.scope.clone();
    let found = app
        .read(move |store| {
            let Some(consultation) = store.consultation(&scope, id)? else {
                return Ok::<_, StoreError>(None);
            };
            let c = &consultation.content;
            audit_outside_read(store, &scope, c.owner, c.visibility, "consultation", id.0)?;
            let matrix = store.positions_matrix(&scope, id)?.unwrap_or_default();
            Ok(Some((consultation, matrix, Lookups::load(store, &scope)?)))
        })
        .await?;
    let Some((consultation, matrix, lookups)) = found else {
        return Err(missing(raw));
    };
    let title = consultation.content.title.clone();
    let chrome = frame(app, request, title, "consultations").await?;
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = sheet(chrome, viewer, &consultation, &matrix, &lookups, refused);
    Ok((status, render(&page)?).into_response())
}

fn figures(label: String, consensus: Consensus, locale: Locale) -> Figures {
    let (share, summary) = match consensus.percent() {
        Some(percent) => (
            format!("{percent} %"),
            locale.t_args(
                "consult-share-summary",
                &[
                    ("favour", (consensus.supports + consensus.accepts).into()),
                    ("took", consensus.took_position().into()),
                    ("percent", percent.into()),
                ],
            ),
        ),
        None => ("–".to_owned(), locale.t("consult-share-none")),
    };
    Figures {
        label,
        supports: consensus.supports,
        accepts: consensus.accepts,
        opposes: consensus.opposes,
        no_position: consensus.no_position,
        share,
        summary,
    }
}

fn sheet(
    chrome: Chrome,
    viewer: &Viewer,
    consultation: &Consultation,
    matrix: &PositionsMatrix,
    lookups: &Lookups,
    refused: Option<Refused>,
) -> ConsultationSheet {
    let locale = chrome.locale;
    let c = &consultation.content;
    let may_write = can_write(&viewer.scope, &c.access());
    let fact = |key: &str, value: String| Fact {
        label: locale.t(key),
        value,
    };
    let facts = vec![
        fact("consult-field-state", lookups.state_name(c.state, locale)),
        fact("consult-field-kind", kind_label(c.kind, locale)),
        fact("consult-field-dates", dates_text(c.start, c.end, locale)),
        fact("consult-field-owner", org_label(lookups, c.owner, locale)),
        fact(
            "consult-field-visibility",
            locale.t(&format!("action-visibility-{}", c.visibility.code())),
        ),
    ];
    let participant_name = |p: &entente_store::Participant| match p.org {
        Some(org) => org_label(lookups, org, locale),
        None => p.name.clone(),
    };
    let rows = matrix
        .participants
        .iter()
        .map(|p| {
            let name = participant_name(p);
            MatrixRow {
                id: p.id,
                sector: sector_label(p.sector, locale),
                cells: matrix
                    .options
                    .iter()
                    .map(|o| {
                        let position = matrix.position(p.id, o.id);
                        Cell {
                            name: format!("position-{}-{}", p.id, o.id),
                            code: position.map_or("", Position::code),
                            class: position_class(position),
                            mark: position_mark(position),
                            words: position_label(position, locale),
                            label: format!("{name} — {}", o.label),
                        }
                    })
                    .collect(),
                name,
            }
        })
        .collect();
    let option_figures = matrix
        .options
        .iter()
        .map(|o| OptionFigures {
            id: o.id,
            label: o.label.clone(),
            description: o.description.clone(),
            caption: locale.t_args(
                "consult-consensus-caption",
                &[("option", o.label.clone().into())],
            ),
            overall: figures(
                locale.t("consult-all-sectors"),
                matrix.consensus(o.id),
                locale,
            ),
            by_sector: matrix
                .consensus_by_sector(o.id)
                .into_iter()
                .map(|(sector, consensus)| figures(sector_label(sector, locale), consensus, locale))
                .collect(),
        })
        .collect();
    let taking_part: Vec<_> = matrix.participants.iter().filter_map(|p| p.org).collect();
    let (participant, participant_problems, option, option_problems, positions_problems) =
        match refused {
            Some(Refused::Participant(values, errors)) => (
                values,
                problems(&errors, locale),
                OptionValues::default(),
                Problems::default(),
                Problems::default(),
            ),
            Some(Refused::Option(values, errors)) => (
                ParticipantValues::default(),
                Problems::default(),
                values,
                problems(&errors, locale),
                Problems::default(),
            ),
            Some(Refused::Positions(errors)) => (
                ParticipantValues::default(),
                Problems::default(),
                OptionValues::default(),
                Problems::default(),
                problems(&errors, locale),
            ),
            None => (
                ParticipantValues::default(),
                Problems::default(),
                OptionValues::default(),
                Problems::default(),
                Problems::default(),
            ),
        };
    ConsultationSheet {
        id: consultation.id.0,
        title: c.title.clone(),
        demo: c.demo,
        facts,
        outcome: c.outcome.clone(),
        columns: matrix
            .options
            .iter()
            .map(|o| (o.id, o.label.clone()))
            .collect(),
        rows,
        figures: option_figures,
        may_write,
        csrf: session_csrf(viewer),
        positions: offers(Position::ALL, Position::code, |p| {
            position_label(Some(p), locale)
        }),
        sectors: offers(ParticipantSector::ALL, ParticipantSector::code, |s| {
            sector_label(s, locale)
        }),
        orgs: lookups
            .orgs
            .iter()
            .filter(|o| !taking_part.contains(&o.id))
            .map(|o| (o.short_name.clone(), o.name.clone()))
            .collect(),
        participant,
        participant_problems,
        option,
        option_problems,
        positions_problems,
        chrome,
    }
}
