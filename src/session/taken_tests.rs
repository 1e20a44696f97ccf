//! Issue 18, fewer clicks: a first credential on its own Console page goes into the profile by
//! itself (with what and from where, and Undo), and IMS Link asks IMS by itself, once per set
//! of values.

use serde_json::{json, Value};

use super::tests::{
    console_snapshot, edit, event, from_page, go, guide_next, oauth_session, reply, request, CLIENT_ID, OAUTH_SECRET,
};
use super::*;

const PAGE: &str = "https://developer.adobe.com/console/projects/1/2/credentials/3/details/oauthservertoserver";
const ORG: &str = "0123456789ABCDEF01234567@AdobeOrg";
const OTHER_ID: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

/// The credential page before "Retrieve client secret", and after.
fn before_retrieve() -> Vec<(&'static str, &'static str)> {
    vec![
        ("Client ID", CLIENT_ID),
        ("Client secret", "Retrieve client secret"),
        ("Organization ID", ORG),
        ("Scopes", "openid, AdobeID, target_sdk"),
    ]
}

fn after_retrieve() -> Vec<(&'static str, &'static str)> {
    let mut pairs = before_retrieve();
    pairs[1] = ("Client secret", OAUTH_SECRET);
    pairs
}

fn popup(s: &mut Session, url: &str) -> Value {
    let out = go(
        s,
        event(json!({"type": "TabFacts", "tabId": 7, "then": "popup", "url": url, "grantedOrigins": []})),
    );
    reply(&out)
}

fn background(out: &Step) -> Value {
    serde_json::to_value(&out.background).expect("background")
}

/// IMS's answer to the background check's `call`: a token, or a refused client secret.
fn checked(s: &mut Session, call: &Value, ok: bool) -> Step {
    let (status, body) = if ok {
        (200, super::tests::ims_token("eyJ.auto.token"))
    } else {
        (
            401,
            json!({"error": "invalid_client", "error_description": "invalid client_secret parameter"}),
        )
    };
    super::tests::answer(s, call, status, body)
}

/// A profile with Target's values only, as after the walk's first pages.
fn target_only() -> Session {
    let mut s = Session::default();
    edit(&mut s, "tenant", "acme");
    edit(&mut s, "clientCode", "acme");
    s
}

fn held(v: &Option<crate::profile::Sourced<String>>) -> Option<&str> {
    v.as_ref().map(|c| c.value.as_str())
}

#[test]
fn an_empty_profile_takes_its_console_credential_by_itself_and_says_what_and_from_where() {
    let mut s = target_only();
    let out = console_snapshot(&mut s, PAGE, &before_retrieve());
    assert_eq!(held(&s.profile.client_id), Some(CLIENT_ID), "taken without a click");
    assert!(s.awaiting.is_none());
    // The badge says values came in, not that a choice waits.
    assert!(out
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Badge { text, .. } if text == "+")));
    assert_eq!(guide_next(&mut s, PAGE)["steps"][0]["name"], "Retrieve client secret");
    let p = popup(&mut s, PAGE);
    assert_eq!(
        p["profile"]["taken"]["text"],
        "Took the Client ID 5f0a1b2c\u{2026} from developer.adobe.com/console/\u{2026}/credentials/3/details/oauthservertoserver."
    );

    let out = console_snapshot(&mut s, PAGE, &after_retrieve());
    assert_eq!(held(&s.profile.client_secret), Some(OAUTH_SECRET));
    let p = popup(&mut s, PAGE);
    let text = p["profile"]["taken"]["text"].as_str().unwrap_or_default();
    assert!(
        text.starts_with("Took the Client ID 5f0a1b2c\u{2026} and the client secret from developer.adobe.com/console/"),
        "{text}"
    );
    assert!(!text.contains(OAUTH_SECRET), "never the secret: {text}");
    // Said on the page it was taken from only.
    let elsewhere = popup(&mut s, "https://experience.adobe.com/#/@acme/target/activities");
    assert_eq!(elsewhere["profile"]["taken"], Value::Null);
    // The credential is complete: IMS Link's own check went out with that step.
    assert_eq!(background(&out)["do"], "send", "{:?}", out.background);
}

