//! The kinds of action the campaign guides describe. An instance extends
//! the catalogue with its own kinds (stored with their labels); these
//! built-in ones exist everywhere with the same codes.

/// A kind of action: its stable code and its name in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionTypeLabel {
    pub code: &'static str,
    pub en: &'static str,
    pub fr: &'static str,
    pub es: &'static str,
}

const fn kind(
    code: &'static str,
    en: &'static str,
    fr: &'static str,
    es: &'static str,
) -> ActionTypeLabel {
    ActionTypeLabel { code, en, fr, es }
}

/// The built-in kinds of action, in the order forms offer them.
pub const BUILTIN_ACTION_TYPES: &[ActionTypeLabel] = &[
    kind(
        "meeting_executive",
        "Meeting with the executive",
        "Rencontre avec l’exécutif",
        "Reunión con el poder ejecutivo",
    ),
    kind("letter", "Letter", "Lettre", "Carta"),
    kind(
        "briefing_paper",
        "Briefing paper",
        "Note d’information",
        "Documento informativo",
    ),
    kind(
        "parliamentary_briefing",
        "Parliamentary briefing",
        "Séance d’information parlementaire",
        "Sesión informativa parlamentaria",
    ),
    kind(
        "seminar",
        "Seminar or roundtable",
        "Séminaire ou table ronde",
        "Seminario o mesa redonda",
    ),
    kind(
        "national_consultation",
        "National consultation on the NPM",
        "Consultation nationale sur le MNP",
        "Consulta nacional sobre el MNP",
    ),
    kind(
        "media_work",
        "Media work",
        "Travail médiatique",
        "Trabajo con los medios",
    ),
    kind("publication", "Publication", "Publication", "Publicación"),
    kind(
        "legal_study",
        "Legal or compatibility study",
        "Étude juridique ou de compatibilité",
        "Estudio jurídico o de compatibilidad",
    ),
    kind(
        "draft_legislation",
        "Draft legislation",
        "Projet de loi",
        "Proyecto de ley",
    ),
    kind("training", "Training", "Formation", "Capacitación"),
    kind(
        "submission",
        "Submission to a UN or regional body",
        "Communication à un organe de l’ONU ou régional",
        "Comunicación a un órgano de la ONU o regional",
    ),
    kind(
        "joint_statement",
        "Joint statement",
        "Déclaration commune",
        "Declaración conjunta",
    ),
    kind("follow_up", "Follow-up", "Suivi", "Seguimiento"),
    kind(
        "awareness",
        "Awareness campaign",
        "Campagne de sensibilisation",
        "Campaña de sensibilización",
    ),
    kind(
        "budget_advocacy",
        "Budget advocacy",
        "Plaidoyer budgétaire",
        "Incidencia presupuestaria",
    ),
    kind(
        "mapping_study",
        "Mapping of visiting bodies",
        "Cartographie des organes de visite",
        "Mapeo de los órganos de visita",
    ),
];

/// An instance's own kind of action is named by a code like the built-in
/// ones: 2 to 40 lower-case letters, digits and `_`, starting with a letter.
pub fn check_action_type_code(code: &str) -> Result<(), String> {
    let bytes = code.as_bytes();
    let ok = (2..=40).contains(&bytes.len())
        && bytes[0].is_ascii_lowercase()
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{code:?}: a kind of action's code is 2 to 40 lower-case letters, digits and '_', \
             starting with a letter"
        ))
    }
}
