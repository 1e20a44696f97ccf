//! AEM's own verdicts as the session keeps them: read from the tab (Check Health on the IMS
//! configurations console, Connect on a Target configuration), explained, and answered with
//! the tab's guide, which now counts them.

use super::event::{AfterTab, Io, Step};
use super::reply::{ReadAgain, Reply};
use super::{AemConfigList, Session};
use crate::guide::{classify, PageKind};
use crate::ims::aem_configs;
use crate::ims::aem_verdict::{self, AemResultPage, VerdictKind};
use crate::profile::AuthType;
use crate::text::clipped;

/// How long the page function watches AEM's page for a change before it reads it anyway. The
/// bound keeps a forgotten watch from holding the page script, and stays under the 30 s a
/// Chrome service worker may idle while it waits; the side panel watches again after it, so
/// AEM's Check Health or Connect may take longer than this.
pub const WATCH_MS: u64 = 25_000;

/// After the browser refused to run in the page (it was loading another one, say), the side
/// panel reads again this much later, so a page that cannot be read is not asked again and
/// again at once.
const AFTER_REFUSAL_MS: u64 = 1000;

/// So many refusals in a row end the watch; the panel's next redraw (the tab loading a page, a
/// permission granted) starts it again.
const MAX_REFUSALS: u32 = 5;

/// The page's result texts arrived: keep AEM's verdict, then answer with the guide. A refusal
/// also tells a watching side panel when to read again (`again`).
pub(super) fn read(
    s: Session,
    tab_id: u32,
    page: Option<AemResultPage>,
    error: Option<String>,
    refusals: u32,
    now_ms: u64,
) -> Step {
    let mut step = read_page(s, tab_id, page, error, now_ms);
    if let Some(Reply::Refused { problem, again, .. }) = &mut step.reply {
        *again = read_again(&problem.code, refusals);
    }
    step
}

/// A watching side panel's next read after a refusal: AEM's page shows no verdict yet, so it
/// waits in the page for the next change; anything else (the browser refused to run in the
/// page) is read again a moment later, at most `MAX_REFUSALS` times in a row.
fn read_again(code: &str, refusals: u32) -> Option<ReadAgain> {
    if code == "no-aem-result" {
        return Some(ReadAgain {
            wait: true,
            after_ms: 0,
            refusals: 0,
        });
    }
    let refusals = refusals.saturating_add(1);
    (refusals < MAX_REFUSALS).then_some(ReadAgain {
        wait: false,
        after_ms: AFTER_REFUSAL_MS,
        refusals,
    })
}

