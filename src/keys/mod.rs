//! The RSA key pair and self-signed certificate that bind AEM to an Adobe Developer Console
//! credential (adobe-surfaces.md §3): generated here, or imported from files the admin has.
//!
//! Nothing in this module reads the clock: the caller passes the time as unix seconds,
//! because `SystemTime::now()` panics on wasm32 and a fixed time keeps tests exact.

mod certificate;
mod der;
mod generate;
mod import;
mod rsa_key;
mod sha;

use std::fmt;

use crate::from_json::FromJson;
use crate::to_json::ToJson;

use crate::error::JsErrorInfo;

pub use certificate::{Certificate, UnsignedCertificate};
pub use certificate::{CertificateInfo, DEFAULT_ORGANIZATION, DEFAULT_VALIDITY_DAYS, MAX_VALIDITY_DAYS};
#[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
pub use generate::{generate, generate_with};
pub use generate::{material, KeyPlan};
pub use import::{
    certificate_matches, import, parse_certificate, parse_private_key, parse_private_key_bytes, public_certificate,
};
pub use rsa_key::RsaKey;

/// RSA modulus size of generated keys, and the smallest size accepted on import.
pub const KEY_BITS: usize = 2048;

/// The public exponent of generated keys, 65537, big-endian as WebCrypto takes it.
pub const PUBLIC_EXPONENT: [u8; 3] = [1, 0, 1];

/// WebCrypto's names of what every IMS Link signature is: RSASSA-PKCS1-v1_5 with SHA-256
/// (RS256), what the Developer Console and AEM take.
pub const WEBCRYPTO_ALGORITHM: &str = "RSASSA-PKCS1-v1_5";
/// See [`WEBCRYPTO_ALGORITHM`].
pub const WEBCRYPTO_HASH: &str = "SHA-256";

/// What the admin may choose for a new certificate; every field has a default.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct KeyOptions {
    /// The Target tenant, used in the default common name "IMS Link <tenant>".
    pub tenant: Option<String>,
    /// Subject CN; defaults to "IMS Link <tenant>", or "IMS Link" without a tenant.
    pub common_name: Option<String>,
    /// Subject O; defaults to "IMS Link".
    pub organization: Option<String>,
    /// Days the certificate stays valid, 1 to 3650; defaults to 365 (Adobe's usual choice).
    pub validity_days: Option<u32>,
}

/// A private key in the forms AEM's keystore and other tools take.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct PrivateKeyInfo {
    /// PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), unencrypted.
    pub private_key_pem: String,
    /// The same PKCS#8 key as DER, base64 (standard alphabet, padded).
    pub private_key_der_base64: String,
    /// The public key as SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`).
    pub public_key_pem: String,
    /// RSA modulus size in bits.
    pub key_bits: usize,
}

/// A freshly generated key pair with its self-signed certificate.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct KeyMaterial {
    /// The private key.
    #[serde(flatten)]
    pub key: PrivateKeyInfo,
    /// The certificate to upload to the Developer Console and store in AEM.
    pub certificate: CertificateInfo,
}

/// A key the admin already had, with its certificate when one was given.
#[derive(Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", from = "ImportedKeyFields")]
pub struct ImportedKey {
    /// The private key, re-encoded as unencrypted PKCS#8.
    #[serde(flatten)]
    pub key: PrivateKeyInfo,
    /// The certificate, checked to carry this key's public key; `None` when none was given.
    pub certificate: Option<CertificateInfo>,
}

/// [`ImportedKey`]'s JSON, read as one flat object: serde reads a `flatten` field by buffering
/// the object in its private `Content` first, code kept in the module for this one type.
/// Written, it is still `flatten`; the JSON is the same either way.
#[derive(Default, FromJson)]
#[serde(rename_all = "camelCase")]
struct ImportedKeyFields {
    private_key_pem: String,
    private_key_der_base64: String,
    public_key_pem: String,
    key_bits: usize,
    certificate: Option<CertificateInfo>,
}

impl From<ImportedKeyFields> for ImportedKey {
    fn from(f: ImportedKeyFields) -> Self {
        ImportedKey {
            key: PrivateKeyInfo {
                private_key_pem: f.private_key_pem,
                private_key_der_base64: f.private_key_der_base64,
                public_key_pem: f.public_key_pem,
                key_bits: f.key_bits,
            },
            certificate: f.certificate,
        }
    }
}

