//! Reading a private key (and its certificate) that the admin already has.
//!
//! Admins paste whatever file they found, so every wrong kind of input gets its own error:
//! a password-protected key, an EC key, the certificate or public key instead of the private
//! key, a half-copied PEM block, a key too small for Adobe.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use rsa::pkcs1::RsaPrivateKeyRef;
use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, PrivateKeyInfoRef};
use rsa::traits::PublicKeyParts;
use rsa::{PrivateKey, PublicKey};
use x509_cert::certificate::Certificate;
use x509_cert::der::asn1::{AnyRef, ObjectIdentifier};
use x509_cert::der::pem::LineEnding;
use x509_cert::der::referenced::OwnedToRef;
use x509_cert::der::{Decode, Reader, SliceReader, Tag, Tagged};
use x509_cert::spki::{AlgorithmIdentifierRef, SubjectPublicKeyInfoRef};

use super::certificate::describe;
use super::{CertificateInfo, ImportedKey, Input, KeyError, PrivateKeyInfo, KEY_BITS};

const OID_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");

/// One `-----BEGIN <label>----- ... -----END <label>-----` block.
struct PemBlock<'a> {
    label: &'a str,
    /// Text between the armour lines, RFC 1421 headers included.
    body: &'a str,
}

impl PemBlock<'_> {
    /// Legacy OpenSSL encryption (`Proc-Type: 4,ENCRYPTED` + `DEK-Info`) lives in headers.
    fn has_encryption_headers(&self) -> bool {
        self.body.contains("Proc-Type:") && self.body.contains("ENCRYPTED")
    }

    fn decode(&self, input: Input) -> Result<Vec<u8>, KeyError> {
        // Header lines ("Name: value") are not base64; drop them.
        let b64: String = self
            .body
            .lines()
            .filter(|l| !l.contains(':'))
            .flat_map(|l| l.chars())
            .filter(|c| !c.is_whitespace())
            .collect();
        if b64.is_empty() {
            return Err(KeyError::MalformedPem {
                input,
                reason: format!("there is nothing between the BEGIN and END lines of the {}", self.label),
            });
        }
        STANDARD.decode(b64.as_bytes()).map_err(|_| KeyError::MalformedPem {
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
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = &rest[start + "-----BEGIN ".len()..];
        let label_end = after
            .find("-----")
            .ok_or_else(|| malformed("the \"-----BEGIN\" line is incomplete".to_string()))?;
        let label = after[..label_end].trim();
        let inner = &after[label_end + "-----".len()..];
        let end_marker = format!("-----END {label}-----");
        let Some(end) = inner.find(&end_marker) else {
            return Err(match inner.find("-----END ") {
                Some(_) if !inner.contains("-----BEGIN ") => malformed(format!(
                    "\"-----BEGIN {label}-----\" is closed by an END line with a different name"
                )),
                _ => malformed(format!(
                    "the \"-----END {label}-----\" line is missing, so the text was cut off"
                )),
            });
        };
        let body = &inner[..end];
        if body.contains("-----") {
            return Err(malformed(format!(
                "the \"-----BEGIN {label}-----\" block is cut off before the next block starts"
            )));
        }
        blocks.push(PemBlock { label, body });
        rest = &inner[end + end_marker.len()..];
    }
    if blocks.is_empty() {
        return Err(malformed("it has no complete \"-----BEGIN ...-----\" line".to_string()));
    }
    Ok(blocks)
}

/// Base64 text of a DER file (no PEM armour), as a file picker that reads binary files gives it.
fn base64_der(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    STANDARD
        .decode(compact.as_bytes())
        .ok()
        .filter(|der| der.first() == Some(&0x30))
}

/// Bit length of a big-endian unsigned integer.
fn bit_len(be: &[u8]) -> usize {
    let be = match be.iter().position(|&b| b != 0) {
        Some(i) => &be[i..],
        None => return 0,
    };
    be.len() * 8 - be[0].leading_zeros() as usize
}

/// A readable name for a PKCS#8 / SPKI algorithm that is not plain RSA.
fn algorithm_name(alg: &AlgorithmIdentifierRef<'_>) -> String {
    let curve = || {
        alg.parameters
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
            .map(|oid| oid.to_string())
    };
    match alg.oid.to_string().as_str() {
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
fn rsa_from_pkcs1(der: &[u8]) -> Result<PrivateKey, KeyError> {
    let parsed = RsaPrivateKeyRef::try_from(der).map_err(|e| KeyError::InvalidKeyData(e.to_string()))?;
    // Checked before building the key: the rsa crate refuses small keys with a vaguer error.
    let bits = bit_len(parsed.modulus.as_bytes());
    if bits < KEY_BITS {
        return Err(KeyError::KeyTooSmall(bits));
    }
    PrivateKey::try_from(parsed).map_err(|e| KeyError::InvalidKeyData(e.to_string()))
}

fn key_from_pkcs8(info: &PrivateKeyInfoRef<'_>) -> Result<PrivateKey, KeyError> {
    if info.algorithm.oid != OID_RSA {
        return Err(KeyError::NotRsa(algorithm_name(&info.algorithm)));
    }
    rsa_from_pkcs1(info.private_key.as_bytes())
}

/// `EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier, OCTET STRING }` with a
/// PKCS#5 (PBES1/PBES2) or PKCS#12 PBE algorithm.
fn is_encrypted_pkcs8(der: &[u8]) -> bool {
    let parse = || -> Result<ObjectIdentifier, x509_cert::der::Error> {
        let mut reader = SliceReader::new(der)?;
        let oid = reader.sequence(|r| {
            let alg = AlgorithmIdentifierRef::decode(r)?;
            AnyRef::decode(r)?.tag().assert_eq(Tag::OctetString)?;
            Ok::<_, x509_cert::der::Error>(alg.oid)
        })?;
        reader.finish()?;
        Ok(oid)
    };
    parse().is_ok_and(|oid| {
        let s = oid.to_string();
        s.starts_with("1.2.840.113549.1.5.") || s.starts_with("1.2.840.113549.1.12.1.")
    })
}

/// Classifies DER bytes given as a private key.
fn key_from_der(der: &[u8]) -> Result<PrivateKey, KeyError> {
    let pkcs8_error = match PrivateKeyInfoRef::try_from(der) {
        Ok(info) => return key_from_pkcs8(&info),
        Err(e) => e,
    };
    if RsaPrivateKeyRef::try_from(der).is_ok() {
        return rsa_from_pkcs1(der);
    }
    if Certificate::from_der(der).is_ok() {
        return Err(KeyError::CertificateInsteadOfKey);
    }
    if SubjectPublicKeyInfoRef::try_from(der).is_ok() || rsa::pkcs1::RsaPublicKeyRef::try_from(der).is_ok() {
        return Err(KeyError::PublicKeyInsteadOfKey);
    }
    if is_encrypted_pkcs8(der) {
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

fn key_from_pem(block: &PemBlock<'_>) -> Result<PrivateKey, KeyError> {
    let input = Input::PrivateKey;
    match block.label {
        "ENCRYPTED PRIVATE KEY" => Err(KeyError::EncryptedKey),
        _ if is_private_key_label(block.label) && block.has_encryption_headers() => Err(KeyError::EncryptedKey),
        "PRIVATE KEY" => {
            let der = block.decode(input)?;
            let info =
                PrivateKeyInfoRef::try_from(der.as_slice()).map_err(|e| KeyError::InvalidKeyData(e.to_string()))?;
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
pub fn parse_private_key(text: &str) -> Result<PrivateKey, KeyError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(KeyError::EmptyInput(Input::PrivateKey));
    }
    if text.contains("-----BEGIN") {
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
pub fn parse_private_key_bytes(bytes: &[u8]) -> Result<PrivateKey, KeyError> {
    match std::str::from_utf8(bytes) {
        Ok(text) if text.contains("-----BEGIN") || bytes.first() != Some(&0x30) => parse_private_key(text),
        _ if bytes.first() == Some(&0x30) => key_from_der(bytes),
        _ => Err(KeyError::NotPemOrDer(Input::PrivateKey)),
    }
}

fn certificate_from_der(der: &[u8]) -> Result<Certificate, KeyError> {
    Certificate::from_der(der).map_err(|e| {
        let is_key = PrivateKeyInfoRef::try_from(der).is_ok()
            || RsaPrivateKeyRef::try_from(der).is_ok()
            || SubjectPublicKeyInfoRef::try_from(der).is_ok();
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
    if !text.contains("-----BEGIN") {
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
pub fn certificate_matches(cert: &Certificate, key: &PrivateKey) -> bool {
    let spki = cert.tbs_certificate().subject_public_key_info().owned_to_ref();
    PublicKey::try_from(spki).is_ok_and(|public| &public == key.as_public_key())
}

/// Describes a private key in the forms AEM and other tools take.
pub(crate) fn describe_key(key: &PrivateKey) -> Result<PrivateKeyInfo, KeyError> {
    let enc = |e: &dyn std::fmt::Display| KeyError::EncodingFailed(e.to_string());
    let der = key.to_pkcs8_der().map_err(|e| enc(&e))?;
    let pem = key.to_pkcs8_pem(LineEnding::LF).map_err(|e| enc(&e))?;
    let public_pem = key
        .as_public_key()
        .to_public_key_pem(LineEnding::LF)
        .map_err(|e| enc(&e))?;
    Ok(PrivateKeyInfo {
        private_key_pem: pem.to_string(),
        private_key_der_base64: STANDARD.encode(der.as_bytes()),
        public_key_pem: public_pem,
        key_bits: bit_len(&key.n_bytes()),
    })
}

/// Imports a private key and, when given, its certificate, and checks that they belong
/// together. Without `cert_text`, a certificate bundled in `key_text` is used if present.
pub fn import(key_text: &str, cert_text: Option<&str>) -> Result<ImportedKey, KeyError> {
    let key = parse_private_key(key_text)?;
    let cert_text = match cert_text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => Some(t),
        None if key_text.contains("-----BEGIN CERTIFICATE-----") => Some(key_text),
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
    let spki = cert.tbs_certificate().subject_public_key_info().owned_to_ref();
    if spki.algorithm.oid != OID_RSA {
        return Err(KeyError::NotRsa(algorithm_name(&spki.algorithm)));
    }
    let public = PublicKey::try_from(spki).map_err(|e| KeyError::InvalidCertificate(e.to_string()))?;
    let bits = bit_len(&public.n_bytes());
    if bits < KEY_BITS {
        return Err(KeyError::KeyTooSmall(bits));
    }
    Ok((describe(&cert)?, bits))
}
