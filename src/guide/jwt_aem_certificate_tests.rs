use serde_json::{json, Value};

use crate::guide::tests::{jwt_values, profile, AUTHOR, CLIENT, NOW};

use crate::guide::{guide, Action, Guide, GuideInput, PageKind, StageId, Status, Step};

const WIZARD: &str = "https://author.aem.test/libs/cq/adobeims-configuration/content/configurations/create.html";
const IMS_CONSOLE: &str = "https://author.aem.test/libs/cq/adobeims-configuration/content/configurations.html";
const CREDENTIAL: &str = "https://developer.adobe.com/console/projects/1/2/credentials/3/details/jwt";
const SHA1: &str = "8C:59:D1:25:EA:D4:E2:33:C8:7C:92:47:70:FB:C4:15:00:BD:F0:27";

fn jwt_profile() -> Value {
    profile(&jwt_values())
}

fn aem_cert() -> Value {
    json!({ "origin": AUTHOR, "alias": "ims-link-acme", "fileName": "AEM-Adobe-IMS.crt",
        "sha1Fingerprint": SHA1, "sha256Fingerprint": "AB", "notAfter": NOW / 1000 + 86_400 * 300 })
}

fn listed(fingerprints: &[&str]) -> Value {
    json!({ "clientId": CLIENT, "fingerprints": fingerprints })
}

fn run(url: &str, more: Value) -> Guide {
    let mut input = json!({ "url": url, "profile": jwt_profile(), "grantedOrigins": [format!("{AUTHOR}/*")] });
    if let (Some(i), Some(m)) = (input.as_object_mut(), more.as_object()) {
        i.extend(m.clone());
    }
    let input: GuideInput = crate::from_json::from_value(input).expect("guide input");
    guide(&input, NOW)
}

fn console(g: &Guide) -> (Status, &str) {
    let s = &g.stages[1];
    (s.status, s.detail.as_str())
}

fn steps(g: &Guide) -> Vec<String> {
    g.next
        .steps
        .iter()
        .map(|s| match s {
            Step::Click { name, .. } => format!("click {name}"),
            Step::Enter { label, value } => format!("enter {label}={value}"),
            Step::EnterOwn { label, .. } => format!("own {label}"),
            Step::Select { name } => format!("select {name}"),
        })
        .collect()
}

#[test]
fn without_a_route_the_popup_offers_its_key_pair_and_names_aems_certificate() {
    let g = run(CREDENTIAL, json!({}));
    assert_eq!(g.next.action, Some(Action::GenerateKeyPair));
    assert!(
        g.next.text.contains("or let AEM create the certificate"),
        "{}",
        g.next.text
    );
    // On AEM's IMS pages, AEM's route is at hand.
    let g = run(IMS_CONSOLE, json!({}));
    assert_eq!(steps(&g), ["click Create"]);
    let g = run(WIZARD, json!({}));
    assert_eq!(
        steps(&g),
        [
            "click Create new certificate",
            "enter Alias=ims-link-acme",
            "click Create certificate"
        ]
    );
    assert_eq!(g.next.action, Some(Action::TakeAemCertificate));
}

#[test]
fn a_switch_seen_on_chooses_aems_route_and_is_not_clicked_again() {
    let g = run(WIZARD, json!({ "aemNewCertificate": AUTHOR }));
    assert_eq!(steps(&g), ["enter Alias=ims-link-acme", "click Create certificate"]);
    assert_eq!(g.action, Some(Action::FillForm), "the wizard's own action stays");
    let (status, detail) = console(&g);
    assert_eq!(status, Status::NeedsYou);
    assert!(detail.contains("AEM's certificate is not made yet"), "{detail}");
    assert!(
        g.next.text.contains("Let AEM create the certificate") && !g.next.text.contains("key pair;"),
        "{}",
        g.next.text
    );
    // A key pair made before the switch keeps IMS Link's route.
    let g = run(WIZARD, json!({ "aemNewCertificate": AUTHOR, "hasKeyPair": true }));
    assert!(!console(&g).1.contains("AEM's own certificate"));
}

#[test]
fn aems_certificate_not_yet_on_the_credential_is_uploaded_from_the_popup() {
    let more = json!({ "aemCertificate": aem_cert() });
    let g = run(CREDENTIAL, more.clone());
    assert_eq!(console(&g).0, Status::NeedsYou);
    assert!(g.next.text.contains("AEM-Adobe-IMS.crt"), "{}", g.next.text);
    assert_eq!(steps(&g), ["click Credential details", "click Upload public key"]);
    assert_eq!(
        g.next.action, None,
        "IMS Link holds no private key: its JWT check cannot run"
    );
    assert_eq!(g.action, None, "no key pair offered on this route");
    // From AEM's wizard, the way to the Console.
    let g = run(WIZARD, more);
    assert_eq!(g.next.stage, Some(StageId::Console));
    assert!(g.next.link.is_some());
    // A list without it says so.
    let g = run(
        CREDENTIAL,
        json!({ "aemCertificate": aem_cert(), "credentialCertificates": listed(&["1111111111111111111111111111111111111111"]) }),
    );
    assert!(
        console(&g).1.contains("does not list AEM's certificate"),
        "{}",
        console(&g).1
    );
}

