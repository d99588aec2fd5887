//! Sheets read into records: the usual forms of values understood, and
//! every bad value of every row reported with its line, field, value and
//! reason, nothing returned in part.

use entente_core::RegionalGroup;
use entente_core::access::{OrgKind, Visibility};
use entente_core::plan::{ActionStatus, Audience, Budget, Level, Phase, Sector};
use entente_io::plan::{
    RecordKind, RowError, parse_bool, parse_date, read_actions, read_contacts, read_organisations,
    read_sheet, resolve_headers,
};

use crate::plan_support::{date, iso3, sheet_and_mapping, states};

#[test]
fn reads_a_french_spreadsheet_with_its_own_words_for_values() {
    let (sheet, mapping) = sheet_and_mapping("actions_fr.csv", RecordKind::Actions);
    let actions = read_actions(&sheet, &mapping, &states()).unwrap();
    assert_eq!(actions.len(), 3);
    let meeting = &actions[0];
    assert_eq!(meeting.line, 2);
    assert_eq!(meeting.action_type, "meeting_executive");
    assert_eq!(meeting.phase, Phase::Ratification);
    assert_eq!(meeting.level, Level::National);
    assert_eq!(meeting.states, [iso3("FRA")]);
    assert_eq!(
        meeting.audiences,
        [Audience::Executive, Audience::Legislature]
    );
    assert_eq!(meeting.lead.as_deref(), Some("apt"));
    assert_eq!(meeting.partners, ["acat-france"]);
    assert_eq!(meeting.start, Some(date("2025-01-31")));
    assert_eq!(meeting.end, Some(date("2025-03-15")));
    assert_eq!(meeting.status, ActionStatus::UnderWay);
    assert_eq!(
        meeting.budget,
        Some(Budget::parse("1500.50", "EUR").unwrap())
    );
    assert_eq!(meeting.visibility, Visibility::Private);

    let seminar = &actions[1];
    assert_eq!(seminar.title, "Séminaire « OPCAT ; et après ? »");
    assert_eq!(seminar.phase, Phase::Implementation);
    assert_eq!(seminar.level, Level::Regional);
    assert_eq!(seminar.states, [iso3("CIV"), iso3("SEN")]);
    assert_eq!(seminar.lead, None);
    assert_eq!(seminar.start, Some(date("2025-02-01")));
    assert_eq!(seminar.status, ActionStatus::Planned);
    assert_eq!(
        seminar.budget.map(|b| (b.minor, b.currency_code())),
        Some((12000, "XOF"))
    );

    assert_eq!(actions[2].line, 5, "lines count the blank one");
    assert_eq!(actions[2].status, ActionStatus::Idea);
}

#[test]
fn reads_windows_1252_amounts_and_day_first_dates() {
    let (sheet, mapping) = sheet_and_mapping("actions_cp1252.csv", RecordKind::Actions);
    let actions = read_actions(&sheet, &mapping, &states()).unwrap();
    assert_eq!(actions[0].states, [iso3("SEN")]);
    assert_eq!(actions[0].start, Some(date("2025-06-05")));
    assert_eq!(actions[0].budget.map(|b| b.minor), Some(200_000));
    assert_eq!(actions[1].states, [iso3("CIV")]);
    assert_eq!(actions[1].start, Some(date("2025-09-01")));
    assert_eq!(
        actions[1].budget.map(|b| (b.minor, b.currency_code())),
        Some((75_000, "CHF"))
    );
}

fn error(errors: &[RowError], line: usize) -> &RowError {
    errors
        .iter()
        .find(|error| error.line == line)
        .unwrap_or_else(|| panic!("no error on line {line}: {errors:#?}"))
}

