//! The self-signed X.509 v3 certificate, and the exported description of any certificate.

use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use rsa::pkcs1v15::{Signature, SigningKey};
use rsa::signature::{SignatureEncoding, Signer};
use rsa::PrivateKey;
use serde::Serialize;
use sha1::Sha1;
use sha2::{Digest, Sha256};
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::certificate::{Certificate, TbsCertificate};
use x509_cert::der::asn1::{Any, BitString, ObjectIdentifier, Utf8StringRef};
use x509_cert::der::pem::LineEnding;
use x509_cert::der::{DateTime, Decode, Encode, EncodePem};
use x509_cert::ext::pkix::{AuthorityKeyIdentifier, BasicConstraints, KeyUsage, KeyUsages, SubjectKeyIdentifier};
use x509_cert::ext::{Extension, ToExtension};
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{SubjectPublicKeyInfoOwned, SubjectPublicKeyInfoRef};
use x509_cert::time::{Time, Validity};

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

// Evaluated at compile time, so `new_unwrap` cannot panic at run time.
const OID_COMMON_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
const OID_ORGANIZATION: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.10");

/// A certificate in the forms the Developer Console and AEM take, with what the admin
/// needs to recognise it later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
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

/// Self-signed end-entity profile.
///
/// A leaf, not a CA (x509-cert's `cabf::Root` would set CA:TRUE):
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
struct SelfSignedLeaf {
    subject: Name,
}

