//! Host access on AEM in the side panel: the author's address once, then "Allow on this AEM site".

use serde_json::{json, Value};

use crate::guide::tests::{profile, target_values, CLIENT, NOW};

use super::super::{guide, Action, Guide, GuideInput, PageKind, StageId};
use super::granted;

const CLOUD: &str = "https://author-p1-e2.adobeaemcloud.com";

/// An OAuth profile IMS accepted: the next stage is AEM's IMS configuration.
fn run(url: Option<&str>, more: Value) -> Guide {
    let mut values = target_values();
    values.extend([
        ("authType", json!("oauth")),
        ("clientId", json!(CLIENT)),
        ("clientSecret", json!("p8e-secret")),
        ("orgId", json!("ABCDEF0123456789ABCDEF01@AdobeOrg")),
        ("scopes", json!(["openid", "AdobeID", "target_sdk"])),
    ]);
    let mut input = json!({ "url": url, "profile": profile(&values), "checks": { "ims": { "ok": true } } });
    if let (Some(i), Some(m)) = (input.as_object_mut(), more.as_object()) {
        i.extend(m.clone());
    }
    let input: GuideInput = crate::from_json::from_value(input).expect("guide input");
    guide(&input, NOW)
}

#[test]
fn the_panel_asks_for_the_author_when_no_page_told_it() {
    let g = run(None, json!({ "panel": true }));
    assert_eq!(g.next.stage, Some(StageId::AemIms));
    assert!(g.aem_author_button.is_some(), "the address first, in the next-step box");
    assert_eq!(g.allow_site, None);
}

#[test]
fn the_panel_names_the_one_allow_step_for_the_typed_author() {
    let g = run(None, json!({ "panel": true, "aemAuthor": CLOUD }));
    assert_eq!(g.next.action, Some(Action::AllowSite));
    assert_eq!(g.allow_site.as_deref(), Some(CLOUD));
    assert_eq!(
        g.allow_site_label,
        Some(format!("Allow on {}", CLOUD.trim_start_matches("https://")))
    );
    assert!(g.next.text.contains(CLOUD), "{}", g.next.text);
    assert_eq!(g.next.link, None, "one thing to do: allow");
}

#[test]
fn once_allowed_the_panel_links_to_the_authors_page() {
    let g = run(
        None,
        json!({ "panel": true, "aemAuthor": CLOUD, "grantedOrigins": [format!("{CLOUD}/*")] }),
    );
    assert_eq!(g.allow_site, None);
    let link = g.next.link.expect("a link to AEM's IMS configurations");
    assert!(link.url.starts_with(CLOUD), "{}", link.url);
}

#[test]
fn a_readable_aem_page_and_the_popup_need_no_allow_step() {
    let wizard = format!("{CLOUD}/libs/cq/adobeims-configuration/content/configurations/create.html");
    let g = run(Some(&wizard), json!({ "panel": true }));
    assert_eq!(g.page, PageKind::AemImsWizard);
    assert_eq!(g.next.action, Some(Action::FillForm));
    // The toolbar popup has activeTab on the AEM page: it never asks.
    let g = run(None, json!({ "aemAuthor": CLOUD }));
    assert_eq!(g.allow_site, None);
    assert_ne!(g.next.action, Some(Action::AllowSite));
}

#[test]
fn the_panel_says_why_it_cannot_see_a_tab() {
    let g = run(None, json!({ "panel": true }));
    assert!(g.here.contains("the side panel reads Adobe's pages"), "{}", g.here);
    assert!(!g.here.contains("click its icon"), "{}", g.here);
    let g = run(None, json!({}));
    assert!(
        g.here.contains("click its icon"),
        "the popup's own sentence: {}",
        g.here
    );
}

#[test]
fn earlier_stages_are_not_held_up_by_site_access() {
    let g = run(None, json!({ "panel": true, "checks": {} }));
    assert_eq!(g.next.stage, Some(StageId::Console));
    assert_eq!(g.allow_site, None);
}