#[test]
fn reports_every_bad_value_of_every_row_and_returns_nothing() {
    let (sheet, mapping) = sheet_and_mapping("actions_bad.csv", RecordKind::Actions);
    let errors = read_actions(&sheet, &mapping, &states()).unwrap_err();
    assert!(
        errors.iter().all(|e| e.line != 2),
        "the good row has no error: {errors:#?}"
    );
    let unknown_state = error(&errors, 3);
    assert_eq!(
        (unknown_state.field.as_str(), unknown_state.value.as_str()),
        ("states", "Atlantis")
    );
    assert!(
        unknown_state.reason.contains("no known state"),
        "{unknown_state}"
    );
    let end = error(&errors, 4);
    assert_eq!(
        (end.field.as_str(), end.value.as_str()),
        ("end", "2025-03-01")
    );
    assert!(end.reason.contains("before the start"), "{end}");
    let negative = error(&errors, 5);
    assert_eq!(
        (negative.field.as_str(), negative.value.as_str()),
        ("budget", "-500")
    );
    assert!(negative.reason.contains("negative"), "{negative}");
    let currency = error(&errors, 6);
    assert_eq!(
        (currency.field.as_str(), currency.value.as_str()),
        ("budget_currency", "EUX")
    );
    assert!(currency.reason.contains("ISO 4217"), "{currency}");
    let columns = error(&errors, 7);
    assert_eq!(columns.field, "columns");
    assert_eq!(columns.reason, "5 values, the header has 12");
    assert_eq!(
        columns.to_string(),
        "row 7, columns: 5 values, the header has 12"
    );
    let partner = error(&errors, 8);
    assert_eq!(partner.field, "partners");
    assert!(
        partner
            .reason
            .contains("lead organisation cannot also be a partner")
    );
    let bad_date = error(&errors, 9);
    assert_eq!(
        (bad_date.field.as_str(), bad_date.value.as_str()),
        ("start", "31/02/2025")
    );
    let twice = error(&errors, 10);
    assert_eq!(twice.field, "states");
    assert!(twice.reason.contains("FRA is named twice"), "{twice}");
    assert_eq!(errors.len(), 8, "one error per bad row: {errors:#?}");
}

#[test]
fn reports_a_row_with_several_faults_once_per_field() {
    let text = "title;type;phase;level;states;audiences;start;end\n\
                ;nonsense!;later;global;Atlantis;everyone;tomorrow;\n";
    let sheet = read_sheet(text.as_bytes(), "faults.csv").unwrap();
    let mapping = resolve_headers(
        RecordKind::Actions,
        &sheet.headers,
        &Default::default(),
        &[],
    )
    .unwrap();
    let errors = read_actions(&sheet, &mapping, &states()).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "action_type",
            "phase",
            "level",
            "states",
            "audiences",
            "start",
            "title"
        ]
    );
    assert!(errors.iter().all(|e| e.line == 2));
    assert!(
        errors[1].reason.contains("ratification, implementation"),
        "{}",
        errors[1]
    );
}

#[test]
fn reads_organisations_with_labels_of_kinds_sectors_and_regions() {
    let (sheet, mapping) = sheet_and_mapping("organisations_fr.csv", RecordKind::Organisations);
    let organisations = read_organisations(&sheet, &mapping, &states()).unwrap();
    let apt = &organisations[0];
    assert_eq!(apt.short_name, "apt");
    assert_eq!(apt.kind, OrgKind::InternationalNgo);
    assert_eq!(apt.level, Level::International);
    assert_eq!(apt.sectors, [Sector::TorturePrevention, Sector::Detention]);
    assert_eq!(apt.regions, [RegionalGroup::Weog]);
    assert_eq!(apt.website.as_deref(), Some("https://www.apt.ch"));
    assert_eq!(apt.visibility, Visibility::Private);
    assert_eq!(organisations[1].sectors, [Sector::HumanRights]);
    assert_eq!(organisations[1].states, [iso3("FRA")]);
}

#[test]
fn refuses_duplicate_short_names_and_addresses_that_are_not_web_addresses() {
    let text = "short_name,name,kind,website\na,A,other,javascript:alert(1)\nA,B,other,\n";
    let sheet = read_sheet(text.as_bytes(), "orgs.csv").unwrap();
    let mapping = resolve_headers(
        RecordKind::Organisations,
        &sheet.headers,
        &Default::default(),
        &[],
    )
    .unwrap();
    let errors = read_organisations(&sheet, &mapping, &states()).unwrap_err();
    let fields: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
    assert_eq!(fields, [(2, "website"), (3, "short_name")]);
}

