//! AEM's own check, run by IMS Link itself (issue 18: fewer clicks): in the side panel, once AEM
//! lists the IMS configuration IMS Link filled, IMS Link selects it and clicks AEM's "Check
//! Health" and "Check"; once it filled a Target form, AEM's "Connect". The guide decides which
//! steps and when (`Next::runs`); the page function only clicks what it names. Once per key: a
//! second request, or a panel opened again, does not run them again; steps IMS Link could not
//! do are the admin's again, and the guide says which one failed; so are steps AEM shows no
//! answer to in time (`ANSWER_MS`: a click AEM's page did not take). AEM's buttons that save
//! (Create, Save) are never pressed here.

use super::event::{AfterTab, Io, Step};
use super::reply::Reply;
use super::Session;
use crate::guide::{Guide, PageRun, Step as PageStep};

/// How long AEM may take to show its answer to the steps IMS Link did (its Check Health and
/// Connect ask Adobe's IMS and Target: seconds, not minutes). Past it, with nothing shown, the
/// steps are the admin's again: a click AEM's page did not take must not leave the guide saying
/// IMS Link runs them. Under the panel's watch bound (`verdicts::WATCH_MS`), so the read that
/// bound brings says it.
pub(super) const ANSWER_MS: u64 = 20_000;

/// The side panel asked IMS Link to do the steps its guide for this tab says it does itself.
pub(super) fn start(mut s: Session, tab_id: u32, guide: Guide, now_ms: u64) -> Step {
    // Not where the guide says so, nor a second time for the same key.
    let new = |key: &String| s.aem.ran.as_ref().is_none_or(|r| &r.key != key);
    let Some(key) = guide.next.runs.clone().filter(new) else {
        return Step::reply(Reply::Guide { guide: Box::new(guide) });
    };
    // Recorded before the clicks: a worker stopped meanwhile does not click them twice.
    s.aem.ran = Some(PageRun {
        key: key.clone(),
        stuck: None,
        at_ms: now_ms,
    });
    Step {
        session: Some(s),
        ..Step::io(Io::RunPageSteps {
            tab_id,
            key,
            steps: guide.next.steps,
            echo: 0,
        })
    }
}

/// The page function did `done` of the steps: the one it could not do is the admin's, named.
pub(super) fn ran(
    mut s: Session,
    tab_id: u32,
    key: String,
    steps: &[PageStep],
    done: usize,
    error: Option<String>,
) -> Step {
    let then = Io::TabFacts {
        tab_id,
        then: AfterTab::Guide,
    };
    let stuck = match (&error, steps.get(done)) {
        (Some(_), _) => Some("reach AEM's page".to_string()),
        (None, Some(step)) => Some(words(step)),
        (None, None) => None,
    };
    let Some(stuck) = stuck else { return Step::io(then) };
    // Only for the run it reports: a later one has its own record.
    if s.aem.ran.as_ref().is_none_or(|r| r.key != key) {
        return Step::io(then);
    }
    s.aem.ran = Some(PageRun {
        key,
        stuck: Some(stuck),
        at_ms: 0,
    });
    Step {
        io: Some(then),
        ..Step::changed(s, None)
    }
}

/// AEM's page shows no answer: if IMS Link did its steps `ANSWER_MS` ago or more and AEM has
/// shown nothing since, they are the admin's again (true: the session changed).
pub(super) fn unanswered(s: &mut Session, now_ms: u64) -> bool {
    let Some(run) = s.aem.ran.as_mut() else { return false };
    if run.stuck.is_some() || run.at_ms == 0 || now_ms < run.at_ms.saturating_add(ANSWER_MS) {
        return false;
    }
    run.stuck = Some(format!(
        "see an answer from AEM within {} seconds of its clicks",
        ANSWER_MS / 1000
    ));
    true
}

/// AEM's page shows an answer: IMS Link's steps, if it did some, were taken.
pub(super) fn answered(s: &mut Session) {
    if let Some(run) = s.aem.ran.as_mut() {
        run.at_ms = 0;
    }
}

