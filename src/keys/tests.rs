//! Unit tests for `keys`. Run with `cargo test --release`: RSA key generation is slow in
//! debug builds. testdata/ holds throwaway keys made with OpenSSL 3.0 for the error paths.

use std::sync::OnceLock;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::pkcs8::{EncodePrivateKey, LineEnding};
use sha2::{Digest, Sha256};
use x509_cert::der::Decode;

use super::certificate::{self, BACKDATE_SECS};
use super::*;

/// 2026-01-01T00:00:00Z.
const NOW: u64 = 1_767_225_600;

const EC_P256_PKCS8: &str = include_str!("testdata/ec-p256-pkcs8.pem");
const EC_SEC1: &str = include_str!("testdata/ec-sec1.pem");
const ED25519_PKCS8: &str = include_str!("testdata/ed25519-pkcs8.pem");
const RSA1024_PKCS8: &str = include_str!("testdata/rsa1024-pkcs8.pem");
const RSA1024_PKCS1: &str = include_str!("testdata/rsa1024-pkcs1.pem");
const ENCRYPTED_PKCS8: &str = include_str!("testdata/rsa2048-encrypted-pkcs8.pem");
const ENCRYPTED_PKCS1: &str = include_str!("testdata/rsa2048-encrypted-pkcs1.pem");
const EC_CERT: &str = include_str!("testdata/ec-cert.pem");

/// Two generated pairs, shared because key generation dominates test time.
fn pair(i: usize) -> &'static KeyMaterial {
    static PAIRS: OnceLock<[KeyMaterial; 2]> = OnceLock::new();
    let pairs = PAIRS.get_or_init(|| {
        let opts = KeyOptions {
            tenant: Some("acme".into()),
            ..Default::default()
        };
        [
            generate(&opts, NOW).unwrap(),
            generate(&KeyOptions::default(), NOW).unwrap(),
        ]
    });
    &pairs[i]
}

fn code(r: Result<ImportedKey, KeyError>) -> &'static str {
    r.unwrap_err().code()
}

/// The base64 body of the first PEM block, as a DER file picker would hand it over.
fn pem_to_der_base64(pem: &str) -> String {
    pem.lines().filter(|l| !l.starts_with("-----")).collect()
}

