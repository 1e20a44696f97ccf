//! The AEM author the guide links to: given once by the admin (validated here), or taken from
//! the first AEM page IMS Link was opened on, and remembered for the browser session.

use super::event::{AfterTab, Io, Step};
use super::reply::Reply;
use super::Session;
use crate::guide::page::{aem_author_origin, classify};

/// The admin typed the AEM author's address: kept as its origin, answered with this tab's
/// guide, which then links to that author's pages.
pub(super) fn set(mut s: Session, tab_id: u32, address: &str) -> Step {
    match aem_author_origin(address) {
        Ok(origin) => {
            s.aem_author = Some(origin);
            let mut step = Step::changed(s, None);
            step.io = Some(Io::TabFacts {
                tab_id,
                then: AfterTab::Guide,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_author_is_kept_as_its_origin_and_a_bad_one_refused() {
        let step = set(Session::default(), 4, "https://author.aem.test/aem/start.html");
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
        let bad = set(Session::default(), 4, "http://author.aem.test");
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
}
