//! Every session transition, driven by events shaped as the worker sends them.

use serde_json::{json, Value};

use super::*;

pub(super) const OAUTH_SECRET: &str = "p8e-OAUTHsecret0123456789abcdefXYZ";
const NEW_SECRET: &str = "p8e-ROTATEDsecret0123456789abcdefQ";
pub(super) const CLIENT_ID: &str = "5f0a1b2c3d4e5f60718293a4b5c6d7e8";
const PAYLOAD: &str = r#"{"exp":1700000000,"iss":"0123456789ABCDEF01234567@AdobeOrg","sub":"ABCDEF0123456789ABCDEF01@techacct.adobe.com","https://ims-na1.adobelogin.com/s/ent_marketing_sdk":true,"aud":"https://ims-na1.adobelogin.com/c/a1b2c3d4e5f60718293a4b5c6d7e8f90"}"#;
pub(super) const NOW: u64 = 1_796_000_000_000;
pub(super) const AEM: &str = "https://author-p12345-e67890.adobeaemcloud.com";

pub(super) fn event(v: Value) -> Event {
    crate::from_json::from_value(v).expect("event")
}

/// IMS Link's own id, as the worker hands it in with every message.
const ME: &str = "imslinkimslinkimslinkimslinkimsl";

fn me() -> Value {
    json!({"id": ME, "origin": format!("chrome-extension://{ME}")})
}

/// A message from IMS Link's popup, as the browser delivers it to the worker.
pub(super) fn from_popup(message: Value) -> Value {
    json!({"type": "Received", "message": message, "me": me(),
        "sender": {"id": ME, "url": format!("chrome-extension://{ME}/popup.html")}})
}

/// A content script's message from the page of tab `tab_id` (the address the message claims).
pub(super) fn from_page(message: Value, tab_id: u32) -> Value {
    let url = message["snapshot"]["url"]
        .as_str()
        .or(message["url"].as_str())
        .unwrap_or_default()
        .to_string();
    json!({"type": "Received", "message": message, "me": me(),
        "sender": {"id": ME, "url": url, "tabId": tab_id}})
}

pub(super) fn request(message: Value) -> Event {
    event(from_popup(message))
}

/// The worker's gate is the step's first act: a message from outside IMS Link, a page IMS Link
/// does not read, a content script asking for the profile, a reply's type or a shape no message
/// has is refused with why, and nothing else happens.
#[test]
fn a_message_is_refused_before_anything_when_its_sender_may_not_send_it() {
    let refused = |e: Value| {
        let out = step(oauth_session(), event(e), NOW);
        assert!(
            out.session.is_none() && out.io.is_none() && out.effects.is_empty(),
            "{out:?}"
        );
        reply(&out)["problem"]["code"].as_str().unwrap_or_default().to_string()
    };
    let mut foreign = from_popup(json!({"type": "GetProfile"}));
    foreign["sender"]["id"] = json!("another-extension");
    assert_eq!(refused(foreign), "foreign-sender");
    let evil = json!({"type": "PageSeen", "url": "https://evil.test/console"});
    assert_eq!(refused(from_page(evil, 4)), "untrusted-page");
    let mut page = from_page(json!({"type": "GetProfile"}), 4);
    page["sender"]["url"] = json!("https://experience.adobe.com/");
    assert_eq!(refused(page), "not-from-extension-page");
    assert_eq!(refused(from_popup(json!({"type": "Popup"}))), "worker-only");
    assert_eq!(refused(from_popup(json!({"type": "EditField"}))), "malformed-message");
    // The same popup message, from IMS Link's own page, is answered.
    let out = step(oauth_session(), request(json!({"type": "GetProfile"})), NOW);
    assert_eq!(reply(&out)["type"], "ProfileState");
}

/// Runs one event and returns the step; the session is updated when the step wrote one.
pub(super) fn go(s: &mut Session, e: Event) -> Step {
    go_at(s, e, NOW)
}

thread_local! {
    /// The calls out of this test's steps, as `api::session` keeps them (`Echoes`).
    static ECHOES: std::cell::RefCell<Echoes> = const { std::cell::RefCell::new(Echoes::new()) };
}

/// What a call took out (a fill's plan), as its result will bring it back.
pub(super) fn kept(call: &Value) -> Value {
    let echo = call["echo"].as_u64().and_then(|n| u32::try_from(n).ok()).expect("echo");
    ECHOES.with_borrow(|e| e.kept_json(echo))
}

/// What WebCrypto's `sign` gives for `data` with the key `pkcs8` (made here by the `rsa` crate).
pub(super) fn webcrypto_signature(pkcs8: &Value, data: &Value) -> Vec<u8> {
    use rsa::signature::{SignatureEncoding, Signer};
    let bytes = |v: &Value| serde_json::from_value::<Vec<u8>>(v.clone()).expect("bytes");
    let key = crate::keys::parse_private_key_bytes(&bytes(pkcs8)).expect("key");
    let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(key.to_rsa().expect("rsa"));
    signer.try_sign(&bytes(data)).expect("signature").to_vec()
}

/// "Generate key pair" through the worker's two WebCrypto calls, with `key` (PKCS#8 DER) as
/// the key the browser made; the step that answers.
pub(super) fn make_key_pair(s: &mut Session, key: &[u8]) -> Step {
    let out = go(
        s,
        request(json!({"type": "GenerateKeyPair", "options": {"tenant": "acme"}})),
    );
    let make = io(&out);
    assert_eq!(
        (
            &make["do"],
            &make["name"],
            &make["modulusLength"],
            &make["publicExponent"],
            &make["hash"]
        ),
        (
            &json!("make-key"),
            &json!("RSASSA-PKCS1-v1_5"),
            &json!(2048),
            &json!([1, 0, 1]),
            &json!("SHA-256")
        )
    );
    let sign = io(&go(
        s,
        event(json!({"type": "KeyMade", "echo": make["echo"], "pkcs8": key})),
    ));
    assert_eq!(
        (&sign["do"], &sign["pkcs8"]),
        (&json!("sign"), &json!(key)),
        "the certificate, signed with the new key"
    );
    let signature = webcrypto_signature(&sign["pkcs8"], &sign["data"]);
    go(
        s,
        event(json!({"type": "Signed", "echo": sign["echo"], "signature": signature})),
    )
}

/// The answer to a check's `send` call, as the worker reports it.
pub(super) fn answer(s: &mut Session, call: &Value, status: u16, body: Value) -> Step {
    let response = json!({"status": status, "contentType": "application/json", "body": body.to_string()});
    go(
        s,
        event(json!({"type": "Answered", "echo": call["echo"], "response": response})),
    )
}

/// IMS's OAuth answer with a token good for an hour.
pub(super) fn ims_token(token: &str) -> Value {
    json!({"access_token": token, "token_type": "bearer", "expires_in": 3600})
}

/// `go` at another time than the tests' clock.
pub(super) fn go_at(s: &mut Session, mut e: Event, now: u64) -> Step {
    ECHOES.with_borrow_mut(|echoes| echoes.give_back(&mut e));
    let mut out = step(s.clone(), e, now);
    ECHOES.with_borrow_mut(|echoes| echoes.keep(&mut out));
    // What the worker receives: every step of every session test is written both ways.
    crate::to_json::assert_same(&out);
    if let Some(next) = &out.session {
        *s = next.clone();
    }
    out
}

