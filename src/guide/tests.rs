use serde_json::{json, Value};

use super::*;

pub(super) const NOW: u64 = 1_795_900_000_000; // 2026-11-28
pub(super) const CLIENT: &str = "0123456789abcdef0123456789abcdef";
pub(super) const AUTHOR: &str = "https://author.aem.test";
const CLOUD: &str = "https://author-p1-e2.adobeaemcloud.com";

fn sourced(v: Value) -> Value {
    json!({ "value": v, "source": { "kind": "page", "atMs": NOW } })
}

/// A profile from `field: value` pairs.
pub(super) fn profile(values: &[(&str, Value)]) -> Value {
    Value::Object(
        values
            .iter()
            .map(|(k, v)| ((*k).to_string(), sourced(v.clone())))
            .collect(),
    )
}

pub(super) fn target_values() -> Vec<(&'static str, Value)> {
    vec![("tenant", json!("acme")), ("clientCode", json!("acme"))]
}

pub(super) fn oauth_values() -> Vec<(&'static str, Value)> {
    let mut v = target_values();
    v.extend([
        ("authType", json!("oauth")),
        ("clientId", json!(CLIENT)),
        ("clientSecret", json!("p8e-secret")),
        ("orgId", json!("ABCDEF0123456789ABCDEF01@AdobeOrg")),
        ("scopes", json!(["openid", "AdobeID", "target_sdk"])),
    ]);
    v
}

/// A JWT credential IMS Link captured whole (the route tests share it).
pub(super) fn jwt_values() -> Vec<(&'static str, Value)> {
    let payload = json!({
        "exp": NOW / 1000 + 86_400,
        "iss": "ABCDEF0123456789ABCDEF01@AdobeOrg",
        "sub": "F00D0123456789ABCDEF0123@techacct.adobe.com",
        "https://ims-na1.adobelogin.com/s/ent_marketing_sdk": true,
        "aud": format!("https://ims-na1.adobelogin.com/c/{CLIENT}"),
    });
    let mut v = target_values();
    v.extend([
        ("authType", json!("jwt")),
        ("clientId", json!(CLIENT)),
        ("clientSecret", json!("p8e-secret")),
        ("payload", json!(payload.to_string())),
        ("authorizationServer", json!("https://ims-na1.adobelogin.com")),
    ]);
    v
}

pub(super) fn run(url: Option<&str>, values: &[(&str, Value)], more: Value) -> Guide {
    let mut input = json!({ "url": url, "profile": profile(values) });
    if let (Some(i), Some(m)) = (input.as_object_mut(), more.as_object()) {
        i.extend(m.clone());
    }
    let input: GuideInput = crate::from_json::from_value(input).expect("guide input");
    let out = guide(&input, NOW);
    crate::to_json::assert_same(&out);
    out
}

pub(super) const IMS_TITLE: &str = "Adobe Target (acme)";

/// AEM's Check Health passed for the configuration IMS Link filled on `origin`.
pub(super) fn health_passed(origin: &str) -> Value {
    json!({ "checks": { "ims": { "ok": true } }, "filled": [{ "form": "ims-wizard", "origin": origin }],
        "imsConfigTitle": IMS_TITLE,
        "aem": { "health": { "ok": true, "url": format!("{origin}/libs/cq/adobeims-configuration/content/configurations.html"),
            "text": "Success Token retrieved successfully!", "context": format!("Check Health Check the health of {IMS_TITLE}: AEM requests…") } } })
}

fn statuses(g: &Guide) -> Vec<Status> {
    g.stages.iter().map(|s| s.status).collect()
}

pub(super) fn clicks(n: &Next) -> Vec<String> {
    n.steps
        .iter()
        .map(|s| match s {
            Step::Click { name, within: None } => format!("click {name}"),
            Step::Click { name, within: Some(w) } => format!("click {name} in {w}"),
            Step::Enter { label, value } => format!("enter {label}={value}"),
            Step::EnterOwn { label, .. } => format!("own {label}"),
            Step::Select { name } => format!("select {name}"),
        })
        .collect()
}

const IMS_OK: &str = r#"{ "ims": { "ok": true } }"#;

fn checks(ims_ok: bool) -> Value {
    if ims_ok {
        json!({ "checks": serde_json::from_str::<Value>(IMS_OK).expect("json") })
    } else {
        json!({})
    }
}

#[test]
fn a_first_visit_points_to_target() {
    use Status::*;
    let g = run(None, &[], json!({}));
    assert_eq!(statuses(&g), [NeedsYou, NeedsYou, NeedsYou, NeedsYou]);
    assert_eq!(g.page, PageKind::Unreadable);
    assert_eq!(g.next.stage, Some(StageId::Target));
    // Straight to Administration > Implementation: the shell adds the admin's organization.
    assert_eq!(
        g.next.link.as_ref().map(|l| (l.url.as_str(), l.label.as_str())),
        Some((
            "https://experience.adobe.com/#/target/setup/implementation",
            "Open Target's Implementation page"
        ))
    );
    assert_eq!(g.action, None);
    // No AEM author known: a short request for its address, not menu paths for two AEMs.
    for st in &g.stages[2..] {
        assert!(st.todo.starts_with("Give your AEM author's address"), "{}", st.todo);
        assert!(!st.todo.contains(" > ") && !st.todo.contains("/libs/"), "{}", st.todo);
    }
    assert_eq!(g.stages[2].detail, "Not created yet.");
    // Asked where it is needed: not while Target is the next step.
    assert_eq!(g.aem_author_button, None);
}

