//! Checks the generated key, certificate and JWT with tools that share no code with this
//! crate: the OpenSSL CLI and Python's PyJWT + cryptography (tests/requirements.txt).
//!
//! These tools are required: when one is missing the test FAILS and says what to install,
//! because a silently skipped check would let a broken certificate reach Adobe.
//!
//! Run with `cargo test --release --test independent_verifiers`.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use ims_link::error::JsErrorInfo;
use ims_link::jwt;
use ims_link::keys::{self, KeyMaterial, KeyOptions};

const AUDIENCE: &str = "https://ims-na1.adobelogin.com/c/0123456789abcdef0123456789abcdef";

fn install_hint(program: &str) -> &'static str {
    match program {
        "openssl" => "install the OpenSSL command line tool (Debian: apt-get install openssl)",
        _ => "install Python 3 and then: pip install -r tests/requirements.txt",
    }
}

/// Runs a command; a missing program is a test failure with an install hint.
fn output(program: &str, args: &[&str], dir: &Path) -> Output {
    match Command::new(program).args(args).current_dir(dir).output() {
        Ok(out) => out,
        Err(e) if e.kind() == ErrorKind::NotFound => panic!(
            "`{program}` is not installed, so the independent verification cannot run: {}.",
            install_hint(program)
        ),
        Err(e) => panic!("could not start `{program}`: {e}"),
    }
}