#[test]
fn generated_pair_has_the_documented_shape() {
    let m = pair(0);
    assert_eq!(m.key.key_bits, 2048);
    assert!(m.key.private_key_pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
    assert!(m.key.public_key_pem.starts_with("-----BEGIN PUBLIC KEY-----\n"));
    let c = &m.certificate;
    assert!(c.pem.starts_with("-----BEGIN CERTIFICATE-----\n"));
    assert!(c.pem.trim_end().ends_with("-----END CERTIFICATE-----"));
    assert_eq!(c.subject, "CN=IMS Link acme,O=IMS Link");
    assert_eq!(pair(1).certificate.subject, "CN=IMS Link,O=IMS Link");

    let der = STANDARD.decode(&c.der_base64).unwrap();
    assert_eq!(STANDARD.encode(&der), pem_to_der_base64(&c.pem));
    let sha256: Vec<String> = Sha256::digest(&der).iter().map(|b| format!("{b:02X}")).collect();
    assert_eq!(c.sha256_fingerprint, sha256.join(":"));
    assert_eq!(c.sha1_fingerprint.len(), 20 * 3 - 1);
    // The Developer Console's form of the same SHA-1: lower case, no colons.
    assert_eq!(c.sha1_console, c.sha1_fingerprint.replace(':', "").to_lowercase());
    assert!(c
        .sha1_fingerprint
        .chars()
        .all(|ch| ch == ':' || ch.is_ascii_digit() || ('A'..='F').contains(&ch)));

    // 16 bytes, positive without a sign byte, no leading zero byte.
    assert_eq!(c.serial_hex.len(), 32, "{}", c.serial_hex);
    let first = u8::from_str_radix(&c.serial_hex[..2], 16).unwrap();
    assert!((1..0x80).contains(&first));
    assert_ne!(c.serial_hex, pair(1).certificate.serial_hex);
}

#[test]
fn validity_starts_five_minutes_early_and_lasts_the_chosen_days() {
    let c = &pair(0).certificate;
    assert_eq!(c.not_before, NOW - BACKDATE_SECS);
    assert_eq!(c.not_after, NOW + 365 * 86_400);
    assert_eq!(c.not_before_rfc3339, "2025-12-31T23:55:00Z");
    assert_eq!(c.not_after_rfc3339, "2027-01-01T00:00:00Z");
}

#[test]
fn validity_bounds() {
    assert_eq!(certificate::validity_bounds(NOW, 1).unwrap(), (NOW - 300, NOW + 86_400));
    assert_eq!(certificate::validity_bounds(NOW, 3650).unwrap().1, NOW + 3650 * 86_400);
    for days in [0, 3651, u32::MAX] {
        let e = certificate::validity_bounds(NOW, days).unwrap_err();
        assert_eq!(e, KeyError::ValidityOutOfRange(days));
        assert!(e.to_string().contains("between 1 and 3650"), "{e}");
    }
    // Out-of-range options fail before any key is generated.
    let opts = |d| KeyOptions {
        validity_days: Some(d),
        ..Default::default()
    };
    assert_eq!(generate(&opts(0), NOW).unwrap_err().code(), "validity-out-of-range");
    assert_eq!(generate(&opts(4000), NOW).unwrap_err().code(), "validity-out-of-range");
    assert_eq!(generate(&opts(30), 100).unwrap_err(), KeyError::TimeOutOfRange(100));
    assert_eq!(generate(&opts(30), u64::MAX).unwrap_err().code(), "time-out-of-range");
    // Year 10000 cannot be encoded in X.509.
    assert_eq!(
        generate(&opts(3650), 253_402_300_000).unwrap_err().code(),
        "time-out-of-range"
    );
}

#[test]
fn validity_after_2049_uses_generalized_time_and_round_trips() {
    let key = parse_private_key(&pair(0).key.private_key_pem).unwrap();
    // 2049-06-01: notBefore is a UTCTime, notAfter (2059) must be a GeneralizedTime.
    let now = 2_506_118_400;
    let (nb, na) = certificate::validity_bounds(now, 3650).unwrap();
    let cert = certificate::UnsignedCertificate::new(&key, "x", "y", &[1], nb, na)
        .unwrap()
        .sign_here()
        .unwrap();
    let info = certificate::describe(&cert).unwrap();
    assert_eq!((info.not_before, info.not_after), (nb, na));
    assert_eq!(info.not_after_rfc3339, "2059-05-30T00:00:00Z");
}

#[test]
fn subject_fields_defaults_and_checks() {
    let f = |v: Option<&str>| certificate::subject_field(v, "IMS Link", "common name");
    assert_eq!(f(None).unwrap(), "IMS Link");
    assert_eq!(f(Some("   ")).unwrap(), "IMS Link");
    assert_eq!(f(Some(" Acme, Inc. ")).unwrap(), "Acme, Inc.");
    assert_eq!(f(Some(&"é".repeat(64))).unwrap().chars().count(), 64);
    assert_eq!(
        f(Some(&"a".repeat(65))).unwrap_err(),
        KeyError::SubjectTooLong {
            field: "common name",
            len: 65
        }
    );
    assert_eq!(f(Some("a\nb")).unwrap_err().code(), "subject-invalid-characters");
    assert_eq!(generate::default_common_name(Some(" acme ")), "IMS Link acme");
    assert_eq!(generate::default_common_name(Some("")), "IMS Link");
    let opts = KeyOptions {
        organization: Some("o".repeat(70)),
        ..Default::default()
    };
    let e = generate(&opts, NOW).unwrap_err();
    assert!(e.to_string().contains("organization is 70 characters"), "{e}");
}

#[test]
fn special_characters_in_the_subject_are_data() {
    let key = parse_private_key(&pair(0).key.private_key_pem).unwrap();
    let cert = certificate::UnsignedCertificate::new(&key, "Acme, Inc.+\"x\"", "O=Evil", &[1], NOW, NOW + 1)
        .unwrap()
        .sign_here()
        .unwrap();
    let info = certificate::describe(&cert).unwrap();
    // Two attributes only: the comma, plus and equals signs did not create new ones.
    let independent = x509_cert::Certificate::from_der(cert.der()).unwrap();
    assert_eq!(independent.tbs_certificate().subject().iter().count(), 2);
    assert!(
        info.subject.starts_with("CN=Acme\\, Inc.\\+\\\"x\\\""),
        "{}",
        info.subject
    );
}

#[test]
fn pem_round_trip_gives_the_same_key_and_certificate() {
    let m = pair(0);
    let imported = import(&m.key.private_key_pem, Some(&m.certificate.pem)).unwrap();
    assert_eq!(imported.key, m.key);
    assert_eq!(imported.certificate.as_ref(), Some(&m.certificate));
}

#[test]
fn der_round_trip_gives_the_same_key_and_certificate() {
    let m = pair(0);
    let imported = import(&m.key.private_key_der_base64, Some(&m.certificate.der_base64)).unwrap();
    assert_eq!(imported.key, m.key);
    assert_eq!(imported.certificate.as_ref(), Some(&m.certificate));
    // Binary DER, as read from a .der file.
    let der = STANDARD.decode(&m.key.private_key_der_base64).unwrap();
    let key = parse_private_key_bytes(&der).unwrap();
    assert_eq!(import::describe_key(&key).unwrap(), m.key);
    let key = parse_private_key_bytes(m.key.private_key_pem.as_bytes()).unwrap();
    assert_eq!(import::describe_key(&key).unwrap(), m.key);
}

#[test]
fn pkcs1_pem_and_der_import_to_the_same_pkcs8() {
    let m = pair(0);
    let key = parse_private_key(&m.key.private_key_pem).unwrap().to_rsa().unwrap();
    let pkcs1_pem = key.to_pkcs1_pem(LineEnding::CRLF).unwrap();
    assert!(pkcs1_pem.starts_with("-----BEGIN RSA PRIVATE KEY-----"));
    assert_eq!(import(&pkcs1_pem, None).unwrap().key, m.key);
    let pkcs1_der = STANDARD.encode(key.to_pkcs1_der().unwrap().as_bytes());
    assert_eq!(import(&pkcs1_der, None).unwrap().key, m.key);
    assert_eq!(import(&pkcs1_der, None).unwrap().certificate, None);
}

#[test]
fn pasted_variants_are_accepted() {
    let m = pair(0);
    // A single-line text field turns newlines into spaces.
    let one_line = m.key.private_key_pem.replace('\n', " ");
    assert_eq!(
        import(&one_line, Some(&m.certificate.pem.replace('\n', " ")))
            .unwrap()
            .key,
        m.key
    );
    // Windows line endings and surrounding prose.
    let crlf = format!(
        "Key follows:\r\n{}\r\nthanks",
        m.key.private_key_pem.replace('\n', "\r\n")
    );
    assert_eq!(import(&crlf, None).unwrap().key, m.key);
    // Key and certificate in one file; the certificate field left empty.
    let bundle = format!("{}{}", m.certificate.pem, m.key.private_key_pem);
    let imported = import(&bundle, Some("  ")).unwrap();
    assert_eq!(imported.certificate.as_ref(), Some(&m.certificate));
    // A chain whose first certificate is someone else's.
    let chain = format!("{}{}{}", EC_CERT, pair(1).certificate.pem, m.certificate.pem);
    assert_eq!(
        import(&m.key.private_key_pem, Some(&chain))
            .unwrap()
            .certificate
            .as_ref(),
        Some(&m.certificate)
    );
}

#[test]
fn encrypted_keys_are_named_as_such() {
    assert_eq!(code(import(ENCRYPTED_PKCS8, None)), "encrypted-key");
    assert_eq!(code(import(ENCRYPTED_PKCS1, None)), "encrypted-key");
    assert_eq!(code(import(&pem_to_der_base64(ENCRYPTED_PKCS8), None)), "encrypted-key");
    let msg = import(ENCRYPTED_PKCS1, None).unwrap_err().to_string();
    assert!(msg.contains("protected by a password"), "{msg}");
}

#[test]
fn non_rsa_keys_name_the_algorithm() {
    let e = import(EC_P256_PKCS8, None).unwrap_err();
    assert_eq!(e, KeyError::NotRsa("EC (elliptic curve P-256)".into()));
    assert!(
        e.to_string()
            .starts_with("The private key uses EC (elliptic curve P-256), but"),
        "{e}"
    );
    assert_eq!(
        import(ED25519_PKCS8, None).unwrap_err(),
        KeyError::NotRsa("Ed25519".into())
    );
    assert_eq!(
        import(&pem_to_der_base64(ED25519_PKCS8), None).unwrap_err(),
        KeyError::NotRsa("Ed25519".into())
    );
    assert_eq!(code(import(EC_SEC1, None)), "not-rsa");
}

#[test]
fn certificate_or_public_key_instead_of_private_key() {
    let m = pair(0);
    assert_eq!(code(import(&m.certificate.pem, None)), "certificate-instead-of-key");
    assert_eq!(
        code(import(&m.certificate.der_base64, None)),
        "certificate-instead-of-key"
    );
    assert_eq!(code(import(&m.key.public_key_pem, None)), "public-key-instead-of-key");
    assert_eq!(
        code(import(&pem_to_der_base64(&m.key.public_key_pem), None)),
        "public-key-instead-of-key"
    );
    let der = STANDARD.decode(&m.certificate.der_base64).unwrap();
    assert_eq!(
        parse_private_key_bytes(&der).unwrap_err().code(),
        "certificate-instead-of-key"
    );
}

#[test]
fn garbage_and_truncated_input() {
    let m = pair(0);
    let pem = &m.key.private_key_pem;
    assert_eq!(code(import("", None)), "empty-input");
    assert_eq!(code(import(" \n\t", None)), "empty-input");
    assert_eq!(code(import("hello world", None)), "not-pem-or-der");
    assert_eq!(code(import("{\"iss\": \"x\"}", None)), "not-pem-or-der");
    assert_eq!(
        parse_private_key_bytes(&[0xff, 0xfe, 0x00]).unwrap_err().code(),
        "not-pem-or-der"
    );

    // Cut before the END line.
    let cut = &pem[..pem.len() / 2];
    let e = import(cut, None).unwrap_err();
    assert_eq!(e.code(), "malformed-pem");
    assert!(
        e.to_string().contains("\"-----END PRIVATE KEY-----\" line is missing"),
        "{e}"
    );
    // Whole lines lost in the middle: PEM framing is fine, the DER is short.
    let lines: Vec<&str> = pem.lines().collect();
    let mut short = lines.clone();
    short.drain(5..10);
    assert_eq!(code(import(&short.join("\n"), None)), "invalid-key-data");
    // A character lost: the base64 no longer decodes.
    let mut damaged = lines.clone();
    let line = damaged[3][1..].to_string();
    damaged[3] = &line;
    assert_eq!(code(import(&damaged.join("\n"), None)), "malformed-pem");
    assert_eq!(
        code(import(
            "-----BEGIN PRIVATE KEY-----\nMIIE!!!!\n-----END PRIVATE KEY-----",
            None
        )),
        "malformed-pem"
    );
    assert_eq!(
        code(import("-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----", None)),
        "malformed-pem"
    );
    assert_eq!(
        code(import(
            "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----",
            None
        )),
        "malformed-pem"
    );
    assert_eq!(code(import("-----BEGIN PRIVATE", None)), "malformed-pem");
    // Valid base64, not a key.
    assert_eq!(
        code(import(
            "-----BEGIN PRIVATE KEY-----\naGVsbG8=\n-----END PRIVATE KEY-----",
            None
        )),
        "invalid-key-data"
    );
    assert_eq!(code(import("MAA=", None)), "invalid-key-data");
    assert_eq!(
        code(import(
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----",
            None
        )),
        "unsupported-format"
    );
}

#[test]
fn small_rsa_keys_are_refused_with_their_size() {
    assert_eq!(import(RSA1024_PKCS8, None).unwrap_err(), KeyError::KeyTooSmall(1024));
    assert_eq!(import(RSA1024_PKCS1, None).unwrap_err(), KeyError::KeyTooSmall(1024));
    assert_eq!(
        import(&pem_to_der_base64(RSA1024_PKCS1), None).unwrap_err(),
        KeyError::KeyTooSmall(1024)
    );
    let msg = import(RSA1024_PKCS8, None).unwrap_err().to_string();
    assert!(msg.contains("only 1024 bits") && msg.contains("at least 2048"), "{msg}");
}

#[test]
fn certificate_must_belong_to_the_key() {
    let (a, b) = (pair(0), pair(1));
    assert_eq!(
        code(import(&a.key.private_key_pem, Some(&b.certificate.pem))),
        "key-certificate-mismatch"
    );
    assert_eq!(
        code(import(&a.key.private_key_pem, Some(EC_CERT))),
        "key-certificate-mismatch"
    );
    assert_eq!(
        code(import(&a.key.private_key_pem, Some(&b.certificate.der_base64))),
        "key-certificate-mismatch"
    );
    let key = parse_private_key(&a.key.private_key_pem).unwrap();
    assert!(certificate_matches(
        &parse_certificate(&a.certificate.pem).unwrap(),
        &key
    ));
    assert!(!certificate_matches(
        &parse_certificate(&b.certificate.pem).unwrap(),
        &key
    ));
}

#[test]
fn certificate_field_errors() {
    let a = pair(0);
    let key = &a.key.private_key_pem;
    assert_eq!(code(import(key, Some(key))), "key-instead-of-certificate");
    assert_eq!(
        code(import(key, Some(&a.key.public_key_pem))),
        "key-instead-of-certificate"
    );
    assert_eq!(
        code(import(key, Some(&a.key.private_key_der_base64))),
        "key-instead-of-certificate"
    );
    assert_eq!(code(import(key, Some("not a certificate"))), "not-pem-or-der");
    let cert = &a.certificate.pem;
    let e = import(key, Some(&cert[..cert.len() - 30])).unwrap_err();
    assert_eq!(e.code(), "malformed-pem");
    assert!(e.to_string().starts_with("The certificate text is damaged"), "{e}");
    assert_eq!(
        code(import(
            key,
            Some("-----BEGIN CERTIFICATE-----\naGVsbG8=\n-----END CERTIFICATE-----")
        )),
        "invalid-certificate"
    );
    assert_eq!(
        code(import(
            key,
            Some("-----BEGIN CERTIFICATE REQUEST-----\naGVsbG8=\n-----END CERTIFICATE REQUEST-----")
        )),
        "invalid-certificate"
    );
    assert_eq!(parse_certificate("").unwrap_err().code(), "empty-input");
}

#[test]
fn pkcs8_export_is_what_the_rsa_crate_writes() {
    let m = pair(1);
    let key = parse_private_key(&m.key.private_key_pem).unwrap().to_rsa().unwrap();
    assert_eq!(*key.to_pkcs8_pem(LineEnding::LF).unwrap(), m.key.private_key_pem);
}

#[test]
fn every_code_is_kebab_case_and_every_message_is_a_sentence() {
    let all = [
        KeyError::ValidityOutOfRange(0),
        KeyError::SubjectTooLong {
            field: "common name",
            len: 65,
        },
        KeyError::SubjectInvalidCharacters { field: "organization" },
        KeyError::TimeOutOfRange(1),
        KeyError::NoRandomness("x".into()),
        KeyError::KeyGenerationFailed("x".into()),
        KeyError::CertificateBuildFailed("x".into()),
        KeyError::EmptyInput(Input::PrivateKey),
        KeyError::EncryptedKey,
        KeyError::NotRsa("Ed25519".into()),
        KeyError::CertificateInsteadOfKey,
        KeyError::PublicKeyInsteadOfKey,
        KeyError::UnsupportedFormat("OPENSSH PRIVATE KEY".into()),
        KeyError::MalformedPem {
            input: Input::Certificate,
            reason: "x".into(),
        },
        KeyError::NotPemOrDer(Input::Certificate),
        KeyError::InvalidKeyData("x".into()),
        KeyError::KeyTooSmall(1024),
        KeyError::InvalidCertificate("x".into()),
        KeyError::KeyInsteadOfCertificate,
        KeyError::KeyCertificateMismatch,
        KeyError::EncodingFailed("x".into()),
    ];
    let mut codes: Vec<&str> = all.iter().map(KeyError::code).collect();
    for (e, c) in all.iter().zip(&codes) {
        assert!(c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'), "{c}");
        let msg = e.to_string();
        assert!(msg.ends_with('.'), "{msg}");
    }
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), all.len(), "codes must be distinct");
}

