//! The default playbook of `entente_core::coordination` as the demo plays
//! it: for each OPCAT stage, the audiences to move and the kinds of action
//! that help (from the core, so the gap rule judges the demo by the same
//! table), with the actors who typically take them and what they hope for
//! (the demo's own, from DOMAIN.md); and how each kind of action is titled
//! in English, French and Spanish.

use entente_core::Stage;
use entente_core::access::OrgKind;
use entente_core::coordination::Playbook;
use entente_core::plan::{Audience, Phase};

/// What the playbook calls for at one stage, and who answers it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Play<'a> {
    pub phase: Phase,
    pub audiences: &'a [Audience],
    pub types: &'a [String],
    pub actors: &'static [OrgKind],
    /// What the actions hope for, in English.
    pub outcome: &'static str,
}

use OrgKind as K;

/// DOMAIN.md's "typical actors" of each stage, and what their actions
/// hope for.
fn cast(stage: Stage, npm_overdue: bool) -> (&'static [OrgKind], &'static str) {
    match stage {
        Stage::NotCatParty | Stage::CatPartyNotSigned => (
            &[K::InternationalNgo, K::UnBody, K::RegionalBody, K::Nhri],
            "The government announces that it will sign OPCAT.",
        ),
        Stage::Signatory => (
            &[
                K::NationalNgo,
                K::Nhri,
                K::ProfessionalAssociation,
                K::Academia,
                K::InternationalNgo,
            ],
            "Parliament approves the ratification of OPCAT.",
        ),
        Stage::PartyNpmPending if npm_overdue => (
            &[
                K::InternationalNgo,
                K::NationalNgo,
                K::Nhri,
                K::UnBody,
                K::RegionalBody,
            ],
            "The overdue NPM is designated.",
        ),
        Stage::PartyNpmPending => (
            &[K::Nhri, K::NationalNgo, K::InternationalNgo, K::UnBody],
            "An NPM law drafted with civil society.",
        ),
        Stage::NpmDesignated => (
            &[K::Nhri, K::NationalNgo, K::InternationalNgo, K::UnBody],
            "The NPM has the resources and independence it needs.",
        ),
        Stage::NpmOperating | Stage::NpmMeetsCriteria => (
            &[
                K::NationalNgo,
                K::ProfessionalAssociation,
                K::InternationalNgo,
                K::UnBody,
            ],
            "The NPM's recommendations are followed up.",
        ),
    }
}

/// The play for a state at `stage`; `None` where the playbook calls for
/// nothing (a state outside the Convention against Torture, which cannot
/// join OPCAT yet).
pub(super) fn play(book: &Playbook, stage: Stage, npm_overdue: bool) -> Option<Play<'_>> {
    let called = book.play(stage, npm_overdue)?;
    if called.audiences.is_empty() || called.action_types.is_empty() {
        return None;
    }
    let (actors, outcome) = cast(stage, npm_overdue);
    Some(Play {
        phase: if stage.is_party() {
            Phase::Implementation
        } else {
            Phase::Ratification
        },
        audiences: &called.audiences,
        types: &called.action_types,
        actors,
        outcome,
    })
}

/// The language an action is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Language {
    En,
    Fr,
    Es,
}