#[test]
fn reads_contacts_and_keeps_personal_data_from_being_public() {
    let (sheet, mapping) = sheet_and_mapping("contacts_fr.csv", RecordKind::Contacts);
    let contacts = read_contacts(&sheet, &mapping).unwrap();
    assert_eq!(contacts[0].phone.as_deref(), Some("+33 1 23 45 67 89"));
    assert_eq!(contacts[0].languages, ["fr", "en"]);
    assert!(contacts[0].consent);
    assert_eq!(contacts[1].languages, ["es"]);
    assert!(!contacts[1].consent);
    assert_eq!(contacts[1].email.as_deref(), Some("juan@example.org"));

    let text = "name,email,consent,visibility,shared_with\n\
                Ana,ana@example,perhaps,public,\nBo,,,alliance,\n";
    let sheet = read_sheet(text.as_bytes(), "contacts.csv").unwrap();
    let mapping = resolve_headers(
        RecordKind::Contacts,
        &sheet.headers,
        &Default::default(),
        &[],
    )
    .unwrap();
    let errors = read_contacts(&sheet, &mapping).unwrap_err();
    let fields: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
    assert_eq!(
        fields,
        [
            (2, "email"),
            (2, "consent"),
            (2, "visibility"),
            (3, "visibility")
        ]
    );
    assert!(errors[2].reason.contains("never be public"));
    assert!(errors[3].reason.contains("at least one alliance"));
}

#[test]
fn understands_the_usual_forms_of_dates_and_booleans() {
    for text in [
        "2025-03-09",
        "09/03/2025",
        "9/3/2025",
        "09.03.2025",
        "09-03-2025",
        "2025-03-09 00:00:00",
    ] {
        assert_eq!(parse_date(text), Ok(date("2025-03-09")), "{text}");
    }
    assert!(parse_date("09/03/25").unwrap_err().contains("four digits"));
    assert!(parse_date("31/04/2025").unwrap_err().contains("not a day"));
    assert!(parse_date("March 9").is_err());
    for yes in ["yes", "Oui", "sí", "si", "TRUE", "1"] {
        assert_eq!(parse_bool(yes), Ok(true), "{yes}");
    }
    for no in ["no", "NON", "false", "0"] {
        assert_eq!(parse_bool(no), Ok(false), "{no}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any bytes, and any semicolon text under real headers, give records
    /// or errors, never a panic.
    #[test]
    fn the_import_path_never_panics(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600),
        rows in "([a-zA-Z0-9 ,.;/'=|<>:-]{0,40}\n){0,6}",
    ) {
        let _ = read_sheet(&bytes, "noise");
        let text = format!(
            "title;type;phase;level;states;audiences;start;end;budget;documents;outcome_event\n{rows}"
        );
        if let Ok(sheet) = read_sheet(text.as_bytes(), "rows.csv") {
            let mapping = resolve_headers(RecordKind::Actions, &sheet.headers, &Default::default(), &[]);
            if let Ok(mapping) = mapping {
                let _ = read_actions(&sheet, &mapping, &states());
            }
        }
    }
}

#[test]
fn names_a_kind_of_action_by_code_or_label_in_any_language() {
    for (text, code) in [
        ("letter", "letter"),
        ("Lettre", "letter"),
        ("Carta", "letter"),
        ("Rencontre avec l'exécutif", "meeting_executive"),
        ("MEETING EXECUTIVE", "meeting_executive"),
        ("Our own kind", "our_own_kind"),
    ] {
        assert_eq!(
            entente_io::plan::parse_action_type(text).as_deref(),
            Ok(code),
            "{text}"
        );
    }
    assert!(entente_io::plan::parse_action_type("¿?").is_err());
}