impl BuilderProfile for SelfSignedLeaf {
    fn get_issuer(&self, subject: &Name) -> Name {
        subject.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        spk: SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: SubjectPublicKeyInfoRef<'_>,
        tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        let mut extensions: Vec<Extension> = Vec::new();
        let ski = SubjectKeyIdentifier::try_from(spk)?;
        extensions.push(
            BasicConstraints {
                ca: false,
                path_len_constraint: None,
            }
            .to_extension(tbs.subject(), &extensions)?,
        );
        extensions.push(KeyUsage(KeyUsages::DigitalSignature.into()).to_extension(tbs.subject(), &extensions)?);
        // Identifiers let tools (and admins) match this certificate to the key without
        // comparing moduli; for a self-signed certificate both hold the same value.
        extensions.push(
            AuthorityKeyIdentifier {
                key_identifier: Some(ski.0.clone()),
                ..Default::default()
            }
            .to_extension(tbs.subject(), &extensions)?,
        );
        extensions.push(ski.to_extension(tbs.subject(), &extensions)?);
        Ok(extensions)
    }
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
fn subject_name(common_name: &str, organization: &str) -> Result<Name, KeyError> {
    let build = || -> Result<Name, x509_cert::der::Error> {
        let mut rdns = RdnSequence::default();
        for (oid, value) in [(OID_ORGANIZATION, organization), (OID_COMMON_NAME, common_name)] {
            let atv = AttributeTypeAndValue {
                oid,
                value: Any::encode_from(&Utf8StringRef::new(value)?)?,
            };
            rdns.push(RelativeDistinguishedName::try_from(vec![atv])?);
        }
        // `Name` has no safe constructor from parts; a DER round trip is the checked way.
        Name::from_der(&rdns.to_der()?)
    };
    build().map_err(|e| KeyError::CertificateBuildFailed(format!("subject: {e}")))
}

fn time(unix: u64) -> Result<Time, KeyError> {
    DateTime::from_unix_duration(Duration::from_secs(unix))
        .map(Time::from)
        .map_err(|_| KeyError::TimeOutOfRange(unix))
}

/// A random positive serial: 16 bytes (128 bits, above the CA/B Forum's 64-bit minimum),
/// top bit cleared so DER needs no sign byte, first byte non-zero so it stays 16 bytes long.
pub(crate) fn random_serial() -> Result<[u8; 16], KeyError> {
    let mut serial = [0u8; 16];
    getrandom::fill(&mut serial).map_err(|e| KeyError::NoRandomness(e.to_string()))?;
    serial[0] &= 0x7f;
    if serial[0] == 0 {
        serial[0] = 1;
    }
    Ok(serial)
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

/// A certificate whose to-be-signed part is final and waits for its signature, so the
/// signature can come from this crate or from the browser's WebCrypto (much faster in wasm).
pub struct UnsignedCertificate {
    builder: CertificateBuilder<SelfSignedLeaf>,
    signer: SigningKey<Sha256>,
    tbs_der: Vec<u8>,
}

impl UnsignedCertificate {
    /// Lays out a self-signed leaf certificate for `key` (SHA-256 with RSA, PKCS#1 v1.5).
    pub fn new(
        key: &PrivateKey,
        common_name: &str,
        organization: &str,
        serial: &[u8],
        not_before: u64,
        not_after: u64,
    ) -> Result<Self, KeyError> {
        let build_err = |e: &dyn std::fmt::Display| KeyError::CertificateBuildFailed(e.to_string());
        let validity = Validity::new(time(not_before)?, time(not_after)?);
        let subject = subject_name(common_name, organization)?;
        let serial = SerialNumber::new(serial).map_err(|e| build_err(&e))?;
        let spki = SubjectPublicKeyInfoOwned::from_key(key.as_public_key()).map_err(|e| build_err(&e))?;
        let mut builder =
            CertificateBuilder::new(SelfSignedLeaf { subject }, serial, validity, spki).map_err(|e| build_err(&e))?;
        // The signer only supplies the algorithm identifier and public key here.
        let signer = SigningKey::<Sha256>::new(key.clone());
        let tbs_der = builder.finalize(&signer).map_err(|e| build_err(&e))?;
        Ok(UnsignedCertificate {
            builder,
            signer,
            tbs_der,
        })
    }

    /// The DER bytes the signature covers.
    pub fn tbs_der(&self) -> &[u8] {
        &self.tbs_der
    }

    /// Signs with this crate's RSA implementation.
    pub fn sign_here(self) -> Result<Certificate, KeyError> {
        let signature: Signature = self
            .signer
            .try_sign(&self.tbs_der)
            .map_err(|e| KeyError::CertificateBuildFailed(e.to_string()))?;
        self.with_signature(&signature.to_bytes())
    }

    /// Completes the certificate with an RSASSA-PKCS1-v1_5 SHA-256 signature made elsewhere.
    pub fn with_signature(self, signature: &[u8]) -> Result<Certificate, KeyError> {
        let build_err = |e: &dyn std::fmt::Display| KeyError::CertificateBuildFailed(e.to_string());
        let bits = BitString::from_bytes(signature).map_err(|e| build_err(&e))?;
        self.builder.assemble(bits, &self.signer).map_err(|e| build_err(&e))
    }
}

/// Upper-case hex with colons, like OpenSSL prints fingerprints.
fn colon_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect::<Vec<_>>().join(":")
}

/// Describes a certificate in every form the UI offers.
pub(crate) fn describe(cert: &Certificate) -> Result<CertificateInfo, KeyError> {
    let der = cert.to_der().map_err(|e| KeyError::EncodingFailed(e.to_string()))?;
    let pem = cert
        .to_pem(LineEnding::LF)
        .map_err(|e| KeyError::EncodingFailed(e.to_string()))?;
    let tbs = cert.tbs_certificate();
    let validity = tbs.validity();
    Ok(CertificateInfo {
        pem,
        der_base64: STANDARD.encode(&der),
        sha1_fingerprint: colon_hex(&Sha1::digest(&der)),
        sha1_console: Sha1::digest(&der).iter().map(|b| format!("{b:02x}")).collect(),
        sha256_fingerprint: colon_hex(&Sha256::digest(&der)),
        not_before: validity.not_before.to_unix_duration().as_secs(),
        not_after: validity.not_after.to_unix_duration().as_secs(),
        not_before_rfc3339: validity.not_before.to_date_time().to_string(),
        not_after_rfc3339: validity.not_after.to_date_time().to_string(),
        subject: tbs.subject().to_string(),
        serial_hex: tbs
            .serial_number()
            .as_bytes()
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect(),
    })
}
