//! Reading a private key (and its certificate) that the admin already has.
//!
//! Admins paste whatever file they found, so every wrong kind of input gets its own error:
//! a password-protected key, an EC key, the certificate or public key instead of the private
//! key, a half-copied PEM block, a key too small for Adobe.

use super::certificate::{describe, Certificate};
use super::der::{self, oid, tag, DerError, Tlv};
use super::rsa_key::{self, Pkcs1Error, RsaKey};
use super::{CertificateInfo, ImportedKey, Input, KeyError, PrivateKeyInfo, KEY_BITS};
use crate::text::{kept, Search};

/// One `-----BEGIN <label>----- ... -----END <label>-----` block.
struct PemBlock<'a> {
    label: &'a str,
    /// Text between the armour lines, RFC 1421 headers included.
    body: &'a str,
}

impl PemBlock<'_> {
    /// Legacy OpenSSL encryption (`Proc-Type: 4,ENCRYPTED` + `DEK-Info`) lives in headers.
    fn has_encryption_headers(&self) -> bool {
        self.body.contains_text("Proc-Type:") && self.body.contains_text("ENCRYPTED")
    }

    fn decode(&self, input: Input) -> Result<Vec<u8>, KeyError> {
        // Header lines ("Name: value") are not base64; drop them.
        let b64: String = self
            .body
            .split_ascii(b'\n')
            .filter(|l| !l.contains_char(':'))
            .flat_map(|l| l.chars())
            .filter(|c| !c.is_whitespace())
            .collect();
        if b64.is_empty() {
            return Err(KeyError::MalformedPem {
                input,
                reason: format!("there is nothing between the BEGIN and END lines of the {}", self.label),
            });
        }
        crate::base64_text::decode(b64.as_bytes()).ok_or_else(|| KeyError::MalformedPem {
            input,
            reason: "the text between the BEGIN and END lines is not valid base64 (characters were lost or added)"
                .to_string(),
        })
    }
}

/// Splits text into PEM blocks. Works on one line too, because a single-line text field
/// turns the newlines of a pasted PEM file into spaces.
fn pem_blocks(text: &str, input: Input) -> Result<Vec<PemBlock<'_>>, KeyError> {
    let malformed = |reason: String| KeyError::MalformedPem { input, reason };
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some((_, after)) = rest.split_once_text("-----BEGIN ") {
        let (label, inner) = after
            .split_once_text("-----")
            .ok_or_else(|| malformed("the \"-----BEGIN\" line is incomplete".to_string()))?;
        let label = label.trim();
        let end_marker = format!("-----END {label}-----");
        let Some((body, next)) = inner.split_once_text(&end_marker) else {
            return Err(match inner.find_text("-----END ") {
                Some(_) if !inner.contains_text("-----BEGIN ") => malformed(format!(
                    "\"-----BEGIN {label}-----\" is closed by an END line with a different name"
                )),
                _ => malformed(format!(
                    "the \"-----END {label}-----\" line is missing, so the text was cut off"
                )),
            });
        };
        if body.contains_text("-----") {
            return Err(malformed(format!(
                "the \"-----BEGIN {label}-----\" block is cut off before the next block starts"
            )));
        }
        blocks.push(PemBlock { label, body });
        rest = next;
    }
    if blocks.is_empty() {
        return Err(malformed("it has no complete \"-----BEGIN ...-----\" line".to_string()));
    }
    Ok(blocks)
}

/// Base64 text of a DER file (no PEM armour), as a file picker that reads binary files gives it.
fn base64_der(text: &str) -> Option<Vec<u8>> {
    let compact = kept(text, |c| !c.is_whitespace());
    crate::base64_text::decode(compact.as_bytes()).filter(|der| der.first() == Some(&0x30))
}