pub(super) fn reply(out: &Step) -> Value {
    serde_json::to_value(&out.reply).expect("reply")
}

pub(super) fn io(out: &Step) -> Value {
    serde_json::to_value(&out.io).expect("io")
}

pub(super) fn edit(s: &mut Session, field: &str, value: &str) {
    let out = go(s, request(json!({"type": "EditField", "field": field, "value": value})));
    assert_eq!(reply(&out)["type"], "ProfileState", "{field}: {:?}", out.reply);
}

/// An OAuth Server-to-Server profile, as the admin would have typed it.
pub(super) fn oauth_session() -> Session {
    let mut s = Session::default();
    edit(&mut s, "tenant", "acme");
    edit(&mut s, "authType", "oauth");
    edit(&mut s, "clientId", CLIENT_ID);
    edit(&mut s, "clientSecret", OAUTH_SECRET);
    edit(&mut s, "orgId", "0123456789ABCDEF01234567@AdobeOrg");
    let out = go(
        &mut s,
        request(json!({"type": "ImportText", "kind": "scopes", "text": "openid, AdobeID, target_sdk"})),
    );
    assert_eq!(reply(&out)["type"], "ProfileState");
    s
}

/// The Cloud Service IMS wizard as the page script reads it, AEM's own markers included.
pub(super) fn wizard_snapshot() -> Value {
    let mut snapshot: Value =
        serde_json::from_str(include_str!("../fill/testdata/ims-wizard-cloud.json")).expect("fixture");
    snapshot["markers"] = json!(["coral-wizardview", "foundation-wizard-step", "coral-select"]);
    // Every field of the fixture sits in one of the wizard's steps.
    for field in snapshot["fields"].as_array_mut().expect("fields") {
        field["wizardStep"] = json!(true);
    }
    snapshot
}

pub(super) fn ok_report(check: &str) -> Value {
    json!({"check": check, "ok": true, "expiresAtMs": NOW + 3_600_000, "totalActivities": null,
           "diagnosis": null, "clockWarning": null, "attempts": 1})
}

/// What the page script reports when every step of an `apply-*` call took.
pub(super) fn all_taken(io: &Value) -> Vec<Value> {
    let steps = io["steps"].as_array().expect("steps");
    steps.iter().map(|st| json!({"key": st["key"], "ok": true})).collect()
}

/// Fills the Cloud Service IMS wizard in tab 7; every field takes its value.
fn fill_wizard(s: &mut Session) -> Value {
    fill_wizard_in(s, 7).0
}

/// Fills the wizard in `tab`: the `apply-fill` call and the last step.
pub(super) fn fill_wizard_in(s: &mut Session, tab: u32) -> (Value, Step) {
    let out = go(
        s,
        request(json!({"type": "FillForm", "tabId": tab, "allowOrigin": AEM})),
    );
    assert_eq!(
        io(&out),
        json!({"do": "snapshot-form", "tabId": tab, "resume": {"confirm": [], "allowOrigin": AEM, "anyway": false, "preview": false}})
    );
    let out = go(
        s,
        event(
            json!({"type": "FormSnapshot", "tabId": tab, "resume": {"allowOrigin": AEM}, "snapshot": wizard_snapshot()}),
        ),
    );
    let apply = io(&out);
    assert_eq!(apply["do"], "apply-fill");
    let results = all_taken(&apply);
    assert!(results.len() >= 5, "{apply}");
    let out = go(
        s,
        event(
            json!({"type": "FillApplied", "tabId": tab, "url": apply["url"], "echo": apply["echo"], "results": results}),
        ),
    );
    assert_eq!(reply(&out)["type"], "FillResult");
    (apply, out)
}

#[test]
fn an_empty_session_reads_from_nothing_and_answers_the_popup_in_one_reply() {
    let out = go(
        &mut Session::default(),
        request(json!({"type": "GetPopup", "tabId": 3})),
    );
    assert_eq!(io(&out), json!({"do": "tab-facts", "tabId": 3, "then": "popup"}));
    let facts = json!({"type": "TabFacts", "tabId": 3, "then": "popup",
        "url": "https://experience.adobe.com/#/@acme/target/activities", "grantedOrigins": []});
    let popup = reply(&go(&mut Session::default(), event(facts)));
    assert_eq!(popup["type"], "Popup");
    assert_eq!(popup["tab"]["ids"]["tenant"], "acme");
    assert_eq!(popup["guide"]["stages"].as_array().map(Vec::len), Some(4));
    assert_eq!(popup["keyPair"], Value::Null);
}

/// No false alarms: "not an Adobe Target page" and the at.js button only where they apply.
#[test]
fn the_popup_warns_about_the_tab_only_where_a_target_address_was_expected() {
    let popup = |url: &str| {
        let facts = json!({"type": "TabFacts", "tabId": 3, "then": "popup", "url": url, "grantedOrigins": []});
        reply(&go(&mut Session::default(), event(facts)))
    };
    for url in [
        "https://developer.adobe.com/console/projects",
        "https://author-p1-e2.adobeaemcloud.com/libs/cq/adobeims-configuration/content/configurations.html",
    ] {
        let p = popup(url);
        assert_eq!(p["tab"]["problem"], Value::Null, "{url}");
        assert_eq!(p["readSite"], false, "{url}");
    }
    let site = popup("https://www.example.test/");
    assert_eq!(site["tab"]["problem"]["code"], "not-an-adobe-page");
    assert_eq!(site["readSite"], true);
    assert_eq!(site["revealMs"], 30_000);
}

const JWT_ID: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
const JWT_PAGE: &str = "https://developer.adobe.com/console/projects/123/456/credentials/789/details/jwt";

/// The Console's page of a JWT credential (another one than `oauth_session`'s), as the content
/// script reads it; with `secret`, after "Retrieve client secret".
fn jwt_page(s: &mut Session, secret: Option<&str>) -> Step {
    let mut pairs = vec![
        json!({"label": "Client ID", "value": JWT_ID}),
        json!({"label": "Technical account ID", "value": "F1E2D3C4B5A6F7E8D9C0B1A2@techacct.adobe.com"}),
        json!({"label": "Organization ID", "value": "0123456789ABCDEF01234567@AdobeOrg"}),
    ];
    if let Some(secret) = secret {
        pairs.push(json!({"label": "Client secret", "value": secret}));
    }
    let snapshot = json!({"url": JWT_PAGE, "headings": ["Service Account (JWT)"], "pairs": pairs});
    go(
        s,
        event(from_page(json!({"type": "PageSnapshot", "snapshot": snapshot}), 4)),
    )
}