#[test]
fn a_profile_holding_values_keeps_the_existing_flows() {
    // Another credential: one decision, nothing taken.
    let mut s = oauth_session();
    console_snapshot(
        &mut s,
        PAGE,
        &[
            ("Client ID", OTHER_ID),
            ("Client secret", "p8e-OTHERsecret0123456789abcdefXY"),
            ("Organization ID", ORG),
        ],
    );
    assert_eq!(held(&s.profile.client_id), Some(CLIENT_ID));
    assert!(s.switch.is_some() && s.taken.is_none());

    // The same credential with another secret: a conflict the admin settles.
    let mut s = oauth_session();
    console_snapshot(
        &mut s,
        PAGE,
        &[
            ("Client ID", CLIENT_ID),
            ("Client secret", "p8e-ROTATEDsecret0123456789abcdefQ"),
            ("Organization ID", ORG),
        ],
    );
    assert_eq!(held(&s.profile.client_secret), Some(OAUTH_SECRET));
    assert_eq!(s.pending.len(), 1);
    assert!(s.taken.is_none());

    // A secret the admin typed, with no client ID yet: the page's client ID waits for the yes.
    let mut s = Session::default();
    edit(&mut s, "clientSecret", OAUTH_SECRET);
    console_snapshot(&mut s, PAGE, &after_retrieve());
    assert!(s.profile.client_id.is_none());
    assert!(s.awaiting.as_ref().is_some_and(|a| a.client_id.is_some()));

    // A credential of another organization than the one Target showed waits too.
    let mut s = Session::default();
    edit(&mut s, "orgId", "FEDCBA9876543210FEDCBA98@AdobeOrg");
    console_snapshot(&mut s, PAGE, &after_retrieve());
    assert!(s.profile.client_id.is_none() && s.awaiting.is_some());

    // Another page than the Console's credential page never gives a credential by itself.
    let mut s = Session::default();
    console_snapshot(
        &mut s,
        "https://developer.adobe.com/console/projects/1/2/overview",
        &after_retrieve(),
    );
    assert!(s.profile.client_id.is_none() && s.taken.is_none());
}

#[test]
fn undo_puts_the_values_back_into_the_wait_and_they_are_not_taken_again() {
    let mut s = Session::default();
    console_snapshot(&mut s, PAGE, &after_retrieve());
    let revision = s.revision;
    let out = go(&mut s, request(json!({"type": "UndoTaken"})));
    let state = reply(&out);
    assert_eq!(state["type"], "ProfileState");
    assert_eq!(state["taken"], Value::Null);
    assert!(s.profile.client_id.is_none() && s.profile.client_secret.is_none());
    assert_eq!(state["awaiting"]["clientId"]["value"], CLIENT_ID);
    assert!(s.revision > revision);
    assert_eq!(
        s.checks,
        Checks::default(),
        "a check of the undone values proves nothing"
    );
    // The page, seen again, asks.
    console_snapshot(&mut s, PAGE, &after_retrieve());
    assert!(s.profile.client_id.is_none() && s.taken.is_none());
    assert_eq!(guide_next(&mut s, PAGE)["action"], "accept-captured");
}

#[test]
fn ims_link_checks_once_per_set_of_values_and_shows_the_result_in_the_guide() {
    let mut s = target_only();
    console_snapshot(&mut s, PAGE, &before_retrieve());
    let out = console_snapshot(&mut s, PAGE, &after_retrieve());
    let io = background(&out);
    assert_eq!(io["do"], "send");
    assert_eq!(io["request"]["url"], "https://ims-na1.adobelogin.com/ims/token/v3");
    assert!(io["request"]["body"].as_str().is_some_and(|b| b.contains(CLIENT_ID)));
    assert_eq!(s.checks.ims_auto, Some(s.revision));
    // While IMS answers, the guide asks for nothing and says where the secret went.
    let next = guide_next(&mut s, PAGE);
    assert_eq!(next["action"], Value::Null, "{next}");
    let text = next["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("sent the client ID and client secret to ims-na1.adobelogin.com"),
        "{text}"
    );
    // The page seen again, the popup opened: no second check.
    for _ in 0..2 {
        assert!(console_snapshot(&mut s, PAGE, &after_retrieve()).background.is_none());
        let out = go(
            &mut s,
            event(json!({"type": "TabFacts", "tabId": 7, "then": "popup", "url": PAGE, "grantedOrigins": []})),
        );
        assert!(out.background.is_none());
    }
    let out = checked(&mut s, &io, true);
    assert!(out.background.is_none());
    assert!(s.checks.ims.as_ref().is_some_and(|r| r.ok));
    let p = popup(&mut s, PAGE);
    let console = &p["guide"]["stages"][1];
    assert_eq!(console["status"], "done", "{console}");
    assert_eq!(p["guide"]["next"]["stage"], "aem-ims", "{}", p["guide"]["next"]);
    assert_eq!(
        console["detail"],
        "OAuth Server-to-Server credential; IMS accepts it (IMS Link asked ims-na1.adobelogin.com by itself)."
    );
    // The guide moved on: what was taken is no longer the next step's news.
    assert_eq!(p["profile"]["taken"], Value::Null);
    // The admin's re-check stays.
    assert_eq!(
        super::tests::io(&go(&mut s, request(json!({"type": "CheckIms"}))))["do"],
        "send"
    );
}