/// A page step in the words of "IMS Link could not …".
fn words(step: &PageStep) -> String {
    match step {
        PageStep::Select { name } => format!("select \u{201c}{name}\u{201d} in the list"),
        PageStep::Click { name, within: Some(w) } => format!("click \u{201c}{name}\u{201d} under {w}"),
        PageStep::Click { name, within: None } => format!("click \u{201c}{name}\u{201d}"),
        PageStep::Enter { label, .. } | PageStep::EnterOwn { label, .. } => format!("type in \u{201c}{label}\u{201d}"),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::session::tests::{edit, event, go, io, oauth_session, ok_report, reply, request, AEM};

    const CONSOLE: &str = "/libs/cq/adobeims-configuration/content/configurations.html";
    const TITLE: &str = "Adobe Target (acme)";

    /// The OAuth credential, IMS Link's IMS configuration filled and saved, AEM's console read.
    fn listed() -> crate::session::Session {
        let mut s = oauth_session();
        edit(&mut s, "clientCode", "acme");
        s.checks.ims = Some(crate::from_json::from_value(ok_report("ims")).expect("report"));
        s.ims_config_title = Some(TITLE.into());
        s.filled = vec![crate::from_json::from_value(json!({ "form": "ims-wizard", "origin": AEM })).expect("filled")];
        s.aem.configs = Some(crate::session::AemConfigList {
            url: format!("{AEM}{CONSOLE}"),
            configs: crate::from_json::from_value(
                json!([{ "title": TITLE, "kind": "oauth", "target": true, "autoProvisioned": false }]),
            )
            .expect("configs"),
        });
        s.aem_author = Some(AEM.into());
        s
    }

    fn facts(then: &str) -> crate::session::Event {
        event(
            json!({ "type": "TabFacts", "tabId": 7, "then": then, "url": format!("{AEM}{CONSOLE}"),
            "grantedOrigins": [format!("{AEM}/*")] }),
        )
    }

    #[test]
    fn the_panel_has_aems_check_health_run_once_and_the_step_it_could_not_do_named() {
        let mut s = listed();
        let out = go(&mut s, request(json!({ "type": "RunPageSteps", "tabId": 7 })));
        assert_eq!(io(&out), json!({ "do": "tab-facts", "tabId": 7, "then": "run-steps" }));
        let out = go(&mut s, facts("run-steps"));
        let key = format!("check-health {TITLE}");
        let run = io(&out);
        assert_eq!(run["do"], "run-page-steps");
        assert_eq!(run["key"], json!(key));
        assert_eq!(
            run["steps"],
            json!([{ "do": "select", "name": TITLE }, { "do": "click", "name": "Check Health", "within": null },
                { "do": "click", "name": "Check", "within": null }])
        );
        assert_eq!(
            s.aem.ran.as_ref().map(|r| r.key.as_str()),
            Some(key.as_str()),
            "recorded before the clicks"
        );
        // Asked again (the panel opened anew): not run twice; the guide is the answer.
        let out = go(&mut s, facts("run-steps"));
        assert!(out.io.is_none());
        assert_eq!(reply(&out)["type"], "Guide");
        // All done: nothing to record; the guide follows.
        let done = json!({ "type": "PageStepsRun", "tabId": 7, "key": key, "echo": run["echo"], "done": 3 });
        let out = go(&mut s, event(done.clone()));
        assert!(out.session.is_none());
        assert_eq!(io(&out)["then"], "guide");
        // Run again: the second step could not be done, and it is named for the admin.
        s.aem.ran = None;
        let run = io(&go(&mut s, facts("run-steps")));
        let mut stuck = done;
        stuck["echo"] = run["echo"].clone();
        stuck["done"] = json!(1);
        go(&mut s, event(stuck.clone()));
        assert_eq!(
            s.aem.ran.as_ref().and_then(|r| r.stuck.as_deref()),
            Some("click \u{201c}Check Health\u{201d}")
        );
        // Again: the browser refused to run in the page (the page function did nothing, or
        // was cut off).
        s.aem.ran = None;
        let run = io(&go(&mut s, facts("run-steps")));
        stuck["echo"] = run["echo"].clone();
        stuck.as_object_mut().expect("event").remove("done");
        stuck["error"] = json!("Cannot access contents of the page");
        go(&mut s, event(stuck));
        assert_eq!(
            s.aem.ran.as_ref().and_then(|r| r.stuck.as_deref()),
            Some("reach AEM's page")
        );
    }

    /// One step `ms` after the session tests' clock.
    fn go_after(s: &mut crate::session::Session, ms: u64, e: crate::session::Event) -> crate::session::Step {
        crate::session::tests::go_at(s, e, crate::session::tests::NOW + ms)
    }

    /// AEM's console as the panel reads it: the configuration listed, and `dialog` if shown.
    fn console_read(dialog: Option<&str>) -> crate::session::Event {
        let messages = dialog.map_or(json!([]), |text| json!([{ "text": text, "context": "Check Health" }]));
        event(
            json!({ "type": "AemResultRead", "tabId": 7, "page": { "url": format!("{AEM}{CONSOLE}"),
            "messages": messages, "rows": [[TITLE, "Adobe Target", "OAuth", "Check Health"]] } }),
        )
    }

    fn guide_text(s: &mut crate::session::Session, ms: u64) -> (String, Option<String>) {
        let g = reply(&go_after(s, ms, facts("panel")))["guide"]["next"].clone();
        (
            g["text"].as_str().unwrap_or_default().to_string(),
            g["runs"].as_str().map(String::from),
        )
    }

    /// IMS Link clicked every step and AEM's page showed nothing: while AEM may still answer,
    /// the guide says IMS Link runs them; past `ANSWER_MS` they are the admin's, and the guide
    /// says why. An answer in time keeps them IMS Link's.
    #[test]
    fn steps_aem_leaves_unanswered_are_the_admins_again() {
        let mut s = listed();
        go(&mut s, request(json!({ "type": "RunPageSteps", "tabId": 7 })));
        let run = io(&go(&mut s, facts("run-steps")));
        let done = json!({ "type": "PageStepsRun", "tabId": 7, "key": run["key"], "echo": run["echo"], "done": 3 });
        go(&mut s, event(done));
        let soon = super::ANSWER_MS - 1;
        go_after(&mut s, soon, console_read(None));
        let (text, runs) = guide_text(&mut s, soon);
        assert!(text.starts_with("IMS Link runs AEM's own Check Health"), "{text}");
        assert_eq!(runs.as_deref(), run["key"].as_str());
        let out = go_after(&mut s, super::ANSWER_MS, console_read(None));
        assert!(out.session.is_some(), "written: the steps are the admin's");
        let (text, runs) = guide_text(&mut s, super::ANSWER_MS);
        assert!(
            text.starts_with("IMS Link could not see an answer from AEM within 20 seconds of its clicks on this page: do these steps yourself."),
            "{text}"
        );
        assert_eq!(runs, None, "the steps are the admin's");

        // AEM answered in time: a later read without its dialog hands nothing back.
        let mut s = listed();
        go(&mut s, request(json!({ "type": "RunPageSteps", "tabId": 7 })));
        go(&mut s, facts("run-steps"));
        go_after(&mut s, 2_000, console_read(Some("Checking…")));
        go_after(
            &mut s,
            4_000,
            console_read(Some("Success Token retrieved successfully!")),
        );
        go_after(&mut s, super::ANSWER_MS * 3, console_read(None));
        assert_eq!(s.aem.ran.as_ref().and_then(|r| r.stuck.as_deref()), None);
    }

    /// On a Target form, a read without AEM's verdict is a refusal the panel waits on; once
    /// IMS Link's Connect went unanswered too long, the answer is the guide, which gives it back.
    #[test]
    fn an_unanswered_connect_is_answered_with_the_guide() {
        let mut s = listed();
        let form = format!("{AEM}/etc/cloudservices/testandtarget/adobe-target-acme.html");
        s.aem.ran = Some(crate::guide::PageRun {
            key: format!("connect {form}"),
            stuck: None,
            at_ms: crate::session::tests::NOW,
        });
        let read = event(json!({ "type": "AemResultRead", "tabId": 7, "page": { "url": form, "messages": [] } }));
        let out = go_after(&mut s, 1_000, read.clone());
        assert_eq!(reply(&out)["problem"]["code"], "no-aem-result");
        let out = go_after(&mut s, super::ANSWER_MS, read.clone());
        assert!(out.reply.is_none());
        assert_eq!(io(&out), json!({ "do": "tab-facts", "tabId": 7, "then": "guide" }));
        assert!(s.aem.ran.as_ref().is_some_and(|r| r.stuck.is_some()));
        // Said once: the next read without a verdict waits as before.
        let out = go_after(&mut s, super::ANSWER_MS + 1_000, read);
        assert_eq!(reply(&out)["problem"]["code"], "no-aem-result");
    }

    #[test]
    fn the_toolbar_popup_runs_nothing() {
        let mut s = listed();
        let out = go(&mut s, facts("guide"));
        assert!(out.io.is_none() && s.aem.ran.is_none());
    }
}
