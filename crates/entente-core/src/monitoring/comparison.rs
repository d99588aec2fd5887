//! Assessments side by side: for each criterion, each viewpoint's latest
//! rating with its date and evidence, and whether the viewpoints disagree.
//! Nothing is averaged: a disagreement is shown, never resolved.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{AssessmentId, Criterion, Rating, Viewpoint};

/// An assessment as the comparison reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentFacts {
    pub id: AssessmentId,
    pub viewpoint: Viewpoint,
    pub assessor: String,
    pub date: NaiveDate,
    /// The rating and evidence of each criterion it judges.
    pub ratings: BTreeMap<Criterion, (Rating, String)>,
}

impl AssessmentFacts {
    pub fn rating(&self, criterion: Criterion) -> Rating {
        self.ratings
            .get(&criterion)
            .map_or(Rating::NotKnown, |(rating, _)| *rating)
    }

    /// Newer first: by date, then by the later record on the same day.
    fn key(&self) -> (NaiveDate, AssessmentId) {
        (self.date, self.id)
    }
}

/// One viewpoint's latest word on one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub viewpoint: Viewpoint,
    pub rating: Rating,
    pub evidence: String,
    pub date: NaiveDate,
    pub assessment: AssessmentId,
    pub assessor: String,
}

/// One criterion across the viewpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CriterionRow {
    pub criterion: Criterion,
    /// One per viewpoint, in the order of [`Viewpoint::ALL`]; `None` when
    /// that viewpoint made no assessment by the day.
    pub cells: Vec<Option<Cell>>,
    /// At least two viewpoints made different judgements (`not_known` is no judgement).
    pub disagreement: bool,
}

/// The comparison of every criterion on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub as_of: NaiveDate,
    /// One per criterion, in the order of [`Criterion::ALL`].
    pub rows: Vec<CriterionRow>,
}

impl Comparison {
    /// The criteria on which the viewpoints disagree.
    pub fn disagreements(&self) -> impl Iterator<Item = Criterion> + '_ {
        self.rows
            .iter()
            .filter(|row| row.disagreement)
            .map(|row| row.criterion)
    }

    /// True when no assessment was made by the day.
    pub fn is_empty(&self) -> bool {
        self.rows
            .iter()
            .all(|row| row.cells.iter().all(Option::is_none))
    }

    /// The cell of one viewpoint on one criterion.
    pub fn cell(&self, criterion: Criterion, viewpoint: Viewpoint) -> Option<&Cell> {
        let row = self.rows.iter().find(|r| r.criterion == criterion)?;
        let column = Viewpoint::ALL.iter().position(|v| *v == viewpoint)?;
        row.cells[column].as_ref()
    }
}

/// The comparison as of `as_of`: an assessment dated later plays no part.
/// A viewpoint's cell is its latest judgement of the criterion (an
/// assessment that left it `not_known` does not erase an earlier
/// judgement); with no judgement at all, its latest assessment's
/// `not_known`.
pub fn compare(assessments: &[AssessmentFacts], as_of: NaiveDate) -> Comparison {
    let mut known: Vec<&AssessmentFacts> = assessments.iter().filter(|a| a.date <= as_of).collect();
    known.sort_by_key(|a| std::cmp::Reverse(a.key()));
    let rows = Criterion::ALL
        .iter()
        .map(|criterion| {
            let cells: Vec<Option<Cell>> = Viewpoint::ALL
                .iter()
                .map(|viewpoint| latest_cell(&known, *criterion, *viewpoint))
                .collect();
            let mut judgements: Vec<Rating> = cells
                .iter()
                .flatten()
                .map(|cell| cell.rating)
                .filter(|rating| rating.is_known())
                .collect();
            judgements.sort();
            judgements.dedup();
            CriterionRow {
                criterion: *criterion,
                disagreement: judgements.len() > 1,
                cells,
            }
        })
        .collect();
    Comparison { as_of, rows }
}

/// `newest_first` holds the assessments known on the day, newest first.
fn latest_cell(
    newest_first: &[&AssessmentFacts],
    criterion: Criterion,
    viewpoint: Viewpoint,
) -> Option<Cell> {
    let mut own = newest_first.iter().filter(|a| a.viewpoint == viewpoint);
    let latest = *own.clone().next()?;
    let judged = own
        .find(|a| a.rating(criterion).is_known())
        .copied()
        .unwrap_or(latest);
    let (rating, evidence) = judged
        .ratings
        .get(&criterion)
        .cloned()
        .unwrap_or((Rating::NotKnown, String::new()));
    Some(Cell {
        viewpoint,
        rating,
        evidence,
        date: judged.date,
        assessment: judged.id,
        assessor: judged.assessor.clone(),
    })
}
