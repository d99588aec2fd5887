//! A reader's query, normalised as the index is, and the SQL that finds
//! and ranks its matches among the entries the scope may read, on each
//! backend.

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Double, Text};
use entente_core::access::AccessScope;
use entente_core::plan::FieldError;

use super::SearchKind;
use super::text::{Analyser, words};
use crate::StoreError;
use crate::accounts::Condition;
use crate::accounts::scope::{visible_alliances, visible_organisations};
use crate::connection::{Db, DbConnection};
use crate::plan::scope::visible_actions;
use crate::schema::{actions, alliances, organisations, search_entries, search_fts};

/// Longer queries are refused rather than cut, so a reader knows.
pub(crate) const MAX_QUERY_CHARS: usize = 200;
/// Words past this many (stop words aside) are refused too: each is a
/// clause of the index query.
pub(crate) const MAX_QUERY_WORDS: usize = 12;

/// A query as groups of stems: an entry matches when it has, for every
/// word of the query, one of that word's stems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParsedQuery {
    pub(crate) groups: Vec<Vec<String>>,
}

impl ParsedQuery {
    /// Normalises `text`; a blank query, one of only stop words or
    /// punctuation, or a too long one is a [`StoreError::Fields`] on `q`.
    pub(crate) fn parse(analyser: &mut Analyser, text: &str) -> Result<Self, StoreError> {
        if text.chars().count() > MAX_QUERY_CHARS {
            return Err(refused(
                "too_long",
                format!("a search is at most {MAX_QUERY_CHARS} characters"),
            ));
        }
        let mut groups: Vec<Vec<String>> = Vec::new();
        for word in words(text) {
            let stems = analyser.stems(&word).to_vec();
            if !stems.is_empty() && !groups.contains(&stems) {
                groups.push(stems);
            }
        }
        if groups.is_empty() {
            return Err(refused(
                "no_search_terms",
                "give at least one word that is not a common word such as \"the\", \"de\" or \"y\"",
            ));
        }
        if groups.len() > MAX_QUERY_WORDS {
            return Err(refused(
                "too_many_words",
                format!("a search has at most {MAX_QUERY_WORDS} words"),
            ));
        }
        Ok(ParsedQuery { groups })
    }

    /// Every stem of the query, for marking where a text matches.
    pub(crate) fn stems(&self) -> impl Iterator<Item = &str> {
        self.groups.iter().flatten().map(String::as_str)
    }

    /// The query in FTS5's syntax: `("a" OR "b") AND ("c")`. Stems are
    /// letters and digits only, quoted all the same.
    fn fts5(&self) -> String {
        self.join(" OR ", " AND ", |stem| format!("\"{stem}\""))
    }

    /// The query in `to_tsquery`'s syntax: `(a | b) & (c)`.
    fn tsquery(&self) -> String {
        self.join(" | ", " & ", str::to_owned)
    }

    fn join(&self, or: &str, and: &str, term: impl Fn(&str) -> String) -> String {
        self.groups
            .iter()
            .map(|group| {
                let alternatives: Vec<String> = group.iter().map(|s| term(s)).collect();
                format!("({})", alternatives.join(or))
            })
            .collect::<Vec<_>>()
            .join(and)
    }
}

fn refused(code: &'static str, message: impl Into<String>) -> StoreError {
    StoreError::Fields {
        errors: vec![FieldError::new("q", code, message)],
    }
}

/// One ranked hit of the index: the entry's kind and record.
pub(crate) type EntryKey = (String, i64);

/// The hits asked for, and how many there are in all up to
/// [`Search::count_limit`].
type Found = (usize, Vec<EntryKey>);

/// What a search asks the index: the words, among which kinds, for whom,
/// and which slice of the ranked hits.
pub(crate) struct Search<'a> {
    pub scope: &'a AccessScope,
    pub kinds: &'a [SearchKind],
    pub query: &'a ParsedQuery,
    pub limit: i64,
    pub offset: i64,
    /// Counting stops at this many hits, one more than
    /// [`super::SearchPage::RANKED`] or the end of the page.
    pub count_limit: i64,
}

