//! AEM's answers read without the admin's click: the side panel watches the page where the
//! step ends with AEM's list or verdict (no button to press), the toolbar popup reads it on
//! opening and keeps its "Read AEM's result" button (clicking the page closes it).

use serde_json::json;

use crate::guide::tests::{clicks, health_passed, oauth_values, run, AUTHOR, IMS_TITLE};
use crate::guide::{Action, StageId, Status};

const CONSOLE: &str = "https://author.aem.test/libs/cq/adobeims-configuration/content/configurations.html";
const TARGET_FORM: &str = "https://author.aem.test/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/edit.html/conf/wknd/settings/cloudconfigs/target";

fn panel(mut more: serde_json::Value) -> serde_json::Value {
    more["panel"] = json!(true);
    more
}

/// Stage 3 filled and saved: back on AEM's console, Check Health is next.
fn saved() -> serde_json::Value {
    json!({ "checks": { "ims": { "ok": true } }, "filled": [{ "form": "ims-wizard", "origin": AUTHOR }],
        "imsConfigTitle": IMS_TITLE })
}

#[test]
fn the_panel_reads_aems_ims_configurations_as_soon_as_it_shows_the_console() {
    let more = json!({ "checks": { "ims": { "ok": true } } });
    let g = run(Some(CONSOLE), &oauth_values(), panel(more.clone()));
    assert_eq!(g.next.stage, Some(StageId::AemIms));
    assert!(g.next.watch_aem, "the panel reads the list by itself");
    assert_eq!(g.next.action, None, "no button to press");
    assert_eq!(g.action, None);
    assert!(
        g.next.text.starts_with("IMS Link reads AEM's IMS configurations"),
        "{}",
        g.next.text
    );
    // The popup reads it on opening too, and keeps its button.
    let g = run(Some(CONSOLE), &oauth_values(), more);
    assert!(g.next.watch_aem);
    assert_eq!(g.next.action, Some(Action::ReadAemResult));
    assert!(g.next.text.starts_with("Let IMS Link read"), "{}", g.next.text);
}

#[test]
fn the_panel_watches_for_aems_check_health_verdict_after_the_admins_clicks_on_the_page() {
    let g = run(Some(CONSOLE), &oauth_values(), panel(saved()));
    assert_eq!(
        clicks(&g.next),
        [
            format!("select {IMS_TITLE}"),
            "click Check Health".into(),
            "click Check".into()
        ]
    );
    assert!(g.next.watch_aem);
    assert_eq!(g.next.action, None);
    assert!(
        g.next
            .text
            .contains("IMS Link reads its verdict as soon as AEM shows it"),
        "{}",
        g.next.text
    );
    let g = run(Some(CONSOLE), &oauth_values(), saved());
    assert_eq!(g.next.action, Some(Action::ReadAemResult), "the popup's button stays");
    // A failing Check Health: the problem is shown, and the panel watches for the next try.
    let mut failed = health_passed(AUTHOR);
    failed["aem"]["health"]["ok"] = json!(false);
    failed["aem"]["health"]["text"] = json!("Error: IMS responded with status 401: {}");
    failed["aem"]["health"]["diagnosis"] =
        json!({ "summary": "The client secret does not match.", "nextStep": "Capture it again." });
    let g = run(Some(CONSOLE), &oauth_values(), panel(failed));
    assert_eq!(g.stages[2].status, Status::Problem);
    assert!(g.next.watch_aem && g.next.action.is_none());
    // Passed: the watch ends, the next stage is elsewhere.
    let g = run(Some(CONSOLE), &oauth_values(), panel(health_passed(AUTHOR)));
    assert_eq!(g.next.stage, Some(StageId::AemTarget));
    assert!(!g.next.watch_aem);
}

/// AEM's Check Health passed, and IMS Link filled the Target form in this tab.
fn target_filled() -> serde_json::Value {
    let mut filled = health_passed(AUTHOR);
    filled["fillHere"] = json!({ "form": "target-cloud", "url": TARGET_FORM });
    filled["filled"] =
        json!([{ "form": "ims-wizard", "origin": AUTHOR }, { "form": "target-cloud", "origin": AUTHOR }]);
    filled
}

#[test]
fn the_panel_watches_for_aems_connect_verdict_on_the_filled_target_form() {
    let filled = target_filled();
    let g = run(Some(TARGET_FORM), &oauth_values(), panel(filled.clone()));
    assert_eq!(clicks(&g.next), ["click Connect"]);
    assert!(g.next.watch_aem);
    assert_eq!(g.next.action, None);
    // The form's own Fill is not offered as the next action while AEM's answer is awaited.
    assert_eq!(g.action, None);
    let g = run(Some(TARGET_FORM), &oauth_values(), filled.clone());
    assert_eq!(g.next.action, Some(Action::ReadAemResult));
    let mut connected = filled;
    connected["aem"]["connect"] = json!({ "ok": true, "url": TARGET_FORM, "text": "Connection successful" });
    let g = run(Some(TARGET_FORM), &oauth_values(), panel(connected));
    assert_eq!(g.next.stage, None);
    assert!(!g.next.watch_aem, "all done: nothing to watch");
}

#[test]
fn nothing_is_watched_where_the_step_is_not_aems_answer() {
    for (url, more) in [
        (None, json!({ "checks": { "ims": { "ok": true } } })),
        (
            Some(format!(
                "{AUTHOR}/libs/cq/adobeims-configuration/content/configurations/create.html"
            )),
            json!({ "checks": { "ims": { "ok": true } } }),
        ),
    ] {
        let g = run(url.as_deref(), &oauth_values(), panel(more));
        assert!(!g.next.watch_aem, "{}", g.next.text);
    }
}