/// The AEM author is asked for once the next step is in AEM; given (or seen on a page), the
/// guide links to its exact pages, told apart as 6.5 or Cloud Service by the host.
#[test]
fn the_aem_author_is_asked_for_then_linked_to() {
    let done = json!({ "checks": { "ims": { "ok": true } } });
    let g = run(None, &oauth_values(), done.clone());
    assert_eq!(g.next.stage, Some(StageId::AemIms));
    assert!(g.aem_author_button.is_some());
    assert_eq!(g.next.link, None);

    let mut given = done.clone();
    given["aemAuthor"] = json!(CLOUD);
    let g = run(None, &oauth_values(), given.clone());
    assert_eq!(g.aem_author_button, None);
    let link = g.next.link.expect("a link");
    assert_eq!(
        link.url,
        format!("{CLOUD}/libs/cq/adobeims-configuration/content/configurations.html")
    );
    assert_eq!(
        link.label,
        "Open Adobe IMS Configurations on author-p1-e2.adobeaemcloud.com"
    );
    // Cloud Service: the Target configurations console; 6.5: Legacy Cloud Services.
    let t = g.stages[3].link.as_ref().expect("a link");
    assert_eq!(
        t.url,
        format!("{CLOUD}/libs/cq/personalization/touch-ui/content/v2/configurations.html")
    );
    given["aemAuthor"] = json!(AUTHOR);
    let g = run(None, &oauth_values(), given);
    let t = g.stages[3].link.as_ref().expect("a link");
    assert_eq!(
        (t.url.as_str(), t.label.as_str()),
        (
            "https://author.aem.test/libs/cq/core/content/tools/cloudservices.html",
            "Open Legacy Cloud Services on author.aem.test"
        )
    );
    // This tab's AEM outweighs the one given.
    let mut here = done;
    here["aemAuthor"] = json!(CLOUD);
    let g = run(Some(&format!("{AUTHOR}/aem/start.html")), &oauth_values(), here);
    assert!(g.stages[2].link.as_ref().is_some_and(|l| l.url.starts_with(AUTHOR)));
}

/// Once AEM's list was read and holds nothing to migrate, the link goes to the wizard itself.
#[test]
fn the_ims_link_goes_to_the_wizard_once_nothing_is_to_migrate() {
    let more = json!({ "checks": { "ims": { "ok": true } }, "aemAuthor": AUTHOR,
        "aem": { "configs": { "url": format!("{AUTHOR}/libs/cq/adobeims-configuration/content/configurations.html"), "configs": [] } } });
    let g = run(None, &oauth_values(), more);
    assert_eq!(
        g.stages[2].link.as_ref().map(|l| l.url.as_str()),
        Some("https://author.aem.test/libs/cq/adobeims-configuration/content/configurations/create.html")
    );
}

/// A refused credential is fixed on its own page: the link goes there, not to the projects.
#[test]
fn a_refused_credential_links_to_its_own_page() {
    let credential = "https://developer.adobe.com/console/projects/1/2/credentials/3/details/oauthservertoserver";
    let failed = json!({ "checks": { "ims": { "ok": false, "diagnosis": { "summary": "IMS does not accept the client secret.", "nextStep": "Retrieve the secret again." } } } });
    let mut input = json!({ "profile": profile(&oauth_values()) });
    input["profile"]["clientId"]["source"]["url"] = json!(credential);
    if let (Some(i), Some(m)) = (input.as_object_mut(), failed.as_object()) {
        i.extend(m.clone());
    }
    let input: GuideInput = crate::from_json::from_value(input).expect("guide input");
    let g = guide(&input, NOW);
    assert_eq!(g.next.action, Some(Action::CheckIms));
    let link = g.next.link.expect("a link");
    assert_eq!(
        (link.url.as_str(), link.label.as_str()),
        (credential, "Open the credential in the Developer Console")
    );
    // Without the page, the projects.
    let g = run(None, &oauth_values(), failed);
    assert_eq!(g.next.link.map(|l| l.url), Some(stages::CONSOLE_PROJECTS.to_string()));
}

#[test]
fn target_then_its_implementation_page_for_the_client_code() {
    let url = "https://experience.adobe.com/#/@acme/target/activities";
    let g = run(Some(url), &[("tenant", json!("acme"))], json!({}));
    assert_eq!(g.action, Some(Action::CopyTenant));
    assert_eq!(g.here, "Adobe Target, tenant acme.");
    assert_eq!(
        g.next.link.as_ref().map(|l| l.url.as_str()),
        Some("https://experience.adobe.com/#/@acme/target/setup/implementation")
    );
    let g = run(Some(url), &target_values(), json!({}));
    assert_eq!(g.stages[0].status, Status::Done);
    assert_eq!(g.stages[0].detail, "Tenant ID and Client Code acme.");
    assert_eq!(g.next.stage, Some(StageId::Console));
    assert_eq!(
        g.next.link.as_ref().map(|l| l.url.as_str()),
        Some(stages::CONSOLE_PROJECTS)
    );
}

/// Where the shell keeps the first link's route, one page gives both values and the stage is
/// done; where it lands on Activities instead, the guide links on to the Implementation page
/// with the tenant (`target_then_its_implementation_page_for_the_client_code`).
#[test]
fn the_implementation_page_reached_at_once_finishes_the_target_stage() {
    let url = "https://experience.adobe.com/#/@acme/target/setup/implementation";
    let g = run(Some(url), &target_values(), json!({}));
    assert_eq!(g.stages[0].status, Status::Done);
    assert_eq!(g.next.stage, Some(StageId::Console));
}