#[test]
fn the_credential_stage_is_done_by_fingerprint_and_never_claims_aem() {
    let more = json!({ "aemCertificate": aem_cert(),
        "credentialCertificates": listed(&["8c59d125ead4e233c87c924770fbc41500bdf027"]) });
    let g = run(CREDENTIAL, more);
    let (status, detail) = console(&g);
    assert_eq!(status, Status::Done, "{detail}");
    assert!(detail.contains("only AEM's own Check Health can prove it"), "{detail}");
    assert_eq!(
        g.stages[2].status,
        Status::NeedsYou,
        "AEM is not claimed before its Check Health"
    );
    assert_eq!(g.next.stage, Some(StageId::AemIms));
    assert!(
        g.next.text.contains("Go back to the tab with AEM's IMS wizard"),
        "{}",
        g.next.text
    );
    assert!(g.next.link.is_none(), "a new wizard would not use AEM's certificate");
    // Another credential's list proves nothing about this one.
    let other = json!({ "aemCertificate": aem_cert(),
        "credentialCertificates": { "clientId": "ffffffffffffffffffffffffffffffff", "fingerprints": ["8c59d125ead4e233c87c924770fbc41500bdf027"] } });
    assert_eq!(console(&run(CREDENTIAL, other)).0, Status::NeedsYou);
}

#[test]
fn back_on_the_wizard_imslink_fills_the_account_step() {
    let more = json!({ "aemCertificate": aem_cert(),
        "credentialCertificates": listed(&[SHA1]) });
    let g = run(WIZARD, more);
    assert_eq!(g.page, PageKind::AemImsWizard);
    assert_eq!(g.next.action, Some(Action::FillForm));
    assert!(g.next.text.contains("ims-link-acme"), "{}", g.next.text);
}

#[test]
fn aems_failed_check_health_names_the_certificate_it_signs_with() {
    let more = json!({ "aemCertificate": aem_cert(), "credentialCertificates": listed(&[SHA1]),
        "filled": [{ "form": "ims-wizard", "origin": AUTHOR }], "imsConfigTitle": "Adobe Target (acme)",
        "aem": { "health": { "ok": false, "url": IMS_CONSOLE, "context": "Check Health Adobe Target (acme)",
            "text": "Error: Unable to retrieve an access token.",
            "diagnosis": { "summary": "IMS does not know the key that signed the JWT.", "nextStep": "Upload the certificate." } } } });
    let g = run(IMS_CONSOLE, more);
    assert_eq!(g.stages[1].status, Status::Done);
    let s = &g.stages[2];
    assert_eq!(s.status, Status::Problem);
    // Where it stands in the stage; the fix, naming AEM's certificate, in the next step.
    assert!(s.detail.contains("AEM's Check Health failed"), "{}", s.detail);
    assert!(
        s.detail.contains("IMS does not know the key that signed the JWT."),
        "the catalogue's summary stays"
    );
    assert!(g.next.text.contains(SHA1), "{}", g.next.text);
    assert!(
        !g.next.text.contains("Upload the certificate."),
        "the catalogue's generic remedy gives way to AEM's certificate"
    );
    assert!(
        g.next.text.contains("(AEM-Adobe-IMS.crt): upload it to the credential"),
        "{}",
        g.next.text
    );
    assert_eq!(
        g.next.text.matches("Check Health again").count(),
        1,
        "said once: {}",
        g.next.text
    );
    assert!(!g.next.text.contains("All four stages are done"));
}

#[test]
fn an_expired_aem_certificate_is_a_problem_fixed_in_the_wizard() {
    let mut cert = aem_cert();
    cert["notAfter"] = json!(NOW / 1000 - 10);
    let g = run(
        WIZARD,
        json!({ "aemCertificate": cert, "credentialCertificates": listed(&[SHA1]) }),
    );
    assert_eq!(console(&g).0, Status::Problem);
    assert_eq!(g.next.action, Some(Action::TakeAemCertificate));
}

#[test]
fn oauth_never_takes_this_route() {
    let s = |v: Value| json!({ "value": v, "source": { "kind": "page", "atMs": NOW } });
    let input: GuideInput = crate::from_json::from_value(json!({ "url": WIZARD, "aemCertificate": aem_cert(),
        "profile": { "authType": s(json!("oauth")), "clientId": s(json!(CLIENT)) } }))
    .expect("input");
    let g = guide(&input, NOW);
    assert!(!g.stages[1].detail.contains("AEM's"), "{}", g.stages[1].detail);
}

#[test]
fn on_the_consoles_project_list_the_admin_opens_the_credential() {
    let g = run(
        "https://developer.adobe.com/console/projects",
        json!({ "aemCertificate": aem_cert() }),
    );
    assert!(g.next.text.starts_with("Open your project"), "{}", g.next.text);
    assert!(g.next.link.is_none());
}