fn read_page(mut s: Session, tab_id: u32, page: Option<AemResultPage>, error: Option<String>, now_ms: u64) -> Step {
    let Some(page) = page.filter(|_| error.is_none()) else {
        return Step::reply(Reply::Refused {
            problem: crate::message::Problem {
                code: "no-site-access".into(),
                message: "IMS Link may not read this AEM page yet. Click the IMS Link icon while the page is open, then try again.".into(),
            },
            tab_id: Some(tab_id),
            detail: error.map(|e| clipped(&e, 200)),
            again: None,
        });
    };
    // AEM's keystore: its aliases are what the JWT route waits for (session/keystore.rs).
    if classify(Some(&page.url)).kind == PageKind::AemKeystore {
        s.aem.keystore = Some(super::keystore::read(&page));
        let mut step = Step::changed(s, None);
        step.io = Some(Io::TabFacts {
            tab_id,
            then: AfterTab::Guide,
        });
        return step;
    }
    // A site's Target configurations: whether the folder has one already (it is edited then,
    // not created again).
    let here = classify(Some(&page.url));
    if here.kind == PageKind::AemTargetConsole && here.in_conf_folder {
        let folder = Some(crate::ims::target_folder::read(&page.url, &page.rows, &page.cards));
        let mut step = if s.aem.target_folder == folder {
            Step::default()
        } else {
            s.aem.target_folder = folder;
            Step::changed(s, None)
        };
        step.io = Some(Io::TabFacts {
            tab_id,
            then: AfterTab::Guide,
        });
        return step;
    }
    let kind = match here.kind {
        PageKind::AemImsConsole => VerdictKind::CheckHealth,
        PageKind::AemTargetClassic | PageKind::AemTargetCloud => VerdictKind::Connect,
        // On the IMS wizard, AEM's result is the certificate it created (JWT route A).
        PageKind::AemImsWizard => return super::aem_certificate::wizard_read(s, tab_id, page),
        _ => {
            return Step::reply(Reply::refused(
                "not-an-aem-result-page",
                "AEM shows its verdicts on the Adobe IMS Configurations console (Check Health) and on a Target configuration (Connect): open one of them.",
            ))
        }
    };
    let before = s.aem.clone();
    let jwt = s.profile.auth_type.as_ref().map(|a| a.value) == Some(AuthType::Jwt)
        || page_says_jwt(&page, s.ims_config_title.as_deref());
    // The console's list is read whenever it is shown: it is what the migration advice needs.
    if kind == VerdictKind::CheckHealth {
        s.aem.configs = Some(AemConfigList {
            url: clipped(&page.url, 2048),
            configs: aem_configs::listed(&page.rows, &page.cards),
        });
    }
    match (aem_verdict::read(&page, kind, jwt), kind) {
        (Ok(v), VerdictKind::CheckHealth) => {
            s.aem.health = Some(v);
            super::page_run::answered(&mut s);
        }
        (Ok(v), VerdictKind::Connect) => {
            s.aem.connect = Some(v);
            super::page_run::answered(&mut s);
        }
        // No Check Health result yet: the list alone is news (and, long after IMS Link's own
        // clicks, that AEM did not answer them).
        (Err(_), VerdictKind::CheckHealth) => {
            super::page_run::unanswered(&mut s, now_ms);
        }
        // No verdict yet: the watch waits for the next change, unless AEM has left IMS Link's
        // own clicks unanswered too long: then the guide, which gives the steps back.
        (Err(e), VerdictKind::Connect) => {
            if !super::page_run::unanswered(&mut s, now_ms) {
                return Step::reply(Reply::refused(e.code(), e.message()));
            }
        }
    }
    // On AEM's IMS console, the Target console's folders are read too (once), for the guide's
    // link there.
    let folders = (kind == VerdictKind::CheckHealth)
        .then(|| super::target_folders::fetch(&s, tab_id, &page.url))
        .flatten();
    // The same list and verdicts as before (the side panel reads each time the page changes):
    // nothing to write, nothing to announce; the answer is the guide all the same.
    let mut step = if s.aem == before {
        Step::default()
    } else {
        Step::changed(s, None)
    };
    step.io = Some(folders.unwrap_or(Io::TabFacts {
        tab_id,
        then: AfterTab::Guide,
    }));
    step
}

