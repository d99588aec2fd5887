//! Headers in the coalitions' own words mapped to fields: built-in names
//! in English, French and Spanish, remembered mappings, `--map` pairs, and
//! every problem reported at once with the way out.

use std::collections::BTreeMap;

use entente_io::plan::{
    MappingProblem, MappingSource, RecordKind, fold_header, parse_map_pair, resolve_headers,
};

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|name| (*name).to_owned()).collect()
}

fn field_of(mapping: &entente_io::plan::HeaderMapping, header: &str) -> Option<&'static str> {
    mapping
        .columns
        .iter()
        .find(|column| column.header == header)
        .and_then(|column| column.field)
}

#[test]
fn folds_case_accents_spaces_underscores_and_dashes() {
    assert_eq!(fold_header("  Date_de-DÉBUT : "), "date de debut");
    assert_eq!(fold_header("País"), "pais");
    assert_eq!(fold_header("Type d’action"), "type d'action");
}

#[test]
fn maps_french_and_spanish_headers_by_their_built_in_names() {
    let french = headers(&[
        "Titre",
        "Type d'action",
        "Phase",
        "Niveau",
        "Pays",
        "Public cible",
        "Organisation responsable",
        "Date de début",
        "Date de fin",
        "Montant",
        "Devise",
    ]);
    let mapping = resolve_headers(RecordKind::Actions, &french, &BTreeMap::new(), &[]).unwrap();
    assert_eq!(field_of(&mapping, "Pays"), Some("states"));
    assert_eq!(field_of(&mapping, "Date de début"), Some("start"));
    assert_eq!(field_of(&mapping, "Organisation responsable"), Some("lead"));
    assert_eq!(field_of(&mapping, "Devise"), Some("budget_currency"));
    assert!(
        mapping
            .columns
            .iter()
            .all(|c| c.source == MappingSource::Alias)
    );
    assert!(mapping.to_remember.is_empty());

    let spanish = headers(&[
        "Título",
        "Tipo de acción",
        "Fase",
        "Nivel",
        "Países",
        "Público objetivo",
        "Organización responsable",
        "Fecha de inicio",
    ]);
    let mapping = resolve_headers(RecordKind::Actions, &spanish, &BTreeMap::new(), &[]).unwrap();
    assert_eq!(field_of(&mapping, "Países"), Some("states"));
    assert_eq!(field_of(&mapping, "Fecha de inicio"), Some("start"));
    assert_eq!(field_of(&mapping, "Organización responsable"), Some("lead"));
}

#[test]
fn lists_unknown_headers_and_missing_fields_together_with_a_hint() {
    let file = headers(&[
        "Titre",
        "Territoire",
        "Genre",
        "Phase",
        "Niveau",
        "Public cible",
    ]);
    let error = resolve_headers(RecordKind::Actions, &file, &BTreeMap::new(), &[]).unwrap_err();
    assert_eq!(
        error.problems,
        [
            MappingProblem::UnknownHeader {
                header: "Territoire".into(),
                column: 2
            },
            MappingProblem::UnknownHeader {
                header: "Genre".into(),
                column: 3
            },
            MappingProblem::MissingField {
                field: "action_type"
            },
            MappingProblem::MissingField { field: "states" },
        ]
    );
    let message = error.to_string();
    assert!(message.contains("\"Territoire\""), "{message}");
    assert!(message.contains("--map \"Header=field\""), "{message}");
    assert!(message.contains("states"), "{message}");
}

#[test]
fn explicit_pairs_beat_remembered_ones_which_beat_built_in_names() {
    let file = headers(&[
        "Titre",
        "Territoire",
        "Genre",
        "Phase",
        "Niveau",
        "Cible",
        "Pays",
    ]);
    // Remembered from an earlier import: Territoire is the states, Pays is ignored.
    let remembered = BTreeMap::from([
        ("territoire".to_owned(), "states".to_owned()),
        ("pays".to_owned(), "-".to_owned()),
        ("genre".to_owned(), "description".to_owned()),
    ]);
    let explicit = [parse_map_pair("GENRE=type").unwrap()];
    let mapping = resolve_headers(RecordKind::Actions, &file, &remembered, &explicit).unwrap();
    assert_eq!(field_of(&mapping, "Territoire"), Some("states"));
    assert_eq!(field_of(&mapping, "Genre"), Some("action_type"));
    assert_eq!(field_of(&mapping, "Pays"), None);
    assert_eq!(field_of(&mapping, "Cible"), Some("audiences"));
    let sources: Vec<MappingSource> = mapping.columns.iter().map(|c| c.source).collect();
    assert_eq!(sources[1], MappingSource::Remembered);
    assert_eq!(sources[2], MappingSource::Explicit);
    assert_eq!(sources[6], MappingSource::Remembered);
    assert_eq!(
        mapping.to_remember,
        [("genre".to_owned(), "action_type".to_owned())]
    );
}

#[test]
fn the_command_line_names_fields_by_any_of_their_names_or_ignores_a_column() {
    let file = headers(&[
        "Titre",
        "Pays",
        "Genre",
        "Phase",
        "Niveau",
        "Cible",
        "Budget 2025",
    ]);
    let explicit = [
        parse_map_pair("Pays=state").unwrap(),
        parse_map_pair("Genre=action_type").unwrap(),
        parse_map_pair("Budget 2025=-").unwrap(),
    ];
    let mapping = resolve_headers(RecordKind::Actions, &file, &BTreeMap::new(), &explicit).unwrap();
    assert_eq!(field_of(&mapping, "Pays"), Some("states"));
    assert_eq!(field_of(&mapping, "Budget 2025"), None);
    assert_eq!(
        mapping.to_remember,
        [
            ("pays".to_owned(), "states".to_owned()),
            ("genre".to_owned(), "action_type".to_owned()),
            ("budget 2025".to_owned(), "-".to_owned()),
        ]
    );
}

#[test]
fn refuses_bad_pairs_absent_headers_and_two_columns_for_one_field() {
    assert!(parse_map_pair("Pays").is_err());
    assert!(parse_map_pair("=states").is_err());
    let file = headers(&[
        "Title", "Type", "Phase", "Level", "Country", "Pays", "Audience",
    ]);
    let explicit = [
        parse_map_pair("Pays=nation").unwrap(),
        parse_map_pair("Land=states").unwrap(),
    ];
    let error =
        resolve_headers(RecordKind::Actions, &file, &BTreeMap::new(), &explicit).unwrap_err();
    assert!(error.problems.contains(&MappingProblem::UnknownTarget {
        header: "Pays".into(),
        target: "nation".into()
    }));
    assert!(error.problems.contains(&MappingProblem::AbsentHeader {
        header: "Land".into()
    }));
    let without_pairs =
        resolve_headers(RecordKind::Actions, &file, &BTreeMap::new(), &[]).unwrap_err();
    assert_eq!(
        without_pairs.problems,
        [MappingProblem::SameField {
            field: "states",
            headers: vec!["Country".into(), "Pays".into()]
        }]
    );
}
