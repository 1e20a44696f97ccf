//! The self-signed X.509 v3 certificate, and the exported description of any certificate.

use crate::from_json::FromJson;
use crate::text::{hex, join};
use crate::to_json::ToJson;

use super::der::{self, oid, tag, DerError, Reader, Tlv};
use super::rsa_key::{self, RsaKey};
use super::KeyError;

/// Validity used when the caller does not choose one (Adobe's documented `-days 365`).
pub const DEFAULT_VALIDITY_DAYS: u32 = 365;
/// Longest validity offered; the Console sends expiry e-mails, so long lives are not needed.
pub const MAX_VALIDITY_DAYS: u32 = 3650;
/// Subject O when the caller gives none.
pub const DEFAULT_ORGANIZATION: &str = "IMS Link";
/// `notBefore` lies this far in the past so that a server whose clock runs a little behind
/// the admin's computer does not see a certificate from the future.
pub(crate) const BACKDATE_SECS: u64 = 5 * 60;
/// RFC 5280 upper bound (ub-common-name, ub-organization-name).
const MAX_NAME_CHARS: usize = 64;

/// A certificate in the forms the Developer Console and AEM take, with what the admin
/// needs to recognise it later.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct CertificateInfo {
    /// PEM (`-----BEGIN CERTIFICATE-----`), LF line endings.
    pub pem: String,
    /// DER, base64 (standard alphabet, padded).
    pub der_base64: String,
    /// SHA-1 of the DER, upper-case hex with colons, as `openssl x509 -fingerprint -sha1` shows it.
    pub sha1_fingerprint: String,
    /// SHA-1 of the DER as the Developer Console lists a credential's certificates: lower-case
    /// hex without colons. (Absent from key pairs stored before it existed.)
    #[serde(default)]
    pub sha1_console: String,
    /// SHA-256 of the DER, upper-case hex with colons.
    pub sha256_fingerprint: String,
    /// Start of validity, unix seconds.
    pub not_before: u64,
    /// End of validity, unix seconds.
    pub not_after: u64,
    /// Start of validity, RFC 3339 (`2026-01-01T00:00:00Z`).
    pub not_before_rfc3339: String,
    /// End of validity, RFC 3339.
    pub not_after_rfc3339: String,
    /// Subject as an RFC 4514 string, e.g. `CN=IMS Link acme,O=IMS Link`.
    pub subject: String,
    /// Serial number, upper-case hex without separators, as `openssl x509 -serial` shows it.
    pub serial_hex: String,
}

/// Checks one subject field and applies its default when it is missing or blank.
pub(crate) fn subject_field(value: Option<&str>, default: &str, field: &'static str) -> Result<String, KeyError> {
    let v = value.map(str::trim).filter(|v| !v.is_empty()).unwrap_or(default);
    if v.chars().any(char::is_control) {
        return Err(KeyError::SubjectInvalidCharacters { field });
    }
    let len = v.chars().count();
    if len > MAX_NAME_CHARS {
        return Err(KeyError::SubjectTooLong { field, len });
    }
    Ok(v.to_string())
}

/// `O=<organization>, CN=<common name>` as UTF8Strings.
///
/// Built attribute by attribute rather than parsed from an RFC 4514 string, so that commas,
/// plus signs or quotes typed by the admin are data, not syntax.
fn subject_name(common_name: &str, organization: &str) -> Vec<u8> {
    let rdn = |oid: &[u8], value: &str| {
        let atv = der::wrap(
            tag::SEQUENCE,
            &[&der::tlv(tag::OID, oid), &der::tlv(tag::UTF8_STRING, value.as_bytes())],
        );
        der::tlv(tag::SET, &atv)
    };
    der::wrap(
        tag::SEQUENCE,
        &[
            &rdn(oid::ORGANIZATION, organization),
            &rdn(oid::COMMON_NAME, common_name),
        ],
    )
}

fn time(unix: u64) -> Result<Vec<u8>, KeyError> {
    der::time(unix).ok_or(KeyError::TimeOutOfRange(unix))
}

/// The serial of a new certificate for `key` made at `not_before`: the first 16 bytes of the
/// SHA-256 of its public key and that time, so unique to the key (which WebCrypto's or the
/// `rsa` crate's random source made) and to the moment; 128 bits, above the CA/B Forum's 64-bit
/// minimum; top bit cleared so DER needs no sign byte, first byte non-zero so it stays 16 bytes
/// long. Derived rather than drawn anew from the random source, which the extension's module
/// then does not link at all (getrandom's code and texts: 415 bytes of it gzipped, issue 17).
pub(crate) fn serial_for(key: &RsaKey, not_before: u64) -> [u8; 16] {
    let mut input = key.public_pkcs1();
    input.extend_from_slice(&not_before.to_be_bytes());
    let digest = super::sha::sha256(&input);
    let mut serial = [0u8; 16];
    serial.copy_from_slice(&digest[..16]);
    serial[0] &= 0x7f;
    if serial[0] == 0 {
        serial[0] = 1;
    }
    serial
}