/// Finds the query among the entries of the kinds the scope may read: how
/// many there are (up to the count limit), and the slice asked for, best
/// first.
///
/// The work is bounded for common words: the matches are counted up to
/// the limit, newest entries first, and ranked, so that below the limit
/// every match is ranked as the index ranks it. When the count stops
/// there, the best are looked for among those newest matches and the
/// newest matches with every word in their title (up to the same limit):
/// a word in a title weighs most, so the best hits are kept unless more
/// titles than the limit match.
pub(crate) fn find(conn: &mut DbConnection, search: &Search<'_>) -> Result<Found, StoreError> {
    let (total, ranked) = match conn {
        DbConnection::Sqlite(_) => candidates_with_fts5(conn, search)?,
        DbConnection::Postgres(_) => candidates_with_tsvector(conn, search)?,
    };
    let offset = usize::try_from(search.offset).unwrap_or(usize::MAX);
    let limit = usize::try_from(search.limit).unwrap_or(usize::MAX);
    let ids: Vec<i64> = ranked.into_iter().skip(offset).take(limit).collect();
    let mut keys: Vec<(i64, String, i64)> = search_entries::table
        .filter(search_entries::id.eq_any(&ids))
        .select((
            search_entries::id,
            search_entries::kind,
            search_entries::record_id,
        ))
        .load(conn)?;
    keys.sort_by_key(|(id, _, _)| ids.iter().position(|i| i == id));
    let keys = keys.into_iter().map(|(_, kind, record)| (kind, record));
    Ok((total, keys.collect()))
}

/// How many entries match (up to the count limit), and the candidates'
/// ids, best first: `scored` holds the newest matches with their score
/// (lower is better) and, when those reached the limit, `titled` the
/// newest title matches with theirs; an entry in both keeps the first.
fn best_first(
    search: &Search<'_>,
    scored: Vec<(i64, f64)>,
    titled: impl FnOnce() -> Result<Vec<(i64, f64)>, StoreError>,
) -> Result<(usize, Vec<i64>), StoreError> {
    let total = scored.len();
    let mut all: std::collections::HashMap<i64, f64> = scored.into_iter().collect();
    if i64::try_from(total).unwrap_or(i64::MAX) >= search.count_limit {
        for (id, score) in titled()? {
            all.entry(id).or_insert(score);
        }
    }
    let mut ranked: Vec<(i64, f64)> = all.into_iter().collect();
    ranked.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    Ok((total, ranked.into_iter().map(|(id, _)| id).collect()))
}

/// SQLite: the FTS5 table finds and ranks (bm25, a title word weighing
/// four body words; lower is better); each hit's entry is checked against
/// the scope. The title matches are scored by their title words.
fn candidates_with_fts5(
    conn: &mut DbConnection,
    search: &Search<'_>,
) -> Result<(usize, Vec<i64>), StoreError> {
    let mut newest = |expression: String| -> Result<Vec<(i64, f64)>, StoreError> {
        let readable = search_entries::table
            .select(search_entries::id)
            .filter(search_entries::id.eq(sql::<BigInt>("search_fts.rowid")))
            .into_boxed()
            .filter(readable_entries(search.scope, search.kinds))
            .single_value()
            .is_not_null();
        let mut matches = search_fts::table
            .into_boxed::<Db>()
            .filter(sql::<Bool>("search_fts MATCH ").bind::<Text, _>(expression))
            .filter(readable);
        if !search.kinds.contains(&SearchKind::Action) {
            // Only the few entries of organisations and alliances: the
            // index is asked for each of them, rather than for every match
            // of a common word among a million actions' entries, each then
            // looked up to be set aside (100 ms at a million, now 1 ms).
            let codes: Vec<&str> = search.kinds.iter().map(|kind| kind.code()).collect();
            matches = matches.filter(
                search_fts::rowid.eq_any(
                    search_entries::table
                        .filter(search_entries::kind.eq_any(codes))
                        .select(search_entries::id),
                ),
            );
        }
        Ok(matches
            .order(search_fts::rowid.desc())
            .limit(search.count_limit)
            .select((
                search_fts::rowid,
                sql::<Double>("bm25(search_fts, 4.0, 1.0)"),
            ))
            .load(&mut *conn)?)
    };
    let scored = newest(search.query.fts5())?;
    best_first(search, scored, || {
        newest(format!("{{title_terms}} : ({})", search.query.fts5()))
    })
}