#[test]
fn a_failed_check_is_shown_once_and_not_tried_again_until_the_values_change() {
    let mut s = target_only();
    let out = console_snapshot(&mut s, PAGE, &after_retrieve());
    let io = background(&out);
    let out = checked(&mut s, &io, false);
    assert!(out.background.is_none(), "no retry");
    for _ in 0..3 {
        assert!(console_snapshot(&mut s, PAGE, &after_retrieve()).background.is_none());
    }
    edit(&mut s, "tenant", "acme2");
    edit(&mut s, "tenant", "acme");
    assert!(s.checks.ims.as_ref().is_some_and(|r| !r.ok), "the failure stays shown");
    let p = popup(&mut s, PAGE);
    let stage = &p["guide"]["stages"][1];
    assert_eq!(stage["status"], "problem");
    assert_eq!(
        stage["detail"],
        "IMS refused the credential: The client secret does not match this client ID."
    );
    assert_eq!(
        p["guide"]["next"]["text"],
        "In the Developer Console open the credential, click \"Retrieve client secret\" and capture it again."
    );
    // New values (the admin retrieved a new secret and took it): checked by itself again, once.
    let mut rotated = after_retrieve();
    rotated[1] = ("Client secret", "p8e-NEWsecret0123456789abcdefXYZ12");
    let out = console_snapshot(&mut s, PAGE, &rotated);
    assert!(
        out.background.is_none(),
        "a conflict is open: the values are not settled"
    );
    let out = go(
        &mut s,
        request(json!({"type": "ResolveConflicts", "accept": ["clientSecret"]})),
    );
    let io = background(&out);
    assert_eq!(io["do"], "send");
    assert!(checked(&mut s, &io, false).background.is_none());
    assert!(console_snapshot(&mut s, PAGE, &rotated).background.is_none());
}

#[test]
fn typed_values_are_checked_when_the_admin_says_so() {
    let mut s = Session::default();
    for (field, value) in [
        ("authType", "oauth"),
        ("clientId", CLIENT_ID),
        ("clientSecret", OAUTH_SECRET),
        ("orgId", ORG),
    ] {
        let out = go(
            &mut s,
            request(json!({"type": "EditField", "field": field, "value": value})),
        );
        assert!(out.background.is_none(), "{field}");
    }
    let out = go(
        &mut s,
        request(json!({"type": "ImportText", "kind": "scopes", "text": "openid, AdobeID, target_sdk"})),
    );
    assert!(out.background.is_none() && s.checks.ims_auto.is_none());
    // Another Adobe page read meanwhile (Target's, with its client code) brings no Console
    // values: the typed credential still waits for the admin's "Check IMS".
    let target = json!({"url": "https://experience.adobe.com/#/@acme/target/setup/implementation",
        "headings": ["Implementation"], "pairs": [{"label": "Client Code", "value": "acme"}]});
    let out = go(
        &mut s,
        event(from_page(json!({"type": "PageSnapshot", "snapshot": target}), 4)),
    );
    assert!(out.background.is_none() && s.checks.ims_auto.is_none());
}

