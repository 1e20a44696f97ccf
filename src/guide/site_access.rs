//! Host access on AEM in the side panel. The toolbar popup gets `activeTab` from the click that
//! opened it; the side panel gets nothing per click, so on an AEM author IMS Link may read and
//! fill only where the admin allowed it. That is one explicit, named step, "Allow on this AEM
//! site", for the author the guide leads to (given once by the admin when no page told it:
//! `session::aem_author`).

use super::page::Page;
use super::stages::Facts;
use super::{Action, GuideInput, Next, StageId};
use crate::profile::AuthType;
use crate::text::Search;

/// The side panel's button for the AEM author's address: naming the author and allowing it
/// are one step.
pub const BUTTON: &str = "Allow on this AEM site";

/// What that button does besides keeping the address, said with the address form.
pub const ASKED_ONCE: &str = "The browser first asks you, once, to allow IMS Link there: the side panel reads and fills AEM's pages only where you allowed it.";

/// Whether the browser's granted host permissions cover `origin`'s pages.
pub fn granted(granted_origins: &[String], origin: &str) -> bool {
    let scheme = origin.split_once_text("://").map_or(origin, |(scheme, _)| scheme);
    granted_origins.iter().any(|p| {
        let p = p.strip_suffix("/*").unwrap_or(p);
        p.eq_ignore_ascii_case(origin) || p == format!("{scheme}://*") || p == "<all_urls>"
    })
}

/// The side panel's sentence about a tab it cannot see: no icon click helps there, the admin's
/// allowed AEM author does.
pub(super) fn here(input: &GuideInput, page: &Page) -> Option<String> {
    (input.panel && page.kind == super::PageKind::Unreadable).then(|| {
        "IMS Link cannot see this tab: the side panel reads Adobe's pages, and AEM's on the author you allowed."
            .to_string()
    })
}

/// The side panel's "Allow on this AEM site": the origin the browser is asked for, and the
/// author's page IMS Link opens once it is granted (the link the step replaced), so the admin
/// does not follow a link next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Allow {
    /// The AEM origin asked for.
    pub origin: String,
    /// The page on that origin to open after the grant, if the next step had one.
    pub opens: Option<String>,
}

impl Allow {
    /// The Allow button's text: the origin as the admin typed it, without `https://`.
    pub fn label(&self) -> String {
        format!(
            "Allow on {}",
            self.origin.strip_prefix("https://").unwrap_or(&self.origin)
        )
    }
}

/// What the browser's grant also allows when the admin typed this author: its forms filled,
/// the secrets included (`session::aem_author::named_granted`). Said where the admin names it
/// and where they allow it, after `lead` ("Naming it lets", "Allowing it also lets").
pub(super) fn named_sentence(f: &Facts, lead: &str) -> String {
    let secrets = if f.auth == Some(AuthType::Jwt) {
        "the client secret and private key included"
    } else {
        "the client secret included"
    };
    format!("{lead} IMS Link fill that AEM's forms, {secrets}.")
}

/// In the side panel, a step on AEM needs host access first: the one "Allow on this AEM site"
/// for the author the guide knows. Returns the step to take instead of `next`, and what the
/// Allow button asks the browser for and opens after.
pub(super) fn in_panel(input: &GuideInput, f: &Facts, page: &Page, next: Next) -> (Next, Option<Allow>) {
    let aem_stage = matches!(next.stage, Some(StageId::AemIms | StageId::AemTarget));
    // A readable AEM page is one IMS Link may already read.
    if !input.panel || !aem_stage || page.kind.is_aem() {
        return (next, None);
    }
    // Without an AEM author yet, the guide asks for its address first (`Guide::aem_author_button`).
    // Just named, the step stands even where the browser granted the site already: asking
    // again answers at once, and the author's page opens as the address form said.
    let Some(origin) = f
        .aem
        .as_deref()
        .filter(|o| input.just_named || !granted(&input.granted_origins, o))
    else {
        return (next, None);
    };
    // Only a page on that very origin is opened for the admin.
    let opens = next
        .link
        .as_ref()
        .map(|l| l.url.clone())
        .filter(|u| u.starts_with(&format!("{origin}/")));
    // The admin typed this author: the grant is also their yes to its secrets, so say so.
    let named = input
        .aem_author_named
        .as_deref()
        .filter(|n| n.eq_ignore_ascii_case(origin))
        .map(|_| format!(" {}", named_sentence(f, "Allowing it also lets")))
        .unwrap_or_default();
    let step = Next {
        stage: next.stage,
        text: format!(
            "Allow IMS Link on {origin}, your AEM author: the side panel reads and fills AEM's pages only where you allowed it. The browser asks you once.{named}"
        ),
        steps: Vec::new(),
        action: Some(Action::AllowSite),
        link: None,
        watch_aem: false,
        runs: None,
    };
    (
        step,
        Some(Allow {
            origin: origin.to_string(),
            opens,
        }),
    )
}

#[cfg(test)]
#[path = "site_access_tests.rs"]
mod tests;
