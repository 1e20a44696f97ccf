//! A new RSA-2048 key pair and its self-signed certificate.

use getrandom::SysRng;
use rsa::PrivateKey;

use super::certificate::{self, DEFAULT_ORGANIZATION, DEFAULT_VALIDITY_DAYS};
use super::import::describe_key;
use super::{KeyError, KeyMaterial, KeyOptions, KEY_BITS};

/// The common name used when the caller gives none.
pub(crate) fn default_common_name(tenant: Option<&str>) -> String {
    match tenant.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => format!("IMS Link {t}"),
        None => "IMS Link".to_string(),
    }
}

/// Generates an RSA-2048 key (e = 65537) and a self-signed certificate valid from
/// `now_unix` minus 5 minutes for `opts.validity_days` days.
///
/// Options are checked before the (slow) key generation, so a bad option fails fast.
pub fn generate(opts: &KeyOptions, now_unix: u64) -> Result<KeyMaterial, KeyError> {
    let days = opts.validity_days.unwrap_or(DEFAULT_VALIDITY_DAYS);
    let (not_before, not_after) = certificate::validity_bounds(now_unix, days)?;
    let common_name = certificate::subject_field(
        opts.common_name.as_deref(),
        &default_common_name(opts.tenant.as_deref()),
        "common name",
    )?;
    let organization = certificate::subject_field(opts.organization.as_deref(), DEFAULT_ORGANIZATION, "organization")?;
    let serial = certificate::random_serial()?;

    let key = PrivateKey::new(&mut SysRng, KEY_BITS).map_err(|e| match e {
        rsa::Error::Rng => KeyError::NoRandomness(e.to_string()),
        other => KeyError::KeyGenerationFailed(other.to_string()),
    })?;
    let cert = certificate::self_signed(&key, &common_name, &organization, &serial, not_before, not_after)?;
    Ok(KeyMaterial {
        key: describe_key(&key)?,
        certificate: certificate::describe(&cert)?,
    })
}
