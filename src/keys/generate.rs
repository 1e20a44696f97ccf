//! A new RSA-2048 key pair and its self-signed certificate.

use super::certificate::{self, Certificate, UnsignedCertificate, DEFAULT_ORGANIZATION, DEFAULT_VALIDITY_DAYS};
use super::import::describe_key;
use super::{KeyError, KeyMaterial, KeyOptions, RsaKey};

/// The common name used when the caller gives none.
pub(crate) fn default_common_name(tenant: Option<&str>) -> String {
    match tenant.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => format!("IMS Link {t}"),
        None => "IMS Link".to_string(),
    }
}

/// A checked request for a key pair: everything but the key itself, so that bad options
/// fail before the slow key generation, wherever the key comes from.
#[derive(Debug, Clone)]
pub struct KeyPlan {
    common_name: String,
    organization: String,
    not_before: u64,
    not_after: u64,
}

impl KeyPlan {
    /// Checks the options for a certificate made at `now_unix` (valid from 5 minutes earlier).
    pub fn new(opts: &KeyOptions, now_unix: u64) -> Result<Self, KeyError> {
        let days = opts.validity_days.unwrap_or(DEFAULT_VALIDITY_DAYS);
        let (not_before, not_after) = certificate::validity_bounds(now_unix, days)?;
        let common_name = certificate::subject_field(
            opts.common_name.as_deref(),
            &default_common_name(opts.tenant.as_deref()),
            "common name",
        )?;
        let organization =
            certificate::subject_field(opts.organization.as_deref(), DEFAULT_ORGANIZATION, "organization")?;
        Ok(KeyPlan {
            common_name,
            organization,
            not_before,
            not_after,
        })
    }

    /// The certificate for `key`, ready for its signature.
    pub fn unsigned_certificate(&self, key: &RsaKey) -> Result<UnsignedCertificate, KeyError> {
        UnsignedCertificate::new(
            key,
            &self.common_name,
            &self.organization,
            &certificate::serial_for(key, self.not_before),
            self.not_before,
            self.not_after,
        )
    }
}

/// Generates an RSA-2048 key (e = 65537) and a self-signed certificate valid from
/// `now_unix` minus 5 minutes for `opts.validity_days` days, all in this crate (the `rsa`
/// crate; the shipped module has WebCrypto do it, see `webcrypto`).
#[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
pub fn generate(opts: &KeyOptions, now_unix: u64) -> Result<KeyMaterial, KeyError> {
    generate_with(KeyPlan::new(opts, now_unix)?)
}

/// Generates the key for a checked plan in this crate.
#[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
pub fn generate_with(plan: KeyPlan) -> Result<KeyMaterial, KeyError> {
    let key = rsa::PrivateKey::new(&mut getrandom::SysRng, super::KEY_BITS).map_err(|e| match e {
        rsa::Error::Rng => KeyError::NoRandomness(e.to_string()),
        other => KeyError::KeyGenerationFailed(other.to_string()),
    })?;
    let key = RsaKey::from_rsa(&key)?;
    let cert = plan.unsigned_certificate(&key)?.sign_here()?;
    material(&key, &cert)
}

/// The exports of a key and its certificate.
pub fn material(key: &RsaKey, cert: &Certificate) -> Result<KeyMaterial, KeyError> {
    Ok(KeyMaterial {
        key: describe_key(key)?,
        certificate: certificate::describe(cert)?,
    })
}