#[test]
fn a_certificate_made_elsewhere_is_checked_for_the_console() {
    let (info, bits) =
        crate::keys::public_certificate(include_str!("testdata/aem-cert-rsa2048.crt")).expect("AEM's certificate");
    assert_eq!(bits, 2048);
    assert!(info.pem.starts_with("-----BEGIN CERTIFICATE-----"));
    assert_eq!(
        crate::keys::public_certificate(include_str!("testdata/aem-cert-rsa1024.crt")).map(|_| ()),
        Err(KeyError::KeyTooSmall(1024))
    );
    assert!(matches!(
        crate::keys::public_certificate(EC_CERT),
        Err(KeyError::NotRsa(_))
    ));
    assert!(crate::keys::public_certificate("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----").is_err());
}

/// Certificates made by the x509-cert builder this crate used before src/keys/der.rs (same key,
/// serial and times): the hand-written writer must give the same bytes, signature included
/// (PKCS#1 v1.5 signatures are deterministic), on both sides of the UTCTime/GeneralizedTime
/// boundary, and with a subject full of RFC 4514 special characters.
#[test]
fn the_writer_reproduces_the_x509_cert_builder_byte_for_byte() {
    let fixtures = [
        (
            include_str!("testdata/x509-cert-made-key.pem"),
            include_str!("testdata/x509-cert-made-cert.pem"),
        ),
        (
            include_str!("testdata/x509-cert-made-2052-key.pem"),
            include_str!("testdata/x509-cert-made-2052-cert.pem"),
        ),
    ];
    for (key_pem, cert_pem) in fixtures {
        let key = parse_private_key(key_pem).unwrap();
        let old = parse_certificate(cert_pem).unwrap();
        let independent = x509_cert::Certificate::from_der(old.der()).unwrap();
        let tbs = independent.tbs_certificate();
        let attr = |i: usize| {
            let value = &tbs.subject().iter().nth(i).unwrap().value;
            std::str::from_utf8(value.value()).unwrap().to_string()
        };
        let (organization, common_name) = (attr(0), attr(1));
        let (not_before, not_after) = old.validity();
        let new = certificate::UnsignedCertificate::new(
            &key,
            &common_name,
            &organization,
            tbs.serial_number().as_bytes(),
            not_before,
            not_after,
        )
        .unwrap()
        .sign_here()
        .unwrap();
        assert_eq!(new.der(), old.der(), "{common_name}");
        // The reader agrees with x509-cert's on what the UI shows.
        let info = certificate::describe(&new).unwrap();
        assert_eq!(info.subject, tbs.subject().to_string());
        assert_eq!(
            info.not_after_rfc3339,
            tbs.validity().not_after.to_date_time().to_string()
        );
        assert_eq!(new.rsa_key_bits(), Some(2048));
        assert!(certificate_matches(&new, &key));
    }
}

