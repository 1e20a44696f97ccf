//! The www page's JWT signature (`signJwt`, `www` builds only): the key imported into
//! WebCrypto once and kept for the next signature. The extension's IMS check signs through the
//! worker (`ims::run`, `Io::Sign`).

use std::cell::Cell;

use js_sys::Uint8Array;
use sha2::{Digest, Sha256};
use wasm_bindgen::JsValue;

#[cfg(not(feature = "portable"))]
use super::NO_WEBCRYPTO;
use super::{call, object, sign_with, subtle, usages, ALGORITHM};
use crate::jwt::{self, JwtError};
use crate::keys::{self, KeyError, RsaKey};

async fn import_signing_key(subtle: &JsValue, pkcs8_der: &[u8]) -> Result<JsValue, String> {
    let params = object(&[("name", ALGORITHM.into()), ("hash", keys::WEBCRYPTO_HASH.into())])?;
    call(
        subtle,
        "importKey",
        &[
            "pkcs8".into(),
            Uint8Array::from(pkcs8_der).into(),
            params,
            false.into(),
            usages(&["sign"]),
        ],
    )
    .await
}

thread_local! {
    /// The last key `sign_jwt` imported into WebCrypto (not extractable), by the SHA-256 of
    /// the PEM it came from: the worker signs every JWT check with the same key, and reading
    /// the PEM and importing it again cost more than the signature itself. A `Cell` read
    /// through `try_with`, as `api::session`'s `HELD` and for the same reason: no panic path.
    static SIGNING_KEY: Cell<Option<([u8; 32], JsValue)>> = const { Cell::new(None) };
}

fn pem_digest(private_key_pem: &str) -> [u8; 32] {
    Sha256::digest(private_key_pem.as_bytes()).into()
}

/// Why a JWT could not be signed: the private key, or the payload and the signature.
#[derive(Debug)]
pub enum SignError {
    /// The PEM holds no usable private key.
    Key(KeyError),
    /// The payload cannot be signed, or the signature failed.
    Jwt(JwtError),
}

/// An RS256 JWT (see `jwt::sign_rs256`) with the private key in `private_key_pem`, signed by
/// WebCrypto when the browser has it. The key imported into WebCrypto is kept for the next JWT
/// signed with the same PEM (`SIGNING_KEY`); else the PEM is read and imported first.
/// One function for the check and the www page, so that each awaits one signature.
pub async fn sign_jwt(
    payload_json: &str,
    private_key_pem: &str,
    now_unix: u64,
    lifetime_secs: u64,
) -> Result<String, SignError> {
    let Some(subtle) = subtle() else {
        // The key read first, as where WebCrypto signs.
        let key = keys::parse_private_key(private_key_pem).map_err(SignError::Key)?;
        return without_webcrypto(payload_json, &key, now_unix, lifetime_secs).map_err(SignError::Jwt);
    };
    let digest = pem_digest(private_key_pem);
    let last = SIGNING_KEY
        .try_with(|k| {
            let last = k.take();
            let key = last.as_ref().filter(|(d, _)| *d == digest).map(|(_, key)| key.clone());
            k.set(last);
            key
        })
        .ok()
        .flatten();
    let failed = |e: String| SignError::Jwt(JwtError::SigningFailed(format!("the browser's WebCrypto: {e}")));
    let key = match last {
        Some(key) => key,
        None => {
            let read = keys::parse_private_key(private_key_pem).map_err(SignError::Key)?;
            let imported = import_signing_key(&subtle, read.pkcs8_der()).await.map_err(failed)?;
            let _ = SIGNING_KEY.try_with(|k| k.set(Some((digest, imported.clone()))));
            imported
        }
    };
    let input = jwt::signing_input(payload_json, now_unix, lifetime_secs).map_err(SignError::Jwt)?;
    let signature = sign_with(&subtle, key, input.as_bytes()).await.map_err(failed)?;
    Ok(jwt::assemble(&input, &signature))
}

/// Where the browser has no WebCrypto: this crate signs in builds with the `portable` feature.
#[cfg(feature = "portable")]
fn without_webcrypto(payload_json: &str, key: &RsaKey, now_unix: u64, lifetime_secs: u64) -> Result<String, JwtError> {
    jwt::sign_rs256(payload_json, key, now_unix, lifetime_secs)
}

#[cfg(not(feature = "portable"))]
fn without_webcrypto(_: &str, _: &RsaKey, _: u64, _: u64) -> Result<String, JwtError> {
    Err(JwtError::SigningFailed(NO_WEBCRYPTO.into()))
}