#[test]
fn a_tenant_that_is_an_org_id_is_a_problem() {
    let g = run(
        None,
        &[("tenant", json!("ABCDEF0123456789ABCDEF01@AdobeOrg"))],
        json!({}),
    );
    assert_eq!(g.stages[0].status, Status::Problem);
    assert_eq!(g.next.stage, Some(StageId::Target));
}

#[test]
fn the_console_page_says_which_button_to_click() {
    let credential = "https://developer.adobe.com/console/projects/1/2/credentials/3/details/oauthservertoserver";
    let mut values = oauth_values();
    values.retain(|(k, _)| *k != "clientSecret");
    let g = run(Some(credential), &values, json!({}));
    assert_eq!(
        g.stages[1].detail,
        "OAuth Server-to-Server credential; still missing: Client secret."
    );
    assert_eq!(clicks(&g.next), ["click Retrieve client secret"]);
    let g = run(Some("https://developer.adobe.com/console/projects"), &values, json!({}));
    assert!(g.next.text.starts_with("Open your project"));
    let g = run(Some(credential), &oauth_values(), json!({}));
    assert_eq!(g.next.action, Some(Action::CheckIms));
}

#[test]
fn a_failed_ims_check_is_the_console_stages_problem_with_its_diagnosis() {
    let failed = json!({ "checks": { "ims": { "ok": false, "diagnosis": { "summary": "IMS does not accept the client secret.", "nextStep": "Retrieve the secret again." } } } });
    let g = run(None, &oauth_values(), failed);
    assert_eq!(g.stages[1].status, Status::Problem);
    assert_eq!(
        g.stages[1].detail,
        "IMS refused the credential: IMS does not accept the client secret."
    );
    // Said once: what failed in the stage, what to do in the next step.
    assert_eq!(g.next.text, "Retrieve the secret again.");
    assert_eq!(g.next.action, Some(Action::CheckIms));
}

#[test]
fn jwt_needs_a_key_pair_then_the_upload() {
    let credential = "https://developer.adobe.com/console/projects/1/2/credentials/3/details/jwt";
    let g = run(Some(credential), &jwt_values(), json!({}));
    // After Adobe's conversion of JWT credentials the finding stands until IMS itself answers.
    assert_eq!(g.stages[1].status, Status::Problem);
    assert!(g.stages[1].detail.contains("converted every JWT credential"));
    assert_eq!(
        (g.action, g.next.action),
        (Some(Action::GenerateKeyPair), Some(Action::GenerateKeyPair))
    );
    let g = run(Some(credential), &jwt_values(), json!({ "hasKeyPair": true }));
    assert_eq!(clicks(&g.next), ["click Credential details", "click Upload public key"]);
    assert_eq!(g.next.action, Some(Action::CheckIms));
    let passed = json!({ "hasKeyPair": true, "checks": { "ims": { "ok": true } } });
    assert_eq!(
        run(Some(credential), &jwt_values(), passed).stages[1].status,
        Status::Done
    );
    let mut no_payload = jwt_values();
    no_payload.retain(|(k, _)| *k != "payload");
    let g = run(Some(credential), &no_payload, json!({ "hasKeyPair": true }));
    assert_eq!(clicks(&g.next), ["click Generate JWT"]);
}