/// Subjects of certificates made elsewhere print as x509-cert printed them.
#[test]
fn foreign_subjects_print_as_before() {
    // OpenSSL 3: every usual attribute, a multi-valued RDN, an unknown OID, RFC 4514 specials.
    let rich = include_str!("testdata/openssl-rich-subject-cert.pem");
    for (pem, bits) in [(EC_CERT, None), (rich, Some(2048))] {
        let ours = parse_certificate(pem).unwrap();
        let theirs = x509_cert::Certificate::from_der(ours.der()).unwrap();
        assert_eq!(ours.subject(), theirs.tbs_certificate().subject().to_string());
        assert_eq!(ours.rsa_key_bits(), bits);
    }
}

/// A key whose numbers were damaged without breaking its DER (a changed digit in a prime) is
/// refused on import, as the `rsa` crate refused it, not left for the first signature to fail.
#[test]
fn a_key_whose_numbers_do_not_fit_is_invalid_data() {
    let key = parse_private_key(&pair(0).key.private_key_pem).unwrap();
    let pkcs1 = key.to_rsa().unwrap().to_pkcs1_der().unwrap();
    let mut r = super::der::outer_sequence(pkcs1.as_bytes()).unwrap();
    let mut ints: Vec<Vec<u8>> = (0..9).map(|_| r.expect(0x02).unwrap().raw.to_vec()).collect();
    let p = &mut ints[4];
    let last = p.len() - 1;
    p[last] ^= 0x02;
    let parts: Vec<&[u8]> = ints.iter().map(Vec::as_slice).collect();
    let damaged = super::der::wrap(0x30, &parts);
    let e = import(&STANDARD.encode(&damaged), None).unwrap_err();
    assert_eq!(e.code(), "invalid-key-data", "{e}");
}

#[test]
fn imported_key_reads_back_the_flat_json_it_writes() {
    let key = import(&pair(0).key.private_key_pem, Some(&pair(0).certificate.pem)).unwrap();
    let json = serde_json::to_value(&key).unwrap();
    // One flat object: the private key's fields beside the certificate.
    assert!(json["privateKeyPem"].is_string() && json["certificate"]["pem"].is_string());
    assert_eq!(crate::from_json::from_value::<ImportedKey>(json.clone()).unwrap(), key);
    let mut without = json;
    without.as_object_mut().unwrap().remove("certificate");
    assert_eq!(
        crate::from_json::from_value::<ImportedKey>(without)
            .unwrap()
            .certificate,
        None
    );
}
