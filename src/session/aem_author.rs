//! The AEM author the guide links to: given once by the admin (validated here), or taken from
//! the first AEM page IMS Link was opened on, and remembered for the browser session.
//!
//! Typing the author is naming it: once the browser also grants IMS Link access to that exact
//! origin ("Allow on <author>" in the side panel), it may receive secrets without the fill's
//! separate "Send to <origin>" question (issue 18). A visited page names nothing: an author
//! only learned from a page, a look-alike or another AEM still gets the question.

use super::event::{AfterTab, Io, Step};
use super::reply::Reply;
use super::Session;
use crate::fill::trust;
use crate::guide::page::{aem_author_origin, classify};
use crate::guide::site_access;

/// The admin typed the AEM author's address: kept as its origin, answered with this tab's
/// guide, which then links to that author's pages (in the side panel: asks the browser for
/// it, then opens its page).
pub(super) fn set(mut s: Session, tab_id: u32, address: &str, panel: bool) -> Step {
    match aem_author_origin(address) {
        Ok(origin) => {
            // Plain http to another computer never receives a secret, named or not.
            s.aem_author_named = trust::secure_origin(&origin).then(|| origin.clone());
            s.aem_author = Some(origin);
            let mut step = Step::changed(s, None);
            step.io = Some(Io::TabFacts {
                tab_id,
                then: if panel { AfterTab::NamedInPanel } else { AfterTab::Guide },
            });
            step
        }
        Err(message) => Step::reply(Reply::refused("bad-aem-author", message)),
    }
}

/// The AEM author a tab's page shows, when none is remembered yet: the first AEM page the
/// popup was opened on is the admin's author (a later one does not replace it; typing does).
pub(super) fn learned(s: &Session, url: Option<&str>) -> Option<String> {
    if s.aem_author.is_some() {
        return None;
    }
    classify(url).aem_origin
}

/// Once the author the admin typed is also granted by the browser, that origin may receive
/// secrets from now on (taken back in the popup, like any yes): `true` when `s` changed so.
/// Nothing changes with no typed author waiting, another author since, or no grant yet.
pub(super) fn named_granted(s: &mut Session, granted_origins: &[String]) -> bool {
    let Some(origin) = s.aem_author_named.as_deref() else {
        return false;
    };
    if s.aem_author.as_deref() != Some(origin) || !site_access::granted(granted_origins, origin) {
        return false;
    }
    // The origin is its own page here: `allow_origin` keeps its https rule and the list's bound.
    let Ok(secret_origins) = trust::allow_origin(&s.secret_origins, origin, origin) else {
        return false;
    };
    s.secret_origins = secret_origins;
    s.aem_author_named = None;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_author_is_kept_as_its_origin_and_a_bad_one_refused() {
        let step = set(Session::default(), 4, "https://author.aem.test/aem/start.html", false);
        assert_eq!(
            step.session.and_then(|s| s.aem_author).as_deref(),
            Some("https://author.aem.test")
        );
        assert!(matches!(
            step.io,
            Some(Io::TabFacts {
                tab_id: 4,
                then: AfterTab::Guide
            })
        ));
        let bad = set(Session::default(), 4, "http://author.aem.test", false);
        assert!(bad.session.is_none());
        assert!(matches!(bad.reply, Some(Reply::Refused { ref problem, .. }) if problem.code == "bad-aem-author"));
    }

    #[test]
    fn the_first_aem_page_is_remembered_not_a_later_one() {
        let s = Session::default();
        let wizard = "https://author.aem.test/libs/cq/adobeims-configuration/content/configurations/create.html";
        assert_eq!(learned(&s, Some(wizard)).as_deref(), Some("https://author.aem.test"));
        assert_eq!(learned(&s, Some("https://developer.adobe.com/console/projects")), None);
        assert_eq!(learned(&s, None), None);
        let known = Session {
            aem_author: Some("https://other.aem.test".into()),
            ..Session::default()
        };
        assert_eq!(learned(&known, Some(wizard)), None);
    }

    const AEM: &str = "https://author.aem.test";

    fn typed(address: &str) -> Session {
        set(Session::default(), 4, address, false).session.unwrap_or_default()
    }

    /// `s` once `named_granted` saw `granted`; `None` when it did not change.
    fn granted(mut s: Session, granted: &[String]) -> Option<Session> {
        named_granted(&mut s, granted).then_some(s)
    }

    #[test]
    fn a_typed_author_receives_secrets_once_the_browser_grants_it() {
        let s = typed(AEM);
        assert_eq!(s.aem_author_named.as_deref(), Some(AEM));
        // Not granted yet (or another host granted): nothing changes.
        assert_eq!(granted(s.clone(), &[]), None);
        assert_eq!(
            granted(s.clone(), &["https://author.aem.test.evil.test/*".into()]),
            None
        );
        let allowed = granted(s, &[format!("{AEM}/*")]).unwrap_or_default();
        assert_eq!(allowed.secret_origins, vec![AEM.to_string()]);
        assert_eq!(allowed.aem_author_named, None);
        // Once: after the admin took the yes back, the grant does not give it again.
        let forgotten = Session {
            secret_origins: Vec::new(),
            ..allowed
        };
        assert_eq!(granted(forgotten, &[format!("{AEM}/*")]), None);
        // A local author is named too; plain http elsewhere is refused by the form already.
        assert_eq!(
            typed("http://localhost:4502").aem_author_named.as_deref(),
            Some("http://localhost:4502")
        );
    }

    #[test]
    fn an_author_only_visited_or_replaced_is_not_named() {
        // Learned from a page: no naming, so a grant allows nothing.
        let visited = Session {
            aem_author: learned(&Session::default(), Some(&format!("{AEM}/aem/start.html"))),
            ..Session::default()
        };
        assert_eq!(visited.aem_author.as_deref(), Some(AEM));
        assert_eq!(granted(visited, &[format!("{AEM}/*")]), None);
        // Typed, then the author changed to one a page showed: the naming was for the other.
        let moved = Session {
            aem_author: Some("https://other.aem.test".into()),
            ..typed(AEM)
        };
        assert_eq!(granted(moved, &["https://*/*".into()]), None);
        // Another typed author replaces the one waiting.
        let retyped = set(typed(AEM), 4, "https://second.aem.test", false)
            .session
            .unwrap_or_default();
        assert_eq!(retyped.aem_author_named.as_deref(), Some("https://second.aem.test"));
        assert_eq!(granted(retyped, &[format!("{AEM}/*")]), None);
    }
}