/// Each kind of action's title, without the state, in English, French
/// and Spanish; the last is also that of a kind the table does not name.
const TITLES: &[(&str, [&str; 3])] = &[
    (
        "meeting_executive",
        [
            "Meeting with the Ministry of Justice on OPCAT",
            "Rencontre avec le ministère de la Justice sur l’OPCAT",
            "Reunión con el Ministerio de Justicia sobre el OPCAT",
        ],
    ),
    (
        "letter",
        [
            "Letter to the Minister of Foreign Affairs urging signature",
            "Lettre au ministre des Affaires étrangères pour la signature",
            "Carta al Ministro de Relaciones Exteriores sobre la firma",
        ],
    ),
    (
        "joint_statement",
        [
            "Joint statement of national and international organisations",
            "Déclaration commune des organisations nationales et internationales",
            "Declaración conjunta de organizaciones nacionales e internacionales",
        ],
    ),
    (
        "submission",
        [
            "Submission to the Universal Periodic Review",
            "Contribution à l’Examen périodique universel",
            "Contribución al Examen Periódico Universal",
        ],
    ),
    (
        "awareness",
        [
            "Public awareness campaign on torture prevention",
            "Campagne de sensibilisation à la prévention de la torture",
            "Campaña de sensibilización sobre la prevención de la tortura",
        ],
    ),
    (
        "parliamentary_briefing",
        [
            "Briefing for the parliamentary human rights committee",
            "Briefing de la commission parlementaire des droits humains",
            "Sesión informativa para la comisión parlamentaria de derechos humanos",
        ],
    ),
    (
        "legal_study",
        [
            "Study of OPCAT's compatibility with domestic law",
            "Étude de compatibilité de l’OPCAT avec le droit interne",
            "Estudio de compatibilidad del OPCAT con el derecho interno",
        ],
    ),
    (
        "seminar",
        [
            "National roundtable on the prevention of torture",
            "Table ronde nationale sur la prévention de la torture",
            "Mesa redonda nacional sobre la prevención de la tortura",
        ],
    ),
    (
        "media_work",
        [
            "Press conference and op-eds on OPCAT",
            "Conférence de presse et tribunes sur l’OPCAT",
            "Rueda de prensa y columnas sobre el OPCAT",
        ],
    ),
    (
        "briefing_paper",
        [
            "Briefing paper on the National Preventive Mechanism",
            "Note d’information sur le mécanisme national de prévention",
            "Documento informativo sobre el mecanismo nacional de prevención",
        ],
    ),
    (
        "mapping_study",
        [
            "Mapping of bodies that visit places of detention",
            "Cartographie des organes qui visitent les lieux de détention",
            "Mapeo de los órganos que visitan lugares de detención",
        ],
    ),
    (
        "national_consultation",
        [
            "National consultation on the NPM model",
            "Consultation nationale sur le modèle de MNP",
            "Consulta nacional sobre el modelo de MNP",
        ],
    ),
    (
        "draft_legislation",
        [
            "Comments on the draft NPM law",
            "Commentaires sur le projet de loi sur le MNP",
            "Comentarios al proyecto de ley sobre el MNP",
        ],
    ),
    (
        "budget_advocacy",
        [
            "Advocacy for the NPM's budget",
            "Plaidoyer pour le budget du MNP",
            "Incidencia sobre el presupuesto del MNP",
        ],
    ),
    (
        "training",
        [
            "Training of NPM members on detention monitoring",
            "Formation des membres du MNP au monitoring de la détention",
            "Capacitación de los miembros del MNP en monitoreo de la detención",
        ],
    ),
    (
        "follow_up",
        [
            "Follow-up of the NPM's recommendations",
            "Suivi des recommandations du MNP",
            "Seguimiento de las recomendaciones del MNP",
        ],
    ),
    (
        "publication",
        [
            "Publication of the NPM's annual report",
            "Publication du rapport annuel du MNP",
            "Publicación del informe anual del MNP",
        ],
    ),
];

/// A kind of action's title, without the state, in `language`.
pub(super) fn title(action_type: &str, language: Language) -> &'static str {
    let fallback = &TITLES[TITLES.len() - 1].1;
    let titles = TITLES
        .iter()
        .find(|(code, _)| *code == action_type)
        .map_or(fallback, |(_, titles)| titles);
    match language {
        Language::En => titles[0],
        Language::Fr => titles[1],
        Language::Es => titles[2],
    }
}

/// The sentence every demo description starts with, and the rest of it.
pub(super) fn description(language: Language) -> &'static str {
    match language {
        Language::En => {
            "Demo data, made up by the entente demo command: this action did not happen."
        }
        Language::Fr => {
            "Données de démonstration, inventées par la commande entente demo\u{a0}: cette action n’a pas eu lieu."
        }
        Language::Es => {
            "Datos de demostración, inventados por la orden entente demo: esta acción no ocurrió."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_core::plan::BUILTIN_ACTION_TYPES;

    #[test]
    fn every_kind_the_playbook_names_is_in_the_catalogue_and_titled() {
        let book = Playbook::default();
        for stage in Stage::ALL {
            for overdue in [false, true] {
                let Some(play) = play(&book, stage, overdue) else {
                    continue;
                };
                for code in play.types {
                    assert!(
                        BUILTIN_ACTION_TYPES.iter().any(|t| t.code == code),
                        "{code}"
                    );
                    if code != "publication" {
                        assert_ne!(
                            title(code, Language::En),
                            title("publication", Language::En),
                            "{code}"
                        );
                    }
                }
            }
        }
        assert!(play(&book, Stage::NotCatParty, false).is_none());
    }
}
