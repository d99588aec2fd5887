//! The fields of each kind of file, in the order exports write them, with
//! the headers coalitions use for them in English, French and Spanish.

use super::RecordKind;

/// One field of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// The header Entente writes, and the name `--map` takes.
    pub name: &'static str,
    /// Whether every file must have a column for it.
    pub required: bool,
    /// Other headers that mean this field, comma-separated, compared
    /// folded.
    pub aliases: &'static str,
}

const fn field(name: &'static str, required: bool, aliases: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        required,
        aliases,
    }
}

const STATES: &str = "state, states, country, countries, target state, target states, target country, pays, pays cible, etat, etats, país, paises, países, estado, estados";
const VISIBILITY: &str = "visibility, visibilité, visibilidad, who sees it";
const SHARED_WITH: &str = "shared with, alliances, alliance, partagé avec, partage avec, compartido con, alianza, alianzas";
const DESCRIPTION: &str =
    "description, details, summary, descriptif, résumé, détails, descripción, detalles, resumen";
const LEVEL: &str = "level, niveau, nivel, échelon";

const ACTIONS: &[FieldSpec] = &[
    field(
        "title",
        true,
        "title, action, titre, intitulé, título, acción",
    ),
    field("description", false, DESCRIPTION),
    field(
        "action_type",
        true,
        "type, kind, action type, type of action, kind of action, type d'action, type d’action, genre d'action, tipo, tipo de acción, tipo de accion",
    ),
    field("phase", true, "phase, stage, fase, étape"),
    field("level", true, LEVEL),
    field("states", true, STATES),
    field(
        "audiences",
        true,
        "audience, audiences, target audience, target audiences, target, targets, public cible, publics cibles, cible, cibles, destinataires, público, público objetivo, destinatarios",
    ),
    field(
        "lead",
        false,
        "lead, lead organisation, lead organization, leader, organisation responsable, organisation chef de file, chef de file, responsable, organización responsable, organizacion lider, organización líder",
    ),
    field(
        "partners",
        false,
        "partners, partner, partner organisations, partner organizations, partenaires, partenaire, organisations partenaires, socios, aliados, organizaciones asociadas, organizaciones socias",
    ),
    field(
        "start",
        false,
        "start, start date, begins, from, date de début, début, date debut, fecha de inicio, inicio, desde",
    ),
    field(
        "end",
        false,
        "end, end date, ends, until, date de fin, fin, fecha de fin, fecha final, fecha de término, hasta",
    ),
    field(
        "due",
        false,
        "due, due date, deadline, échéance, date limite, date butoir, plazo, fecha límite, vencimiento",
    ),
    field(
        "status",
        false,
        "status, statut, état d'avancement, avancement, estatus, situación, estado de la acción",
    ),
    field(
        "budget",
        false,
        "budget, amount, cost, montant, coût, presupuesto, monto, importe, costo",
    ),
    field(
        "budget_currency",
        false,
        "currency, budget currency, devise, monnaie, moneda, divisa",
    ),
    field(
        "staff_days",
        false,
        "staff days, days, person days, working days, jours, jours personne, jours de travail, días, dias, días persona, días de trabajo",
    ),
    field(
        "expected_outcome",
        false,
        "expected outcome, expected result, objective, résultat attendu, objectif, resultado esperado, objetivo",
    ),
    field(
        "actual_outcome",
        false,
        "actual outcome, outcome, result, résultat, résultat obtenu, resultado, resultado obtenido",
    ),
    field(
        "outcome_event",
        false,
        "outcome event, treaty event, événement, événement du traité, evento, evento del tratado",
    ),
    field(
        "documents",
        false,
        "documents, document, links, liens, documentos, enlaces",
    ),
    field("visibility", false, VISIBILITY),
    field("shared_with", false, SHARED_WITH),
    field(
        "signal",
        false,
        "signal, anonymous signal, emits a signal, signal anonyme, émet un signal, señal, señal anónima, emite una señal",
    ),
];

const ORGANISATIONS: &[FieldSpec] = &[
    field(
        "short_name",
        true,
        "short name, shortname, acronym, abbreviation, code, sigle, acronyme, nom court, sigla, siglas, nombre corto",
    ),
    field(
        "name",
        true,
        "name, full name, organisation, organization, nom, nom complet, raison sociale, nombre, organización",
    ),
    field(
        "kind",
        true,
        "kind, type, kind of organisation, type of organisation, type of organization, type d'organisation, catégorie, tipo, tipo de organización",
    ),
    field("level", false, LEVEL),
    field(
        "sectors",
        false,
        "sector, sectors, fields of work, field of work, secteur, secteurs, domaine, domaines, sectores, ámbito, ámbitos",
    ),
    field("states", false, STATES),
    field(
        "regions",
        false,
        "region, regions, regional group, regional groups, région, régions, groupe régional, groupes régionaux, región, regiones, grupo regional, grupos regionales",
    ),
    field(
        "website",
        false,
        "website, web site, site, url, web, site web, site internet, sitio web, página web",
    ),
    field("description", false, DESCRIPTION),
    field("visibility", false, VISIBILITY),
];

