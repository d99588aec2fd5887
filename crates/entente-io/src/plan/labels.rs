//! The words spreadsheets use for the values of the closed vocabularies,
//! in English, French and Spanish, besides their codes: "en cours" and
//! "en curso" for `under_way`, "ONG nationale" for `national_ngo`.

/// (vocabulary, code, other names comma-separated). Codes themselves need
/// no entry.
const LABELS: &[(&str, &str, &str)] = &[
    ("phase", "ratification", "ratificación, ratifier"),
    (
        "phase",
        "implementation",
        "mise en œuvre, mise en oeuvre, aplicación, implementación",
    ),
    ("level", "international", "internacional"),
    ("level", "regional", "régional"),
    ("level", "national", "nacional"),
    ("status", "idea", "idée"),
    (
        "status",
        "planned",
        "prévue, prévu, planifiée, planifié, prevista, planificada",
    ),
    (
        "status",
        "under_way",
        "in progress, ongoing, en cours, en curso",
    ),
    (
        "status",
        "done",
        "completed, finished, terminée, terminé, réalisée, réalisé, realizada, terminada",
    ),
    (
        "status",
        "cancelled",
        "canceled, annulée, annulé, cancelada, anulada",
    ),
    (
        "target audience",
        "executive",
        "government, gouvernement, exécutif, gobierno, ejecutivo",
    ),
    (
        "target audience",
        "legislature",
        "parliament, parlement, législatif, parlamento, legislativo",
    ),
    (
        "target audience",
        "nhri",
        "inddh, indh, national human rights institution",
    ),
    (
        "target audience",
        "npm",
        "mnp, national preventive mechanism, mécanisme national de prévention, mecanismo nacional de prevención",
    ),
    (
        "target audience",
        "judiciary",
        "judiciaire, justice, poder judicial, judicial",
    ),
    (
        "target audience",
        "public",
        "general public, grand public, público",
    ),
    (
        "target audience",
        "civil_society",
        "société civile, sociedad civil",
    ),
    (
        "target audience",
        "un_body",
        "un, united nations, onu, organe de l'onu, órgano de la onu",
    ),
    (
        "target audience",
        "regional_body",
        "organe régional, órgano regional",
    ),
    ("visibility", "private", "privé, privée, privado, privada"),
    ("visibility", "alliance", "alianza"),
    ("visibility", "public", "publique, público, pública"),
    (
        "sector",
        "torture_prevention",
        "prévention de la torture, prevención de la tortura",
    ),
    (
        "sector",
        "human_rights",
        "droits humains, droits de l'homme, derechos humanos",
    ),
    ("sector", "legal", "juridique, droit, jurídico"),
    ("sector", "health", "santé, salud, medical, médical"),
    ("sector", "detention", "détention, detención"),
    ("sector", "children", "enfants, niñez, infancia"),
    ("sector", "women", "femmes, mujeres"),
    ("sector", "disability", "handicap, discapacidad"),
    ("sector", "migration", "migración, migrants"),
    ("sector", "other", "autre, otro"),
    (
        "kind of organisation",
        "government_body",
        "government, ministry, gouvernement, ministère, gobierno, ministerio",
    ),
    (
        "kind of organisation",
        "parliament",
        "parlement, parlamento",
    ),
    (
        "kind of organisation",
        "nhri",
        "inddh, indh, ombudsman, ombudsperson, défenseur des droits, defensoría",
    ),
    (
        "kind of organisation",
        "national_ngo",
        "national ngo, ong nationale, ong nacional",
    ),
    (
        "kind of organisation",
        "international_ngo",
        "international ngo, ong internationale, ong internacional",
    ),
    (
        "kind of organisation",
        "regional_body",
        "organisation régionale, organismo regional",
    ),
    (
        "kind of organisation",
        "un_body",
        "un, onu, united nations, nations unies, naciones unidas",
    ),
    (
        "kind of organisation",
        "professional_association",
        "association professionnelle, asociación profesional, bar association, barreau, colegio de abogados",
    ),
    (
        "kind of organisation",
        "academia",
        "université, universidad, university, academic, universitaire",
    ),
    ("kind of organisation", "media", "médias, medios"),
    (
        "kind of organisation",
        "donor",
        "bailleur, bailleur de fonds, donante",
    ),
    (
        "kind of organisation",
        "supportive_state",
        "état partenaire, estado aliado",
    ),
    ("kind of organisation", "other", "autre, otro"),
    (
        "regional group",
        "african",
        "africa, african group, afrique, groupe africain, áfrica, grupo africano",
    ),
    (
        "regional group",
        "asia_pacific",
        "asia-pacific, asie-pacifique, asia y el pacífico, asia pacífico",
    ),
    (
        "regional group",
        "eastern_european",
        "eastern europe, europe orientale, europa oriental",
    ),
    (
        "regional group",
        "grulac",
        "latin america and caribbean, amérique latine et caraïbes, américa latina y el caribe",
    ),
    (
        "regional group",
        "weog",
        "western europe and others, europe occidentale et autres, europa occidental y otros, geoa",
    ),
    (
        "recommending body",
        "spt",
        "subcommittee on prevention of torture, un subcommittee on prevention of torture, subcommittee for the prevention of torture, sous-comité pour la prévention de la torture, sous-comité de prévention de la torture, sous-comité, scpt, subcomité para la prevención de la tortura, subcomité",
    ),
    (
        "recommending body",
        "cat",
        "committee against torture, un committee against torture, comité contre la torture, comité contra la tortura",
    ),
    (
        "recommending body",
        "upr",
        "universal periodic review, examen périodique universel, epu, examen periódico universal",
    ),
    (
        "recommending body",
        "cpt",
        "european committee for the prevention of torture, european cpt, comité européen pour la prévention de la torture, comité europeo para la prevención de la tortura",
    ),
    (
        "recommending body",
        "iachr",
        "inter-american commission on human rights, inter-american commission, commission interaméricaine, comisión interamericana, commission interaméricaine des droits de l'homme, cidh, comisión interamericana de derechos humanos",
    ),
    (
        "recommending body",
        "achpr",
        "african commission on human and peoples' rights, african commission, commission africaine des droits de l'homme et des peuples, commission africaine, cadhp, comisión africana de derechos humanos y de los pueblos, comisión africana",
    ),
    (
        "recommending body",
        "npm",
        "mnp, national preventive mechanism, mécanisme national de prévention, mecanismo nacional de prevención",
    ),
    (
        "recommending body",
        "other",
        "other body, autre, autre organe, otro, otro órgano",
    ),
    (
        "follow-up status",
        "not_started",
        "not started, pending, non commencée, non commencé, pas commencée, pas commencé, non entamée, en attente, no iniciada, sin iniciar, pendiente",
    ),
    (
        "follow-up status",
        "in_progress",
        "ongoing, under way, en cours, en cours de mise en œuvre, en curso, en proceso, en progreso",
    ),
    (
        "follow-up status",
        "partly_implemented",
        "partially implemented, partly, partially, aplicada en parte, partiellement mise en œuvre, partiellement mis en œuvre, partiellement appliquée, partielle, parcialmente implementada, implementada parcialmente, parcialmente cumplida, parcial",
    ),
    (
        "follow-up status",
        "implemented",
        "fully implemented, done, mise en œuvre, aplicada, mis en œuvre, appliquée, pleinement mise en œuvre, implementada, cumplida, plenamente implementada",
    ),
    (
        "follow-up status",
        "not_accepted",
        "rejected, refused, noted, declined, non acceptée, rejetée, refusée, notée, no aceptada, rechazada, tomada nota",
    ),
    (
        "theme",
        "npm",
        "the npm, le mnp, el mnp, mnp, national preventive mechanism, mécanisme national de prévention, mecanismo nacional de prevención",
    ),
    (
        "theme",
        "legal_framework",
        "legislation, laws, law, cadre juridique, cadre légal, législation, loi, marco jurídico, marco legal, legislación, ley",
    ),
    (
        "theme",
        "safeguards",
        "fundamental safeguards, garanties, garanties fondamentales, salvaguardias, garantías, garantías fundamentales",
    ),
    (
        "theme",
        "conditions",
        "conditions of detention, detention conditions, overcrowding, conditions de détention, surpopulation, condiciones de detención, hacinamiento",
    ),
    (
        "theme",
        "investigation",
        "investigations, prosecution, enquête, enquêtes, poursuites, investigación, investigaciones, enjuiciamiento",
    ),
    ("theme", "training", "formation, capacitación, formación"),
    (
        "theme",
        "complaints",
        "complaint, plainte, plaintes, queja, quejas, denuncias",
    ),
    (
        "theme",
        "vulnerable_groups",
        "vulnerable groups, people in vulnerable situations, personnes en situation de vulnérabilité, personas en situación de vulnerabilidad, groupes vulnérables, personnes vulnérables, grupos vulnerables, grupos en situación de vulnerabilidad",
    ),
    (
        "theme",
        "cooperation",
        "cooperation with the spt, coopération, coopération avec le spt, cooperación, cooperación con el spt",
    ),
    ("theme", "other", "autre, otro"),
];

/// The other names of a value of a vocabulary.
pub fn labels<'a>(code: &'a str, vocabulary: &'a str) -> impl Iterator<Item = &'static str> + 'a {
    LABELS
        .iter()
        .filter(move |(v, c, _)| *v == vocabulary && *c == code)
        .flat_map(|(_, _, names)| names.split(',').map(str::trim))
}