#[test]
fn the_guide_says_watch_aem_to_the_panel() {
    let g = run(Some(CONSOLE), &oauth_values(), panel(saved()));
    let v = serde_json::to_value(&g).expect("serialize");
    assert_eq!(v["next"]["watchAem"], json!(true));
    assert_eq!(v["next"]["action"], json!(null));
}

/// Where the admin creates what IMS Link fills next, the panel needs no reopening: it follows
/// the tab; the popup asks to be opened again there.
#[test]
fn creating_what_ims_link_fills_next_the_panel_follows_and_the_popup_is_opened_again() {
    let read = json!({ "checks": { "ims": { "ok": true } }, "aem": { "configs": { "url": CONSOLE, "configs": [] } } });
    let g = run(Some(CONSOLE), &oauth_values(), panel(read.clone()));
    assert_eq!(
        g.next.text,
        "Create an IMS configuration: IMS Link follows you there and fills it."
    );
    let g = run(Some(CONSOLE), &oauth_values(), read);
    assert_eq!(
        g.next.text,
        "Create an IMS configuration, then open IMS Link again on the wizard."
    );
    let folder = "https://author.aem.test/libs/cq/personalization/touch-ui/content/v2/configurations.html/conf/wknd";
    let mut health = crate::guide::tests::health_passed(AUTHOR);
    health["aem"]["targetFolder"] = json!({ "url": folder, "titles": [] });
    let g = run(Some(folder), &oauth_values(), panel(health.clone()));
    assert_eq!(
        g.next.text,
        "Create a Target configuration here: IMS Link follows you there and fills it."
    );
    let g = run(Some(folder), &oauth_values(), health);
    assert_eq!(
        g.next.text,
        "Create a Target configuration here, then open IMS Link again on it."
    );
}

/// Saved, and AEM's console lists the configuration IMS Link filled.
fn listed() -> serde_json::Value {
    let mut s = saved();
    s["aem"] = json!({ "configs": { "url": CONSOLE, "configs": [{ "title": IMS_TITLE, "kind": "oauth", "target": true, "autoProvisioned": false }] } });
    s
}

/// In the side panel IMS Link runs AEM's own Check Health itself once AEM lists the
/// configuration; the steps stay on show (what IMS Link does), the popup leaves them to the
/// admin, and after IMS Link could not do one, they are the admin's with why.
#[test]
fn the_panel_runs_aems_check_health_itself_once_aem_lists_the_configuration() {
    let key = format!("check-health {IMS_TITLE}");
    let g = run(Some(CONSOLE), &oauth_values(), panel(listed()));
    assert_eq!(g.next.runs.as_deref(), Some(key.as_str()));
    assert_eq!(
        clicks(&g.next),
        [
            format!("select {IMS_TITLE}"),
            "click Check Health".into(),
            "click Check".into()
        ]
    );
    assert!(g.next.watch_aem && g.next.action.is_none());
    assert_eq!(
        g.next.text,
        format!("IMS Link runs AEM's own Check Health on \u{201c}{IMS_TITLE}\u{201d} and reads its verdict as soon as AEM shows it.")
    );
    // Run: still IMS Link's steps while AEM answers.
    let mut ran = listed();
    ran["pageRun"] = json!({ "key": key });
    assert_eq!(
        run(Some(CONSOLE), &oauth_values(), panel(ran.clone()))
            .next
            .runs
            .as_deref(),
        Some(key.as_str())
    );
    // The toolbar popup closes when the page is clicked: the admin's steps, as before.
    let g = run(Some(CONSOLE), &oauth_values(), listed());
    assert_eq!(g.next.runs, None);
    assert_eq!(g.next.action, Some(Action::ReadAemResult));
    // Not listed yet (AEM's list not read, or the configuration not saved): nothing to select.
    assert_eq!(run(Some(CONSOLE), &oauth_values(), panel(saved())).next.runs, None);
    // IMS Link could not: the admin's steps, and which one it could not do.
    ran["pageRun"]["stuck"] = json!("click \u{201c}Check Health\u{201d}");
    let g = run(Some(CONSOLE), &oauth_values(), panel(ran));
    assert_eq!(g.next.runs, None);
    assert!(
        g.next.text.starts_with("IMS Link could not click \u{201c}Check Health\u{201d} on this page: do these steps yourself. Let AEM check"),
        "{}",
        g.next.text
    );
    assert_eq!(clicks(&g.next).len(), 3);
    // A failed Check Health is the admin's to fix and run again.
    let mut failed = listed();
    failed["aem"]["health"] = json!({ "ok": false, "url": CONSOLE, "text": "Error: 401",
        "context": format!("Check Health {IMS_TITLE}") });
    assert_eq!(run(Some(CONSOLE), &oauth_values(), panel(failed)).next.runs, None);
}

/// After IMS Link filled a Target form, the panel clicks AEM's Connect itself.
#[test]
fn the_panel_clicks_aems_connect_itself_on_the_target_form_it_filled() {
    let mut filled = target_filled();
    let g = run(Some(TARGET_FORM), &oauth_values(), panel(filled.clone()));
    assert_eq!(g.next.runs, Some(format!("connect {TARGET_FORM}")));
    assert_eq!(clicks(&g.next), ["click Connect"]);
    assert!(
        g.next
            .text
            .starts_with("IMS Link clicks AEM's own \u{201c}Connect\u{201d}"),
        "{}",
        g.next.text
    );
    // A choice still open: nothing is connected before it.
    filled["fillHere"]["choices"] = json!([{ "id": "client-code", "label": "Client Code", "specId": "client-code", "typed": "mine", "ours": "acme", "secret": false }]);
    assert_eq!(run(Some(TARGET_FORM), &oauth_values(), panel(filled)).next.runs, None);
}
