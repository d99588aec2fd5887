//! What a reader sees of each hit: the record's title and the passage of
//! its text where the query's words are, read with the same visibility
//! rules as the search itself.

use std::collections::{BTreeMap, BTreeSet};

use diesel::prelude::*;
use entente_core::access::AccessScope;

use super::query::ParsedQuery;
use super::text::{Analyser, word_spans};
use super::{SearchHit, SearchKind};
use crate::StoreError;
use crate::accounts::scope::{visible_alliances, visible_organisations};
use crate::connection::DbConnection;
use crate::plan::scope::visible_actions;
use crate::schema::{actions, alliances, organisations};

/// Characters of context a snippet keeps around the first matching word.
const SNIPPET_CHARS: usize = 160;

/// A record's title, the short name that addresses it (organisations),
/// and the text to quote from.
struct Shown {
    title: String,
    short_name: Option<String>,
    body: String,
}

/// The hits for these ranked entries, in their order; an entry whose
/// record the scope no longer reads (changed meanwhile) is left out.
pub(crate) fn load(
    conn: &mut DbConnection,
    scope: &AccessScope,
    analyser: &mut Analyser,
    query: &ParsedQuery,
    keys: &[(SearchKind, i64)],
) -> Result<Vec<SearchHit>, StoreError> {
    let ids = |wanted: SearchKind| -> Vec<i64> {
        keys.iter()
            .filter(|(k, _)| *k == wanted)
            .map(|(_, id)| *id)
            .collect()
    };
    let mut shown: BTreeMap<(SearchKind, i64), Shown> = BTreeMap::new();
    load_actions(conn, scope, &ids(SearchKind::Action), &mut shown)?;
    load_organisations(conn, scope, &ids(SearchKind::Organisation), &mut shown)?;
    load_alliances(conn, scope, &ids(SearchKind::Alliance), &mut shown)?;
    let stems: BTreeSet<&str> = query.stems().collect();
    Ok(keys
        .iter()
        .filter_map(|key| {
            let record = shown.remove(key)?;
            Some(SearchHit {
                kind: key.0,
                id: key.1,
                snippet: snippet(analyser, &stems, &record.body),
                title: record.title,
                short_name: record.short_name,
            })
        })
        .collect())
}

fn load_actions(
    conn: &mut DbConnection,
    scope: &AccessScope,
    ids: &[i64],
    shown: &mut BTreeMap<(SearchKind, i64), Shown>,
) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut query = actions::table
        .filter(actions::id.eq_any(ids))
        .select((
            actions::id,
            actions::title,
            actions::description,
            actions::expected_outcome,
            actions::actual_outcome,
        ))
        .into_boxed();
    if let Some(visible) = visible_actions(scope) {
        query = query.filter(visible);
    }
    let rows: Vec<(i64, String, String, String, String)> = query.load(conn)?;
    for (id, title, description, expected, actual) in rows {
        let body = [description, expected, actual]
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let record = Shown {
            title,
            short_name: None,
            body,
        };
        shown.insert((SearchKind::Action, id), record);
    }
    Ok(())
}

fn load_organisations(
    conn: &mut DbConnection,
    scope: &AccessScope,
    ids: &[i64],
    shown: &mut BTreeMap<(SearchKind, i64), Shown>,
) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut query = organisations::table
        .filter(organisations::id.eq_any(ids))
        .select((
            organisations::id,
            organisations::name,
            organisations::short_name,
            organisations::description,
        ))
        .into_boxed();
    if let Some(visible) = visible_organisations(scope) {
        query = query.filter(visible);
    }
    let rows: Vec<(i64, String, String, Option<String>)> = query.load(conn)?;
    for (id, title, short_name, description) in rows {
        let record = Shown {
            title,
            short_name: Some(short_name),
            body: description.unwrap_or_default(),
        };
        shown.insert((SearchKind::Organisation, id), record);
    }
    Ok(())
}

fn load_alliances(
    conn: &mut DbConnection,
    scope: &AccessScope,
    ids: &[i64],
    shown: &mut BTreeMap<(SearchKind, i64), Shown>,
) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut query = alliances::table
        .filter(alliances::id.eq_any(ids))
        .select((alliances::id, alliances::name, alliances::purpose))
        .into_boxed();
    if let Some(visible) = visible_alliances(scope) {
        query = query.filter(visible);
    }
    let rows: Vec<(i64, String, String)> = query.load(conn)?;
    for (id, title, body) in rows {
        let record = Shown {
            title,
            short_name: None,
            body,
        };
        shown.insert((SearchKind::Alliance, id), record);
    }
    Ok(())
}

/// The passage of `body` around its first word that shares a stem with
/// the query (or its beginning when only the title matched), about
/// [`SNIPPET_CHARS`] long, cut at word boundaries, with "…" where cut.
pub(crate) fn snippet(analyser: &mut Analyser, stems: &BTreeSet<&str>, body: &str) -> String {
    let body = body.trim();
    let spans: Vec<(usize, usize)> = word_spans(body).collect();
    let hit = spans.iter().position(|&(start, end)| {
        let word = body[start..end].to_lowercase();
        analyser
            .stems(&word)
            .iter()
            .any(|s| stems.contains(s.as_str()))
    });
    let from_word = hit.map_or(0, |i| {
        let mut first = i;
        let mut chars = 0;
        while first > 0 && chars < SNIPPET_CHARS / 3 {
            first -= 1;
            chars = body[spans[first].0..spans[i].0].chars().count();
        }
        first
    });
    let start = if from_word == 0 {
        0
    } else {
        spans[from_word].0
    };
    let rest = &body[start..];
    let mut end = rest.len();
    if rest.chars().count() > SNIPPET_CHARS {
        let limit = rest
            .char_indices()
            .nth(SNIPPET_CHARS)
            .map_or(rest.len(), |(i, _)| i);
        end = rest[..limit]
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .unwrap_or(limit);
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(rest[..end].trim_end());
    if end < rest.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_show_the_matching_passage() {
        let mut analyser = Analyser::new();
        let query = ParsedQuery::parse(&mut analyser, "négociation").unwrap();
        let stems: BTreeSet<&str> = query.stems().collect();
        let body = format!(
            "{} les negociations avancent. {}",
            "Intro ".repeat(40),
            "Fin ".repeat(40)
        );
        let shown = snippet(&mut analyser, &stems, &body);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("negociations avancent"), "{shown}");
        assert!(shown.chars().count() <= SNIPPET_CHARS + 2, "{shown}");
        assert_eq!(snippet(&mut analyser, &stems, "Short text."), "Short text.");
    }
}
