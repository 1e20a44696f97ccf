//! Each check driven call by call, with the answers IMS and Target give.

use super::*;
use crate::keys;

const NOW_MS: u64 = 1_796_000_000_000;
const KEY_PEM: &str = include_str!("../keys/testdata/x509-cert-made-key.pem");
const PAYLOAD: &str = r#"{"exp":1,"iss":"0123456789ABCDEF01234567@AdobeOrg","sub":"ABCDEF0123456789ABCDEF01@techacct.adobe.com","https://ims-na1.adobelogin.com/s/ent_marketing_sdk":true,"aud":"https://ims-na1.adobelogin.com/c/abc"}"#;

fn oauth() -> ImsCheckInput {
    ImsCheckInput {
        auth_type: Some(AuthType::Oauth),
        client_id: "abc".into(),
        client_secret: "p8e-secret".into(),
        scopes: vec!["openid".into()],
        ..Default::default()
    }
}

fn jwt_input() -> ImsCheckInput {
    ImsCheckInput {
        auth_type: Some(AuthType::Jwt),
        payload: Some(PAYLOAD.into()),
        private_key_pem: Some(KEY_PEM.into()),
        ..oauth()
    }
}

fn answer(status: u16, body: &str) -> Result<HttpResponse, NoAnswer> {
    Ok(HttpResponse {
        status,
        body: body.into(),
        ..Default::default()
    })
}

fn sent(next: Next) -> (Run, HttpRequest, u32) {
    match next {
        Next::Send {
            run, request, delay_ms, ..
        } => (run, request, delay_ms),
        other => panic!("not a request: {other:?}"),
    }
}

fn ims_report(next: Next) -> ImsOutcome {
    match next {
        Next::Ims(o) => *o,
        other => panic!("not the IMS check's end: {other:?}"),
    }
}

#[test]
fn the_jwt_is_signed_by_the_browser_then_exchanged() {
    let Next::Sign { run, pkcs8, data } = Run::ims(jwt_input(), NOW_MS) else {
        panic!("the JWT first")
    };
    let key = keys::parse_private_key(KEY_PEM).expect("key");
    assert_eq!(pkcs8, key.pkcs8_der(), "the key as WebCrypto imports it");
    let input = String::from_utf8(data).expect("ASCII");
    let expected = jwt::signing_input(PAYLOAD, NOW_MS / 1000, jwt::DEFAULT_LIFETIME_SECS).expect("input");
    assert_eq!(input, expected, "exp renewed from the check's time");
    // The signature WebCrypto would make, made here by the `rsa` crate.
    let signed = jwt::sign_rs256(PAYLOAD, &key, NOW_MS / 1000, jwt::DEFAULT_LIFETIME_SECS).expect("jwt");
    let signature = base64::Engine::decode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        signed.rsplit('.').next().unwrap_or_default(),
    )
    .expect("signature");
    let (run, request, delay) = sent(run.signed(Ok(signature)));
    assert_eq!(delay, 0);
    assert_eq!(request.url, "https://ims-na1.adobelogin.com/ims/exchange/jwt");
    let body = request.body.clone().unwrap_or_default();
    assert!(body.contains(&format!("jwt_token={signed}")), "{body}");
    // The JWT exchange counts its expiry in milliseconds.
    let o = ims_report(run.answered(answer(200, r#"{"access_token":"eyJ.t","expires_in":86399000}"#), NOW_MS));
    assert!(o.report.ok && o.report.attempts == 1, "{:?}", o.report);
    assert_eq!(o.token.map(|t| t.expires_at_ms), Some(NOW_MS as i64 + 86_399_000));
}

#[test]
fn what_cannot_be_signed_is_said_before_anything_is_sent() {
    let no_key = ImsCheckInput {
        private_key_pem: Some("not a key".into()),
        ..jwt_input()
    };
    let o = ims_report(Run::ims(no_key, NOW_MS));
    assert_eq!(o.report.diagnosis.map(|d| d.code), Some("key-invalid".into()));
    let Next::Sign { run, .. } = Run::ims(jwt_input(), NOW_MS) else {
        panic!("the JWT first")
    };
    let o = ims_report(run.signed(Err("OperationError".into())));
    let d = o.report.diagnosis.expect("diagnosis");
    assert_eq!(d.code, "payload-invalid");
    assert!(
        d.cause.contains("the browser's WebCrypto: OperationError"),
        "{}",
        d.cause
    );
    let missing = ImsCheckInput {
        scopes: Vec::new(),
        ..oauth()
    };
    let o = ims_report(Run::ims(missing, NOW_MS));
    assert_eq!(
        (o.report.attempts, o.report.diagnosis.map(|d| d.code)),
        (0, Some("missing-value".into()))
    );
}

#[test]
fn nothing_goes_to_a_host_off_the_allow_list() {
    let elsewhere = ImsCheckInput {
        auth_server: Some("https://ims-na1.adobelogin.com.evil.test".into()),
        ..oauth()
    };
    let o = ims_report(Run::ims(elsewhere, NOW_MS));
    assert_eq!(o.report.diagnosis.map(|d| d.code), Some("host-not-allowed".into()));
    let target = TargetCheckInput {
        tenant: "acme".into(),
        client_id: "abc".into(),
        access_token: "eyJ.t".into(),
        timeout_ms: None,
    };
    let (_, request, _) = sent(Run::target(target));
    assert_eq!(request.url, "https://mc.adobe.io/acme/target/activities?limit=1");
}

#[test]
fn a_5xx_is_asked_once_more_and_no_more() {
    let (run, first, _) = sent(Run::ims(oauth(), NOW_MS));
    let (run, again, delay) = sent(run.answered(answer(502, "bad gateway"), NOW_MS));
    assert_eq!((again, delay), (first, RETRY_BACKOFF_MS));
    let o = ims_report(run.answered(answer(503, "{}"), NOW_MS));
    assert_eq!(o.report.attempts, 2);
    assert!(!o.report.ok);
    let (run, _, _) = sent(Run::ims(oauth(), NOW_MS));
    let (run, _, _) = sent(run.answered(Err(NoAnswer::Network), NOW_MS));
    let o = ims_report(run.answered(answer(200, r#"{"access_token":"eyJ.t","expires_in":3600}"#), NOW_MS));
    assert!(o.report.ok && o.report.attempts == 2);
}

#[test]
fn a_long_answer_is_cut_at_a_character() {
    let body = format!("{}é", "a".repeat(MAX_BODY - 1));
    let resp = cut(HttpResponse {
        body,
        ..Default::default()
    });
    assert_eq!(resp.body.len(), MAX_BODY - 1);
}
