//! The playbook: for each OPCAT stage, the audiences to move and the kinds
//! of action that help, with the reason. The gap rule measures the plan
//! against it. An instance edits its own (the store keeps it as data, hence
//! serde); [`Playbook::default`] is DOMAIN.md's table.

mod builtin;

use serde::{Deserialize, Serialize};

use crate::opcat::Stage;
use crate::plan::Audience;

/// Why a play calls for what it does, in each language of the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reasons {
    pub en: String,
    pub fr: String,
    pub es: String,
}

/// What the playbook calls for at one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Play {
    pub stage: Stage,
    /// This play is for a party whose NPM is past its due date (only at
    /// [`Stage::PartyNpmPending`]); without one, such a state gets the
    /// stage's ordinary play.
    #[serde(default)]
    pub npm_overdue: bool,
    /// Whom to move, most important first.
    pub audiences: Vec<Audience>,
    /// Codes of the catalogue's kinds of action that help.
    pub action_types: Vec<String>,
    pub reason: Reasons,
}

/// An instance's plays, at most one per stage (and one more for an overdue
/// NPM). A stage without a play calls for nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Playbook {
    pub plays: Vec<Play>,
}

/// A play that cannot be used, naming the play and the value at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlaybookError {
    #[error("the play for {stage}{overdue}: {code:?} is not a kind of action of the catalogue", overdue = overdue_label(*npm_overdue))]
    UnknownActionType {
        stage: &'static str,
        npm_overdue: bool,
        code: String,
    },
    #[error("there are two plays for {stage}{overdue}", overdue = overdue_label(*npm_overdue))]
    Duplicate {
        stage: &'static str,
        npm_overdue: bool,
    },
    #[error("the play for {stage}{overdue} names no {what}", overdue = overdue_label(*npm_overdue))]
    Empty {
        stage: &'static str,
        npm_overdue: bool,
        /// "kind of action" or "audience".
        what: &'static str,
    },
    #[error(
        "the play for {stage} is marked for an overdue NPM, which only a party without its NPM can be"
    )]
    OverdueOutsidePending { stage: &'static str },
    #[error("the play for {stage}{overdue} gives no reason in {language}", overdue = overdue_label(*npm_overdue))]
    NoReason {
        stage: &'static str,
        npm_overdue: bool,
        /// "en", "fr" or "es".
        language: &'static str,
    },
}

fn overdue_label(npm_overdue: bool) -> &'static str {
    if npm_overdue { " (NPM overdue)" } else { "" }
}

impl Default for Playbook {
    /// DOMAIN.md's default playbook.
    fn default() -> Self {
        builtin::playbook()
    }
}

impl Playbook {
    /// The play for a state at `stage`, with `npm_overdue` from its OPCAT
    /// status: the overdue play when there is one, else the stage's.
    pub fn play(&self, stage: Stage, npm_overdue: bool) -> Option<&Play> {
        let exact = |overdue: bool| {
            self.plays
                .iter()
                .find(|p| p.stage == stage && p.npm_overdue == overdue)
        };
        if npm_overdue {
            exact(true).or_else(|| exact(false))
        } else {
            exact(false)
        }
    }

    /// Every problem of the playbook, given the codes of the instance's
    /// catalogue of kinds of action (built-in and its own).
    pub fn validate(&self, known_action_types: &[&str]) -> Result<(), Vec<PlaybookError>> {
        let mut errors = Vec::new();
        for (index, play) in self.plays.iter().enumerate() {
            let (stage, npm_overdue) = (play.stage.code(), play.npm_overdue);
            let earlier = &self.plays[..index];
            if earlier
                .iter()
                .any(|p| p.stage == play.stage && p.npm_overdue == npm_overdue)
            {
                errors.push(PlaybookError::Duplicate { stage, npm_overdue });
            }
            if npm_overdue && play.stage != Stage::PartyNpmPending {
                errors.push(PlaybookError::OverdueOutsidePending { stage });
            }
            for (what, empty) in [
                ("kind of action", play.action_types.is_empty()),
                ("audience", play.audiences.is_empty()),
            ] {
                if empty {
                    errors.push(PlaybookError::Empty {
                        stage,
                        npm_overdue,
                        what,
                    });
                }
            }
            for code in &play.action_types {
                if !known_action_types.contains(&code.as_str()) {
                    errors.push(PlaybookError::UnknownActionType {
                        stage,
                        npm_overdue,
                        code: code.clone(),
                    });
                }
            }
            let reason = &play.reason;
            for (language, text) in [("en", &reason.en), ("fr", &reason.fr), ("es", &reason.es)] {
                if text.trim().is_empty() {
                    errors.push(PlaybookError::NoReason {
                        stage,
                        npm_overdue,
                        language,
                    });
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
