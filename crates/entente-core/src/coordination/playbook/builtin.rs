//! DOMAIN.md's table "who does what at each stage" as the default
//! playbook, with the same kinds of action per stage as the demo data.

use super::{Play, Playbook, Reasons};
use crate::opcat::Stage;
use crate::plan::Audience::{self, Executive, Legislature, Nhri, Npm, Public};

fn play(
    stage: Stage,
    npm_overdue: bool,
    audiences: &[Audience],
    action_types: &[&str],
    [en, fr, es]: [&str; 3],
) -> Play {
    Play {
        stage,
        npm_overdue,
        audiences: audiences.to_vec(),
        action_types: action_types.iter().map(|code| (*code).to_owned()).collect(),
        reason: Reasons {
            en: en.to_owned(),
            fr: fr.to_owned(),
            es: es.to_owned(),
        },
    }
}

const PENDING: [&str; 4] = [
    "mapping_study",
    "national_consultation",
    "draft_legislation",
    "budget_advocacy",
];

const OPERATING: [&str; 4] = [
    "follow_up",
    "publication",
    "parliamentary_briefing",
    "submission",
];

const OPERATING_REASON: [&str; 3] = [
    "The NPM's recommendations must be followed up, its annual reports published and debated in parliament, and SPT visits prepared.",
    "Les recommandations du MNP doivent être suivies, ses rapports annuels publiés et débattus au parlement, et les visites du SPT préparées.",
    "Las recomendaciones del MNP deben ser objeto de seguimiento, sus informes anuales publicados y debatidos en el parlamento, y las visitas del SPT preparadas.",
];

/// The default playbook: no play for a state outside the Convention
/// against Torture, which cannot join OPCAT yet.
pub(super) fn playbook() -> Playbook {
    Playbook {
        plays: vec![
            play(
                Stage::CatPartyNotSigned,
                false,
                &[Executive, Public],
                &[
                    "meeting_executive",
                    "letter",
                    "joint_statement",
                    "submission",
                    "awareness",
                ],
                [
                    "The executive decides to sign. High-level meetings, letters, joint calls of international NGOs and UN and regional recommendations move it, and public awareness backs them.",
                    "C’est l’exécutif qui décide de signer. Rencontres de haut niveau, lettres, appels communs d’ONG internationales et recommandations de l’ONU et des organes régionaux l’y amènent, avec l’appui de l’opinion publique.",
                    "El poder ejecutivo decide la firma. Las reuniones de alto nivel, las cartas, los llamamientos conjuntos de ONG internacionales y las recomendaciones de la ONU y de los órganos regionales lo mueven, con el apoyo de la opinión pública.",
                ],
            ),
            play(
                Stage::Signatory,
                false,
                &[Legislature, Executive],
                &[
                    "parliamentary_briefing",
                    "legal_study",
                    "seminar",
                    "media_work",
                    "briefing_paper",
                ],
                [
                    "Ratification goes through parliament. Members need briefings, a study of what OPCAT means in domestic law and a national debate.",
                    "La ratification passe par le parlement. Les parlementaires ont besoin d’être informés, d’une étude de ce que l’OPCAT implique en droit interne et d’un débat national.",
                    "La ratificación pasa por el parlamento. Los parlamentarios necesitan información, un estudio de lo que el OPCAT supone en el derecho interno y un debate nacional.",
                ],
            ),
            play(
                Stage::PartyNpmPending,
                false,
                &[Executive, Legislature, Nhri],
                &PENDING,
                [
                    "The NPM is due within a year of entry into force. Map the bodies that already visit places of detention, hold an open national consultation on the model, and draft the law and its budget.",
                    "Le MNP doit exister un an après l’entrée en vigueur. Il faut cartographier les organes qui visitent déjà les lieux de détention, tenir une consultation nationale ouverte sur le modèle, puis rédiger la loi et prévoir son budget.",
                    "El MNP debe existir un año después de la entrada en vigor. Hay que mapear los órganos que ya visitan lugares de detención, celebrar una consulta nacional abierta sobre el modelo y redactar la ley y su presupuesto.",
                ],
            ),
            play(
                Stage::PartyNpmPending,
                true,
                &[Executive, Legislature],
                &[
                    "joint_statement",
                    "submission",
                    "draft_legislation",
                    "national_consultation",
                    "media_work",
                ],
                [
                    "The NPM is overdue. The same work with more pressure: public statements, UN and regional follow-up, national and international organisations acting together.",
                    "Le MNP est en retard. Le même travail avec plus de pression, par des déclarations publiques, le suivi de l’ONU et des organes régionaux, et l’action commune des organisations nationales et internationales.",
                    "El MNP está atrasado. El mismo trabajo con más presión, mediante declaraciones públicas, el seguimiento de la ONU y de los órganos regionales y la acción conjunta de organizaciones nacionales e internacionales.",
                ],
            ),
            play(
                Stage::NpmDesignated,
                false,
                &[Npm, Executive, Legislature],
                &["training", "follow_up", "briefing_paper", "seminar"],
                [
                    "A new NPM needs trained members, guarantees of independence and resources, and cooperation with civil society before its first visits.",
                    "Un nouveau MNP a besoin de membres formés, de garanties d’indépendance et de moyens, et d’une coopération avec la société civile avant ses premières visites.",
                    "Un nuevo MNP necesita miembros capacitados, garantías de independencia y de recursos, y cooperación con la sociedad civil antes de sus primeras visitas.",
                ],
            ),
            play(
                Stage::NpmOperating,
                false,
                &[Npm, Legislature, Public],
                &OPERATING,
                OPERATING_REASON,
            ),
            play(
                Stage::NpmMeetsCriteria,
                false,
                &[Npm, Legislature, Public],
                &OPERATING,
                OPERATING_REASON,
            ),
        ],
    }
}