#[test]
fn another_credential_waits_whole_and_keep_leaves_the_profile_as_it_was() {
    let mut s = oauth_session();
    let before = s.profile.clone();
    let revision = s.revision;
    let out = jwt_page(&mut s, None);
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Badge { tab_id: 4, text, .. } if text == "!")),
        "{:?}",
        out.effects
    );
    // No field-by-field choice that could mix two credentials: one question for the whole.
    assert!(s.pending.is_empty(), "{:?}", s.pending);
    let state = reply(&go(&mut s, request(json!({"type": "GetProfile"}))));
    assert_eq!(state["conflicts"], json!([]));
    assert_eq!(
        state["switch"],
        json!({"page": JWT_PAGE, "current": format!("OAuth Server-to-Server, Client ID {CLIENT_ID}"),
            "incoming": format!("Service Account (JWT), Client ID {JWT_ID}")})
    );
    // Nothing of the other credential entered the profile, not even what it lacked.
    assert_eq!(s.profile, before);
    assert_eq!(s.revision, revision);
    // The guide asks on the Console, with the one button.
    let facts = json!({"type": "TabFacts", "tabId": 4, "then": "guide", "url": JWT_PAGE, "grantedOrigins": []});
    let g = reply(&go(&mut s.clone(), event(facts)))["guide"].clone();
    assert_eq!(g["next"]["action"], "switch-credential", "{g}");
    assert_eq!(g["next"]["stage"], "console");

    let out = go(&mut s, request(json!({"type": "SwitchCredential", "switch": false})));
    assert_eq!(reply(&out)["switch"], Value::Null);
    assert_eq!(s.profile, before, "kept");
    // The same page seen again (the content script snapshots it on every change) asks no more.
    jwt_page(&mut s, Some("p8e-JWTsecret9876543210fedcbaABC"));
    assert!(s.switch.is_none() && s.pending.is_empty());
    assert_eq!(s.profile, before);
}

#[test]
fn switching_replaces_the_whole_credential_and_voids_its_checks() {
    let mut s = oauth_session();
    let call = io(&go(&mut s, request(json!({"type": "CheckIms"}))));
    answer(&mut s, &call, 200, ims_token("eyJ.live.token"));
    assert!(s.checks.ims.is_some());
    jwt_page(&mut s, None);
    // "Retrieve client secret" on the same page: the secret joins what waits.
    jwt_page(&mut s, Some("p8e-JWTsecret9876543210fedcbaABC"));
    let out = go(&mut s, request(json!({"type": "SwitchCredential", "switch": true})));
    assert_eq!(reply(&out)["switch"], Value::Null);
    let p = &s.profile;
    assert_eq!(p.client_id.as_ref().map(|c| c.value.as_str()), Some(JWT_ID));
    assert_eq!(
        p.client_secret.as_ref().map(|c| c.value.as_str()),
        Some("p8e-JWTsecret9876543210fedcbaABC")
    );
    assert_eq!(
        p.auth_type.as_ref().map(|a| a.value),
        Some(crate::profile::AuthType::Jwt)
    );
    assert!(p.technical_account_id.is_some());
    // The old credential's scopes are not the new one's: gone, not mixed in.
    assert!(p.scopes.is_none(), "{p:?}");
    // Target's values are not the credential's: kept.
    assert_eq!(p.tenant.as_ref().map(|t| t.value.as_str()), Some("acme"));
    assert!(
        s.checks.ims.is_none(),
        "a check of the old credential says nothing of the new one"
    );
    assert!(matches!(out.effects.as_slice(), [Effect::Broadcast { .. }]));
}

#[test]
fn a_console_download_of_another_credential_waits_whole_too() {
    let mut s = oauth_session();
    let before = s.profile.clone();
    let text = include_str!("../profile/console_fixtures/credential-jwt-download.json");
    let out = go(
        &mut s,
        request(json!({"type": "ImportText", "kind": "workspace-json", "text": text, "fileName": "jwt.json"})),
    );
    let state = reply(&out);
    assert_eq!(state["conflicts"], json!([]), "{state}");
    assert!(state["switch"]["incoming"]
        .as_str()
        .is_some_and(|i| i.ends_with(JWT_ID)));
    assert_eq!(s.profile, before);
    let message = state["import"]["message"].as_str().unwrap_or_default();
    assert!(message.starts_with("From jwt.json: another credential"), "{message}");
    // A payload pasted alone is a piece the admin chose: its mismatch is a finding, as before.
    let out = go(
        &mut s,
        request(json!({"type": "ImportText", "kind": "payload", "text": PAYLOAD})),
    );
    assert!(reply(&out)["conflicts"].as_array().is_some_and(|c| !c.is_empty()));
}

