//! The JWT keystore route (route B) as the guide walks it.

use serde_json::{json, Value};

use crate::guide::tests::{jwt_values, profile, AUTHOR, NOW};

use super::super::{guide, Action, Guide, GuideInput, PageKind, StageId, Status, Step};

const KEYSTORE: &str =
    "https://author.aem.test/libs/granite/security/content/keystore.html/home/users/system/authentication-service";
const ALIAS: &str = "ims-link-0a1b2c3d4e5f";

fn jwt_profile() -> Value {
    profile(&jwt_values())
}

/// A JWT profile IMS accepted with IMS Link's key pair, on `url`, plus `more` input.
fn run(url: &str, more: Value) -> Guide {
    let mut input = json!({
        "url": url, "profile": jwt_profile(), "hasKeyPair": true, "keystoreAlias": ALIAS,
        "checks": { "ims": { "ok": true } }, "grantedOrigins": [format!("{AUTHOR}/*")],
    });
    if let (Some(i), Some(m)) = (input.as_object_mut(), more.as_object()) {
        i.extend(m.clone());
    }
    let input: GuideInput = crate::from_json::from_value(input).expect("guide input");
    guide(&input, NOW)
}

fn keystore(exists: bool, aliases: &[&str]) -> Value {
    json!({ "aem": { "keystore": { "url": KEYSTORE, "exists": exists, "aliases": aliases } } })
}

fn steps(g: &Guide) -> Vec<String> {
    g.next
        .steps
        .iter()
        .map(|s| match s {
            Step::Click { name, .. } => format!("click {name}"),
            Step::Enter { label, .. } => format!("enter {label}"),
            Step::EnterOwn { label, .. } => format!("own {label}"),
            Step::Select { name } => format!("select {name}"),
        })
        .collect()
}

#[test]
fn elsewhere_on_the_author_the_guide_links_to_the_keystore() {
    let g = run(&format!("{AUTHOR}/aem/start.html"), json!({}));
    assert_eq!(g.stages[2].status, Status::NeedsYou);
    assert!(g.stages[2].detail.contains(ALIAS), "{}", g.stages[2].detail);
    assert_eq!(g.next.stage, Some(StageId::AemIms));
    assert_eq!(g.next.link.as_ref().map(|l| l.url.as_str()), Some(KEYSTORE));
    // Even on the IMS console: the key comes first, or AEM's Check Health cannot sign.
    let g = run(
        &format!("{AUTHOR}/libs/cq/adobeims-configuration/content/configurations.html"),
        json!({}),
    );
    assert_eq!(g.next.link.as_ref().map(|l| l.url.as_str()), Some(KEYSTORE));
}

#[test]
fn with_no_aem_known_the_detail_names_the_keystore_path() {
    let g = run("https://www.example.com/", json!({ "grantedOrigins": [] }));
    assert!(g.stages[2].detail.starts_with("Open your AEM author's keystore"));
    assert!(g.next.text.contains("your AEM author"), "{}", g.next.text);
    assert_eq!(g.next.link, None, "only the admin knows the author");
}