/// Validity start and end (unix seconds) for a certificate made at `now_unix`.
pub(crate) fn validity_bounds(now_unix: u64, validity_days: u32) -> Result<(u64, u64), KeyError> {
    if !(1..=MAX_VALIDITY_DAYS).contains(&validity_days) {
        return Err(KeyError::ValidityOutOfRange(validity_days));
    }
    let not_before = now_unix
        .checked_sub(BACKDATE_SECS)
        .ok_or(KeyError::TimeOutOfRange(now_unix))?;
    let not_after = now_unix
        .checked_add(u64::from(validity_days) * 86_400)
        .ok_or(KeyError::TimeOutOfRange(now_unix))?;
    // Converted now so that an impossible time fails before the slow key generation.
    time(not_before).map_err(|_| KeyError::TimeOutOfRange(now_unix))?;
    time(not_after).map_err(|_| KeyError::TimeOutOfRange(now_unix))?;
    Ok((not_before, not_after))
}

/// The extensions of IMS Link's self-signed end-entity certificate, for the key whose
/// `SubjectPublicKeyInfo` is `spki`.
///
/// A leaf, not a CA:
/// - The Developer Console takes any self-signed X.509 RSA certificate and only reads its
///   public key to verify JWT signatures; it checks no chain, no revocation and no CA flag
///   (adobe-surfaces.md §3). AEM's keystore just stores the certificate beside the private key.
///   Neither needs CA:TRUE.
/// - The key signs JWTs and nothing else. With CA:TRUE and keyCertSign, anyone holding the key
///   could mint certificates that any system which imported ours as trusted would accept; a
///   leaf with `basicConstraints CA:FALSE` and `keyUsage digitalSignature` cannot.
/// - Adobe's own `openssl req -x509` recipe happens to give CA:TRUE only because of
///   OpenSSL's default `v3_ca` section, not because the Console asks for it.
///
/// OpenSSL 3 still treats the certificate as self-signed (`openssl verify -check_ss_sig
/// -CAfile c.pem c.pem` checks its signature), which the integration tests confirm.
fn leaf_extensions(public_pkcs1: &[u8]) -> Vec<u8> {
    // Key identifiers (RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits) let tools
    // and admins match the certificate to its key without comparing moduli; for a
    // self-signed certificate the authority's and the subject's are the same.
    let ski = super::sha::sha1(public_pkcs1);
    let extension = |oid: &[u8], critical: bool, value: &[u8]| {
        let critical: &[u8] = if critical { &[tag::BOOLEAN, 1, 0xff] } else { &[] };
        der::wrap(
            tag::SEQUENCE,
            &[&der::tlv(tag::OID, oid), critical, &der::tlv(tag::OCTET_STRING, value)],
        )
    };
    let extensions = der::wrap(
        tag::SEQUENCE,
        &[
            // basicConstraints: CA:FALSE (an empty SEQUENCE), critical.
            &extension(oid::BASIC_CONSTRAINTS, true, &[tag::SEQUENCE, 0]),
            // keyUsage: digitalSignature only (bit 0 of a 1-bit BIT STRING), critical.
            &extension(oid::KEY_USAGE, true, &[tag::BIT_STRING, 2, 7, 0x80]),
            &extension(
                oid::AUTHORITY_KEY_ID,
                false,
                &der::tlv(tag::SEQUENCE, &der::tlv(0x80, &ski)),
            ),
            &extension(oid::SUBJECT_KEY_ID, false, &der::tlv(tag::OCTET_STRING, &ski)),
        ],
    );
    der::tlv(tag::CONTEXT_3, &extensions)
}

/// A certificate whose to-be-signed part is final and waits for its signature, so the
/// signature can come from this crate or from the browser's WebCrypto (much faster in wasm).
#[derive(Debug, Clone)]
pub struct UnsignedCertificate {
    tbs_der: Vec<u8>,
    #[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
    key: RsaKey,
}

