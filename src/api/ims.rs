//! The IMS and Target checks, which results a profile change voids, and the same checks as
//! cURL commands for the www page (`www`).

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
use crate::ims::run;

/// `await checkIms(echo, nowMs) -> {report, token}`: gets a token from Adobe IMS with the
/// credential and judges the answer. `echo` is the number of the worker's `check-ims` call,
/// whose input (`{authType: "jwt"|"oauth", authServer?, clientId, clientSecret, scopes?,
/// payload?, privateKeyPem?, timeoutMs?}`) the module kept (`session::Echoes`): the call
/// carries no secret. `report` is `{check: "ims", ok, expiresAtMs, diagnosis:
/// {code, summary, cause, nextStep, httpStatus, remoteError, raw}, clockWarning, attempts}`;
/// `token` `{accessToken, expiresAtMs}` is for the worker alone. Failures are in the report,
/// a call the module does not know of too (`check-lost`).
#[wasm_bindgen(js_name = checkIms)]
pub async fn check_ims(echo: u32, now_ms: f64) -> Result<JsValue, JsValue> {
    match super::session::echoes(|e| e.ims_input(echo)).flatten() {
        Some(input) => to_js(&run::ims(*input, now_ms as i64).await),
        None => to_js(&run::ImsOutcome {
            report: run::lost("ims"),
            token: None,
        }),
    }
}

/// `await checkTarget(echo) -> report` with `check: "target"` and `totalActivities` on
/// success; `echo` as for `checkIms` (the input: `{tenant, clientId, accessToken,
/// timeoutMs?}`).
#[wasm_bindgen(js_name = checkTarget)]
pub async fn check_target(echo: u32) -> Result<JsValue, JsValue> {
    match super::session::echoes(|e| e.target_input(echo)).flatten() {
        Some(input) => to_js(&run::target(*input).await),
        None => to_js(&run::lost("target")),
    }
}

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