/// PostgreSQL: the GIN index over the tsvector finds, ts_rank ranks (the
/// title's weight A above the body's B; negated, so that lower is better
/// as with bm25).
///
/// The titles are asked of `title_document`, the titles alone with a GIN
/// index of their own: the index of `document` holds no weights.
///
/// The newest matches are looked for in windows of entry ids, from the
/// newest back, each four times the one before: a bitmap of a common
/// word's matches comes in no order, so one query for the newest would
/// visit every match's row and check it against the scope before keeping
/// the newest (0.5 s for a word in one entry in twelve among a million).
/// The windows give the same matches, in the same order.
///
/// A common word's newest matches are walked to, each entry tested,
/// rather than asked of the GIN index: the index reads the word's whole
/// list of matches whatever the window (82,658 for a word in one entry in
/// twelve among a million: 28 ms), while the walk stops at the count
/// limit. Whether the word is common enough is learnt by walking the
/// newest [`PROBE`] entries first: the walk goes on (for at most
/// [`WALK_MAX`] entries) only if the word, as frequent as there, would
/// reach the limit within it. The windows of the index take over where
/// the walk stops. Titles are searched the same way.
fn candidates_with_tsvector(
    conn: &mut DbConnection,
    search: &Search<'_>,
) -> Result<(usize, Vec<i64>), StoreError> {
    let newest_id: i64 = search_entries::table
        .select(diesel::dsl::max(search_entries::id))
        .first::<Option<i64>>(&mut *conn)?
        .unwrap_or(0);
    let tsquery = search.query.tsquery();
    // The newest matches in `column` with ids in `(after, upto]`, at most
    // `wanted` of them; `document` holds the title and the body, the
    // title's words weighted A, `title_document` the title alone.
    let mut matches = |column: &str, (after, upto): (i64, i64), how: Lookup, wanted: i64| {
        // `IS TRUE` keeps the same rows (a null match, like a false one,
        // leaves its row out) but is no condition the GIN index can
        // answer: the planner walks the primary key instead.
        let test = match how {
            Lookup::Index => "",
            Lookup::Walk => " IS TRUE",
        };
        let rank = sql::<Double>("-ts_rank(document, to_tsquery('simple', ")
            .bind::<Text, _>(tsquery.clone())
            .sql("))::float8");
        search_entries::table
            .into_boxed::<Db>()
            .filter(search_entries::id.gt(after))
            .filter(search_entries::id.le(upto))
            .filter(
                sql::<Bool>(&format!("({column} @@ to_tsquery('simple', "))
                    .bind::<Text, _>(tsquery.clone())
                    .sql(&format!(")){test}")),
            )
            .filter(readable_entries(search.scope, search.kinds))
            .order(search_entries::id.desc())
            .limit(wanted)
            .select((search_entries::id, rank))
            .load::<(i64, f64)>(&mut *conn)
    };
    let mut newest = |column: &str| -> Result<Vec<(i64, f64)>, StoreError> {
        let mut found: Vec<(i64, f64)> = Vec::new();
        let wanted = |found: &Vec<(i64, f64)>| {
            search.count_limit - i64::try_from(found.len()).unwrap_or(i64::MAX)
        };
        let mut upto = newest_id;
        let probed = (upto.saturating_sub(PROBE).max(0), upto);
        found.extend(matches(column, probed, Lookup::Walk, wanted(&found))?);
        upto = probed.0;
        // The entries a walk would read to reach the limit, were the
        // word as frequent as among the probed ones.
        let seen = i64::try_from(found.len()).unwrap_or(i64::MAX);
        let needed = wanted(&found).saturating_mul(probed.1 - probed.0) / seen.max(1);
        if seen > 0 && wanted(&found) > 0 && needed <= WALK_MAX {
            let walked = (upto.saturating_sub(WALK_MAX).max(0), upto);
            found.extend(matches(column, walked, Lookup::Walk, wanted(&found))?);
            upto = walked.0;
        }
        for window in id_windows(upto, FIRST_WINDOW) {
            if wanted(&found) <= 0 {
                break;
            }
            found.extend(matches(column, window, Lookup::Index, wanted(&found))?);
        }
        Ok(found)
    };
    let scored = newest("document")?;
    best_first(search, scored, || newest("title_document"))
}

/// How a window of entries is searched on PostgreSQL.
#[derive(Debug, Clone, Copy)]
enum Lookup {
    /// The GIN index finds the window's matches.
    Index,
    /// The entries are read newest first, each tested.
    Walk,
}

/// The newest entries walked to tell a common word from a rare one.
const PROBE: i64 = 2_048;

/// The most entries walked after the probe: at a million entries, about
/// as long as the GIN index takes to read a word in one entry in twelve.
const WALK_MAX: i64 = 30_720;