impl UnsignedCertificate {
    /// Lays out a self-signed leaf certificate for `key` (SHA-256 with RSA, PKCS#1 v1.5):
    /// version 3, the serial, issuer = subject = `O=organization, CN=common name`, and the
    /// leaf extensions.
    pub fn new(
        key: &RsaKey,
        common_name: &str,
        organization: &str,
        serial: &[u8],
        not_before: u64,
        not_after: u64,
    ) -> Result<Self, KeyError> {
        let name = subject_name(common_name, organization);
        let validity = der::wrap(tag::SEQUENCE, &[&time(not_before)?, &time(not_after)?]);
        let tbs_der = der::wrap(
            tag::SEQUENCE,
            &[
                // [0] EXPLICIT version v3 (2).
                &[tag::CONTEXT_0, 3, tag::INTEGER, 1, 2],
                &der::unsigned(serial),
                &der::algorithm_with_null(oid::SHA256_WITH_RSA),
                &name,
                &validity,
                &name,
                &key.spki_der(),
                &leaf_extensions(&key.public_pkcs1()),
            ],
        );
        Ok(UnsignedCertificate {
            tbs_der,
            #[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
            key: key.clone(),
        })
    }

    /// The DER bytes the signature covers.
    pub fn tbs_der(&self) -> &[u8] {
        &self.tbs_der
    }

    /// Signs with the `rsa` crate (native builds and the `portable` feature).
    #[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
    pub fn sign_here(self) -> Result<Certificate, KeyError> {
        use rsa::pkcs1v15::{Signature, SigningKey};
        use rsa::signature::{SignatureEncoding, Signer};
        let signer = SigningKey::<sha2::Sha256>::new(self.key.to_rsa()?);
        let signature: Signature = signer
            .try_sign(&self.tbs_der)
            .map_err(|e| KeyError::CertificateBuildFailed(e.to_string()))?;
        self.with_signature(&signature.to_bytes())
    }

    /// Completes the certificate with an RSASSA-PKCS1-v1_5 SHA-256 signature made elsewhere.
    pub fn with_signature(self, signature: &[u8]) -> Result<Certificate, KeyError> {
        let der = der::wrap(
            tag::SEQUENCE,
            &[
                &self.tbs_der,
                &der::algorithm_with_null(oid::SHA256_WITH_RSA),
                &der::bit_string(signature),
            ],
        );
        Certificate::from_der(&der).map_err(|e| KeyError::CertificateBuildFailed(e.to_string()))
    }
}

/// An X.509 certificate, read: its DER and the parts IMS Link shows or compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    der: Vec<u8>,
    serial: Vec<u8>,
    not_before: u64,
    not_after: u64,
    subject: String,
    spki: Vec<u8>,
}

/// RFC 4514 short names of the attributes subjects usually hold (the names OpenSSL and
/// x509-cert print); others print as their OID.
const ATTRIBUTE_NAMES: &[(&[u8], &str)] = &[
    (&[0x55, 0x04, 0x03], "CN"),
    (&[0x55, 0x04, 0x04], "SN"),
    (&[0x55, 0x04, 0x05], "SERIALNUMBER"),
    (&[0x55, 0x04, 0x06], "C"),
    (&[0x55, 0x04, 0x07], "L"),
    (&[0x55, 0x04, 0x08], "ST"),
    (&[0x55, 0x04, 0x09], "STREET"),
    (&[0x55, 0x04, 0x0a], "O"),
    (&[0x55, 0x04, 0x0b], "OU"),
    (&[0x55, 0x04, 0x0c], "TITLE"),
    (&[0x55, 0x04, 0x2a], "GN"),
    (&[0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19], "DC"),
    (&[0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01], "UID"),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01], "EMAIL"),
];

/// One `type=value` of an RFC 4514 string, escaped as RFC 4514 section 2.4 asks.
fn attribute(oid: &[u8], value: Tlv<'_>) -> String {
    let name = ATTRIBUTE_NAMES.iter().find(|(o, _)| *o == oid).map(|(_, n)| *n);
    let text = match value.tag {
        tag::UTF8_STRING | tag::PRINTABLE_STRING | tag::IA5_STRING | tag::TELETEX_STRING => {
            std::str::from_utf8(value.value).ok()
        }
        _ => None,
    };
    let (Some(name), Some(text)) = (name, text) else {
        return format!("{}=#{}", der::oid_string(oid), hex(value.raw, false, ""));
    };
    let mut out = format!("{name}=");
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '#' if i == 0 => out.push_str("\\#"),
            ' ' if i == 0 || chars.peek().is_none() => out.push_str("\\ "),
            '"' | '+' | ',' | ';' | '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\x00'..='\x1f' | '\x7f' => {
                out.push('\\');
                out.push_str(&hex(&[c as u8], false, ""));
            }
            _ => out.push(c),
        }
    }
    out
}