/// A readable name for a PKCS#8 / SPKI algorithm that is not plain RSA.
fn algorithm_name(alg_oid: &[u8], params: Option<Tlv<'_>>) -> String {
    let curve = || params.filter(|p| p.tag == tag::OID).map(|p| der::oid_string(p.value));
    match der::oid_string(alg_oid).as_str() {
        "1.2.840.10045.2.1" => match curve().as_deref() {
            Some("1.2.840.10045.3.1.7") => "EC (elliptic curve P-256)".to_string(),
            Some("1.3.132.0.34") => "EC (elliptic curve P-384)".to_string(),
            Some("1.3.132.0.35") => "EC (elliptic curve P-521)".to_string(),
            Some("1.3.132.0.10") => "EC (elliptic curve secp256k1)".to_string(),
            Some(other) => format!("EC (elliptic curve {other})"),
            None => "EC (elliptic curve)".to_string(),
        },
        "1.3.101.112" => "Ed25519".to_string(),
        "1.3.101.113" => "Ed448".to_string(),
        "1.3.101.110" => "X25519".to_string(),
        "1.3.101.111" => "X448".to_string(),
        "1.2.840.10040.4.1" => "DSA".to_string(),
        "1.2.840.113549.1.1.10" => "RSA-PSS (an RSA key restricted to PSS signatures, unusable for RS256)".to_string(),
        other => format!("the algorithm with OID {other}"),
    }
}

/// PKCS#1 `RSAPrivateKey` DER to a checked key of at least 2048 bits.
fn rsa_from_pkcs1(der: &[u8]) -> Result<RsaKey, KeyError> {
    RsaKey::from_pkcs1(der).map_err(|e| match e {
        Pkcs1Error::Malformed(e) | Pkcs1Error::Inconsistent(e) => KeyError::InvalidKeyData(e.to_string()),
        Pkcs1Error::TooSmall(bits) => KeyError::KeyTooSmall(bits),
    })
}

/// `PrivateKeyInfo` (PKCS#8 v1 or v2): the algorithm, its parameters and the key bytes.
struct Pkcs8<'a> {
    oid: &'a [u8],
    params: Option<Tlv<'a>>,
    private_key: &'a [u8],
}

fn read_pkcs8(der_bytes: &[u8]) -> Result<Pkcs8<'_>, DerError> {
    let mut r = der::outer_sequence(der_bytes)?;
    let version = r.unsigned()?;
    if version != [0] && version != [1] {
        return Err("the PKCS#8 version is unknown");
    }
    let (oid, params) = der::algorithm(&mut r)?;
    let private_key = r.expect(tag::OCTET_STRING)?.value;
    // attributes [0], publicKey [1] (v2)
    r.optional(tag::CONTEXT_0)?;
    if r.optional(0x81)?.is_none() {
        r.optional(0xa1)?;
    }
    r.finish()?;
    Ok(Pkcs8 {
        oid,
        params,
        private_key,
    })
}

fn key_from_pkcs8(info: &Pkcs8<'_>) -> Result<RsaKey, KeyError> {
    if info.oid != oid::RSA_ENCRYPTION {
        return Err(KeyError::NotRsa(algorithm_name(info.oid, info.params)));
    }
    rsa_from_pkcs1(info.private_key)
}

/// `SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier, BIT STRING }`.
fn is_spki(der_bytes: &[u8]) -> bool {
    let parse = || -> Result<(), DerError> {
        let mut r = der::outer_sequence(der_bytes)?;
        der::algorithm(&mut r)?;
        r.expect(tag::BIT_STRING)?;
        r.finish()
    };
    parse().is_ok()
}

/// `EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier, OCTET STRING }` with a
/// PKCS#5 (PBES1/PBES2) or PKCS#12 PBE algorithm.
fn is_encrypted_pkcs8(der_bytes: &[u8]) -> bool {
    // 1.2.840.113549.1.5.* and 1.2.840.113549.1.12.1.*
    const PKCS5: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05];
    const PKCS12_PBE: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01];
    let parse = || -> Result<&[u8], DerError> {
        let mut r = der::outer_sequence(der_bytes)?;
        let (oid, _) = der::algorithm(&mut r)?;
        r.expect(tag::OCTET_STRING)?;
        r.finish()?;
        Ok(oid)
    };
    parse().is_ok_and(|oid| {
        [PKCS5, PKCS12_PBE]
            .iter()
            .any(|p| oid.len() > p.len() && oid.starts_with(p))
    })
}

/// Whether the bytes are shaped like a PKCS#1 `RSAPrivateKey`, usable or not.
fn is_pkcs1_private(der_bytes: &[u8]) -> bool {
    !matches!(RsaKey::from_pkcs1(der_bytes), Err(Pkcs1Error::Malformed(_)))
}