/// The ids of the first window of entries looked in for the newest
/// matches on PostgreSQL: a word in one entry in twelve fills a page of
/// ranked hits from it.
const FIRST_WINDOW: i64 = 16_384;

/// The windows of ids `(after, upto]` that cover `1..=newest`, newest
/// first, `first` ids wide and then each four times the one before.
fn id_windows(newest: i64, first: i64) -> impl Iterator<Item = (i64, i64)> {
    let (mut upto, mut width) = (newest, first.max(1));
    std::iter::from_fn(move || {
        (upto > 0).then(|| {
            let after = upto.saturating_sub(width).max(0);
            let window = (after, upto);
            upto = after;
            width = width.saturating_mul(4);
            window
        })
    })
}

/// The entries of `kinds` whose record exists and the scope may read,
/// under the rules the records' own reads apply. Each test is a
/// correlated subquery on the entry's record: diesel cannot put a
/// boxed condition (as the visibility rules are) in an `IN` subquery on
/// a connection that serves both backends, but it can in a scalar one.
fn readable_entries(scope: &AccessScope, kinds: &[SearchKind]) -> Condition<search_entries::table> {
    let mut condition: Option<Condition<search_entries::table>> = None;
    for kind in kinds {
        let record = || sql::<BigInt>("search_entries.record_id");
        let readable: Condition<search_entries::table> = match kind {
            SearchKind::Action => {
                let mut found = actions::table
                    .select(actions::id)
                    .filter(actions::id.eq(record()))
                    .into_boxed();
                if let Some(visible) = visible_actions(scope) {
                    found = found.filter(visible);
                }
                Box::new(found.single_value().is_not_null())
            }
            SearchKind::Organisation => {
                let mut found = organisations::table
                    .select(organisations::id)
                    .filter(organisations::id.eq(record()))
                    .into_boxed();
                if let Some(visible) = visible_organisations(scope) {
                    found = found.filter(visible);
                }
                Box::new(found.single_value().is_not_null())
            }
            SearchKind::Alliance => {
                let mut found = alliances::table
                    .select(alliances::id)
                    .filter(alliances::id.eq(record()))
                    .into_boxed();
                if let Some(visible) = visible_alliances(scope) {
                    found = found.filter(visible);
                }
                Box::new(found.single_value().is_not_null())
            }
        };
        let this: Condition<search_entries::table> =
            Box::new(search_entries::kind.eq(kind.code()).and(readable));
        condition = Some(match condition {
            None => this,
            Some(before) => Box::new(before.or(this)),
        });
    }
    condition.unwrap_or_else(|| Box::new(sql::<Bool>("1 = 0")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_windows_cover_every_id_once_newest_first() {
        let windows: Vec<(i64, i64)> = id_windows(1_000, 10).collect();
        assert_eq!(
            windows,
            [(990, 1_000), (950, 990), (790, 950), (150, 790), (0, 150)]
        );
        assert_eq!(id_windows(0, 10).count(), 0);
        assert_eq!(id_windows(5, 16_384).collect::<Vec<_>>(), [(0, 5)]);
        assert_eq!(
            id_windows(i64::MAX, 1).last().map(|(after, _)| after),
            Some(0)
        );
    }

    #[test]
    fn queries_become_groups_of_stems() {
        let mut analyser = Analyser::new();
        let query = ParsedQuery::parse(&mut analyser, "the Négociations, de l'OPCAT!").unwrap();
        assert_eq!(query.groups.len(), 2, "{query:?}");
        assert!(query.groups[0].contains(&"negoci".to_owned()), "{query:?}");
        assert_eq!(
            query.tsquery(),
            format!("({}) & (opcat)", query.groups[0].join(" | "))
        );
        assert!(
            query.fts5().ends_with("AND (\"opcat\")"),
            "{}",
            query.fts5()
        );
    }

    #[test]
    fn empty_queries_are_refused_by_name() {
        let mut analyser = Analyser::new();
        for text in ["", "  ", "the of and", "?!... --", "de la y"] {
            match ParsedQuery::parse(&mut analyser, text) {
                Err(StoreError::Fields { errors }) => {
                    assert_eq!((errors[0].field, errors[0].code), ("q", "no_search_terms"));
                }
                other => panic!("{text:?}: {other:?}"),
            }
        }
        let long = "torture ".repeat(30);
        assert!(ParsedQuery::parse(&mut analyser, &long).is_err());
    }
}
