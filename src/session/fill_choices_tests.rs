//! A fill that finds fields holding other values than the profile's: the choice is open until
//! the admin makes it, the guide says so in its next-step box and never that the form is done
//! or saved meanwhile, and Undo takes the fill back out of what the guide counts.

use serde_json::{json, Value};

use super::tests::{
    all_taken, event, go, io, oauth_session, reply, request, wizard_snapshot, AEM, CLIENT_ID, OAUTH_SECRET,
};
use super::Session;

const TYPED: &str = "typed-by-admin";

/// The wizard with the admin's own Client ID (and, with `secret`, their own Client Secret) typed in.
fn typed_snapshot(secret: Option<&str>) -> Value {
    let mut snapshot = wizard_snapshot();
    for f in snapshot["fields"].as_array_mut().expect("fields") {
        match f["name"].as_str() {
            Some("./clientId") => f["value"] = json!(TYPED),
            Some("./clientSecret") if secret.is_some() => f["value"] = json!(secret),
            _ => {}
        }
    }
    snapshot
}

/// One fill of the typed wizard in tab 7 (`confirm`: fields the admin chose to replace).
fn fill(s: &mut Session, snapshot: &Value, confirm: &[&str]) -> Value {
    s.secret_origins = vec![AEM.into()];
    let out = go(
        s,
        event(json!({"type": "FormSnapshot", "tabId": 7, "resume": {"confirm": confirm}, "snapshot": snapshot})),
    );
    let apply = io(&out);
    assert_eq!(apply["do"], "apply-fill", "{apply}");
    let results = all_taken(&apply);
    let out = go(
        s,
        event(
            json!({"type": "FillApplied", "tabId": 7, "url": apply["url"], "echo": apply["echo"], "results": results}),
        ),
    );
    assert_eq!(reply(&out)["type"], "FillResult");
    apply
}

/// The guide the popup gets in tab 7 on `url`.
fn guide(s: &Session, url: &str) -> Value {
    let facts = json!({"type": "TabFacts", "tabId": 7, "then": "guide", "url": url, "grantedOrigins": []});
    reply(&go(&mut s.clone(), event(facts)))["guide"].clone()
}

fn wizard_url() -> String {
    wizard_snapshot()["url"].as_str().expect("url").to_string()
}

fn aem_ims(g: &Value) -> &Value {
    &g["stages"][2]
}

#[test]
fn an_open_choice_keeps_the_stage_waiting_and_sits_in_the_next_step() {
    let mut s = oauth_session();
    fill(&mut s, &typed_snapshot(None), &[]);
    assert!(
        s.filled.is_empty(),
        "a fill with a choice open does not count as filled"
    );
    let g = guide(&s, &wizard_url());
    assert_eq!(
        g["choices"],
        json!([{"specId": "clientId", "label": "Client ID", "typed": TYPED, "ours": CLIENT_ID, "secret": false}])
    );
    let stage = aem_ims(&g);
    assert_eq!(stage["status"], "needs-you");
    assert_eq!(stage["progress"], "now");
    let detail = stage["detail"].as_str().expect("detail");
    assert!(
        detail.contains("except the Client ID") && detail.contains("your choice is open"),
        "{detail}"
    );
    for claim in ["Saved", "Done", "saved with"] {
        assert!(!detail.contains(claim), "{detail}");
    }
    // Not "click Next and Create": that would save a value nobody chose.
    assert_eq!(g["next"]["steps"], json!([]), "{g}");
    assert_eq!(g["next"]["stage"], "aem-ims");
    // Its two answers are the only buttons the box offers (no "Fill this form" beside them).
    assert_eq!((&g["next"]["action"], &g["action"]), (&Value::Null, &Value::Null));
    assert!(g["next"]["text"]
        .as_str()
        .is_some_and(|t| t.contains("Choose which stays")));
    // Another tab's guide has no choice to draw.
    assert_eq!(
        guide(&s, "https://experience.adobe.com/#/@acme/target/activities")["choices"],
        json!([])
    );
}