#[test]
fn aem_ims_configuration_from_any_aem_page_to_the_saved_wizard() {
    let g = run(None, &oauth_values(), checks(true));
    assert_eq!(statuses(&g)[..2], [Status::Done, Status::Done]);
    assert_eq!(g.next.stage, Some(StageId::AemIms));
    assert_eq!(g.next.link, None, "no AEM known yet");
    let granted = json!({ "checks": { "ims": { "ok": true } }, "grantedOrigins": ["https://experience.adobe.com/*", "https://*/*", format!("{AUTHOR}/*")] });
    assert_eq!(
        run(None, &oauth_values(), granted).next.link.map(|l| l.url),
        Some(format!(
            "{AUTHOR}/libs/cq/adobeims-configuration/content/configurations.html"
        )),
        "an AEM author the admin allowed is remembered"
    );
    let g = run(Some(&format!("{AUTHOR}/aem/start.html")), &oauth_values(), checks(true));
    assert_eq!(
        g.next.link.as_ref().map(|l| l.url.clone()),
        Some(format!(
            "{AUTHOR}/libs/cq/adobeims-configuration/content/configurations.html"
        ))
    );
    let ims_console = format!("{AUTHOR}/libs/cq/adobeims-configuration/content/configurations.html");
    // AEM's list first: a JWT configuration is migrated, not created anew.
    let g = run(Some(&ims_console), &oauth_values(), checks(true));
    assert_eq!(g.next.action, Some(Action::ReadAemResult));
    let mut listed = checks(true);
    listed["aem"] = json!({ "configs": { "url": ims_console, "configs": [
        { "title": "Adobe Analytics", "kind": "jwt", "target": false, "autoProvisioned": false }] } });
    let g = run(Some(&ims_console), &oauth_values(), listed.clone());
    assert_eq!(clicks(&g.next), ["click Create"]);
    assert!(
        g.here
            .contains("\u{201c}Adobe Analytics\u{201d} (JWT, deprecated: migrate to OAuth Server-to-Server)"),
        "{}",
        g.here
    );
    // A card whose title names no solution may be Target's: its Properties say, and IMS Link
    // fills nothing there if they name another one.
    listed["aem"]["configs"]["configs"] = json!([
        { "title": "IMS production", "kind": "jwt", "target": false, "autoProvisioned": false },
        { "title": "Adobe Analytics", "kind": "jwt", "target": false, "autoProvisioned": false }]);
    let g = run(Some(&ims_console), &oauth_values(), listed.clone());
    assert_eq!(clicks(&g.next), ["select IMS production", "click Properties"]);
    assert!(
        g.next.text.contains("If none is Target's, click Create instead."),
        "{}",
        g.next.text
    );
    listed["aem"]["configs"]["configs"][1]["title"] = json!("IMS staging");
    let g = run(Some(&ims_console), &oauth_values(), listed);
    assert!(clicks(&g.next).is_empty(), "two candidates: the admin knows which");
    assert!(
        g.next
            .text
            .contains("\u{201c}IMS production\u{201d}, \u{201c}IMS staging\u{201d}"),
        "{}",
        g.next.text
    );
    let wizard = format!("{AUTHOR}/libs/cq/adobeims-configuration/content/configurations/create.html");
    let g = run(Some(&wizard), &oauth_values(), checks(true));
    assert_eq!(
        (g.action, g.next.action),
        (Some(Action::FillForm), Some(Action::FillForm))
    );
    let filled = json!({ "checks": { "ims": { "ok": true } }, "filled": [{ "form": "ims-wizard", "origin": AUTHOR }],
        "fillHere": { "form": "ims-wizard", "url": wizard } });
    let g = run(Some(&wizard), &oauth_values(), filled.clone());
    assert_eq!(g.stages[2].status, Status::NeedsYou, "a fill is not AEM's verdict");
    // The one-page Create form (AEM as a Cloud Service, 6.5 SP20+): Create alone.
    assert_eq!(clicks(&g.next), ["click Create"]);
    // The wizard with a step not shown yet (6.5 before SP20): Next first.
    let mut stepped = filled.clone();
    stepped["fillHere"]["hiddenStep"] = json!(true);
    let g = run(Some(&wizard), &oauth_values(), stepped);
    assert_eq!(clicks(&g.next), ["click Next", "click Create"]);
    // A fill of another page of this tab says nothing about this form's steps.
    let mut elsewhere = filled.clone();
    elsewhere["fillHere"] = json!({ "form": "ims-wizard", "url": format!("{wizard}?other"), "hiddenStep": true });
    let g = run(Some(&wizard), &oauth_values(), elsewhere);
    assert!(
        !clicks(&g.next).contains(&"click Next".to_string()),
        "{:?}",
        clicks(&g.next)
    );
    // Saved: the tab moved on to the console; AEM's own Check Health is what proves it.
    let mut filled = filled;
    filled["imsConfigTitle"] = json!(IMS_TITLE);
    let g = run(Some(&ims_console), &oauth_values(), filled.clone());
    assert_eq!(g.next.stage, Some(StageId::AemIms));
    assert!(
        g.stages[2].todo.contains("Now run Check Health in AEM"),
        "{}",
        g.stages[2].todo
    );
    assert_eq!(
        clicks(&g.next),
        [
            format!("select {IMS_TITLE}"),
            "click Check Health".into(),
            "click Check".into()
        ]
    );
    assert_eq!(g.next.action, Some(Action::ReadAemResult));
    // AEM's verdict about another configuration proves nothing about this one.
    let mut other = health_passed(AUTHOR);
    other["aem"]["health"]["context"] = json!("Check the health of Adobe Analytics");
    assert_eq!(
        run(Some(&ims_console), &oauth_values(), other).stages[2].status,
        Status::NeedsYou
    );
    let g = run(Some(&ims_console), &oauth_values(), health_passed(AUTHOR));
    assert_eq!(g.stages[2].status, Status::Done);
    assert!(g.stages[2].detail.contains("AEM's own Check Health passed"));
    assert_eq!(g.next.stage, Some(StageId::AemTarget));
}

#[test]
fn aem_failing_check_health_is_the_stage_problem_with_its_diagnosis_and_a_retry() {
    let ims_console = format!("{AUTHOR}/libs/cq/adobeims-configuration/content/configurations.html");
    let mut failed = health_passed(AUTHOR);
    failed["aem"]["health"]["ok"] = json!(false);
    failed["aem"]["health"]["text"] =
        json!("Error: Unable to retrieve an access token. IMS responded with status 401: {}");
    failed["aem"]["health"]["diagnosis"] = json!({ "summary": "AEM's own call failed: The client secret does not match this client ID.", "nextStep": "Capture it again." });
    let g = run(Some(&ims_console), &oauth_values(), failed);
    assert_eq!(g.stages[2].status, Status::Problem);
    assert!(
        g.stages[2].detail.contains("The client secret does not match"),
        "{}",
        g.stages[2].detail
    );
    assert_eq!(g.next.stage, Some(StageId::AemIms));
    assert_eq!(g.next.action, Some(Action::ReadAemResult));
    assert!(!g.next.text.starts_with("All four"));
}