const CONTACTS: &[FieldSpec] = &[
    field(
        "name",
        true,
        "name, full name, person, contact, nom, nom complet, prénom et nom, nombre, nombre completo, contacto, persona",
    ),
    field(
        "role",
        false,
        "role, position, job title, function, fonction, poste, rôle, cargo, función, puesto",
    ),
    field(
        "email",
        false,
        "email, e mail, mail, email address, courriel, adresse e mail, adresse électronique, correo, correo electrónico",
    ),
    field(
        "phone",
        false,
        "phone, telephone, tel, tel., mobile, téléphone, tél, tél., portable, teléfono, móvil, celular",
    ),
    field(
        "languages",
        false,
        "languages, language, langues, langue, idiomas, idioma, lenguas",
    ),
    field(
        "consent",
        false,
        "consent, consent to be contacted, may be contacted, consentement, accepte d'être contacté, consentimiento",
    ),
    field(
        "notes",
        false,
        "notes, note, comments, remarks, remarques, commentaires, notas, comentarios, observaciones",
    ),
    field("visibility", false, VISIBILITY),
    field("shared_with", false, SHARED_WITH),
];

const RECOMMENDATIONS: &[FieldSpec] = &[
    field("state", true, STATES),
    field(
        "body",
        true,
        "body, recommending body, treaty body, mechanism, monitoring body, source, organe, organe de traité, organe de traite, mécanisme, instance, organe de suivi, órgano, organismo, mecanismo, órgano de tratado, órgano de supervisión",
    ),
    field(
        "document_symbol",
        false,
        "symbol, document symbol, document, reference, ref, document reference, cote, symbole, référence, référence du document, cote du document, signatura, símbolo, referencia, referencia del documento",
    ),
    field(
        "document_title",
        false,
        "document title, title, report, report title, titre, titre du document, rapport, titre du rapport, título, título del documento, informe, título del informe",
    ),
    field(
        "document_url",
        false,
        "url, link, web address, document url, lien, adresse, adresse web, lien du document, enlace, vínculo, dirección web, enlace del documento",
    ),
    field(
        "document_date",
        false,
        "date, document date, report date, date of the report, date du document, date du rapport, fecha, fecha del documento, fecha del informe",
    ),
    field(
        "addressed_to",
        false,
        "addressed to, addressee, recipient, institution, destinataire, adressée à, adressé à, institution concernée, dirigida a, destinatario, institución",
    ),
    field(
        "paragraph",
        false,
        "paragraph, para, paragraph number, paragraphe, par, numéro de paragraphe, párrafo, parr, número de párrafo",
    ),
    field(
        "text",
        true,
        "text, recommendation, recommendation text, wording, texte, recommandation, texte de la recommandation, texto, recomendación, texto de la recomendación",
    ),
    field(
        "themes",
        false,
        "themes, theme, topics, topic, thèmes, thème, sujets, sujet, temas, tema",
    ),
    field(
        "tags",
        false,
        "tags, tag, keywords, étiquettes, étiquette, mots clés, mots clefs, etiquetas, etiqueta, palabras clave",
    ),
    field(
        "status",
        false,
        "status, follow-up status, implementation status, statut, suivi, statut de mise en œuvre, état de mise en œuvre, estatus, situación, seguimiento, estado de implementación, estado de cumplimiento",
    ),
    field("visibility", false, VISIBILITY),
    field("shared_with", false, SHARED_WITH),
];

impl FieldSpec {
    /// Its other headers, one by one.
    pub fn aliases(&self) -> impl Iterator<Item = &'static str> {
        self.aliases.split(',').map(str::trim)
    }
}

/// The fields of a kind of file, in export order.
pub fn fields(kind: RecordKind) -> &'static [FieldSpec] {
    match kind {
        RecordKind::Actions => ACTIONS,
        RecordKind::Organisations => ORGANISATIONS,
        RecordKind::Contacts => CONTACTS,
        RecordKind::Recommendations => RECOMMENDATIONS,
    }
}

/// The headers Entente writes for a kind of file.
pub fn field_names(kind: RecordKind) -> Vec<&'static str> {
    fields(kind).iter().map(|spec| spec.name).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::plan::mapping::fold_header;

    #[test]
    fn no_header_names_two_fields_of_a_kind() {
        for kind in RecordKind::ALL {
            let mut seen: BTreeMap<String, &str> = BTreeMap::new();
            for spec in fields(kind) {
                for name in std::iter::once(spec.name).chain(spec.aliases()) {
                    if let Some(other) = seen.insert(fold_header(name), spec.name) {
                        assert_eq!(other, spec.name, "{kind:?}: {name:?} names two fields");
                    }
                }
            }
        }
    }
}