/// Classifies DER bytes given as a private key.
fn key_from_der(der_bytes: &[u8]) -> Result<RsaKey, KeyError> {
    let pkcs8_error = match read_pkcs8(der_bytes) {
        Ok(info) => return key_from_pkcs8(&info),
        Err(e) => e,
    };
    if is_pkcs1_private(der_bytes) {
        return rsa_from_pkcs1(der_bytes);
    }
    if Certificate::from_der(der_bytes).is_ok() {
        return Err(KeyError::CertificateInsteadOfKey);
    }
    if is_spki(der_bytes) || rsa_key::read_public(der_bytes).is_ok() {
        return Err(KeyError::PublicKeyInsteadOfKey);
    }
    if is_encrypted_pkcs8(der_bytes) {
        return Err(KeyError::EncryptedKey);
    }
    Err(KeyError::InvalidKeyData(pkcs8_error.to_string()))
}

fn is_private_key_label(label: &str) -> bool {
    label.ends_with("PRIVATE KEY")
}

fn is_certificate_label(label: &str) -> bool {
    matches!(label, "CERTIFICATE" | "X509 CERTIFICATE")
}

fn key_from_pem(block: &PemBlock<'_>) -> Result<RsaKey, KeyError> {
    let input = Input::PrivateKey;
    match block.label {
        "ENCRYPTED PRIVATE KEY" => Err(KeyError::EncryptedKey),
        _ if is_private_key_label(block.label) && block.has_encryption_headers() => Err(KeyError::EncryptedKey),
        "PRIVATE KEY" => {
            let der = block.decode(input)?;
            let info = read_pkcs8(&der).map_err(|e| KeyError::InvalidKeyData(e.to_string()))?;
            key_from_pkcs8(&info)
        }
        "RSA PRIVATE KEY" => rsa_from_pkcs1(&block.decode(input)?),
        "EC PRIVATE KEY" => Err(KeyError::NotRsa("EC (elliptic curve)".to_string())),
        "DSA PRIVATE KEY" => Err(KeyError::NotRsa("DSA".to_string())),
        "PUBLIC KEY" | "RSA PUBLIC KEY" => Err(KeyError::PublicKeyInsteadOfKey),
        label if is_certificate_label(label) || label == "TRUSTED CERTIFICATE" => {
            Err(KeyError::CertificateInsteadOfKey)
        }
        other => Err(KeyError::UnsupportedFormat(other.to_string())),
    }
}

/// Reads an unencrypted RSA private key (2048 bits or more) from PKCS#8 PEM
/// (`BEGIN PRIVATE KEY`), PKCS#1 PEM (`BEGIN RSA PRIVATE KEY`), or the base64 text of
/// either in DER. When the text holds several PEM blocks (a key + certificate bundle),
/// the private key block is used.
pub fn parse_private_key(text: &str) -> Result<RsaKey, KeyError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(KeyError::EmptyInput(Input::PrivateKey));
    }
    if text.contains_text("-----BEGIN") {
        let blocks = pem_blocks(text, Input::PrivateKey)?;
        let block = blocks
            .iter()
            .find(|b| is_private_key_label(b.label))
            .or_else(|| blocks.first())
            .ok_or(KeyError::NotPemOrDer(Input::PrivateKey))?;
        return key_from_pem(block);
    }
    let der = base64_der(text).ok_or(KeyError::NotPemOrDer(Input::PrivateKey))?;
    key_from_der(&der)
}

/// Reads a private key from file bytes: PEM text, or binary DER.
pub fn parse_private_key_bytes(bytes: &[u8]) -> Result<RsaKey, KeyError> {
    match std::str::from_utf8(bytes) {
        Ok(text) if text.contains_text("-----BEGIN") || bytes.first() != Some(&0x30) => parse_private_key(text),
        _ if bytes.first() == Some(&0x30) => key_from_der(bytes),
        _ => Err(KeyError::NotPemOrDer(Input::PrivateKey)),
    }
}

fn certificate_from_der(der: &[u8]) -> Result<Certificate, KeyError> {
    Certificate::from_der(der).map_err(|e| {
        let is_key = read_pkcs8(der).is_ok() || is_pkcs1_private(der) || is_spki(der);
        if is_key {
            KeyError::KeyInsteadOfCertificate
        } else {
            KeyError::InvalidCertificate(e.to_string())
        }
    })
}