#[test]
fn aem_target_configuration_on_6_5_and_cloud_service() {
    let filled = health_passed;
    let g = run(None, &oauth_values(), filled(AUTHOR));
    assert_eq!(g.next.stage, Some(StageId::AemTarget));
    assert_eq!(
        g.next.link.as_ref().map(|l| l.url.clone()),
        Some(format!("{AUTHOR}/libs/cq/core/content/tools/cloudservices.html"))
    );
    let g = run(None, &oauth_values(), filled(CLOUD));
    assert_eq!(
        g.next.link.as_ref().map(|l| l.url.clone()),
        Some(format!(
            "{CLOUD}/libs/cq/personalization/touch-ui/content/v2/configurations.html"
        ))
    );
    let services = format!("{AUTHOR}/libs/cq/core/content/tools/cloudservices.html");
    let g = run(Some(&services), &oauth_values(), filled(AUTHOR));
    assert_eq!(
        clicks(&g.next),
        [
            "click Configure now in Adobe Target",
            "enter Title=Adobe Target (acme)",
            "click Create"
        ]
    );
    // A site's folder: its list is read first (a site has one Target configuration).
    let folder = format!("{CLOUD}/libs/cq/personalization/touch-ui/content/v2/configurations.html/conf/wknd");
    let g = run(Some(&folder), &oauth_values(), filled(CLOUD));
    assert!(g.next.watch_aem && g.next.steps.is_empty(), "{:?}", g.next);
    let mut read = filled(CLOUD);
    read["aem"]["targetFolder"] = json!({ "url": folder, "titles": [] });
    assert_eq!(
        clicks(&run(Some(&folder), &oauth_values(), read.clone()).next),
        ["click Create"]
    );
    // The folder has one: it is opened through its Properties, and AEM's button there is
    // "Re-connect to Adobe Target".
    read["aem"]["targetFolder"]["titles"] = json!(["Adobe Target"]);
    let g = run(Some(&folder), &oauth_values(), read.clone());
    assert_eq!(clicks(&g.next), ["select Adobe Target", "click Properties"]);
    assert!(
        g.next
            .text
            .contains("\u{201c}Adobe Target\u{201d}, this site's Target configuration"),
        "{}",
        g.next.text
    );
    let form = format!("{CLOUD}/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/edit.html/conf/wknd/settings/cloudconfigs/target");
    read["filled"] = json!([{ "form": "ims-wizard", "origin": CLOUD }, { "form": "target-cloud", "origin": CLOUD }]);
    read["fillHere"] = json!({ "form": "target-cloud", "url": form });
    assert_eq!(
        clicks(&run(Some(&form), &oauth_values(), read.clone()).next),
        ["click Re-connect to Adobe Target"]
    );
    // Another site's folder, or another AEM's, says nothing about this one.
    let other = form.replace("/conf/wknd/", "/conf/wknd2/");
    read["fillHere"]["url"] = json!(other);
    assert_eq!(
        clicks(&run(Some(&other), &oauth_values(), read).next),
        ["click Connect"]
    );
}

#[test]
fn a_filled_target_form_is_connected_by_aem_then_saved_then_all_is_done() {
    for (page, connect, save) in [
        (format!("{AUTHOR}/etc/cloudservices/testandtarget/adobe-target-acme.html"), "Connect to Adobe Target", "OK"),
        (format!("{CLOUD}/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/edit.html/conf/wknd/settings/cloudconfigs/target"), "Connect", "Save & Close"),
    ] {
        let origin = if page.starts_with(AUTHOR) { AUTHOR } else { CLOUD };
        let form = if save == "OK" { "target-classic" } else { "target-cloud" };
        let mut filled = health_passed(origin);
        filled["fillHere"] = json!({ "form": form, "url": page });
        filled["filled"] = json!([{ "form": "ims-wizard", "origin": origin }, { "form": form, "origin": origin }]);
        let g = run(Some(&page), &oauth_values(), filled.clone());
        assert_eq!(clicks(&g.next), [format!("click {connect}")]);
        assert_eq!(g.next.action, Some(Action::ReadAemResult));
        // IMS Link's own Target check is not AEM's Connect.
        let mut own = filled.clone();
        own["checks"]["target"] = json!({ "ok": true });
        assert_eq!(run(Some(&page), &oauth_values(), own).stages[3].status, Status::NeedsYou);
        let mut connected = filled.clone();
        connected["aem"]["connect"] = json!({ "ok": true, "url": page, "text": "Connection successful" });
        let g = run(Some(&page), &oauth_values(), connected.clone());
        assert_eq!(statuses(&g), [Status::Done; 4]);
        assert_eq!(g.next.stage, None);
        assert!(g.next.text.starts_with("All four stages are done"));
        assert!(g.next.text.contains("AEM's own Check Health") && g.next.text.contains("AEM's own Connect"), "{}", g.next.text);
        let saves: Vec<String> = if save == "OK" {
            vec!["click OK in Connection successful".into(), "click OK".into()]
        } else {
            vec![format!("click {save}")]
        };
        assert_eq!(clicks(&g.next), saves, "then the form is saved");
        assert!(run(None, &oauth_values(), connected).next.steps.is_empty());
        let mut refused = filled;
        refused["aem"]["connect"] = json!({ "ok": false, "url": page, "text": "Connection failed: …",
            "diagnosis": { "summary": "The tenant belongs to another organization.", "nextStep": "Use the tenant of your org." } });
        let g = run(Some(&page), &oauth_values(), refused.clone());
        assert_eq!(g.stages[3].status, Status::Problem);
        assert!(g.stages[3].detail.contains("another organization"));
        assert_eq!(g.next.action, Some(Action::ReadAemResult));
        assert_eq!(clicks(&g.next), [format!("click {connect}")]);
        assert!(run(None, &oauth_values(), refused).next.link.is_some());
    }
}

