//! The wasm API as JavaScript sees it, run in headless Chromium by wasm-bindgen-test:
//! JSON-shaped results, and failures that are real `Error`s with a `name` and a `code`.
#![cfg(target_arch = "wasm32")]

use ims_link::api;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn tenant_comes_back_as_a_plain_object() {
    let ids = api::tenant_from_url("https://experience.adobe.com/#/@acme/target/activities").unwrap();
    assert_eq!(get(&ids, "tenant").as_string().as_deref(), Some("acme"));
    assert_eq!(get(&ids, "source").as_string().as_deref(), Some("unified-shell"));
    assert_eq!(get(&ids, "onTarget").as_bool(), Some(true));
    assert!(get(&ids, "clientCode").is_null());
}

#[wasm_bindgen_test]
fn failures_are_named_errors_with_a_code() {
    let err = api::tenant_from_text("0123456789ABCDEF01234567@AdobeOrg").unwrap_err();
    let err: js_sys::Error = err.dyn_into().expect("a real Error");
    assert_eq!(err.name(), "TenantError");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("org-id-instead-of-tenant")
    );
    assert!(String::from(err.message()).contains("IMS Organization ID"));
}

#[wasm_bindgen_test]
fn messages_are_checked_against_their_sender() {
    // The worker hands every message to its step as the browser delivered it, with the
    // browser's facts about the sender; the step checks them first.
    let step = |sender: &str| {
        let event = js_sys::JSON::parse(&format!(
            r#"{{"type":"Received","message":{{"type":"GetPopup","tabId":4}},"sender":{sender},"me":{{"id":"abc","origin":"chrome-extension://abc"}}}}"#
        ))
        .unwrap();
        api::session_step(event, 1_796_000_000_000.0).unwrap()
    };
    let ok = step(r#"{"id":"abc","url":"chrome-extension://abc/popup.html"}"#);
    assert_eq!(get(&get(&ok, "io"), "tabId").as_f64(), Some(4.0));
    let refused = step(r#"{"id":"abc","url":"https://experience.adobe.com/","tabId":4}"#);
    assert!(get(&refused, "io").is_null());
    assert_eq!(
        get(&get(&get(&refused, "reply"), "problem"), "code")
            .as_string()
            .as_deref(),
        Some("not-from-extension-page")
    );
}

#[wasm_bindgen_test]
fn profile_fields_come_in_display_order_with_labels() {
    let fields: js_sys::Array = api::profile_fields().unwrap().dyn_into().unwrap();
    assert_eq!(fields.length(), 12);
    let secret = fields.get(4);
    assert_eq!(get(&secret, "field").as_string().as_deref(), Some("clientSecret"));
    assert_eq!(get(&secret, "label").as_string().as_deref(), Some("Client secret"));
    assert_eq!(get(&secret, "secret").as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn tab_state_for_an_unreadable_tab() {
    let state = api::describe_tab(9, None).unwrap();
    assert_eq!(get(&state, "tabId").as_f64(), Some(9.0));
    assert_eq!(
        get(&get(&state, "problem"), "code").as_string().as_deref(),
        Some("page-not-readable")
    );
}

const NOW_MS: f64 = 1_790_000_000_000.0;

async fn generated() -> JsValue {
    let opts = js_sys::JSON::parse(r#"{"tenant":"acme"}"#).unwrap();
    api::generate_key_pair(opts, NOW_MS).await.unwrap()
}

fn text(obj: &JsValue, path: &[&str]) -> String {
    path.iter().fold(obj.clone(), |o, k| get(&o, k)).as_string().unwrap()
}

#[wasm_bindgen_test]
async fn webcrypto_key_pair_and_certificate_belong_together() {
    let m = generated().await;
    assert_eq!(get(&m, "keyBits").as_f64(), Some(2048.0));
    assert_eq!(text(&m, &["certificate", "subject"]), "CN=IMS Link acme,O=IMS Link");
    // Import checks that the certificate carries the key's public key.
    let key = text(&m, &["privateKeyPem"]);
    let cert = text(&m, &["certificate", "pem"]);
    api::import_key_pair(&key, Some(cert.clone())).unwrap();
    // The certificate's own signature verifies with its key.
    // Read back by x509-cert, independently of the module's own DER reader.
    use rsa::signature::Verifier;
    use x509_cert::der::{Decode, Encode};
    let ours = ims_link::keys::parse_certificate(&cert).unwrap();
    let parsed = x509_cert::Certificate::from_der(ours.der()).unwrap();
    let public = ims_link::keys::parse_private_key(&key)
        .unwrap()
        .to_rsa()
        .unwrap()
        .to_public_key();
    let verifier = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(public);
    let tbs = parsed.tbs_certificate().to_der().unwrap();
    let sig = rsa::pkcs1v15::Signature::try_from(parsed.signature().raw_bytes()).unwrap();
    verifier.verify(&tbs, &sig).expect("certificate signature verifies");
}

#[wasm_bindgen_test]
async fn webcrypto_and_portable_jwt_signatures_are_identical() {
    // RSASSA-PKCS1-v1_5 is deterministic: both paths must produce the same token.
    let m = generated().await;
    let key = text(&m, &["privateKeyPem"]);
    let payload = r#"{"iss":"X@AdobeOrg","aud":"https://ims-na1.adobelogin.com/c/abc"}"#;
    let fast = api::sign_jwt(payload.into(), key.clone(), NOW_MS, None).await.unwrap();
    let portable = api::sign_jwt_portable(payload, &key, NOW_MS, None).unwrap();
    assert_eq!(fast, portable);
    let (_, claims) = ims_link::jwt::decode_unverified(&fast).unwrap();
    assert_eq!(claims.get("exp").and_then(|e| e.as_u64()), Some(1_790_000_300));
}

#[wasm_bindgen_test]
async fn key_errors_are_named() {
    let bad = js_sys::JSON::parse(r#"{"validityDays":0}"#).unwrap();
    let err: js_sys::Error = api::generate_key_pair(bad, NOW_MS)
        .await
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(err.name(), "KeyError");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("validity-out-of-range"));
    let err: js_sys::Error = api::sign_jwt("[]".into(), "nope".into(), NOW_MS, None)
        .await
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(err.name(), "KeyError");
}

#[wasm_bindgen_test]
async fn a_bad_clock_is_named_as_javascript_writes_it() {
    for (now, said) in [(f64::NAN, "NaN"), (-1.5, "-1.5"), (f64::NEG_INFINITY, "-Infinity")] {
        let err: js_sys::Error = api::generate_key_pair(JsValue::UNDEFINED, now)
            .await
            .unwrap_err()
            .dyn_into()
            .unwrap();
        assert!(String::from(err.message()).ends_with(&format!("not {said}.")), "{now}");
    }
}

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn profile_capture_merge_and_diagnose_as_javascript_sees_them() {
    let source = js(r#"{"kind": "file", "url": "workspace.json", "atMs": 1760000000000}"#);
    let file = r#"{"client_id": "0123456789abcdef0123456789abcdef", "client_secrets": ["p8e-x"],
        "scopes": ["openid"], "org": {"ims_org_id": "O@AdobeOrg"}}"#;
    let capture = api::parse_workspace_json(file, source.clone(), None).unwrap();
    let missing = js_sys::JSON::stringify(&get(&capture, "missing")).unwrap();
    assert_eq!(
        String::from(missing),
        r#"["technicalAccountId","technicalAccountEmail"]"#
    );
    let merged = api::merge_capture(api::empty_profile().unwrap(), capture, JsValue::UNDEFINED).unwrap();
    let profile = get(&merged, "profile");
    let at = get(&get(&get(&profile, "clientId"), "source"), "atMs");
    assert_eq!(at.as_f64(), Some(1_760_000_000_000.0));
    let findings = api::diagnose_profile(profile, 1_760_000_000_000.0).unwrap();
    let first = js_sys::Array::from(&findings).get(0);
    assert_eq!(get(&first, "code").as_string().as_deref(), Some("scopes-lack-target"));
    assert_eq!(get(&first, "severity").as_string().as_deref(), Some("error"));

    let err: js_sys::Error = api::parse_payload("<html>", source).unwrap_err().dyn_into().unwrap();
    assert_eq!(err.name(), "PayloadError");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("html-not-json"));
    let bad: js_sys::Error = api::parse_scopes("x", js(r#"{"kind": "nowhere"}"#))
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(get(&bad, "code").as_string().as_deref(), Some("malformed-input"));
}

#[wasm_bindgen_test]
fn the_guide_and_the_curl_commands_as_javascript_sees_them() {
    let input = js(
        r#"{"url": "https://experience.adobe.com/#/@acme/target/activities", "profile": {}, "checks": {"ims": null}}"#,
    );
    let guide = api::guide(input, 1_760_000_000_000.0).unwrap();
    assert_eq!(get(&guide, "page").as_string().as_deref(), Some("target"));
    assert_eq!(get(&guide, "action").as_string().as_deref(), Some("copy-tenant"));
    let stages = js_sys::Array::from(&get(&guide, "stages"));
    assert_eq!(stages.length(), 4);
    assert_eq!(get(&stages.get(0), "status").as_string().as_deref(), Some("needs-you"));
    let err: js_sys::Error = api::guide(js(r#"{"filled": "everything"}"#), 0.0)
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(err.name(), "ProfileError");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("malformed-input"));

    let oauth = js(
        r#"{"authType": "oauth", "clientId": "0123456789abcdef0123456789abcdef", "scopes": ["openid", "target_sdk"], "tenant": "acme"}"#,
    );
    let commands = api::curl_commands(oauth).unwrap();
    let token = get(&commands, "token").as_string().unwrap_or_default();
    assert!(
        token.contains("/ims/token/v3") && token.contains("$IMS_CLIENT_SECRET"),
        "{token}"
    );
    let refused =
        js(r#"{"authType": "oauth", "authServer": "https://evil.example", "clientId": "x", "scopes": ["openid"]}"#);
    let err: js_sys::Error = api::curl_commands(refused).unwrap_err().dyn_into().unwrap();
    assert_eq!(err.name(), "CurlError");
}
