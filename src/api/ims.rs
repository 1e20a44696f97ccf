//! Which check results a profile change voids (`test-api`), and the checks as cURL commands
//! for the www page (`www`). The checks themselves run as the worker's calls (`ims::run`).

use wasm_bindgen::prelude::*;

#[cfg(feature = "test-api")]
use super::optional_fields;
use super::to_js;
#[cfg(feature = "www")]
use super::{js_error, BridgeError};
#[cfg(feature = "test-api")]
use crate::ims::check;
#[cfg(feature = "www")]
use crate::ims::curl;

/// `staleChecks(changedFields) -> {ims, target}`: which check results (and, with `ims`, the
/// token) a profile change voids; throws `ProfileError` for an unknown field name.
#[cfg(feature = "test-api")]
#[wasm_bindgen(js_name = staleChecks)]
pub fn stale_checks(changed: JsValue) -> Result<JsValue, JsValue> {
    to_js(&check::stale_after(&optional_fields(changed)?))
}

/// `curlCommands({authType, authServer?, clientId, scopes?, tenant?}) -> {authType, imsOrigin,
/// secretExport, jwtExport, token, tokenExport, target}`: the IMS and Target checks as cURL
/// commands whose secrets are shell variables (`$IMS_CLIENT_SECRET`, `$IMS_JWT`,
/// `$IMS_ACCESS_TOKEN`); `target` is `null` without a tenant. Throws `CurlError`:
/// `malformed-input`, `missing-value`, `bad-url`, `not-https`, `host-not-allowed`,
/// `unexpected-authority`, `invalid-tenant`, `control-character`.
#[cfg(feature = "www")]
#[wasm_bindgen(js_name = curlCommands)]
pub fn curl_commands(input: JsValue) -> Result<JsValue, JsValue> {
    let input: curl::CurlInput = super::read(&input).map_err(|e| js_error(BridgeError::CurlInput(e)))?;
    to_js(&curl::commands(&input).map_err(js_error)?)
}