#[test]
fn a_result_lost_on_the_way_is_not_asked_again_and_not_shown_as_pending() {
    let mut s = target_only();
    let out = console_snapshot(&mut s, PAGE, &after_retrieve());
    let io = background(&out);
    // The tenant changed while IMS answered: the answer is not recorded for the new revision.
    let out = go(
        &mut s,
        request(json!({"type": "EditField", "field": "clientCode", "value": "acme2"})),
    );
    assert!(out.background.is_none());
    checked(&mut s, &io, true);
    assert!(s.checks.ims.is_none());
    let next = guide_next(&mut s, PAGE);
    assert_eq!(next["action"], "check-ims", "the admin's check, not a wait: {next}");
    assert!(console_snapshot(&mut s, PAGE, &after_retrieve()).background.is_none());
}

#[test]
fn an_answer_lost_with_the_worker_is_waited_for_a_while_then_the_admin_asks() {
    let mut s = target_only();
    console_snapshot(&mut s, PAGE, &after_retrieve());
    let next_at = |s: &Session, at: u64| {
        let facts = event(json!({"type": "TabFacts", "tabId": 7, "then": "guide", "url": PAGE, "grantedOrigins": []}));
        reply(&step(s.clone(), facts, at))["guide"]["next"].clone()
    };
    let started = s.checks.ims_auto_at_ms.unwrap_or_default();
    assert_eq!(next_at(&s, started + 1_000)["action"], Value::Null);
    let late = next_at(&s, started + super::auto_check::WAIT_MS);
    assert_eq!(late["action"], "check-ims", "{late}");
    assert!(
        console_snapshot(&mut s, PAGE, &after_retrieve()).background.is_none(),
        "not asked again"
    );
}

#[test]
fn a_jwt_credential_is_checked_by_itself_only_once_its_certificate_is_on_the_credential() {
    let mut s = Session::default();
    edit(&mut s, "authType", "jwt");
    edit(&mut s, "clientId", OTHER_ID);
    edit(&mut s, "clientSecret", OAUTH_SECRET);
    let payload = r#"{"exp":1700000000,"iss":"0123456789ABCDEF01234567@AdobeOrg","sub":"ABCDEF0123456789ABCDEF01@techacct.adobe.com","https://ims-na1.adobelogin.com/s/ent_marketing_sdk":true,"aud":"https://ims-na1.adobelogin.com/c/a1b2c3d4e5f60718293a4b5c6d7e8f90"}"#;
    let out = go(
        &mut s,
        request(json!({"type": "ImportText", "kind": "payload", "text": payload})),
    );
    assert!(out.background.is_none(), "no key pair: nothing to sign with");
    let key = crate::keys::parse_private_key(include_str!("../keys/testdata/x509-cert-made-key.pem")).expect("key");
    super::tests::make_key_pair(&mut s, key.pkcs8_der());
    let sha1 = s
        .key_pair
        .as_ref()
        .and_then(|k| k.certificate.as_ref())
        .map(|c| c.sha1_fingerprint.clone())
        .unwrap_or_default();
    let page = "https://developer.adobe.com/console/projects/1/2/credentials/4/details/jwt";
    let listing = |s: &mut Session, fingerprint: &str| {
        let snapshot = json!({"url": page, "headings": ["Service Account (JWT)", "Public key certificates"],
            "pairs": [{"label": "Client ID", "value": OTHER_ID}, {"label": "Organization ID", "value": ORG},
                      {"label": "Fingerprint", "value": fingerprint}]});
        go(
            s,
            event(from_page(json!({"type": "PageSnapshot", "snapshot": snapshot}), 7)),
        )
    };
    // The credential lists another certificate: IMS would refuse the JWT, so no check yet.
    let out = listing(&mut s, "8C:59:D1:25:EA:D4:E2:33:C8:7C:92:47:70:FB:C4:15:00:BD:F0:27");
    assert!(out.background.is_none() && s.checks.ims_auto.is_none());
    // Uploaded: the page lists IMS Link's certificate, and IMS Link asks IMS by itself.
    let out = listing(&mut s, &sha1);
    let io = background(&out);
    assert_eq!(io["do"], "sign", "the JWT first: {:?}", out.background);
    assert!(
        io["pkcs8"].as_array().is_some_and(|der| der.len() > 1000),
        "the key, to WebCrypto"
    );
}