#[test]
fn the_guide_serializes_for_the_popup() {
    let g = run(None, &[], json!({}));
    let v = serde_json::to_value(&g).expect("serialize");
    assert_eq!(v["stages"][2]["id"], "aem-ims");
    assert_eq!(v["stages"][0]["status"], "needs-you");
    assert_eq!(v["page"], "unreadable");
    let g = run(
        Some(&format!("{AUTHOR}/libs/cq/core/content/tools/cloudservices.html")),
        &oauth_values(),
        health_passed(AUTHOR),
    );
    let v = serde_json::to_value(&g.next).expect("serialize");
    assert_eq!(
        v["steps"][1],
        json!({ "do": "enter", "label": "Title", "value": "Adobe Target (acme)" })
    );
}

#[test]
fn a_page_offered_for_filling_is_named_by_its_host() {
    // AEM runs on any host, so a look-alike path anywhere is "an AEM form": the admin must see where.
    let g = run(
        Some("https://aem-login.evil.example/libs/cq/adobeims-configuration/content/configurations/create.html"),
        &oauth_values(),
        checks(true),
    );
    assert_eq!(g.action, Some(Action::FillForm));
    assert_eq!(
        g.here,
        "AEM's IMS configuration wizard on https://aem-login.evil.example."
    );
}

#[test]
fn fill_is_offered_only_on_forms_and_names_the_host() {
    let wizard = "https://author.aem.test/libs/cq/adobeims-configuration/content/configurations/create.html";
    assert_eq!(
        run(Some(wizard), &[], json!({})).fill_label.as_deref(),
        Some("Fill this form on author.aem.test")
    );
    let lookalike = "https://evil.test/libs/cq/adobeims-configuration/content/configurations/create.html";
    assert_eq!(
        run(Some(lookalike), &[], json!({})).fill_label.as_deref(),
        Some("Fill this form on evil.test")
    );
    // Where the guide says there is nothing to fill, no Fill button.
    for url in [
        "https://evil.test/totally/not/aem/form.html",
        "https://experience.adobe.com/#/@acme/target/activities",
    ] {
        assert_eq!(run(Some(url), &[], json!({})).fill_label, None, "{url}");
    }
    // The browser hides the address until the admin clicks IMS Link on the tab.
    assert_eq!(run(None, &[], json!({})).fill_label.as_deref(), Some("Fill this form"));
}

#[test]
fn a_fill_waiting_on_the_admins_yes_makes_that_the_next_step() {
    let wizard = "https://author.aem.test/libs/cq/adobeims-configuration/content/configurations/create.html";
    let g = run(
        Some(wizard),
        &[],
        json!({"fillHere": {"form": "ims-wizard", "url": wizard, "consent": "https://author.aem.test"}}),
    );
    assert_eq!(g.next.action, Some(Action::AllowSecrets));
    assert!(
        g.next.text.contains("allow https://author.aem.test to receive it"),
        "{}",
        g.next.text
    );
    let c = g.consent.expect("the question");
    assert_eq!(c.origin, "https://author.aem.test");
    // Answered (no consent left): the usual save step.
    let g = run(
        Some(wizard),
        &[],
        json!({"fillHere": {"form": "ims-wizard", "url": wizard}}),
    );
    assert_ne!(g.next.action, Some(Action::AllowSecrets));
    assert!(g.consent.is_none());
}

#[test]
fn an_allowed_aem_origin_is_named_so_the_yes_can_be_taken_back() {
    let wizard = "https://author.aem.test/libs/cq/adobeims-configuration/content/configurations/create.html";
    let g = run(Some(wizard), &[], json!({"secretOrigins": ["https://author.aem.test"]}));
    assert_eq!(g.secrets_allowed.as_deref(), Some("https://author.aem.test"));
    let g = run(Some(wizard), &[], json!({"secretOrigins": ["https://other.test"]}));
    assert_eq!(g.secrets_allowed, None);
}