/// Which pasted text an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// The private key field.
    PrivateKey,
    /// The certificate field.
    Certificate,
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Input::PrivateKey => "private key",
            Input::Certificate => "certificate",
        })
    }
}

/// Why a key pair could not be generated, imported or exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// The validity period is outside 1..=3650 days.
    ValidityOutOfRange(u32),
    /// A subject field is longer than X.509 allows (64 characters).
    SubjectTooLong {
        /// "common name" or "organization".
        field: &'static str,
        /// Its length in characters.
        len: usize,
    },
    /// A subject field holds control characters.
    SubjectInvalidCharacters {
        /// "common name" or "organization".
        field: &'static str,
    },
    /// The time passed in cannot be written into a certificate.
    TimeOutOfRange(u64),
    /// The platform gave no random numbers (the `rsa` crate's key generation: WebCrypto's
    /// reports its own failure).
    #[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
    NoRandomness(String),
    /// The RSA key generation itself failed.
    KeyGenerationFailed(String),
    /// Encoding or signing the certificate failed.
    CertificateBuildFailed(String),
    /// Nothing was pasted or selected.
    EmptyInput(Input),
    /// The key is password-protected.
    EncryptedKey,
    /// The key is not RSA; holds the algorithm found.
    NotRsa(String),
    /// A certificate was given where the private key was expected.
    CertificateInsteadOfKey,
    /// A public key was given where the private key was expected.
    PublicKeyInsteadOfKey,
    /// A PEM block of a kind this tool does not read (OpenSSH key, certificate request...).
    UnsupportedFormat(String),
    /// PEM armour is there but broken: missing END line, bad base64, mismatched labels.
    MalformedPem {
        /// Which field.
        input: Input,
        /// What is wrong.
        reason: String,
    },
    /// The text is neither PEM nor base64 DER.
    NotPemOrDer(Input),
    /// The bytes decode but are not a complete private key (truncated or corrupted).
    InvalidKeyData(String),
    /// The RSA key is smaller than 2048 bits; holds its size.
    KeyTooSmall(usize),
    /// The certificate text decodes but is not a valid X.509 certificate.
    InvalidCertificate(String),
    /// A private or public key was given where the certificate was expected.
    KeyInsteadOfCertificate,
    /// The certificate carries a different public key than the private key.
    KeyCertificateMismatch,
    /// Re-encoding a key the `rsa` crate made failed (should not happen with a valid key);
    /// only where that crate generates keys.
    #[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
    EncodingFailed(String),
}