/// Runs a command that must succeed and returns its stdout.
fn run(program: &str, args: &[&str], dir: &Path) -> String {
    let out = output(program, args, dir);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "`{program} {}` failed ({}):\n{stdout}\n{}",
        args.join(" "),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn require_python_modules(dir: &Path) {
    let out = output("python3", &["-c", "import jwt, cryptography"], dir);
    assert!(
        out.status.success(),
        "Python modules for the JWT check are missing ({}): pip install -r tests/requirements.txt",
        String::from_utf8_lossy(&out.stderr).trim()
    );
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos();
        let dir = std::env::temp_dir().join(format!("ims-link-{tag}-{}-{nanos}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn now_unix() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs()
}

/// Writes the exports the way the extension offers them for download.
fn write_material(dir: &Path, m: &KeyMaterial) {
    fs::write(dir.join("cert.pem"), &m.certificate.pem).unwrap();
    fs::write(
        dir.join("cert.der"),
        STANDARD.decode(&m.certificate.der_base64).unwrap(),
    )
    .unwrap();
    fs::write(dir.join("key.pem"), &m.key.private_key_pem).unwrap();
    fs::write(
        dir.join("key.der"),
        STANDARD.decode(&m.key.private_key_der_base64).unwrap(),
    )
    .unwrap();
    fs::write(dir.join("pub.pem"), &m.key.public_key_pem).unwrap();
}

fn generate(now: u64) -> KeyMaterial {
    let opts = KeyOptions {
        tenant: Some("acme".into()),
        organization: Some("Acme, Inc.".into()),
        validity_days: Some(365),
        ..Default::default()
    };
    keys::generate(&opts, now).unwrap()
}

fn check_certificate_text(text: &str) {
    for expected in [
        "Version: 3 (0x2)",
        "Signature Algorithm: sha256WithRSAEncryption",
        "Public-Key: (2048 bit)",
        "Exponent: 65537 (0x10001)",
        "Subject: O = \"Acme, Inc.\", CN = IMS Link acme",
        "Issuer: O = \"Acme, Inc.\", CN = IMS Link acme",
        "X509v3 Basic Constraints: critical\n                CA:FALSE",
        "X509v3 Key Usage: critical\n                Digital Signature",
        "X509v3 Subject Key Identifier",
        "X509v3 Authority Key Identifier",
    ] {
        assert!(
            text.contains(expected),
            "openssl x509 -text lacks {expected:?}:\n{text}"
        );
    }
}

#[test]
fn openssl_accepts_certificate_and_key() {
    let tmp = TempDir::new("openssl");
    let dir = tmp.0.as_path();
    let now = now_unix();
    let m = generate(now);
    write_material(dir, &m);

    // PEM and DER forms parse and show the profile Adobe documents (RSA 2048, SHA-256).
    check_certificate_text(&run("openssl", &["x509", "-noout", "-text", "-in", "cert.pem"], dir));
    check_certificate_text(&run(
        "openssl",
        &["x509", "-inform", "DER", "-noout", "-text", "-in", "cert.der"],
        dir,
    ));
    let der_as_pem = run("openssl", &["x509", "-inform", "DER", "-in", "cert.der"], dir);
    assert_eq!(
        der_as_pem, m.certificate.pem,
        "DER and PEM exports hold different certificates"
    );

    // Fingerprints, serial and dates as OpenSSL computes them.
    let sha256 = run(
        "openssl",
        &["x509", "-noout", "-fingerprint", "-sha256", "-in", "cert.pem"],
        dir,
    );
    assert_eq!(
        sha256.trim(),
        format!("sha256 Fingerprint={}", m.certificate.sha256_fingerprint)
    );
    let sha1 = run(
        "openssl",
        &["x509", "-noout", "-fingerprint", "-sha1", "-in", "cert.pem"],
        dir,
    );
    assert_eq!(
        sha1.trim(),
        format!("sha1 Fingerprint={}", m.certificate.sha1_fingerprint)
    );
    let serial = run("openssl", &["x509", "-noout", "-serial", "-in", "cert.pem"], dir);
    assert_eq!(serial.trim(), format!("serial={}", m.certificate.serial_hex));
    let dates = run(
        "openssl",
        &[
            "x509",
            "-noout",
            "-startdate",
            "-enddate",
            "-dateopt",
            "iso_8601",
            "-in",
            "cert.pem",
        ],
        dir,
    );
    let iso = |rfc3339: &str| rfc3339.replacen('T', " ", 1);
    assert_eq!(
        dates,
        format!(
            "notBefore={}\nnotAfter={}\n",
            iso(&m.certificate.not_before_rfc3339),
            iso(&m.certificate.not_after_rfc3339)
        )
    );
    assert_eq!(m.certificate.not_before, now - 300);
    assert_eq!(m.certificate.not_after, now + 365 * 86_400);
    // Valid now, and not valid after 366 days.
    run("openssl", &["x509", "-noout", "-checkend", "0", "-in", "cert.pem"], dir);
    let expired = output(
        "openssl",
        &[
            "x509",
            "-noout",
            "-checkend",
            &(366 * 86_400).to_string(),
            "-in",
            "cert.pem",
        ],
        dir,
    );
    assert!(!expired.status.success(), "certificate outlives its validity");

    // The private key passes OpenSSL's consistency checks (p*q = n, d, CRT values), in both forms.
    let check = run("openssl", &["pkey", "-check", "-noout", "-in", "key.pem"], dir);
    assert!(check.contains("Key is valid"), "{check}");
    let check = run(
        "openssl",
        &["pkey", "-inform", "DER", "-check", "-noout", "-in", "key.der"],
        dir,
    );
    assert!(check.contains("Key is valid"), "{check}");
    // OpenSSL re-encodes the PKCS#8 key byte for byte as we wrote it.
    assert_eq!(
        run("openssl", &["pkey", "-in", "key.der", "-inform", "DER"], dir),
        m.key.private_key_pem
    );

    // Key and certificate belong together: the same SubjectPublicKeyInfo from both sides.
    let from_cert = run("openssl", &["x509", "-noout", "-pubkey", "-in", "cert.pem"], dir);
    let from_key = run("openssl", &["pkey", "-pubout", "-in", "key.pem"], dir);
    assert_eq!(from_cert, from_key, "certificate and key carry different public keys");
    assert_eq!(from_key, m.key.public_key_pem);
}

/// `openssl verify -CAfile cert.pem cert.pem` alone proves nothing about the signature:
/// when the target certificate is itself the trust anchor, OpenSSL does not check a
/// self-signed certificate's own signature unless `-check_ss_sig` is given (measured with
/// OpenSSL 3.0: a certificate with a flipped signature byte still prints "OK" without it).
/// `-x509_strict` adds RFC 5280 checks (for example that SKI/AKI are present and well formed).
/// The corrupted copy below proves the invocation used really checks the signature.
#[test]
fn openssl_verify_checks_the_self_signature() {
    let tmp = TempDir::new("verify");
    let dir = tmp.0.as_path();
    let m = generate(now_unix());
    write_material(dir, &m);
    let args = [
        "verify",
        "-x509_strict",
        "-check_ss_sig",
        "-CAfile",
        "cert.pem",
        "cert.pem",
    ];
    assert_eq!(run("openssl", &args, dir).trim(), "cert.pem: OK");

    let mut der = STANDARD.decode(&m.certificate.der_base64).unwrap();
    let last = der.len() - 5; // inside the signature BIT STRING
    der[last] ^= 0xff;
    fs::write(dir.join("bad.der"), &der).unwrap();
    run(
        "openssl",
        &["x509", "-inform", "DER", "-in", "bad.der", "-out", "bad.pem"],
        dir,
    );
    let bad = output(
        "openssl",
        &[
            "verify",
            "-x509_strict",
            "-check_ss_sig",
            "-CAfile",
            "bad.pem",
            "bad.pem",
        ],
        dir,
    );
    assert!(
        !bad.status.success(),
        "a corrupted signature verified: the openssl invocation does not check signatures"
    );
}

/// Python's cryptography checks the self-signature; PyJWT verifies our RS256 token with the
/// certificate's public key, as Adobe IMS does with the certificate bound to the credential.
const PY_VERIFY: &str = r#"
import json, sys, jwt
from cryptography import x509
cert = x509.load_pem_x509_certificate(open(sys.argv[1], "rb").read())
cert.verify_directly_issued_by(cert)
der = x509.load_der_x509_certificate(open(sys.argv[2], "rb").read())
assert der == cert, "DER and PEM differ"
token = open(sys.argv[3]).read().strip()
assert jwt.get_unverified_header(token) == {"alg": "RS256", "typ": "JWT"}, jwt.get_unverified_header(token)
claims = jwt.decode(token, cert.public_key(), algorithms=["RS256"], audience=sys.argv[4],
                    options={"require": ["exp", "iss", "sub", "aud"]})
print(json.dumps(claims, sort_keys=True))
"#;

#[test]
fn pyjwt_verifies_the_token_with_the_certificate() {
    let tmp = TempDir::new("pyjwt");
    let dir = tmp.0.as_path();
    require_python_modules(dir);
    let now = now_unix();
    let m = generate(now);
    write_material(dir, &m);
    fs::write(dir.join("verify.py"), PY_VERIFY).unwrap();

    let payload = format!(
        r#"{{"exp": 1, "iss": "0123456789ABCDEF01234567@AdobeOrg",
            "sub": "ABCDEF0123456789ABCDEF01@techacct.adobe.com",
            "https://ims-na1.adobelogin.com/s/ent_marketing_sdk": true, "aud": "{AUDIENCE}"}}"#
    );
    let key = keys::parse_private_key(&m.key.private_key_pem).unwrap();
    let token = jwt::sign_rs256(&payload, &key, now, jwt::DEFAULT_LIFETIME_SECS).unwrap();
    fs::write(dir.join("token.txt"), &token).unwrap();

    let py_args = ["verify.py", "cert.pem", "cert.der", "token.txt", AUDIENCE];
    let claims: serde_json::Value = serde_json::from_str(&run("python3", &py_args, dir)).unwrap();
    assert_eq!(claims["exp"], serde_json::json!(now + 300));
    assert_eq!(claims["iss"], serde_json::json!("0123456789ABCDEF01234567@AdobeOrg"));

    // OpenSSL agrees on the raw RSASSA-PKCS1-v1_5 SHA-256 signature.
    let (input, sig) = token.rsplit_once('.').unwrap();
    fs::write(dir.join("input.txt"), input).unwrap();
    fs::write(dir.join("sig.bin"), URL_SAFE_NO_PAD.decode(sig).unwrap()).unwrap();
    let verified = run(
        "openssl",
        &[
            "dgst",
            "-sha256",
            "-verify",
            "pub.pem",
            "-signature",
            "sig.bin",
            "input.txt",
        ],
        dir,
    );
    assert_eq!(verified.trim(), "Verified OK");

    // A token signed by another key must be rejected, or the check above means nothing.
    let other = keys::generate(&KeyOptions::default(), now).unwrap();
    let other_key = keys::parse_private_key(&other.key.private_key_pem).unwrap();
    let forged = jwt::sign_rs256(&payload, &other_key, now, 300).unwrap();
    fs::write(dir.join("token.txt"), &forged).unwrap();
    let rejected = output("python3", &py_args, dir);
    assert!(
        !rejected.status.success(),
        "PyJWT accepted a token signed by another key"
    );
    assert!(
        String::from_utf8_lossy(&rejected.stderr).contains("InvalidSignatureError"),
        "{}",
        String::from_utf8_lossy(&rejected.stderr)
    );
}

/// The other direction: keys and certificates made by OpenSSL import, in every format.
#[test]
fn openssl_made_keys_import() {
    let tmp = TempDir::new("import");
    let dir = tmp.0.as_path();
    run(
        "openssl",
        &[
            "req",
            "-x509",
            "-sha256",
            "-nodes",
            "-days",
            "365",
            "-newkey",
            "rsa:2048",
            "-keyout",
            "key.pem",
            "-out",
            "cert.pem",
            "-subj",
            "/CN=adobe recipe",
        ],
        dir,
    );
    run(
        "openssl",
        &["rsa", "-in", "key.pem", "-traditional", "-out", "key-pkcs1.pem"],
        dir,
    );
    run(
        "openssl",
        &["pkey", "-in", "key.pem", "-outform", "DER", "-out", "key.der"],
        dir,
    );
    run(
        "openssl",
        &["x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der"],
        dir,
    );
    let read = |name: &str| fs::read_to_string(dir.join(name)).unwrap();
    let read_b64 = |name: &str| STANDARD.encode(fs::read(dir.join(name)).unwrap());

    let pkcs8 = keys::import(&read("key.pem"), Some(&read("cert.pem"))).unwrap();
    assert_eq!(pkcs8.key.private_key_pem, read("key.pem"));
    let cert = pkcs8.certificate.as_ref().unwrap();
    assert_eq!(cert.pem, read("cert.pem"));
    let fp = run(
        "openssl",
        &["x509", "-noout", "-fingerprint", "-sha256", "-in", "cert.pem"],
        dir,
    );
    assert_eq!(fp.trim(), format!("sha256 Fingerprint={}", cert.sha256_fingerprint));

    let pkcs1 = keys::import(&read("key-pkcs1.pem"), Some(&read_b64("cert.der"))).unwrap();
    assert_eq!(pkcs1, pkcs8);
    let der_key = keys::parse_private_key_bytes(&fs::read(dir.join("key.der")).unwrap()).unwrap();
    assert!(keys::certificate_matches(
        &keys::parse_certificate(&read("cert.pem")).unwrap(),
        &der_key
    ));

    // Our certificate does not belong to OpenSSL's key.
    let ours = generate(now_unix());
    assert_eq!(
        keys::import(&read("key.pem"), Some(&ours.certificate.pem))
            .unwrap_err()
            .code(),
        "key-certificate-mismatch"
    );
}

/// The two files IMS Link gives AEM's keystore ("Add Private Key from DER file"): a PKCS#8 DER
/// key and a DER certificate, read as such by OpenSSL, carrying the same public key.
#[test]
fn openssl_reads_the_keystore_der_files_and_they_match() {
    let tmp = TempDir::new("keystore-der");
    let dir = tmp.0.as_path();
    let m = generate(now_unix());
    write_material(dir, &m);
    // PKCS#8, unencrypted, DER: what a Java KeyStore import takes.
    let pkcs8 = run(
        "openssl",
        &["pkcs8", "-inform", "DER", "-nocrypt", "-in", "key.der"],
        dir,
    );
    assert_eq!(pkcs8, m.key.private_key_pem);
    let from_cert = run(
        "openssl",
        &["x509", "-inform", "DER", "-noout", "-pubkey", "-in", "cert.der"],
        dir,
    );
    let from_key = run("openssl", &["pkey", "-inform", "DER", "-pubout", "-in", "key.der"], dir);
    assert_eq!(
        from_cert, from_key,
        "the DER certificate and DER key carry different public keys"
    );
}