#[test]
fn a_jwt_configuration_for_target_is_migrated_through_its_properties_and_auto_provisioned_ones_are_left() {
    let ims_console = format!("{CLOUD}/libs/cq/adobeims-configuration/content/configurations.html");
    let properties =
        format!("{CLOUD}/libs/cq/adobeims-configuration/content/configurations/properties.html?item=target-jwt-1");
    let mut listed = checks(true);
    listed["aem"] = json!({ "configs": { "url": ims_console, "configs": [
        { "title": "Adobe Target (acme, JWT)", "kind": "jwt", "target": true, "autoProvisioned": false },
        { "title": "Asset Compute", "kind": "jwt", "target": false, "autoProvisioned": true }] } });
    let g = run(Some(&ims_console), &oauth_values(), listed.clone());
    assert!(
        g.here.contains("(auto-provisioned: Adobe migrates these; leave them)"),
        "{}",
        g.here
    );
    assert!(g.stages[2].detail.contains("deprecated"), "{}", g.stages[2].detail);
    // No "Fill this form" there: on the console it would create a second configuration.
    assert_eq!(g.fill_label, None);
    // AEM's documented console: select the configuration, then the toolbar's Properties.
    assert_eq!(clicks(&g.next), ["select Adobe Target (acme, JWT)", "click Properties"]);
    // A console whose rows carry their own buttons: the row's Properties.
    let mut row_buttons = listed.clone();
    row_buttons["aem"]["configs"]["configs"][0]["rowButtons"] = json!(true);
    let g = run(Some(&ims_console), &oauth_values(), row_buttons);
    assert_eq!(clicks(&g.next), ["click Properties in Adobe Target (acme, JWT)"]);
    let g = run(Some(&ims_console), &oauth_values(), listed.clone());
    assert!(
        g.next.text.contains("Leave \u{201c}Asset Compute\u{201d}"),
        "{}",
        g.next.text
    );
    // A list read on another author does not count here.
    let mut elsewhere = listed.clone();
    elsewhere["aem"]["configs"]["url"] = json!(format!(
        "{AUTHOR}/libs/cq/adobeims-configuration/content/configurations.html"
    ));
    assert_eq!(
        run(Some(&ims_console), &oauth_values(), elsewhere).next.action,
        Some(Action::ReadAemResult)
    );
    let g = run(Some(&properties), &oauth_values(), listed.clone());
    assert_eq!(g.page, PageKind::AemImsProperties);
    assert_eq!(
        (g.action, g.next.action),
        (Some(Action::FillForm), Some(Action::FillForm))
    );
    assert!(g.next.text.contains("same Console credential"), "{}", g.next.text);
    assert_eq!(
        g.fill_label.as_deref(),
        Some("Fill this form on author-p1-e2.adobeaemcloud.com")
    );
    let mut filled = listed;
    filled["filled"] = json!([{ "form": "ims-wizard", "origin": CLOUD }]);
    filled["fillHere"] = json!({ "form": "ims-wizard", "url": properties });
    filled["imsConfigTitle"] = json!("Adobe Target (acme, JWT)");
    let g = run(Some(&properties), &oauth_values(), filled.clone());
    assert_eq!(clicks(&g.next), ["click Save & Close"]);
    // Saved: back on the console, AEM's own Check Health for the migrated configuration.
    let g = run(Some(&ims_console), &oauth_values(), filled);
    assert_eq!(
        clicks(&g.next),
        ["select Adobe Target (acme, JWT)", "click Check Health", "click Check"]
    );
    assert_eq!(g.next.action, Some(Action::ReadAemResult));
}

/// Each thing once: a stage's detail says where it stands, the next step what to do; the next
/// step's words do not repeat its page steps' button names; the stepper marks one stage "now".
#[test]
fn each_thing_is_said_once() {
    let credential = "https://developer.adobe.com/console/projects/1/2/credentials/3/details/oauthservertoserver";
    let wizard = format!("{AUTHOR}/libs/cq/adobeims-configuration/content/configurations/create.html");
    let filled = json!({ "checks": { "ims": { "ok": true } }, "filled": [{ "form": "ims-wizard", "origin": AUTHOR }],
        "fillHere": { "form": "ims-wizard", "url": wizard } });
    let failed = json!({ "checks": { "ims": { "ok": false, "diagnosis": { "summary": "IMS does not accept the client secret.", "nextStep": "Retrieve the secret again." } } } });
    let guides = [
        run(None, &[], json!({})),
        run(
            Some("https://experience.adobe.com/#/@acme/target/activities"),
            &[("tenant", json!("acme"))],
            json!({}),
        ),
        run(Some(credential), &target_values(), json!({})),
        run(None, &oauth_values(), failed),
        run(Some(&wizard), &oauth_values(), filled),
        run(Some(&format!("{AUTHOR}/aem/start.html")), &oauth_values(), checks(true)),
    ];
    for g in &guides {
        for s in &g.stages {
            assert_ne!(s.detail, g.next.text, "{:?} repeats the next step", s.id);
            assert!(!g.next.text.contains(&s.detail), "{:?}: {}", s.id, g.next.text);
        }
        for step in &g.next.steps {
            if let Step::Click { name, .. } = step {
                assert!(
                    !g.next.text.contains(&format!("\u{201c}{name}\u{201d}")),
                    "the text repeats its step {name}: {}",
                    g.next.text
                );
            }
        }
        let now: Vec<_> = g
            .stages
            .iter()
            .filter(|s| s.progress == Progress::Now)
            .map(|s| s.id)
            .collect();
        assert_eq!(now, g.next.stage.into_iter().collect::<Vec<_>>());
    }
    // A stage waiting its turn is "later", not "needs you" from the start.
    assert_eq!(
        guides[0].stages.iter().map(|s| s.progress).collect::<Vec<_>>(),
        [Progress::Now, Progress::Later, Progress::Later, Progress::Later]
    );
}

/// Stage 2 is the credential alone for OAuth (no key pair), and the key pair card is only
/// offered where a key pair can matter.
#[test]
fn oauth_needs_no_key_pair() {
    let g = run(None, &oauth_values(), json!({}));
    assert_eq!(g.stages[1].title, "Developer Console credential");
    assert!(!g.key_pair_card);
    let g = run(None, &[("authType", json!("jwt"))], json!({}));
    assert_eq!(g.stages[1].title, "Key pair and Developer Console");
    assert!(g.key_pair_card);
}

/// Once IMS Link filled the IMS configuration, its console offers AEM's Check Health, not
/// another fill (the Fill card would only push the next step out of the popup).
#[test]
fn the_ims_console_offers_a_fill_only_until_one_was_made() {
    let console = format!("{AUTHOR}/libs/cq/adobeims-configuration/content/configurations.html");
    let g = run(Some(&console), &oauth_values(), checks(true));
    assert!(g.fill_label.is_some());
    let filled = json!({ "checks": { "ims": { "ok": true } }, "filled": [{ "form": "ims-wizard", "origin": AUTHOR }] });
    let g = run(Some(&console), &oauth_values(), filled);
    assert_eq!(g.fill_label, None);
}