#[test]
fn on_the_keystore_page_read_then_create_then_add_then_submit() {
    let g = run(KEYSTORE, json!({}));
    assert_eq!(g.page, PageKind::AemKeystore);
    assert_eq!(g.next.action, Some(Action::ReadAemResult));
    assert!(g.next.steps.is_empty());

    let g = run(KEYSTORE, keystore(false, &[]));
    assert_eq!(steps(&g), ["own New Password", "own Confirm Password", "click Save"]);
    assert_eq!(g.next.action, Some(Action::ReadAemResult));
    // The password is the admin's own: never a value IMS Link types or shows.
    assert!(!serde_json::to_string(&g.next).expect("json").contains("\"value\""));

    let g = run(KEYSTORE, keystore(true, &["other"]));
    assert_eq!(steps(&g), ["click Add Private Key from DER file"]);
    assert_eq!(g.next.action, Some(Action::FillForm));
    assert_eq!(g.fill_label.as_deref(), Some("Fill this form on author.aem.test"));

    let mut filled = keystore(true, &[]);
    filled["fillHere"] = json!({ "form": "keystore", "url": KEYSTORE });
    let g = run(KEYSTORE, filled.clone());
    assert_eq!(steps(&g), ["own Key Store Password", "click Submit"]);
    assert_eq!(g.next.action, Some(Action::ReadAemResult));
    assert!(g.next.text.starts_with("IMS Link filled the alias"));

    // A refused submit: AEM's words first, then the same steps again.
    let mut refused = filled.clone();
    refused["aem"]["keystore"]["error"] = json!("Error: The key store password is incorrect.");
    let g = run(KEYSTORE, refused);
    assert!(g
        .next
        .text
        .starts_with("AEM said \u{201c}Error: The key store password is incorrect.\u{201d}. IMS Link filled"));
    assert_eq!(steps(&g), ["own Key Store Password", "click Submit"]);

    // The first secret to this author waits for the admin's yes, naming the private key.
    filled["fillHere"]["consent"] = json!(AUTHOR);
    let g = run(KEYSTORE, filled);
    assert_eq!(g.next.action, Some(Action::AllowSecrets));
    assert!(
        g.next.text.contains("has not sent the private key yet"),
        "{}",
        g.next.text
    );
    assert!(g
        .consent
        .is_some_and(|c| c.question.starts_with("Send the private key file to")));
}

#[test]
fn once_aem_lists_the_alias_the_wizard_comes_next() {
    let g = run(KEYSTORE, keystore(true, &[ALIAS]));
    assert_eq!(g.next.stage, Some(StageId::AemIms));
    assert!(g
        .next
        .link
        .as_ref()
        .is_some_and(|l| l.url.ends_with("configurations.html")));
    assert!(!g.stages[2].detail.contains("keystore"));
    let g = run(
        &format!("{AUTHOR}/libs/cq/adobeims-configuration/content/configurations/create.html"),
        keystore(true, &[ALIAS]),
    );
    assert_eq!(g.next.action, Some(Action::FillForm));
}

#[test]
fn a_keystore_read_on_another_author_does_not_count() {
    let mut other = keystore(true, &[ALIAS]);
    other["aem"]["keystore"]["url"] = json!(KEYSTORE.replace("author.aem.test", "other.aem.test"));
    let g = run(&format!("{AUTHOR}/aem/start.html"), other);
    assert_eq!(g.next.link.as_ref().map(|l| l.url.as_str()), Some(KEYSTORE));
}

#[test]
fn the_route_is_only_for_jwt_with_ims_links_key_pair_on_aem_65() {
    // No passing IMS check yet: stage 2 comes first.
    let g = run(
        &format!("{AUTHOR}/aem/start.html"),
        json!({ "checks": { "ims": { "ok": false } } }),
    );
    assert_ne!(g.next.stage, Some(StageId::AemIms));
    // No certificate held (no alias): the usual wizard route.
    let g = run(&format!("{AUTHOR}/aem/start.html"), json!({ "keystoreAlias": null }));
    assert!(!g.stages[2].detail.contains("keystore"));
    // AEM as a Cloud Service: not this route.
    let cloud = "https://author-p1-e2.adobeaemcloud.com";
    let g = run(
        &format!("{cloud}/aem/start.html"),
        json!({ "grantedOrigins": [format!("{cloud}/*")] }),
    );
    assert!(!g.stages[2].detail.contains("keystore"));
    // A verdict of AEM's own outweighs the route: its failure is shown as AEM said it.
    let g = run(
        &format!("{AUTHOR}/libs/cq/adobeims-configuration/content/configurations.html"),
        json!({ "imsConfigTitle": "T", "filled": [{ "form": "ims-wizard", "origin": AUTHOR }],
            "aem": { "health": { "ok": false, "url": AUTHOR, "text": "Error", "context": "Check Health of T" } } }),
    );
    assert_eq!(g.stages[2].status, Status::Problem);
}