#[test]
fn keep_mine_settles_the_choice_and_the_fill_counts() {
    let mut s = oauth_session();
    fill(&mut s, &typed_snapshot(None), &[]);
    let out = go(
        &mut s,
        request(json!({"type": "KeepFilledValues", "tabId": 7, "keep": ["clientId"]})),
    );
    assert_eq!(io(&out), json!({"do": "tab-facts", "tabId": 7, "then": "guide"}));
    assert_eq!(s.filled.len(), 1);
    let g = guide(&s, &wizard_url());
    assert_eq!(g["choices"], json!([]));
    let steps: Vec<&str> = g["next"]["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .filter_map(|st| st["name"].as_str())
        .collect();
    assert_eq!(steps, ["Next", "Create"], "{g}");
    // A second fill of the same page leaves the kept field alone and counts once.
    fill(&mut s, &typed_snapshot(None), &[]);
    assert_eq!(guide(&s, &wizard_url())["choices"], json!([]));
    assert_eq!(s.filled.len(), 1);
    // Nothing left to keep.
    let out = go(
        &mut s,
        request(json!({"type": "KeepFilledValues", "tabId": 7, "keep": ["clientId"]})),
    );
    assert_eq!(reply(&out)["problem"]["code"], "no-such-choice");
}

#[test]
fn use_ims_links_value_fills_again_as_one_fill_and_undo_resets_the_stage() {
    let mut s = oauth_session();
    let before = guide(&s, &wizard_url());
    fill(&mut s, &typed_snapshot(None), &[]);
    // "Use IMS Link's": the same page filled again with the field confirmed.
    fill(&mut s, &typed_snapshot(None), &["clientId"]);
    assert_eq!(s.filled.len(), 1, "one fill, counted once");
    let record = &s.fills[0];
    assert!(record.choices.is_empty() && record.counted);
    // Undo puts back what the page held before the first fill, the typed Client ID included.
    let typed = record
        .undo
        .iter()
        .find(|u| u.key == "k10")
        .and_then(|u| u.before.clone());
    assert_eq!(typed.as_deref(), Some(TYPED));
    let g = guide(&s, &wizard_url());
    assert!(
        aem_ims(&g)["detail"]
            .as_str()
            .is_some_and(|d| d.starts_with("Filled on")),
        "{g}"
    );

    go(&mut s, request(json!({"type": "UndoFill", "tabId": 7})));
    let undo = io(&go(
        &mut s,
        event(json!({"type": "PageUrl", "tabId": 7, "url": wizard_url()})),
    ));
    let results = all_taken(&undo);
    go(
        &mut s,
        event(json!({"type": "UndoApplied", "tabId": 7, "results": results})),
    );
    assert!(s.filled.is_empty() && s.fills.is_empty());
    assert_eq!(s.ims_config_title, None, "the title the fill gave goes with it");
    let after = guide(&s, &wizard_url());
    assert_eq!(
        aem_ims(&after)["detail"],
        aem_ims(&before)["detail"],
        "the stage is back where it was"
    );
    assert_eq!(after["next"], before["next"]);
}

#[test]
fn undo_while_a_choice_is_open_leaves_nothing_counted() {
    let mut s = oauth_session();
    let before = guide(&s, &wizard_url());
    fill(&mut s, &typed_snapshot(None), &[]);
    go(&mut s, request(json!({"type": "UndoFill", "tabId": 7})));
    let undo = io(&go(
        &mut s,
        event(json!({"type": "PageUrl", "tabId": 7, "url": wizard_url()})),
    ));
    go(
        &mut s,
        event(json!({"type": "UndoApplied", "tabId": 7, "results": all_taken(&undo)})),
    );
    let after = guide(&s, &wizard_url());
    assert_eq!(after["stages"], before["stages"]);
    assert_eq!(after["choices"], json!([]));
}

#[test]
fn a_secret_in_a_choice_is_masked_and_never_kept() {
    let mut s = oauth_session();
    fill(&mut s, &typed_snapshot(Some("admin-typed-secret-value")), &[]);
    let g = guide(&s, &wizard_url());
    let secret = g["choices"]
        .as_array()
        .expect("choices")
        .iter()
        .find(|c| c["secret"] == true)
        .cloned()
        .expect("the secret's choice");
    assert_eq!(
        secret["typed"],
        "\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}"
    );
    assert_eq!(secret["ours"], secret["typed"]);
    let text = serde_json::to_string(&s.fills).expect("json");
    assert!(!text.contains("admin-typed-secret-value") && !text.contains(OAUTH_SECRET));
}

/// The one-page Create form (AEM as a Cloud Service, 6.5 SP20+) as the worker captures it.
fn single_page_snapshot() -> Value {
    let mut snapshot: Value =
        serde_json::from_str(include_str!("../fill/testdata/ims-create-single.json")).expect("fixture");
    snapshot["markers"] = json!(["coral-select", "foundation-form"]);
    snapshot
}

#[test]
fn the_guide_says_next_only_for_a_wizard_with_a_step_not_shown() {
    let names = |g: &Value| -> Vec<String> {
        g["next"]["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .filter_map(|st| st["name"].as_str().map(String::from))
            .collect()
    };
    // One page: Create alone.
    let mut s = oauth_session();
    let single = single_page_snapshot();
    fill(&mut s, &single, &[]);
    assert!(!s.fills[0].hidden_step && s.filled.len() == 1);
    let url = single["url"].as_str().expect("url");
    assert_eq!(names(&guide(&s, url)), ["Create"]);
    // The two-step wizard with its Account step not shown: Next, then Create.
    let mut s = oauth_session();
    fill(&mut s, &wizard_snapshot(), &[]);
    assert_eq!(names(&guide(&s, &wizard_url())), ["Next", "Create"]);
}