/// Filled → Saved → Verified: "Saved" only once AEM's own console lists the configuration
/// IMS Link filled; a list without it (or read on another AEM) leaves it at "Filled".
#[test]
fn the_ims_stage_says_saved_only_once_aems_console_lists_it() {
    let console = format!("{AUTHOR}/libs/cq/adobeims-configuration/content/configurations.html");
    let filled_as = |listed: &[&str], read_on: &str, kind: &str| {
        let configs: Vec<Value> = listed
            .iter()
            .map(|t| json!({ "title": t, "kind": kind, "target": true, "autoProvisioned": false }))
            .collect();
        let mut more = checks(true);
        more["filled"] = json!([{ "form": "ims-wizard", "origin": AUTHOR }]);
        more["imsConfigTitle"] = json!(IMS_TITLE);
        more["aem"] = json!({ "configs": { "url": read_on, "configs": configs } });
        run(Some(&console), &oauth_values(), more)
    };
    let filled = |listed: &[&str], read_on: &str| filled_as(listed, read_on, "oauth");
    // A migration keeps the title: listed still as JWT, its Properties were not saved yet.
    let g = filled_as(&[IMS_TITLE], &console, "jwt");
    assert!(!g.stages[2].detail.starts_with("Saved"), "{}", g.stages[2].detail);
    let g = filled(&["Adobe Analytics"], &console);
    assert!(
        g.stages[2].detail.starts_with(&format!("Filled on {AUTHOR}")),
        "{}",
        g.stages[2].detail
    );
    let g = filled(&["Adobe Analytics", IMS_TITLE], &console);
    assert_eq!(g.stages[2].status, Status::NeedsYou);
    assert!(
        g.stages[2]
            .detail
            .starts_with("Saved: AEM lists \u{201c}Adobe Target (acme)\u{201d}"),
        "{}",
        g.stages[2].detail
    );
    // Saved, not verified: the next step is AEM's own Check Health.
    assert_eq!(
        clicks(&g.next),
        ["select Adobe Target (acme)", "click Check Health", "click Check"]
    );
    let elsewhere = format!("{CLOUD}/libs/cq/adobeims-configuration/content/configurations.html");
    let g = filled(&[IMS_TITLE], &elsewhere);
    assert!(
        !g.stages[2].detail.starts_with("Saved"),
        "another AEM's list proves nothing here"
    );
}

/// A fill's open choice on a Target form keeps stage 4 waiting too, even after AEM connected.
#[test]
fn an_open_choice_on_a_target_form_keeps_its_stage_waiting() {
    let form = format!("{CLOUD}/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/edit.html/conf/wknd/settings/cloudconfigs/target");
    let mut more = health_passed(CLOUD);
    more["fillHere"] = json!({ "form": "target-cloud", "url": form, "choices": [
        { "specId": "imsConfiguration", "label": "IMS Configuration", "typed": "Adobe Analytics", "ours": IMS_TITLE, "secret": false }] });
    more["aem"]["connect"] = json!({ "ok": true, "url": form, "text": "Connection successful", "context": "" });
    let g = run(Some(&form), &oauth_values(), more);
    assert_eq!(g.stages[3].status, Status::NeedsYou);
    assert!(
        g.stages[3].detail.contains("except the IMS Configuration"),
        "{}",
        g.stages[3].detail
    );
    assert_eq!(g.next.stage, Some(StageId::AemTarget));
    assert_eq!(g.choices.len(), 1);
    assert!(g.next.steps.is_empty());
}

/// Where AEM's Target console lists one site's folder (besides `global`), the guide links
/// straight to it; with a choice to make, or nothing read, to the console of folders.
#[test]
fn the_target_link_goes_to_the_one_site_folder_aems_console_lists() {
    let console = format!("{CLOUD}/libs/cq/personalization/touch-ui/content/v2/configurations.html");
    let with = |names: &[&str]| {
        let mut more = health_passed(CLOUD);
        more["aem"]["folders"] = json!({ "url": console, "names": names });
        run(None, &oauth_values(), more)
    };
    let g = with(&["global", "wknd"]);
    let link = g.next.link.expect("a link");
    assert_eq!(link.url, format!("{console}/conf/wknd"));
    assert_eq!(
        link.label,
        "Open the Adobe Target configurations of /conf/wknd on author-p1-e2.adobeaemcloud.com"
    );
    assert!(
        g.next
            .text
            .contains("open /conf/wknd, the one configuration folder AEM lists"),
        "{}",
        g.next.text
    );
    for names in [&["global", "wknd", "wknd-events"][..], &[][..]] {
        let g = with(names);
        assert_eq!(g.next.link.map(|l| l.url), Some(console.clone()), "{names:?}");
        assert!(g.next.text.contains("open your site's folder"), "{}", g.next.text);
    }
    // Folders read on another AEM say nothing about this one.
    let mut more = health_passed(CLOUD);
    more["aem"]["folders"] = json!({ "url": "https://author-p9-e9.adobeaemcloud.com/x", "names": ["wknd"] });
    assert_eq!(run(None, &oauth_values(), more).next.link.map(|l| l.url), Some(console));
}