/// Whether the console lists the configuration IMS Link filled as a JWT one.
fn page_says_jwt(page: &AemResultPage, title: Option<&str>) -> bool {
    let Some(title) = title else { return false };
    aem_configs::listed(&page.rows, &page.cards)
        .iter()
        .any(|c| c.title == title.trim() && c.kind == aem_configs::ConfigKind::Jwt)
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use crate::session::{step, Event, Session};

    const AEM: &str = "https://author.aem.test";
    const CONSOLE: &str = "https://author.aem.test/libs/cq/adobeims-configuration/content/configurations.html";

    fn go(s: &mut Session, e: Value) -> Value {
        let e: Event = crate::from_json::from_value(e).expect("event");
        let out = step(s.clone(), e, 1_796_000_000_000);
        if let Some(next) = &out.session {
            *s = next.clone();
        }
        serde_json::to_value(&out).expect("step")
    }

    fn health(text: &str) -> Value {
        json!({"type": "AemResultRead", "tabId": 7, "page": {"url": CONSOLE,
            "messages": [{"text": text, "context": "Check Health Check the health of Adobe Target (acme): …"}],
            "rows": [["Adobe Target (acme)", "Adobe Target", "OAuth", "Check Health"]]}})
    }

    #[test]
    fn the_popup_asks_and_the_worker_reads_the_tab() {
        let mut s = Session::default();
        let out = go(
            &mut s,
            crate::session::tests::from_popup(json!({"type": "ReadAemResult", "tabId": 7})),
        );
        assert_eq!(out["io"], json!({"do": "read-aem-result", "tabId": 7, "refusals": 0}));
        // The side panel watching AEM's page: the page function waits for a change, bounded
        // by the core.
        let out = go(
            &mut s,
            crate::session::tests::from_popup(json!({"type": "ReadAemResult", "tabId": 7, "wait": true})),
        );
        assert_eq!(
            out["io"],
            json!({"do": "read-aem-result", "tabId": 7, "waitMs": 25_000, "refusals": 0})
        );
    }

    /// A site's folder in Tools > Cloud Services > Adobe Target: whether it has a Target
    /// configuration is kept (the guide opens that one rather than creating another); the same
    /// list read again writes nothing.
    #[test]
    fn a_target_folders_configurations_are_kept() {
        let mut s = Session::default();
        let folder =
            "https://author.aem.test/libs/cq/personalization/touch-ui/content/v2/configurations.html/conf/wknd";
        let read = json!({"type": "AemResultRead", "tabId": 7, "page": {"url": folder, "messages": [],
            "rows": [["", "Title", "Path"], ["Select", "Adobe Target", "/conf/wknd/settings/cloudconfigs/target"]]}});
        let out = go(&mut s, read.clone());
        assert_eq!(out["io"], json!({"do": "tab-facts", "tabId": 7, "then": "guide"}));
        let kept = s.aem.target_folder.clone().expect("the folder");
        assert_eq!(
            (kept.url.as_str(), kept.titles),
            (folder, vec!["Adobe Target".to_string()])
        );
        assert!(go(&mut s, read)["session"].is_null(), "nothing new");
    }

    /// The side panel's watch: no verdict yet waits in the page for its next change; the
    /// browser refusing to run in the page is tried again a second later, five times in a row
    /// at most; a verdict answers with the guide and nothing more.
    #[test]
    fn a_watching_panel_is_told_when_to_read_again() {
        let mut s = Session::default();
        let refused = |refusals: u32| json!({"type": "AemResultRead", "tabId": 7, "error": "Frame with ID 0 is showing error page", "refusals": refusals});
        // The message's count goes to the page's read and comes back with its answer.
        let out = go(
            &mut s,
            crate::session::tests::from_popup(json!({"type": "ReadAemResult", "tabId": 7, "refusals": 3})),
        );
        assert_eq!(out["io"]["refusals"], 3);
        let out = go(&mut s, refused(0));
        assert_eq!(out["reply"]["problem"]["code"], "no-site-access");
        assert_eq!(
            out["reply"]["again"],
            json!({"wait": false, "afterMs": 1000, "refusals": 1})
        );
        assert_eq!(go(&mut s, refused(3))["reply"]["again"]["refusals"], 4);
        assert_eq!(
            go(&mut s, refused(4))["reply"]["again"],
            Value::Null,
            "the fifth ends it"
        );
        let page = format!("{AEM}/etc/cloudservices/testandtarget/adobe-target-acme.html");
        let connecting = json!({"type": "AemResultRead", "tabId": 7, "refusals": 4,
            "page": {"url": page, "messages": [{"text": "Connecting…", "context": ""}]}});
        assert_eq!(
            go(&mut s, connecting)["reply"]["again"],
            json!({"wait": true, "afterMs": 0, "refusals": 0})
        );
        let out = go(&mut s, health("Success Token retrieved successfully!"));
        assert!(out["reply"].is_null(), "the guide answers: {out}");
    }

    #[test]
    fn reading_the_same_page_again_writes_nothing_and_announces_nothing() {
        let mut s = Session::default();
        let first = go(&mut s, health("Checking…"));
        assert!(first["session"].is_object(), "the list is news the first time");
        assert_eq!(first["effects"][0]["do"], "broadcast");
        let again = go(&mut s, health("Checking…"));
        assert!(
            again["session"].is_null(),
            "the panel reads on every change of the page"
        );
        assert_eq!(again["effects"], json!([]));
        // Still answered with the guide.
        assert_eq!(again["io"], json!({"do": "tab-facts", "tabId": 7, "then": "guide"}));
        let verdict = go(
            &mut s,
            health("Error: Unable to retrieve an access token. IMS responded with status 401: {}"),
        );
        assert!(verdict["session"].is_object(), "a verdict is news");
    }

    #[test]
    fn aem_check_health_is_kept_and_answered_with_the_guide() {
        let mut s = Session {
            ims_config_title: Some("Adobe Target (acme)".into()),
            ..Session::default()
        };
        let out = go(&mut s, health("Success Token retrieved successfully!"));
        assert_eq!(out["io"], json!({"do": "tab-facts", "tabId": 7, "then": "guide"}));
        let h = s.aem.health.clone().expect("kept");
        assert!(h.ok && h.context.contains("Adobe Target (acme)"));
        let out = go(
            &mut s,
            health(
                r#"Error: Unable to retrieve an access token. IMS responded with status 401: {"error":"invalid_client","error_description":"invalid client_secret parameter"}"#,
            ),
        );
        assert!(out["session"].is_object());
        let h = s.aem.health.clone().expect("replaced");
        assert!(!h.ok);
        assert_eq!(
            h.diagnosis.map(|d| d.code.into_owned()).as_deref(),
            Some("wrong-client-secret")
        );
    }

    #[test]
    fn no_result_yet_or_the_wrong_page_changes_nothing_and_says_what_to_do() {
        let mut s = Session::default();
        let page = format!("{AEM}/etc/cloudservices/testandtarget/adobe-target-acme.html");
        let out = go(
            &mut s,
            json!({"type": "AemResultRead", "tabId": 7, "page": {"url": page, "messages": [{"text": "Connecting…", "context": ""}]}}),
        );
        assert_eq!(out["reply"]["problem"]["code"], "no-aem-result");
        assert!(out["session"].is_null() && s.aem.connect.is_none());
        // On the console, no verdict yet still reads the list of configurations.
        go(&mut s, health("Checking…"));
        assert!(s.aem.health.is_none());
        assert_eq!(s.aem.configs.as_ref().map(|c| c.configs.len()), Some(1));
        let out = go(
            &mut s,
            json!({"type": "AemResultRead", "tabId": 7, "page": {"url": format!("{AEM}/aem/start.html"), "messages": []}}),
        );
        assert_eq!(out["reply"]["problem"]["code"], "not-an-aem-result-page");
        let out = go(
            &mut s,
            json!({"type": "AemResultRead", "tabId": 7, "error": "Cannot access contents of the page"}),
        );
        assert_eq!(out["reply"]["problem"]["code"], "no-site-access");
    }

    #[test]
    fn connect_on_a_target_form_is_kept_as_connect() {
        let mut s = Session::default();
        let page = format!("{AEM}/etc/cloudservices/testandtarget/adobe-target-acme.html");
        go(
            &mut s,
            json!({"type": "AemResultRead", "tabId": 7, "page": {"url": page, "messages": [{"text": "Connection successful", "context": "Edit Component"}]}}),
        );
        assert!(s.aem.connect.as_ref().is_some_and(|c| c.ok) && s.aem.health.is_none());
    }
}