#[test]
fn granted_patterns_cover_the_origin() {
    assert!(granted(&[format!("{CLOUD}/*")], CLOUD));
    assert!(granted(&["https://*/*".into()], CLOUD));
    assert!(!granted(&["https://experience.adobe.com/*".into()], CLOUD));
    assert!(!granted(&["http://*/*".into()], CLOUD));
}

/// Issue 18: the Allow step for the author the admin typed says that the grant lets IMS Link
/// fill its forms, the secret included, and opens the author's page it stands in for.
#[test]
fn allowing_the_typed_author_says_it_allows_its_secrets_and_opens_its_page() {
    let g = run(
        None,
        json!({ "panel": true, "aemAuthor": CLOUD, "aemAuthorNamed": CLOUD }),
    );
    assert_eq!(g.next.action, Some(Action::AllowSite));
    assert!(
        g.next
            .text
            .ends_with("Allowing it also lets IMS Link fill that AEM's forms, the client secret included."),
        "{}",
        g.next.text
    );
    assert_eq!(
        g.allow_site_opens,
        Some(format!(
            "{CLOUD}/libs/cq/adobeims-configuration/content/configurations.html"
        ))
    );
    // An author only visited: the grant is site access alone, and says nothing of secrets.
    let g = run(None, json!({ "panel": true, "aemAuthor": CLOUD }));
    assert!(!g.next.text.contains("client secret"), "{}", g.next.text);
    assert!(g.allow_site_opens.is_some(), "the page opens all the same");
    // Once granted nothing is opened by the panel: the link is the next step again.
    let g = run(
        None,
        json!({ "panel": true, "aemAuthor": CLOUD, "grantedOrigins": [format!("{CLOUD}/*")] }),
    );
    assert_eq!(g.allow_site_opens, None);
}

#[test]
fn the_author_form_says_naming_it_lets_secrets_go_there() {
    // In the side panel naming the author and allowing it are one step: its button says so,
    // and so does the form, before the browser asks.
    let g = run(None, json!({ "panel": true }));
    assert_eq!(g.aem_author_button.as_deref(), Some("Allow on this AEM site"));
    assert!(g.next.text.contains(super::ASKED_ONCE), "{}", g.next.text);
    assert!(
        g.next
            .text
            .ends_with("Allowing it lets IMS Link fill that AEM's forms, the client secret included."),
        "{}",
        g.next.text
    );
    // The toolbar popup's form only keeps the address; a grant there (its "Allow on this AEM
    // site") counts the same.
    let g = run(None, json!({}));
    assert_eq!(g.aem_author_button.as_deref(), Some("Save"));
    assert!(!g.next.text.contains("browser"), "{}", g.next.text);
    assert!(
        g.next
            .text
            .ends_with("Naming it lets IMS Link fill that AEM's forms, the client secret included."),
        "{}",
        g.next.text
    );
}

#[test]
fn the_author_just_named_in_the_panel_is_allowed_and_opened_even_when_granted_already() {
    // The address form's button asked the browser: the guide answering it names the site and
    // the page to open, granted or not (the browser answers at once when it is).
    for granted in [json!([]), json!([format!("{CLOUD}/*")])] {
        let g = run(
            None,
            json!({ "panel": true, "justNamed": true, "aemAuthor": CLOUD, "aemAuthorNamed": CLOUD, "grantedOrigins": granted }),
        );
        assert_eq!(g.allow_site.as_deref(), Some(CLOUD), "{granted}");
        let opens = g.allow_site_opens.expect("the author's page opens");
        assert!(
            opens.starts_with(&format!("{CLOUD}/libs/cq/adobeims-configuration/")),
            "{opens}"
        );
        assert_eq!(g.aem_author_button, None, "the address is given");
    }
    // Later guides for the same panel do not ask again once granted.
    let g = run(
        None,
        json!({ "panel": true, "aemAuthor": CLOUD, "grantedOrigins": [format!("{CLOUD}/*")] }),
    );
    assert_eq!(g.allow_site, None);
}
