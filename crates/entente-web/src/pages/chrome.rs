//! What surrounds every page: language switch, the as-of form, navigation
//! and the footer's credits, plus the translations and links templates use.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{Extensions, Uri};
use entente_core::{ConsentKind, EventKind, Participation, RegionalGroup, TreatyId};

use crate::auth::Viewer;
use crate::extract::{AsOf, Params};
use crate::locale::Locale;
use crate::views::read::Provenance;

/// The request facts every page needs before it reads anything.
#[derive(Debug, Clone)]
pub struct PageRequest {
    pub locale: Locale,
    pub path: String,
    pub params: Params,
    /// The signed-in user, for the header; `None` when anonymous.
    pub signed_in: Option<Badge>,
}

/// The header's view of the signed-in user: a name, and the CSRF token of
/// the sign-out button.
#[derive(Debug, Clone)]
pub struct Badge {
    pub name: String,
    pub csrf: String,
    /// Whether the workspace links include the audit log.
    pub reads_audit: bool,
}

impl<S: Send + Sync> FromRequestParts<S> for PageRequest {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(PageRequest::new(
            &parts.uri,
            Locale::negotiate(parts.uri.query(), &parts.headers),
            &parts.extensions,
        ))
    }
}

impl PageRequest {
    /// The request facts; `extensions` hold the [`Viewer`] once resolved.
    pub fn new(uri: &Uri, locale: Locale, extensions: &Extensions) -> Self {
        let viewer = extensions.get::<Viewer>();
        let signed_in = viewer
            .and_then(Viewer::session)
            .map(|(account, _, csrf)| Badge {
                name: account.display_name.clone(),
                csrf: csrf.to_owned(),
                reads_audit: viewer.is_some_and(|v| crate::views::audit::may_read(&v.scope)),
            });
        PageRequest {
            locale,
            path: uri.path().to_owned(),
            params: Params::from_query(uri.query()),
            signed_in,
        }
    }
}

/// A link in the language switch.
pub struct LangLink {
    pub code: &'static str,
    pub endonym: &'static str,
    pub href: String,
    pub current: bool,
}

/// A source credited in the footer.
pub struct SourceLine {
    pub title: String,
    pub url: String,
    pub detail: String,
}

/// The page frame, shared by all templates through `base.html`.
pub struct Chrome {
    pub locale: Locale,
    pub lang: &'static str,
    pub title: String,
    /// The current path, the target of the as-of form.
    pub path: String,
    pub css_version: &'static str,
    pub as_of: AsOf,
    pub as_of_showing: String,
    /// The as-of date as written in the page's language.
    pub as_of_text: String,
    pub as_of_iso: String,
    pub lang_links: Vec<LangLink>,
    /// Other query parameters, kept as hidden fields of the as-of form.
    pub hidden: Vec<(String, String)>,
    pub untc_credit: String,
    pub sources: Vec<SourceLine>,
    pub sources_summary: String,
    /// Which navigation entry is the current page ("dashboard", "treaties").
    pub section: &'static str,
    pub signed_in: Option<Badge>,
    /// Where "Sign in" leads: the sign-in page, then back here.
    pub sign_in_href: String,
    /// `lang` (and `as_of` when chosen), appended to internal links.
    carry: String,
}

impl Chrome {
    pub fn new(
        request: &PageRequest,
        as_of: AsOf,
        provenance: &Provenance,
        title: String,
        section: &'static str,
    ) -> Chrome {
        let locale = request.locale;
        let others = request.params.without(&["lang"]);
        let lang_links = Locale::ALL
            .into_iter()
            .map(|l| {
                let mut pairs = vec![("lang".to_owned(), l.code().to_owned())];
                pairs.extend(others.iter().cloned());
                LangLink {
                    code: l.code(),
                    endonym: l.endonym(),
                    href: format!("{}?{}", request.path, encode(&pairs)),
                    current: l == locale,
                }
            })
            .collect();
        let mut carry = vec![("lang".to_owned(), locale.code().to_owned())];
        if as_of.explicit {
            carry.push(("as_of".to_owned(), as_of.date.to_string()));
        }
        let untc_credit = match provenance.dataset_as_of {
            Some(day) => locale.t_args("footer-untc", &[("date", locale.date(day).into())]),
            None => locale.t("footer-untc-undated"),
        };
        let sources: Vec<SourceLine> = provenance
            .sources
            .iter()
            .map(|s| SourceLine {
                title: s.title.clone(),
                url: s.url.clone(),
                detail: format!(
                    "{}, {}",
                    s.publisher,
                    locale.t_args(
                        "footer-source-as-of",
                        &[("date", locale.date(s.as_of).into())]
                    )
                ),
            })
            .collect();
        Chrome {
            locale,
            lang: locale.code(),
            title,
            path: request.path.clone(),
            css_version: super::assets::css_version(),
            as_of,
            as_of_showing: locale
                .t_args("as-of-showing", &[("date", locale.date(as_of.date).into())]),
            as_of_text: locale.date(as_of.date),
            as_of_iso: as_of.date.to_string(),
            lang_links,
            hidden: request.params.without(&["as_of"]),
            untc_credit,
            sources_summary: locale.count("footer-sources-summary", sources.len()),
            sources,
            section,
            signed_in: request.signed_in.clone(),
            sign_in_href: format!(
                "/login?{}",
                encode(&[
                    ("lang".to_owned(), locale.code().to_owned()),
                    ("next".to_owned(), request.path.clone()),
                ])
            ),
            carry: encode(&carry),
        }
    }

    /// An internal link that keeps the language and the chosen day.
    pub fn href(&self, path: &str) -> String {
        let joiner = if path.contains('?') { '&' } else { '?' };
        format!("{path}{joiner}{}", self.carry)
    }

    pub fn t(&self, key: &str) -> String {
        self.locale.t(key)
    }

    pub fn treaty_name(&self, id: &TreatyId) -> String {
        self.t(&format!("treaty-{id}"))
    }

    pub fn treaty_short(&self, id: &TreatyId) -> String {
        self.t(&format!("treaty-{id}-short"))
    }

    /// A code from the core (`party_npm_pending`) as a Fluent key (`stage-party-npm-pending`).
    pub fn code(&self, prefix: &str, code: &str) -> String {
        self.t(&format!("{prefix}-{}", code.replace('_', "-")))
    }
}

pub fn stage_label(locale: Locale, stage: entente_core::Stage) -> String {
    locale.t(&format!("stage-{}", stage.code().replace('_', "-")))
}

pub fn group_label(locale: Locale, group: Option<RegionalGroup>) -> String {
    match group {
        Some(g) => locale.t(&format!("group-{}", g.code().replace('_', "-"))),
        None => locale.t("group-none"),
    }
}

/// An M49 area in the page's language; the standard's English name when the
/// translations do not know the code (intermediate regions, future codes).
pub fn area_label(locale: Locale, code: u16, name_en: &str) -> String {
    let key = format!("m49-{code:03}");
    let text = locale.t(&key);
    if text == key {
        name_en.to_owned()
    } else {
        text
    }
}

pub fn participation_code(p: Participation) -> &'static str {
    match p {
        Participation::NoAction => "no_action",
        Participation::Signatory => "signatory",
        Participation::Party => "party",
        Participation::Withdrawn => "withdrawn",
    }
}

/// A consent kind's code is that of its event (`ratification`, `accession`...).
pub fn consent_code(kind: ConsentKind) -> &'static str {
    EventKind::Consent(kind).code()
}

/// A query string from decoded pairs.
pub fn encode(pairs: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}