/// Every certificate in the text (PEM, possibly several, or base64 DER).
fn parse_certificates(text: &str) -> Result<Vec<Certificate>, KeyError> {
    let input = Input::Certificate;
    if !text.contains_text("-----BEGIN") {
        let der = base64_der(text).ok_or(KeyError::NotPemOrDer(input))?;
        return Ok(vec![certificate_from_der(&der)?]);
    }
    let blocks = pem_blocks(text, input)?;
    let certs = blocks
        .iter()
        .filter(|b| is_certificate_label(b.label))
        .map(|b| certificate_from_der(&b.decode(input)?))
        .collect::<Result<Vec<_>, _>>()?;
    if certs.is_empty() {
        let first = blocks.first().map(|b| b.label).unwrap_or_default();
        if first.ends_with("KEY") {
            return Err(KeyError::KeyInsteadOfCertificate);
        }
        return Err(KeyError::InvalidCertificate(format!(
            "the text is a \"{first}\" block, not a \"CERTIFICATE\""
        )));
    }
    Ok(certs)
}

/// Reads a certificate: PEM (`BEGIN CERTIFICATE`) or base64 DER text.
pub fn parse_certificate(text: &str) -> Result<Certificate, KeyError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(KeyError::EmptyInput(Input::Certificate));
    }
    parse_certificates(text)?
        .into_iter()
        .next()
        .ok_or(KeyError::EmptyInput(Input::Certificate))
}

/// Whether the certificate carries `key`'s public key. Compares modulus and exponent, not
/// SPKI bytes, so an encoder's choice of absent vs NULL parameters does not matter.
pub fn certificate_matches(cert: &Certificate, key: &RsaKey) -> bool {
    cert.rsa_public_key() == Some(key.public_parts())
}

/// Describes a private key in the forms AEM and other tools take.
pub(crate) fn describe_key(key: &RsaKey) -> Result<PrivateKeyInfo, KeyError> {
    Ok(PrivateKeyInfo {
        private_key_pem: der::pem("PRIVATE KEY", key.pkcs8_der()),
        private_key_der_base64: crate::base64_text::encode(key.pkcs8_der()),
        public_key_pem: der::pem("PUBLIC KEY", &key.spki_der()),
        key_bits: key.bits(),
    })
}

/// Imports a private key and, when given, its certificate, and checks that they belong
/// together. Without `cert_text`, a certificate bundled in `key_text` is used if present.
pub fn import(key_text: &str, cert_text: Option<&str>) -> Result<ImportedKey, KeyError> {
    let key = parse_private_key(key_text)?;
    let cert_text = match cert_text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => Some(t),
        None if key_text.contains_text("-----BEGIN CERTIFICATE-----") => Some(key_text),
        None => None,
    };
    let certificate = match cert_text {
        None => None,
        Some(text) => {
            // A bundle may hold a chain; the certificate for this key can be anywhere in it.
            let cert = parse_certificates(text)?
                .into_iter()
                .find(|c| certificate_matches(c, &key))
                .ok_or(KeyError::KeyCertificateMismatch)?;
            Some(describe(&cert)?)
        }
    };
    Ok(ImportedKey {
        key: describe_key(&key)?,
        certificate,
    })
}

/// A public key certificate made elsewhere (AEM's "Create certificate"), checked for what the
/// Developer Console takes: X.509 with an RSA key of at least 2048 bits. Public data: no
/// private key is read or needed.
pub fn public_certificate(text: &str) -> Result<(CertificateInfo, usize), KeyError> {
    let cert = parse_certificate(text)?;
    let bits = match cert.rsa_key_bits() {
        Some(bits) => bits,
        None => {
            let mut r =
                der::outer_sequence(cert.spki_der()).map_err(|e| KeyError::InvalidCertificate(e.to_string()))?;
            let (alg, params) = der::algorithm(&mut r).map_err(|e| KeyError::InvalidCertificate(e.to_string()))?;
            return Err(KeyError::NotRsa(algorithm_name(alg, params)));
        }
    };
    if bits < KEY_BITS {
        return Err(KeyError::KeyTooSmall(bits));
    }
    Ok((describe(&cert)?, bits))
}
