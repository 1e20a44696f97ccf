//! Host access on AEM in the side panel. The toolbar popup gets `activeTab` from the click that
//! opened it; the side panel gets nothing per click, so on an AEM author IMS Link may read and
//! fill only where the admin allowed it. That is one explicit, named step, "Allow on this AEM
//! site", for the author the guide leads to (given once by the admin when no page told it:
//! `session::aem_author`).

use super::page::Page;
use super::stages::Facts;
use super::{Action, GuideInput, Next, StageId};

/// Whether the browser's granted host permissions cover `origin`'s pages.
pub fn granted(granted_origins: &[String], origin: &str) -> bool {
    let scheme = origin.split("://").next().unwrap_or_default();
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

/// In the side panel, a step on AEM needs host access first: the one "Allow on this AEM site"
/// for the author the guide knows. Returns the step to take instead of `next`, and the origin
/// the Allow button asks the browser for.
pub(super) fn in_panel(input: &GuideInput, f: &Facts, page: &Page, next: Next) -> (Next, Option<String>) {
    let aem_stage = matches!(next.stage, Some(StageId::AemIms | StageId::AemTarget));
    // A readable AEM page is one IMS Link may already read.
    if !input.panel || !aem_stage || page.kind.is_aem() {
        return (next, None);
    }
    let stage = next.stage;
    let step = |text: String, action| Next {
        stage,
        text,
        steps: Vec::new(),
        action: Some(action),
        link: None,
        watch_aem: false,
    };
    // Without an AEM author yet, the guide asks for its address first (`Guide::ask_aem_author`).
    match f.aem.as_deref() {
        None => (next, None),
        Some(origin) if !granted(&input.granted_origins, origin) => (
            step(
                format!(
                    "Allow IMS Link on {origin}, your AEM author: the side panel reads and fills AEM's pages only where you allowed it. The browser asks you once."
                ),
                Action::AllowSite,
            ),
            Some(origin.to_string()),
        ),
        Some(_) => (next, None),
    }
}

#[cfg(test)]
#[path = "site_access_tests.rs"]
mod tests;
