use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Value};

use super::{safe_file_name, DEFAULT_FILE_NAME};
use crate::session::{step, Event, Session};

const WIZARD: &str = "https://author.aem.test/libs/cq/adobeims-configuration/content/configurations/create.html";
const KEY_URL: &str =
    "https://author.aem.test/libs/cq/adobeims-configuration/content/configurations/publickey?alias=ims-link-acme";
const CERT: &str = include_str!("../keys/testdata/aem-cert-rsa2048.crt");
const SMALL: &str = include_str!("../keys/testdata/aem-cert-rsa1024.crt");
/// Inside the test certificate's validity (2026-12-01 .. 2027-12-01).
const NOW: u64 = 1_800_000_000_000;
const CREDENTIAL: &str = "https://developer.adobe.com/console/projects/1/2/credentials/3/details/jwt";

fn go_at(s: &mut Session, e: Value, now: u64) -> Value {
    let e: Event = crate::from_json::from_value(e).expect("event");
    let out = step(s.clone(), e, now);
    if let Some(next) = &out.session {
        *s = next.clone();
    }
    serde_json::to_value(&out).expect("step")
}

fn go(s: &mut Session, e: Value) -> Value {
    go_at(s, e, NOW)
}

fn wizard(links: Value, switches: Value) -> Value {
    json!({"type": "AemResultRead", "tabId": 5, "page": {"url": WIZARD, "messages": [], "links": links, "switches": switches}})
}

/// AEM's answer: `body`'s bytes, as the page function sends them (base64).
fn fetched_bytes(body: &[u8], status: u16) -> Value {
    json!({"type": "AemCertificateFetched", "tabId": 5, "url": KEY_URL, "fileName": "AEM-Adobe-IMS.crt",
        "file": {"status": status, "bodyBase64": STANDARD.encode(body), "contentDisposition": "attachment; filename=\"AEM-Adobe-IMS.crt\""}})
}

fn fetched(body: &str, status: u16) -> Value {
    fetched_bytes(body.as_bytes(), status)
}

#[test]
fn the_wizard_link_is_fetched_from_aem_itself_and_the_certificate_kept() {
    let mut s = Session::default();
    let out = go(
        &mut s,
        wizard(
            json!([{"text": "Download Public Key", "href": KEY_URL, "download": "AEM-Adobe-IMS.crt"}]),
            json!([]),
        ),
    );
    assert_eq!(
        out["io"],
        json!({"do": "fetch-aem-certificate", "tabId": 5, "url": KEY_URL, "fileName": "AEM-Adobe-IMS.crt"})
    );
    let out = go(&mut s, fetched(CERT, 200));
    assert_eq!(out["io"], json!({"do": "tab-facts", "tabId": 5, "then": "guide"}));
    let c = s.aem_certificate.clone().expect("kept");
    assert_eq!(c.origin, "https://author.aem.test");
    assert_eq!(c.alias.as_deref(), Some("ims-link-acme"));
    assert_eq!(c.file_name, "AEM-Adobe-IMS.crt");
    assert_eq!(c.key_bits, 2048);
    assert!(c.pem.starts_with("-----BEGIN CERTIFICATE-----"));
    assert_eq!(c.sha1_fingerprint.len(), 59, "SHA-1 with colons");
    assert_eq!(c.sha256_fingerprint.len(), 95, "SHA-256 with colons");
}

#[test]
fn aem_s_file_is_read_as_pem_or_der_alike() {
    let der = crate::keys::parse_certificate(CERT)
        .expect("test certificate")
        .der()
        .to_vec();
    let mut from_pem = Session::default();
    go(&mut from_pem, fetched(CERT, 200));
    let mut from_der = Session::default();
    go(&mut from_der, fetched_bytes(&der, 200));
    let (a, b) = (
        from_pem.aem_certificate.expect("PEM kept"),
        from_der.aem_certificate.clone().expect("DER kept"),
    );
    assert_eq!((a.pem, a.sha256_fingerprint), (b.pem, b.sha256_fingerprint));
    // Far bigger than a certificate: refused before it is read.
    let out = go(&mut from_der, fetched_bytes(&vec![b'A'; 70 * 1024], 200));
    assert_eq!(out["reply"]["problem"]["code"], "aem-certificate-invalid");
}