#[test]
fn a_conflict_within_the_same_credential_is_still_chosen_by_field() {
    let mut s = oauth_session();
    let capture = json!({"type": "ImportText", "kind": "workspace-json", "text": serde_json::to_string(&json!({
        "project": {"workspace": {"details": {"credentials": [{"name": "OAuth", "integration_type": "oauth_server_to_server",
            "oauth_server_to_server": {"client_id": CLIENT_ID, "client_secrets": [NEW_SECRET], "scopes": ["openid", "AdobeID", "target_sdk"]}}]}},
        "org": {"ims_org_id": "0123456789ABCDEF01234567@AdobeOrg"}}})).expect("json")});
    let out = go(&mut s, request(capture));
    let state = reply(&out);
    assert_eq!(state["switch"], Value::Null, "{state}");
    let fields: Vec<&str> = state["conflicts"]
        .as_array()
        .map(|c| c.iter().filter_map(|c| c["field"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(fields, ["clientSecret"], "{state}");
}

#[test]
fn a_check_is_recorded_only_if_the_credential_did_not_change_while_it_ran() {
    let mut s = oauth_session();
    let out = go(&mut s, request(json!({"type": "CheckIms"})));
    let call = io(&out);
    // The one call that carries the secret is the request to IMS itself, built and allowed by
    // the core; no cookies go with it and a redirect is not followed.
    assert_eq!(call["do"], "send");
    assert_eq!(call["request"]["url"], "https://ims-na1.adobelogin.com/ims/token/v3");
    assert!(call["request"]["body"]
        .as_str()
        .is_some_and(|b| b.contains(OAUTH_SECRET)));
    assert_eq!(
        (&call["credentials"], &call["redirect"]),
        (&json!("omit"), &json!("manual"))
    );
    assert!(out.session.is_none(), "nothing written while IMS answers");

    // The admin retrieves a rotated secret while the check waits on the network.
    edit(&mut s, "clientSecret", NEW_SECRET);
    let out = answer(&mut s, &call, 200, ims_token("eyJ.old.token"));
    assert_eq!(reply(&out)["recorded"], false);
    assert!(out.session.is_none(), "nothing written");
    assert_eq!(s.checks.ims, None, "no pass recorded for the new secret");
    assert_eq!(s.token, None);

    // Run again: nothing moved, so it is recorded, and the token is there for Target.
    let call = io(&go(&mut s, request(json!({"type": "CheckIms"}))));
    let out = answer(&mut s, &call, 200, ims_token("eyJ.old.token"));
    assert_eq!(reply(&out)["recorded"], true);
    assert!(s.checks.ims.as_ref().is_some_and(|r| r.ok));
    let call = io(&go(&mut s, request(json!({"type": "CheckTarget"}))));
    assert_eq!(
        call["request"]["url"],
        "https://mc.adobe.io/acme/target/activities?limit=1"
    );
    assert!(
        call["request"]["headers"].to_string().contains("Bearer eyJ.old.token"),
        "{call}"
    );
    answer(
        &mut s,
        &call,
        200,
        json!({"total": 3, "offset": 0, "limit": 1, "activities": []}),
    );
    assert_eq!(s.checks.target.as_ref().and_then(|r| r.total_activities), Some(3));

    // A new tenant voids the Target result only; a new secret voids both and the token.
    edit(&mut s, "tenant", "acme2");
    assert!(s.checks.target.is_none() && s.checks.ims.is_some() && s.token.is_some());
    edit(&mut s, "clientSecret", OAUTH_SECRET);
    assert!(s.checks.ims.is_none() && s.token.is_none());
}

/// A network error or a 5xx is asked once more after a pause; the report counts the attempts,
/// and a redirect is its own answer, not followed and not asked again.
#[test]
fn a_check_asks_again_once_after_a_failure_and_never_follows_a_redirect() {
    let mut s = oauth_session();
    let call = io(&go(&mut s, request(json!({"type": "CheckIms"}))));
    assert_eq!(call["delayMs"], 0);
    let failed = json!({"type": "Answered", "echo": call["echo"]});
    let again = io(&go(&mut s, event(failed)));
    assert_eq!((&again["do"], &again["delayMs"]), (&json!("send"), &json!(600)));
    assert_eq!(again["request"], call["request"]);
    let out = answer(&mut s, &again, 503, json!({"error": "server_error"}));
    let report = &reply(&out)["report"];
    assert_eq!(
        (&report["ok"], &report["attempts"]),
        (&json!(false), &json!(2)),
        "{report}"
    );
    assert!(out.io.is_none());

    let call = io(&go(&mut s, request(json!({"type": "CheckIms"}))));
    let redirected = json!({"type": "Answered", "echo": call["echo"], "responseType": "opaqueredirect",
        "response": {"status": 0, "body": ""}});
    let out = go(&mut s, event(redirected));
    assert!(out.io.is_none(), "not asked again");
    assert_eq!(reply(&out)["report"]["diagnosis"]["code"], "redirected");
    let call = io(&go(&mut s, request(json!({"type": "CheckIms"}))));
    let timed_out = json!({"type": "Answered", "echo": call["echo"], "timedOut": true});
    let again = io(&go(&mut s, event(timed_out.clone())));
    let timed_out = json!({"type": "Answered", "echo": again["echo"], "timedOut": true});
    let report = reply(&go(&mut s, event(timed_out)))["report"].clone();
    assert_eq!(report["diagnosis"]["code"], "timeout", "{report}");
    assert_eq!(report["attempts"], 2);
}

/// A result whose call the module does not hold (its worker restarted in between) is refused
/// with why, and changes nothing.
#[test]
fn a_check_result_whose_call_is_not_known_is_refused() {
    let mut s = oauth_session();
    let before = s.clone();
    let out = go(
        &mut s,
        event(json!({"type": "Answered", "echo": 999, "response": {"status": 200, "body": "{}"}})),
    );
    assert_eq!(reply(&out)["problem"]["code"], "call-lost");
    assert!(out.session.is_none() && s == before);
}

#[test]
fn an_expired_token_is_not_sent_to_target() {
    let mut s = oauth_session();
    s.token = Some(crate::ims::diagnose::Token {
        access_token: "eyJ.expired".into(),
        expires_at_ms: i64::try_from(NOW).expect("time") - 1,
    });
    let out = go(&mut s, request(json!({"type": "CheckTarget"})));
    assert!(out.io.is_none(), "nothing sent");
    assert_eq!(reply(&out)["report"]["diagnosis"]["code"], "no-token");
}

#[test]
fn a_fill_keeps_what_undo_needs_and_never_the_values_it_wrote() {
    let mut s = oauth_session();
    let apply = fill_wizard(&mut s);
    assert_eq!(s.fills.len(), 1);
    assert_eq!(s.filled.len(), 1);
    assert!(s.ims_config_title.is_some(), "the title the Target form will pick");
    let fills = serde_json::to_string(&s.fills).expect("json");
    assert!(
        !fills.contains(OAUTH_SECRET),
        "the undo record holds the secret: {fills}"
    );
    assert!(
        !fills.contains(CLIENT_ID),
        "the undo record holds a value it wrote: {fills}"
    );

    let out = go(&mut s, request(json!({"type": "UndoFill", "tabId": 7})));
    assert_eq!(io(&out), json!({"do": "page-url", "tabId": 7}));
    // The tab moved on: saved values never go into another page.
    let out = go(
        &mut s,
        event(json!({"type": "PageUrl", "tabId": 7, "url": format!("{AEM}/aem/start.html")})),
    );
    assert_eq!(reply(&out)["problem"]["code"], "undo-elsewhere");
    assert!(out.io.is_none() && s.fills.len() == 1);
    let page = apply["url"].as_str().expect("url");
    let out = go(
        &mut s,
        event(json!({"type": "PageUrl", "tabId": 7, "url": format!("{page}?x#y")})),
    );
    let undo = io(&out);
    assert_eq!(undo["do"], "apply-undo");
    let steps = undo["steps"].as_array().expect("steps");
    let applied = apply["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), applied.len());
    // Last applied first, each back to what the field held (empty in the fixture's wizard).
    assert_eq!(steps[0]["key"], applied[applied.len() - 1]["key"]);
    let results = all_taken(&undo);
    let out = go(
        &mut s,
        event(json!({"type": "UndoApplied", "tabId": 7, "results": results, "notKept": []})),
    );
    assert_eq!(reply(&out)["restored"], json!(steps.len()));
    assert!(
        s.fills.is_empty() && s.filled.is_empty(),
        "Undo resets what the guide counts"
    );

    let out = go(&mut s, request(json!({"type": "UndoFill", "tabId": 7})));
    assert_eq!(reply(&out)["problem"]["code"], "nothing-to-undo");
}

#[test]
fn a_secret_the_admin_had_typed_is_named_by_undo_not_kept() {
    let mut s = oauth_session();
    s.secret_origins = vec![AEM.into()];
    let mut snapshot = wizard_snapshot();
    let fields = snapshot["fields"].as_array_mut().expect("fields");
    let secret_field = fields
        .iter_mut()
        .find(|f| f["label"].as_str().is_some_and(|l| l.contains("Client Secret")))
        .expect("a Client Secret field");
    secret_field["value"] = json!("typed-by-the-admin-before");
    let key = secret_field["key"].clone();
    let out = go(
        &mut s,
        request(json!({"type": "FillForm", "tabId": 7, "confirm": ["clientSecret"]})),
    );
    assert_eq!(io(&out)["resume"]["confirm"], json!(["clientSecret"]));
    let apply = io(&go(
        &mut s,
        event(
            json!({"type": "FormSnapshot", "tabId": 7, "resume": {"confirm": ["clientSecret"]}, "snapshot": snapshot}),
        ),
    ));
    assert!(
        apply["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .any(|st| st["key"] == key),
        "{apply}"
    );
    let results = all_taken(&apply);
    go(
        &mut s,
        event(
            json!({"type": "FillApplied", "tabId": 7, "url": apply["url"], "echo": apply["echo"], "results": results}),
        ),
    );
    let text = serde_json::to_string(&s).expect("json");
    assert!(!text.contains("typed-by-the-admin-before"));
    go(&mut s, request(json!({"type": "UndoFill", "tabId": 7})));
    let page = apply["url"].as_str().expect("url");
    let undo = io(&go(&mut s, event(json!({"type": "PageUrl", "tabId": 7, "url": page}))));
    assert!(!undo["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .any(|st| st["key"] == key));
    assert_eq!(undo["notKept"].as_array().map(Vec::len), Some(1), "{undo}");
}

#[test]
fn clearing_the_profile_leaves_no_secret_in_the_session() {
    let mut s = oauth_session();
    fill_wizard(&mut s);
    let call = io(&go(&mut s, request(json!({"type": "CheckIms"}))));
    answer(&mut s, &call, 200, ims_token("eyJ.live.token"));
    go(
        &mut s,
        request(json!({"type": "ImportText", "kind": "payload", "text": PAYLOAD})),
    );
    jwt_page(&mut s, Some("p8e-JWTsecret9876543210fedcbaABC"));
    assert!(s.switch.is_some() && !s.pending.is_empty());

    let out = go(&mut s, request(json!({"type": "ClearProfile"})));
    assert_eq!(reply(&out)["type"], "ProfileState");
    let text = serde_json::to_string(&s).expect("json");
    for needle in [
        OAUTH_SECRET,
        CLIENT_ID,
        "eyJ.live.token",
        "p8e-JWTsecret9876543210fedcbaABC",
        "a1b2c3d4e5f60718293a4b5c6d7e8f90",
    ] {
        assert!(!text.contains(needle), "{needle} survived Clear profile");
    }
    assert!(s.fills.is_empty() && s.filled.is_empty() && s.ims_config_title.is_none());
}

#[test]
fn clearing_some_fields_voids_only_what_they_touched() {
    let mut s = oauth_session();
    s.checks.target = Some(crate::from_json::from_value(ok_report("target")).expect("report"));
    s.checks.ims = Some(crate::from_json::from_value(ok_report("ims")).expect("report"));
    go(&mut s, request(json!({"type": "ClearProfile", "fields": ["tenant"]})));
    assert!(s.profile.tenant.is_none() && s.profile.client_secret.is_some());
    assert!(s.checks.target.is_none() && s.checks.ims.is_some());
}

#[test]
fn a_closed_tab_s_undo_record_goes_when_another_tab_is_filled() {
    let mut s = oauth_session();
    let (_, out) = fill_wizard_in(&mut s, 7);
    assert!(out.background.is_none(), "one record: nothing to ask");
    let (_, out) = fill_wizard_in(&mut s, 9);
    assert_eq!(
        serde_json::to_value(&out.background).expect("background"),
        json!({"do": "open-tabs", "asked": [7]})
    );
    assert!(out.reply.is_some(), "the fill's answer does not wait for the browser");
    // The browser could not say: nothing goes.
    let out = go(&mut s, event(json!({"type": "OpenTabs", "asked": [7]})));
    assert!(out.session.is_none() && s.fills.len() == 2);
    let out = go(
        &mut s,
        event(json!({"type": "OpenTabs", "asked": [7], "open": [7, 12]})),
    );
    assert!(out.session.is_none() && s.fills.len() == 2, "tab 7 is open");
    // Tab 9 was not asked about (filled after the browser answered): it stays.
    go(&mut s, event(json!({"type": "OpenTabs", "asked": [7], "open": [12]})));
    assert_eq!(s.fills.iter().map(|f| f.tab_id).collect::<Vec<_>>(), [9]);
    assert_eq!(s.filled.len(), 2, "the forms stay filled for the guide");
}

#[test]
fn a_page_the_browser_will_not_run_in_is_refused_with_the_way_to_allow_it() {
    let mut s = oauth_session();
    let out = go(
        &mut s,
        event(json!({"type": "FormSnapshot", "tabId": 7, "error": "Cannot access contents of the page"})),
    );
    let r = reply(&out);
    assert_eq!(r["problem"]["code"], "no-site-access");
    assert_eq!(r["tabId"], 7);
    let out = go(&mut s, event(json!({"type": "SiteSettings", "error": "no access"})));
    assert_eq!(reply(&out)["problem"]["code"], "no-site-access");
    let out = go(
        &mut s,
        event(json!({"type": "SiteSettings", "settings": {"url": "https://www.example.com/"}})),
    );
    assert_eq!(reply(&out)["problem"]["code"], "no-at-js");
}

#[test]
fn a_new_key_pair_voids_the_ims_pass() {
    let mut s = oauth_session();
    s.checks.ims = Some(crate::from_json::from_value(ok_report("ims")).expect("report"));
    let out = go(&mut s, request(json!({"type": "GenerateKeyPair", "options": null})));
    let out = go(
        &mut s,
        event(json!({"type": "KeyMade", "echo": io(&out)["echo"], "error": "OperationError: no"})),
    );
    assert_eq!(reply(&out)["problem"]["code"], "key-generation-failed");
    assert!(
        reply(&out)["problem"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("the browser's WebCrypto: OperationError: no")),
        "{:?}",
        out.reply
    );
    let bad = go(
        &mut s,
        request(json!({"type": "GenerateKeyPair", "options": {"validityDays": 0}})),
    );
    assert!(bad.io.is_none(), "options checked before the slow key generation");
    assert_eq!(reply(&bad)["problem"]["code"], "validity-out-of-range");
    assert!(s.key_pair.is_none() && s.checks.ims.is_some());

    let key = crate::keys::parse_private_key(include_str!("../keys/testdata/x509-cert-made-key.pem")).expect("key");
    let out = make_key_pair(&mut s, key.pkcs8_der());
    let material = reply(&out)["material"].clone();
    assert_eq!(reply(&out)["type"], "KeyPair");
    assert!(s.key_pair.is_some() && s.checks.ims.is_none());
    assert_eq!(
        material["privateKeyDerBase64"],
        json!(crate::base64_text::encode(key.pkcs8_der()))
    );
    let cert = material["certificate"]["derBase64"].as_str().unwrap_or_default();
    let cert = crate::keys::import(material["privateKeyPem"].as_str().unwrap_or_default(), Some(cert));
    assert!(
        cert.is_ok_and(|k| k.certificate.is_some()),
        "the certificate carries the new key"
    );
    assert!(
        material["certificate"]["subject"].to_string().contains("IMS Link acme"),
        "{material}"
    );
    assert_eq!(
        serde_json::to_value(&s.key_pair).expect("json"),
        material,
        "the key pair held"
    );
}

#[test]
fn page_snapshots_badge_the_tab_and_route_changes_are_announced() {
    let mut s = Session::default();
    let snapshot = json!({"url": "https://experience.adobe.com/#/@acme/target/setup/implementation",
        "headings": ["Implementation"], "pairs": [{"label": "Client Code", "value": "acme"},
        {"label": "IMS Organization ID", "value": "0123456789ABCDEF01234567@AdobeOrg"}]});
    let out = go(
        &mut s,
        event(from_page(json!({"type": "PageSnapshot", "snapshot": snapshot}), 4)),
    );
    assert!(out.reply.is_none());
    assert!(
        out.effects
            .iter()
            .any(|e| matches!(e, Effect::Badge { tab_id: 4, text, .. } if text == "+")),
        "{:?}",
        out.effects
    );
    assert_eq!(s.profile.client_code.as_ref().map(|c| c.value.as_str()), Some("acme"));
    // A route change the content script saw (the popup and panel watch their own tab's loads).
    let seen = json!({"type": "PageSeen", "url": "https://experience.adobe.com/#/@acme/target/activities"});
    let out = go(&mut s, event(from_page(seen, 4)));
    assert_eq!(
        serde_json::to_value(&out.effects).expect("json"),
        json!([{"do": "broadcast", "message": {"type": "TabStateChanged", "tabId": 4}}])
    );
}

#[test]
fn a_secret_waits_for_the_admins_yes_to_the_origin_which_the_session_keeps_until_taken_back() {
    let mut s = oauth_session();
    go(&mut s, request(json!({"type": "FillForm", "tabId": 7})));
    let apply = io(&go(
        &mut s,
        event(json!({"type": "FormSnapshot", "tabId": 7, "snapshot": wizard_snapshot()})),
    ));
    assert!(kept(&apply)["consent"]["origin"] == AEM, "{apply}");
    assert!(
        !serde_json::to_string(&apply["steps"])
            .expect("json")
            .contains(OAUTH_SECRET),
        "the secret waits"
    );
    let results = all_taken(&apply);
    go(
        &mut s,
        event(
            json!({"type": "FillApplied", "tabId": 7, "url": apply["url"], "echo": apply["echo"], "results": results}),
        ),
    );
    assert_eq!(s.fills[0].consent.as_deref(), Some(AEM), "the guide asks");

    // A yes for another origin than the page's is refused.
    let out = go(
        &mut s,
        event(
            json!({"type": "FormSnapshot", "tabId": 7, "resume": {"allowOrigin": "https://evil.test"}, "snapshot": wizard_snapshot()}),
        ),
    );
    assert_eq!(reply(&out)["problem"]["code"], "origin-not-this-page");
    assert!(s.secret_origins.is_empty());

    fill_wizard(&mut s);
    assert_eq!(s.secret_origins, vec![AEM.to_string()]);
    go(&mut s, request(json!({"type": "ClearProfile"})));
    assert_eq!(s.secret_origins, vec![AEM.to_string()], "a consent, not a secret: kept");
    let out = go(
        &mut s,
        request(json!({"type": "ForgetSecretOrigin", "tabId": 7, "origin": AEM})),
    );
    assert!(s.secret_origins.is_empty());
    assert_eq!(io(&out), json!({"do": "tab-facts", "tabId": 7, "then": "guide"}));
}

#[test]
fn a_file_with_several_credentials_asks_which_one_then_imports_the_choice_and_says_what_it_took() {
    let mut s = Session::default();
    let text = include_str!("../profile/console_fixtures/download-all-two-oauth.json");
    let out = go(
        &mut s,
        request(json!({"type": "ImportText", "kind": "workspace-json", "text": text, "fileName": "ws.json"})),
    );
    let r = reply(&out);
    assert_eq!(r["type"], "ChooseCredential", "{r}");
    assert_eq!(r["preselected"], "22222");
    assert_eq!(r["credentials"][1]["services"], json!(["Adobe Target"]));
    assert_eq!(r["credentials"][0]["kindLabel"], "OAuth Server-to-Server");
    assert_eq!(out.session, None, "nothing taken before the admin chose");
    let out = go(
        &mut s,
        request(
            json!({"type": "ImportText", "kind": "workspace-json", "text": text, "fileName": "ws.json", "choice": "22222"}),
        ),
    );
    let r = reply(&out);
    assert_eq!(r["type"], "ProfileState");
    assert_eq!(r["profile"]["clientId"]["value"], "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2");
    assert!(
        r["import"]["message"]
            .as_str()
            .unwrap()
            .starts_with("From ws.json, credential \"Target for AEM\" (OAuth Server-to-Server): took Authentication, Client ID, Client secret, Organization ID (AEM: Org ID),"),
        "{}",
        r["import"]["message"]
    );
}

#[test]
fn a_file_that_gives_nothing_usable_is_refused_with_every_reason() {
    let mut s = Session::default();
    let text = r#"{"CLIENT_ID": "my-client", "CLIENT_SECRETS": [5], "ORG_ID": "1234567"}"#;
    let out = go(
        &mut s,
        request(json!({"type": "ImportText", "kind": "workspace-json", "text": text})),
    );
    let r = reply(&out);
    assert_eq!(r["type"], "Refused");
    assert_eq!(r["problem"]["code"], "nothing-usable");
    let m = r["problem"]["message"].as_str().unwrap();
    assert!(m.starts_with("Nothing usable in the pasted text"), "{m}");
    assert!(m.contains("is not 32 hexadecimal characters"), "{m}");
    assert_eq!(s.profile, Default::default());
}

pub(super) fn console_snapshot(s: &mut Session, url: &str, pairs: &[(&str, &str)]) -> Step {
    let pairs: Vec<Value> = pairs.iter().map(|(l, v)| json!({"label": l, "value": v})).collect();
    let snapshot = json!({"url": url, "headings": ["Credential details"], "pairs": pairs});
    go(
        s,
        event(from_page(json!({"type": "PageSnapshot", "snapshot": snapshot}), 7)),
    )
}

pub(super) fn guide_next(s: &mut Session, url: &str) -> Value {
    let out = go(
        s,
        event(json!({"type": "TabFacts", "tabId": 7, "then": "guide", "url": url, "grantedOrigins": []})),
    );
    reply(&out)["guide"]["next"].clone()
}

#[test]
fn a_first_credential_read_from_a_page_that_does_not_show_it_whole_waits_for_the_admins_yes() {
    // No Organization ID beside it: not the credential as the Console shows it (a pair a script
    // could have put into the page), so it is not taken by itself (`taken`).
    let page = "https://developer.adobe.com/console/projects/1/2/credentials/3/details/oauthservertoserver";
    let mut s = Session::default();
    edit(&mut s, "tenant", "acme");
    edit(&mut s, "clientCode", "acme");
    let out = console_snapshot(
        &mut s,
        page,
        &[
            ("Client ID", CLIENT_ID),
            ("Client secret", "Retrieve client secret"),
            ("Technical account ID", "ABCDEF0123456789ABCDEF01@techacct.adobe.com"),
        ],
    );
    // The technical account (not the client id or secret) goes in; the client id waits, and
    // the badge says so.
    assert!(s.profile.client_id.is_none(), "no client id before the admin's yes");
    assert!(s.profile.technical_account_id.is_some());
    assert!(out
        .effects
        .iter()
        .any(|e| matches!(e, Effect::Badge { tab_id: 7, text, .. } if text == "!")));
    // The guide asks for the secret first, so that one yes takes both.
    assert_eq!(guide_next(&mut s, page)["steps"][0]["name"], "Retrieve client secret");

    console_snapshot(
        &mut s,
        page,
        &[("Client ID", CLIENT_ID), ("Client secret", OAUTH_SECRET)],
    );
    assert!(s.profile.client_secret.is_none(), "no secret before the admin's yes");
    let next = guide_next(&mut s, page);
    assert_eq!(next["action"], "accept-captured", "{next}");
    // The page is named once, in the box with the values (`awaiting.page`, below).
    assert!(
        next["text"].as_str().is_some_and(|t| t.contains("the page below")),
        "points at the page: {next}"
    );
    let state = reply(&go(&mut s, request(json!({"type": "GetProfile"}))));
    assert_eq!(state["awaiting"]["page"], page);
    assert_eq!(state["awaiting"]["clientId"]["value"], CLIENT_ID);

    let revision = s.revision;
    let out = go(&mut s, request(json!({"type": "AcceptCaptured", "accept": true})));
    assert_eq!(reply(&out)["awaiting"], Value::Null);
    assert_eq!(s.profile.client_id.as_ref().map(|c| c.value.as_str()), Some(CLIENT_ID));
    assert_eq!(
        s.profile.client_secret.as_ref().map(|c| c.value.as_str()),
        Some(OAUTH_SECRET)
    );
    assert_eq!(
        s.profile.client_secret.as_ref().map(|c| c.source.url.as_deref()),
        Some(Some(page))
    );
    assert!(s.revision > revision);
}

#[test]
fn a_declined_or_cleared_credential_never_enters_the_profile_and_a_held_one_is_never_waited_on() {
    let page = "https://developer.adobe.com/console/projects/1/2/credentials/3/details/oauthservertoserver";
    let mut s = Session::default();
    console_snapshot(
        &mut s,
        page,
        &[("Client ID", CLIENT_ID), ("Client secret", OAUTH_SECRET)],
    );
    go(&mut s, request(json!({"type": "AcceptCaptured", "accept": false})));
    assert!(s.awaiting.is_none() && s.profile.client_id.is_none() && s.profile.client_secret.is_none());

    console_snapshot(
        &mut s,
        page,
        &[("Client ID", CLIENT_ID), ("Client secret", OAUTH_SECRET)],
    );
    go(&mut s, request(json!({"type": "ClearProfile"})));
    assert_eq!(s.awaiting, None, "Clear profile drops what waits, secret included");
    console_snapshot(
        &mut s,
        page,
        &[("Client ID", CLIENT_ID), ("Client secret", OAUTH_SECRET)],
    );
    go(
        &mut s,
        request(json!({"type": "ClearProfile", "fields": ["clientSecret"]})),
    );
    assert!(s
        .awaiting
        .as_ref()
        .is_some_and(|a| a.client_secret.is_none() && a.client_id.is_some()));

    // Values the admin holds are not asked about again; a different one is a conflict as before.
    let mut s = oauth_session();
    console_snapshot(&mut s, page, &[("Client ID", CLIENT_ID), ("Client secret", NEW_SECRET)]);
    assert_eq!(s.awaiting, None);
    assert_eq!(s.pending.len(), 1);
    assert_eq!(s.pending[0].conflicts[0].field, crate::profile::Field::ClientSecret);
}

#[test]
fn a_fill_that_would_write_an_error_shows_it_and_goes_on_only_when_the_admin_fills_anyway() {
    let mut s = oauth_session();
    edit(&mut s, "clientSecret", "<client secret>");
    // Held back for the origin's yes, the secret is still what the fill would write.
    let out = go(
        &mut s,
        event(json!({"type": "FormSnapshot", "tabId": 7, "resume": {}, "snapshot": wizard_snapshot()})),
    );
    assert_eq!(reply(&out)["type"], "FillHasErrors", "{:?}", out.reply);
    let snapshot = |anyway: bool| {
        event(
            json!({"type": "FormSnapshot", "tabId": 7, "resume": {"allowOrigin": AEM, "anyway": anyway},
            "snapshot": wizard_snapshot()}),
        )
    };
    let out = go(&mut s, snapshot(false));
    let answer = reply(&out);
    assert_eq!(answer["type"], "FillHasErrors", "{answer}");
    assert_eq!(answer["origin"], AEM);
    assert_eq!(answer["findings"][0]["code"], "secret-placeholder");
    assert!(out.io.is_none(), "nothing touched the page");
    // The origin's yes given with that click is kept.
    assert_eq!(s.secret_origins, vec![AEM.to_string()]);

    let out = go(&mut s, snapshot(true));
    assert_eq!(io(&out)["do"], "apply-fill");

    // A form that does not take the secret is not held up by it.
    let mut target: Value = serde_json::from_str(include_str!("../fill/testdata/target-cloud.json")).expect("fixture");
    target["markers"] = json!(["coral-select"]);
    let out = go(
        &mut s,
        event(json!({"type": "FormSnapshot", "tabId": 8, "resume": {}, "snapshot": target})),
    );
    assert_ne!(reply(&out)["type"], "FillHasErrors", "{:?}", out.reply);
}

/// Before the first fill the popup shows what would go where: the fill's plan, masked, and
/// nothing written, nothing kept.
#[test]
fn a_fill_preview_writes_nothing_and_never_carries_the_secret() {
    let mut s = oauth_session();
    let before = s.clone();
    let out = go(
        &mut s,
        request(json!({"type": "FillForm", "tabId": 7, "preview": true})),
    );
    assert_eq!(io(&out)["resume"]["preview"], true);
    let out = go(
        &mut s,
        event(json!({"type": "FormSnapshot", "tabId": 7, "resume": {"preview": true}, "snapshot": wizard_snapshot()})),
    );
    assert!(out.session.is_none() && out.io.is_none(), "{:?}", out.io);
    assert_eq!(s, before);
    let r = reply(&out);
    assert_eq!(r["type"], "FillPreview");
    let label = r["preview"]["label"].as_str().expect("label");
    assert!(label.starts_with("Fill ") && label.contains(" fields on "), "{label}");
    assert!(!r.to_string().contains(OAUTH_SECRET), "{r}");
    assert!(!r["preview"]["rows"].as_array().expect("rows").is_empty());
    // After the first fill on that page, the label stays and the list goes.
    fill_wizard(&mut s);
    let out = go(
        &mut s,
        event(json!({"type": "FormSnapshot", "tabId": 7, "resume": {"preview": true}, "snapshot": wizard_snapshot()})),
    );
    let r = reply(&out);
    assert_eq!(r["preview"]["rows"], json!([]));
    assert!(
        r["preview"]["label"].as_str().is_some_and(|l| l.starts_with("Fill ")),
        "{r}"
    );
}

/// Each check says, before the click, which host receives the secret.
#[test]
fn the_profile_state_says_where_each_check_sends_the_secret() {
    let s = oauth_session();
    let state = views::profile_state(&s, NOW);
    assert_eq!(
        state.sends.ims,
        "Sends the client ID and client secret to ims-na1.adobelogin.com."
    );
}

/// The first AEM page the popup opens on names the admin's AEM author, kept for the guide's
/// links on other tabs; the address typed into the guide is checked and kept the same way.
#[test]
fn the_aem_author_is_taken_from_the_first_aem_page_or_typed_once() {
    let mut s = oauth_session();
    let wizard = format!("{AEM}/libs/cq/adobeims-configuration/content/configurations/create.html");
    let out = go(
        &mut s,
        event(json!({"type": "TabFacts", "tabId": 3, "then": "popup", "url": wizard, "grantedOrigins": []})),
    );
    assert_eq!(reply(&out)["type"], "Popup");
    assert_eq!(s.aem_author.as_deref(), Some(AEM));
    let out = go(
        &mut s,
        request(json!({"type": "SetAemAuthor", "tabId": 3, "address": "http://not-local.example"})),
    );
    assert_eq!(reply(&out)["problem"]["code"], "bad-aem-author");
    assert_eq!(s.aem_author.as_deref(), Some(AEM));
    go(
        &mut s,
        request(json!({"type": "SetAemAuthor", "tabId": 3, "address": "http://localhost:4502/"})),
    );
    assert_eq!(s.aem_author.as_deref(), Some("http://localhost:4502"));
}

/// An OAuth profile with its client code that IMS accepted: the guide's next stage is AEM's.
fn aem_next_session() -> Session {
    let mut s = oauth_session();
    edit(&mut s, "clientCode", "acme");
    s.checks.ims = Some(crate::from_json::from_value(ok_report("ims")).expect("report"));
    s
}

/// The side panel: the AEM author's address typed once is remembered, and the panel's guide
/// names the one "Allow on this AEM site" for it; the popup's guide (activeTab) does not.
#[test]
fn the_side_panel_remembers_the_typed_author_and_asks_to_allow_it() {
    let mut s = aem_next_session();
    let out = go(
        &mut s,
        request(json!({"type": "SetAemAuthor", "tabId": 7, "address": "experience.adobe.com"})),
    );
    assert_eq!(reply(&out)["problem"]["code"], "bad-aem-author");
    assert_eq!(s.aem_author, None);
    let out = go(
        &mut s,
        request(json!({"type": "SetAemAuthor", "tabId": 7, "address": format!("{AEM}/aem/start.html")})),
    );
    assert!(out.session.is_some(), "remembered");
    assert_eq!(s.aem_author.as_deref(), Some(AEM));
    let out = go(&mut s, request(json!({"type": "GetPopup", "tabId": 7, "panel": true})));
    assert_eq!(io(&out)["then"], "panel");
    let facts =
        |then: &str| event(json!({"type": "TabFacts", "tabId": 7, "then": then, "url": null, "grantedOrigins": []}));
    let panel = reply(&go(&mut s, facts("panel")));
    assert_eq!(panel["guide"]["allowSite"], AEM, "{panel}");
    let popup = reply(&go(&mut s, facts("popup")));
    assert_eq!(popup["guide"]["allowSite"], Value::Null);
}

/// Issue 18: in the side panel the address form's button is "Allow on this AEM site": the
/// guide answering it names the site to ask the browser for and the author's page to open,
/// even when the browser granted it before (asking again answers at once); the next look at
/// the tab, once granted, asks nothing more and the author receives its secrets.
#[test]
fn the_author_named_in_the_panel_is_allowed_and_opened_by_the_same_click() {
    let mut s = aem_next_session();
    let out = go(
        &mut s,
        request(json!({"type": "SetAemAuthor", "tabId": 7, "address": AEM, "panel": true})),
    );
    assert_eq!(io(&out)["then"], "named-in-panel");
    for granted in [json!([]), json!([format!("{AEM}/*")])] {
        let mut named = s.clone();
        let facts = event(
            json!({"type": "TabFacts", "tabId": 7, "then": "named-in-panel", "url": null, "grantedOrigins": granted}),
        );
        let guide = reply(&go(&mut named, facts))["guide"].clone();
        assert_eq!(guide["allowSite"], AEM, "{guide}");
        assert_eq!(
            guide["allowSiteOpens"],
            format!("{AEM}/libs/cq/adobeims-configuration/content/configurations.html")
        );
    }
    let granted = event(
        json!({"type": "TabFacts", "tabId": 7, "then": "panel", "url": null, "grantedOrigins": [format!("{AEM}/*")]}),
    );
    let out = go(&mut s, granted);
    assert_eq!(reply(&out)["guide"]["allowSite"], Value::Null);
    assert_eq!(s.secret_origins, vec![AEM.to_string()]);
}

/// Issue 18: the author the admin typed ("Naming it lets IMS Link fill that AEM's forms, the
/// client secret included") and then allowed in the side panel receives the secret without
/// the fill's separate question; a look-alike of it still gets the question, and the yes is
/// taken back as any other.
#[test]
fn the_typed_and_allowed_author_gets_the_secret_without_another_question() {
    let mut s = aem_next_session();
    go(
        &mut s,
        request(json!({"type": "SetAemAuthor", "tabId": 7, "address": AEM})),
    );
    let facts = |granted: Value| {
        event(json!({"type": "TabFacts", "tabId": 7, "then": "panel", "url": null, "grantedOrigins": granted}))
    };
    // Not granted yet: nothing allowed; the Allow step says what the grant will allow.
    let panel = reply(&go(&mut s, facts(json!([]))));
    assert!(s.secret_origins.is_empty());
    assert_eq!(panel["guide"]["allowSite"], AEM);
    let text = panel["guide"]["next"]["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("fill that AEM's forms, the client secret included"),
        "{text}"
    );
    // The browser granted it: the next look at any tab records the yes, once.
    let out = go(&mut s, facts(json!([format!("{AEM}/*")])));
    assert!(out.session.is_some());
    assert_eq!(s.secret_origins, vec![AEM.to_string()]);
    assert_eq!(s.aem_author_named, None);
    assert_eq!(reply(&out)["guide"]["allowSite"], Value::Null);

    // The fill on the author's wizard sends the secret at once.
    go(&mut s, request(json!({"type": "FillForm", "tabId": 7})));
    let apply = io(&go(
        &mut s,
        event(json!({"type": "FormSnapshot", "tabId": 7, "snapshot": wizard_snapshot()})),
    ));
    assert_eq!(apply["do"], "apply-fill");
    assert_eq!(kept(&apply)["consent"], Value::Null, "{apply}");
    assert!(serde_json::to_string(&apply["steps"])
        .expect("json")
        .contains(OAUTH_SECRET));

    // A look-alike of the author (another host) is asked about, as before.
    let mut look_alike = wizard_snapshot();
    let url = look_alike["url"]
        .as_str()
        .unwrap_or_default()
        .replace(AEM, "https://author-p12345-e67890.adobeaemcloud.com.evil.test");
    look_alike["url"] = json!(url);
    go(&mut s, request(json!({"type": "FillForm", "tabId": 8})));
    let apply = io(&go(
        &mut s,
        event(json!({"type": "FormSnapshot", "tabId": 8, "snapshot": look_alike})),
    ));
    assert_eq!(
        kept(&apply)["consent"]["origin"],
        "https://author-p12345-e67890.adobeaemcloud.com.evil.test",
        "{apply}"
    );
    assert!(!serde_json::to_string(&apply["steps"])
        .expect("json")
        .contains(OAUTH_SECRET));

    // Taken back in the popup, it stays taken back though the grant remains.
    go(
        &mut s,
        request(json!({"type": "ForgetSecretOrigin", "tabId": 7, "origin": AEM})),
    );
    go(&mut s, facts(json!([format!("{AEM}/*")])));
    assert!(s.secret_origins.is_empty());
}

/// An author only visited (never typed) and then allowed is not named: its secrets still wait
/// for the fill's question.
#[test]
fn an_allowed_author_the_admin_never_typed_still_gets_the_question() {
    let mut s = oauth_session();
    let wizard = format!("{AEM}/libs/cq/adobeims-configuration/content/configurations/create.html");
    go(
        &mut s,
        event(
            json!({"type": "TabFacts", "tabId": 3, "then": "popup", "url": wizard, "grantedOrigins": [format!("{AEM}/*")]}),
        ),
    );
    assert_eq!(s.aem_author.as_deref(), Some(AEM));
    assert!(s.secret_origins.is_empty());
}
