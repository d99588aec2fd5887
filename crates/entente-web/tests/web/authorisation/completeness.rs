//! The route table is complete: every `.route("PATH", method(...))` of the
//! router's source, under the prefix its router is nested at, is in the
//! table, and the table names no route the router lacks. A new route
//! (search, exports, feeds, pages to come) fails here until it is added to
//! the table with the record it exposes and its rule, so the authorisation
//! test tries it.

use std::collections::BTreeSet;

use super::routes::ROUTES;

const ROUTER: &str = include_str!("../../../src/router.rs");

/// The methods axum's routing functions name.
const METHODS: [&str; 8] = [
    "get", "post", "put", "patch", "delete", "head", "options", "any",
];

/// The text between the parenthesis opening at `open` and its match.
fn inside(source: &str, open: usize) -> &str {
    let mut depth = 0;
    for (at, c) in source[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 1 => return &source[open + 1..open + at],
            ')' => depth -= 1,
            _ => {}
        }
    }
    panic!("router.rs: unbalanced parenthesis at byte {open}");
}

/// The first string literal of `text`.
fn first_literal(text: &str) -> &str {
    let start = text.find('"').expect("a string literal") + 1;
    let end = text[start..].find('"').expect("a closed string literal");
    &text[start..start + end]
}

/// The methods a route's handlers answer, from `get(...)`, `.post(...)`.
fn methods(handlers: &str) -> Vec<String> {
    let called = |method: &str| {
        handlers
            .match_indices(&format!("{method}("))
            .any(|(at, _)| {
                let before = handlers[..at].chars().next_back();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            })
    };
    METHODS
        .iter()
        .filter(|m| called(m))
        .map(|m| m.to_uppercase())
        .collect()
}

/// Every `(method, path)` of the router's source. Each `let NAME =
/// Router::new()` chain is read on its own, its paths prefixed by where
/// `.nest("PREFIX", NAME)` puts it.
fn router_routes() -> BTreeSet<(String, String)> {
    assert!(
        !ROUTER.contains(".route_service(") && !ROUTER.contains(".nest_service("),
        "router.rs serves routes this check cannot read: teach it"
    );
    let starts: Vec<(usize, &str)> = ROUTER
        .match_indices(" = Router::new()")
        .map(|(at, _)| {
            let name = ROUTER[..at].rsplit("let ").next().unwrap().trim();
            (at, name)
        })
        .collect();
    let mut routes = BTreeSet::new();
    for (i, (start, name)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(ROUTER.len(), |(next, _)| *next);
        let chain = &ROUTER[*start..end];
        let prefix = ROUTER
            .match_indices(".nest(")
            .map(|(at, _)| inside(ROUTER, at + ".nest".len()))
            .find(|args| args.split(',').nth(1).map(str::trim) == Some(name))
            .map_or("", first_literal);
        for (at, _) in chain.match_indices(".route(") {
            let args = inside(chain, at + ".route".len());
            let path = first_literal(args);
            let handlers = &args[args.find(path).unwrap() + path.len() + 1..];
            let methods = methods(handlers);
            assert!(!methods.is_empty(), "router.rs: no method for {path}");
            for method in methods {
                routes.insert((method, format!("{prefix}{path}")));
            }
        }
    }
    routes
}

#[test]
fn the_route_table_names_every_route_of_the_router() {
    let router = router_routes();
    assert!(
        router.contains(&("GET".to_owned(), "/api/v1/orgs".to_owned())),
        "the router is read wrong: {router:?}"
    );
    let table: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|r| (r.method.to_owned(), r.path.to_owned()))
        .collect();
    assert_eq!(table.len(), ROUTES.len(), "the table names a route twice");
    let untried: Vec<_> = router.difference(&table).collect();
    assert!(
        untried.is_empty(),
        "routes of router.rs missing from the authorisation test's route table \
         (add each with the record it exposes and its rule): {untried:?}"
    );
    let stale: Vec<_> = table.difference(&router).collect();
    assert!(
        stale.is_empty(),
        "routes in the authorisation test's table that router.rs no longer has: {stale:?}"
    );
}