#[test]
fn a_link_to_another_origin_is_not_followed() {
    let mut s = Session::default();
    let out = go(
        &mut s,
        wizard(
            json!([{"text": "Download Public Key", "href": "https://evil.test/cert.crt"}]),
            json!([]),
        ),
    );
    assert_eq!(out["reply"]["problem"]["code"], "aem-certificate-elsewhere");
    assert!(out["io"].is_null() && s.aem_certificate.is_none());
}

#[test]
fn no_link_yet_remembers_that_the_admin_let_aem_create_the_certificate() {
    let mut s = Session::default();
    let out = go(
        &mut s,
        wizard(
            json!([]),
            json!([{"label": "Create new certificate", "checked": false}]),
        ),
    );
    assert_eq!(out["reply"]["problem"]["code"], "no-aem-certificate");
    assert!(s.aem_new_certificate.is_none());
    let out = go(
        &mut s,
        wizard(
            json!([]),
            json!([{"label": "Create new  certificate", "checked": true}]),
        ),
    );
    assert_eq!(out["reply"]["problem"]["code"], "no-aem-certificate");
    assert_eq!(s.aem_new_certificate.as_deref(), Some("https://author.aem.test"));
}

#[test]
fn what_is_not_a_usable_certificate_is_refused_with_the_reason() {
    let mut s = Session::default();
    for (body, status, code, says) in [
        (CERT, 404, "aem-certificate-unavailable", "404"),
        (SMALL, 200, "aem-certificate-invalid", "1024"),
        ("<html>Login</html>", 200, "aem-certificate-invalid", "certificate"),
    ] {
        let out = go(&mut s, fetched(body, status));
        assert_eq!(out["reply"]["problem"]["code"], code, "{body:.20}");
        assert!(out["reply"]["problem"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains(says));
    }
    let out = go_at(&mut s, fetched(CERT, 200), 1_830_000_000_000);
    assert_eq!(out["reply"]["problem"]["code"], "aem-certificate-expired");
    let out = go(
        &mut s,
        json!({"type": "AemCertificateFetched", "tabId": 5, "url": KEY_URL, "fileName": "x.crt", "error": "Cannot access"}),
    );
    assert_eq!(out["reply"]["problem"]["code"], "aem-certificate-unavailable");
    assert!(s.aem_certificate.is_none());
}

#[test]
fn download_names_are_kept_only_when_harmless() {
    assert_eq!(safe_file_name("AEM-Adobe-IMS.crt"), "AEM-Adobe-IMS.crt");
    assert_eq!(safe_file_name("my_cert.PEM"), "my_cert.PEM");
    for bad in [
        "../../etc/passwd.crt",
        "cert.exe",
        "",
        ".crt",
        "a b.crt",
        "cert.crt\n.exe",
    ] {
        assert_eq!(safe_file_name(bad), DEFAULT_FILE_NAME, "{bad}");
    }
}

#[test]
fn the_credential_page_list_is_kept_and_survives_nothing_but_a_new_list() {
    let mut s = Session::default();
    let snap = |fingerprints: &[&str]| {
        let mut pairs = vec![json!({"label": "Client ID", "value": "abc123"})];
        pairs.extend(fingerprints.iter().map(|f| json!({"label": "Fingerprint", "value": f})));
        crate::session::tests::from_page(
            json!({"type": "PageSnapshot", "snapshot": {
            "url": CREDENTIAL, "headings": ["Service Account (JWT)", "Public key certificates"], "pairs": pairs}}),
            4,
        )
    };
    let out = go(&mut s, snap(&[]));
    assert!(out["session"].is_object());
    assert_eq!(
        s.credential_certificates.as_ref().map(|c| c.fingerprints.len()),
        Some(0)
    );
    go(&mut s, snap(&["8c59d125ead4e233c87c924770fbc41500bdf027"]));
    let c = s.credential_certificates.clone().expect("listed");
    assert_eq!(c.client_id.as_deref(), Some("abc123"));
    assert_eq!(
        c.fingerprints,
        vec!["8c59d125ead4e233c87c924770fbc41500bdf027".to_string()]
    );
}

#[test]
fn clearing_the_profile_keeps_aem_certificate() {
    let mut s = Session::default();
    go(
        &mut s,
        wizard(json!([{"text": "Download Public Key", "href": KEY_URL}]), json!([])),
    );
    go(&mut s, fetched(CERT, 200));
    go(
        &mut s,
        crate::session::tests::from_popup(json!({"type": "ClearProfile"})),
    );
    assert!(s.aem_certificate.is_some(), "the admin may have uploaded it already");
}