impl JsErrorInfo for KeyError {
    fn js_name(&self) -> &'static str {
        "KeyError"
    }

    /// A stable machine-readable code, used by the UI and tests.
    fn code(&self) -> &'static str {
        match self {
            KeyError::ValidityOutOfRange(_) => "validity-out-of-range",
            KeyError::SubjectTooLong { .. } => "subject-too-long",
            KeyError::SubjectInvalidCharacters { .. } => "subject-invalid-characters",
            KeyError::TimeOutOfRange(_) => "time-out-of-range",
            #[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
            KeyError::NoRandomness(_) => "no-randomness",
            KeyError::KeyGenerationFailed(_) => "key-generation-failed",
            KeyError::CertificateBuildFailed(_) => "certificate-build-failed",
            KeyError::EmptyInput(_) => "empty-input",
            KeyError::EncryptedKey => "encrypted-key",
            KeyError::NotRsa(_) => "not-rsa",
            KeyError::CertificateInsteadOfKey => "certificate-instead-of-key",
            KeyError::PublicKeyInsteadOfKey => "public-key-instead-of-key",
            KeyError::UnsupportedFormat(_) => "unsupported-format",
            KeyError::MalformedPem { .. } => "malformed-pem",
            KeyError::NotPemOrDer(_) => "not-pem-or-der",
            KeyError::InvalidKeyData(_) => "invalid-key-data",
            KeyError::KeyTooSmall(_) => "key-too-small",
            KeyError::InvalidCertificate(_) => "invalid-certificate",
            KeyError::KeyInsteadOfCertificate => "key-instead-of-certificate",
            KeyError::KeyCertificateMismatch => "key-certificate-mismatch",
            #[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
            KeyError::EncodingFailed(_) => "encoding-failed",
        }
    }
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::ValidityOutOfRange(days) => write!(
                f,
                "A validity of {days} days is not possible: choose between 1 and {MAX_VALIDITY_DAYS} days (Adobe's usual choice is {DEFAULT_VALIDITY_DAYS})."
            ),
            KeyError::SubjectTooLong { field, len } => write!(
                f,
                "The certificate's {field} is {len} characters long; X.509 allows at most 64. Shorten it."
            ),
            KeyError::SubjectInvalidCharacters { field } => write!(
                f,
                "The certificate's {field} contains control characters (line breaks, tabs). Type it on one line without them."
            ),
            KeyError::TimeOutOfRange(t) => write!(
                f,
                "The time {t} (unix seconds) cannot be written into a certificate. Check the computer's clock and try again."
            ),
            #[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
            KeyError::NoRandomness(e) => write!(
                f,
                "The browser gave no random numbers ({e}), so no safe key can be made. Reload the extension and try again."
            ),
            KeyError::KeyGenerationFailed(e) => {
                write!(f, "Generating the RSA key failed ({e}). Try again.")
            }
            KeyError::CertificateBuildFailed(e) => {
                write!(f, "Building the certificate failed ({e}). Try again; if it repeats, report it.")
            }
            KeyError::EmptyInput(input) => write!(f, "The {input} field is empty. Paste the {input} or choose its file."),
            KeyError::EncryptedKey => write!(
                f,
                "The private key is protected by a password, which this tool does not read. Remove the password first, for example with \"openssl pkey -in key.pem -out key-plain.pem\", and import the result."
            ),
            KeyError::NotRsa(alg) => write!(
                f,
                "The private key uses {alg}, but Adobe's service accounts need an RSA key (2048 bits or more). Generate a new RSA key here instead."
            ),
            KeyError::CertificateInsteadOfKey => write!(
                f,
                "The private key field holds a certificate (\"BEGIN CERTIFICATE\"). Put the certificate in the certificate field, and paste the private key (\"BEGIN PRIVATE KEY\") here."
            ),
            KeyError::PublicKeyInsteadOfKey => write!(
                f,
                "The private key field holds a public key. AEM needs the private key (\"BEGIN PRIVATE KEY\" or \"BEGIN RSA PRIVATE KEY\"), the file that was created together with the certificate."
            ),
            KeyError::UnsupportedFormat(label) => write!(
                f,
                "\"{label}\" is not a format this tool reads. Use a PKCS#8 (\"BEGIN PRIVATE KEY\") or PKCS#1 (\"BEGIN RSA PRIVATE KEY\") key; an OpenSSH key converts with \"ssh-keygen -p -m PKCS8 -f key\"."
            ),
            KeyError::MalformedPem { input, reason } => write!(
                f,
                "The {input} text is damaged: {reason}. Copy the whole file again, from the \"-----BEGIN\" line to the \"-----END\" line."
            ),
            KeyError::NotPemOrDer(input) => write!(
                f,
                "The {input} field holds neither PEM text (starting with \"-----BEGIN\") nor a DER file. Choose the {input} file itself, or paste its PEM text."
            ),
            KeyError::InvalidKeyData(e) => write!(
                f,
                "The private key data is incomplete or corrupted ({e}). Copy the whole key file again."
            ),
            KeyError::KeyTooSmall(bits) => write!(
                f,
                "The RSA key has only {bits} bits; Adobe requires at least {KEY_BITS}. Generate a new key here instead."
            ),
            KeyError::InvalidCertificate(e) => write!(
                f,
                "The certificate is not a valid X.509 certificate ({e}). Use the certificate file (.crt, .cer, .pem or .der) that belongs to the key."
            ),
            KeyError::KeyInsteadOfCertificate => write!(
                f,
                "The certificate field holds a key. Put the certificate (\"BEGIN CERTIFICATE\") there; the private key goes in the private key field."
            ),
            KeyError::KeyCertificateMismatch => write!(
                f,
                "The certificate does not belong to this private key: it carries a different public key. Use the certificate created together with this key, or generate a new pair."
            ),
            #[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
            KeyError::EncodingFailed(e) => write!(f, "Encoding the key failed ({e}). Report this as a bug."),
        }
    }
}

impl std::error::Error for KeyError {}

#[cfg(test)]
mod tests;