/// A Name as RFC 4514 text: RDNs last to first, joined by commas; within one, `+`.
fn name_string(name: &[u8]) -> Result<String, DerError> {
    let mut rdns = Vec::new();
    let mut r = Reader::new(name);
    while !r.is_empty() {
        let mut set = Reader::new(r.expect(tag::SET)?.value);
        let mut atvs = Vec::new();
        while !set.is_empty() {
            let mut atv = set.sequence()?;
            let oid = atv.expect(tag::OID)?.value;
            let value = atv.any()?;
            atv.finish()?;
            atvs.push(attribute(oid, value));
        }
        rdns.push(join(&atvs, "+"));
    }
    rdns.reverse();
    Ok(join(&rdns, ","))
}

impl Certificate {
    /// Reads one DER certificate (RFC 5280 `Certificate`), nothing before or after it.
    pub fn from_der(bytes: &[u8]) -> Result<Certificate, DerError> {
        let mut cert = der::outer_sequence(bytes)?;
        let mut tbs = cert.sequence()?;
        der::algorithm(&mut cert)?;
        cert.expect(tag::BIT_STRING)?;
        cert.finish()?;

        if let Some(version) = tbs.optional(tag::CONTEXT_0)? {
            let mut v = Reader::new(version.value);
            v.expect(tag::INTEGER)?;
            v.finish()?;
        }
        let serial = tbs.expect(tag::INTEGER)?.value.to_vec();
        if serial.is_empty() {
            return Err("the serial number is empty");
        }
        der::algorithm(&mut tbs)?;
        tbs.expect(tag::SEQUENCE)?; // issuer
        let mut validity = tbs.sequence()?;
        let not_before = der::read_time(validity.any()?)?;
        let not_after = der::read_time(validity.any()?)?;
        validity.finish()?;
        let subject = name_string(tbs.expect(tag::SEQUENCE)?.value)?;
        let spki = tbs.expect(tag::SEQUENCE)?;
        let mut key = Reader::new(spki.value);
        der::algorithm(&mut key)?;
        key.expect(tag::BIT_STRING)?;
        key.finish()?;
        // issuerUniqueID [1], subjectUniqueID [2], extensions [3].
        for t in [0x81, 0x82, tag::CONTEXT_3] {
            tbs.optional(t)?;
        }
        tbs.finish()?;
        Ok(Certificate {
            der: bytes.to_vec(),
            serial,
            not_before,
            not_after,
            subject,
            spki: spki.raw.to_vec(),
        })
    }

    /// The certificate's DER.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// Its `SubjectPublicKeyInfo` DER.
    pub fn spki_der(&self) -> &[u8] {
        &self.spki
    }

    /// Start and end of validity, unix seconds.
    pub fn validity(&self) -> (u64, u64) {
        (self.not_before, self.not_after)
    }

    /// The subject as RFC 4514 text, e.g. `CN=IMS Link acme,O=IMS Link`.
    pub fn subject(&self) -> &str {
        &self.subject
    }

    /// The serial number's DER content bytes.
    pub fn serial(&self) -> &[u8] {
        &self.serial
    }

    /// Modulus and exponent (big-endian, no leading zeros) when the key is RSA.
    pub fn rsa_public_key(&self) -> Option<(&[u8], &[u8])> {
        let mut r = der::outer_sequence(&self.spki).ok()?;
        let (alg, _) = der::algorithm(&mut r).ok()?;
        let bits = r.expect(tag::BIT_STRING).ok()?.value;
        match (alg == oid::RSA_ENCRYPTION, bits.split_first()) {
            (true, Some((0, public))) => rsa_key::read_public(public).ok(),
            _ => None,
        }
    }

    /// RSA modulus size in bits; `None` when the key is not RSA.
    pub fn rsa_key_bits(&self) -> Option<usize> {
        self.rsa_public_key().map(|(n, _)| rsa_key::bit_len(n))
    }
}

/// Describes a certificate in every form the UI offers.
pub(crate) fn describe(cert: &Certificate) -> Result<CertificateInfo, KeyError> {
    let der = cert.der();
    let sha1 = super::sha::sha1(der);
    Ok(CertificateInfo {
        pem: der::pem("CERTIFICATE", der),
        der_base64: crate::base64_text::encode(der),
        // Upper-case hex with colons, as OpenSSL prints fingerprints.
        sha1_fingerprint: hex(&sha1, true, ":"),
        sha1_console: hex(&sha1, false, ""),
        sha256_fingerprint: hex(&super::sha::sha256(der), true, ":"),
        not_before: cert.not_before,
        not_after: cert.not_after,
        not_before_rfc3339: der::rfc3339(cert.not_before),
        not_after_rfc3339: der::rfc3339(cert.not_after),
        subject: cert.subject.clone(),
        serial_hex: hex(&cert.serial, true, ""),
    })
}
