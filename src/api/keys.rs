//! The www page's key pair, its certificate and the JWT it signs (`www`). The async exports let
//! the browser's WebCrypto make the key and signature when present (see `webcrypto`); the
//! `Portable` ones do it all in Rust, the fallback, kept for the benchmark and tests. The
//! extension makes its key pair through the worker's calls (`session::key_pair`).

use wasm_bindgen::prelude::*;

use super::{js_error, to_js, unix_seconds, BridgeError};
use crate::jwt;
use crate::keys;
#[cfg(feature = "www")]
use crate::webcrypto;

fn key_options(options: JsValue) -> Result<keys::KeyOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(keys::KeyOptions::default());
    }
    super::read(&options).map_err(|e| js_error(BridgeError::KeyOptions(e)))
}

/// `await generateKeyPair(options, nowMs) -> {privateKeyPem, privateKeyDerBase64,
/// publicKeyPem, keyBits, certificate: {pem, derBase64, sha1Fingerprint, sha256Fingerprint,
/// notBefore, notAfter, notBeforeRfc3339, notAfterRfc3339, subject, serialHex}}`; `options`
/// is `{tenant?, commonName?, organization?, validityDays?}` or undefined; throws `KeyError`.
#[cfg(feature = "www")]
#[wasm_bindgen(js_name = generateKeyPair)]
pub async fn generate_key_pair(options: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let plan = keys::KeyPlan::new(&key_options(options)?, unix_seconds(now_ms, "KeyError")?).map_err(js_error)?;
    to_js(&webcrypto::generate(plan).await.map_err(js_error)?)
}

/// `generateKeyPairPortable(options, nowMs)`: the same, entirely in Rust (no WebCrypto).
#[cfg(feature = "portable")]
#[wasm_bindgen(js_name = generateKeyPairPortable)]
pub fn generate_key_pair_portable(options: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let material = keys::generate(&key_options(options)?, unix_seconds(now_ms, "KeyError")?).map_err(js_error)?;
    to_js(&material)
}

/// `importKeyPair(keyText, certText?) -> {privateKeyPem, ..., certificate: {...} | null}`:
/// reads a PEM or base64-DER private key and checks the certificate belongs to it;
/// throws `KeyError`.
#[cfg(feature = "test-api")]
#[wasm_bindgen(js_name = importKeyPair)]
pub fn import_key_pair(key_text: &str, cert_text: Option<String>) -> Result<JsValue, JsValue> {
    to_js(&keys::import(key_text, cert_text.as_deref()).map_err(js_error)?)
}

fn jwt_lifetime(lifetime_secs: Option<f64>) -> Result<u64, JsValue> {
    match lifetime_secs {
        None => Ok(jwt::DEFAULT_LIFETIME_SECS),
        Some(s) if s.is_finite() && s >= 0.0 && s.fract() == 0.0 => Ok(s as u64),
        Some(s) => Err(js_error(BridgeError::JwtLifetime(s))),
    }
}

/// `await signJwt(payloadJson, privateKeyPem, nowMs, lifetimeSecs?) -> "header.payload.sig"`
/// (RS256, `exp` = now + lifetime, default 300 s); throws `KeyError` for the key and
/// `JwtError` for the payload.
#[cfg(feature = "www")]
#[wasm_bindgen(js_name = signJwt)]
pub async fn sign_jwt(
    payload_json: String,
    private_key_pem: String,
    now_ms: f64,
    lifetime_secs: Option<f64>,
) -> Result<String, JsValue> {
    let now = unix_seconds(now_ms, "JwtError")?;
    let lifetime = jwt_lifetime(lifetime_secs)?;
    webcrypto::jwt::sign_jwt(&payload_json, &private_key_pem, now, lifetime)
        .await
        .map_err(|e| match e {
            webcrypto::jwt::SignError::Key(e) => js_error(e),
            webcrypto::jwt::SignError::Jwt(e) => js_error(e),
        })
}

/// `signJwtPortable(...)`: the same, entirely in Rust.
#[cfg(feature = "portable")]
#[wasm_bindgen(js_name = signJwtPortable)]
pub fn sign_jwt_portable(
    payload_json: &str,
    private_key_pem: &str,
    now_ms: f64,
    lifetime_secs: Option<f64>,
) -> Result<String, JsValue> {
    let key = keys::parse_private_key(private_key_pem).map_err(js_error)?;
    let now = unix_seconds(now_ms, "JwtError")?;
    jwt::sign_rs256(payload_json, &key, now, jwt_lifetime(lifetime_secs)?).map_err(js_error)
}
