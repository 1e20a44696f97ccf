//! The wasm API: the only functions the worker, popup and www page call.
//! Inputs and outputs are JSON-shaped values; failures are JS `Error`s whose `name`
//! says which module failed and whose `code` is stable. See README "Core API".

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::message::{self, Me, Sender};
use crate::{jwt, keys, tab, tenant, webcrypto};

/// Turns a module error into a JS `Error` with a `name`, a stable `code` and the message.
fn js_error(name: &str, code: &str, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    err.set_name(name);
    // Setting a plain data property on a fresh Error cannot fail.
    let _ = js_sys::Reflect::set(&err, &"code".into(), &code.into());
    err.into()
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&ser)
        .map_err(|e| js_error("InternalError", "serialize", &e.to_string()))
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| js_error("MessageError", "malformed-message", &format!("{what}: {e}")))
}

/// The crate version, shown in the popup footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// `tenantFromUrl(url) -> {tenant, clientCode, source, onTarget}`; throws `TenantError`.
#[wasm_bindgen(js_name = tenantFromUrl)]
pub fn tenant_from_url(url: &str) -> Result<JsValue, JsValue> {
    let ids = tenant::from_url(url).map_err(|e| js_error("TenantError", e.code(), &e.to_string()))?;
    to_js(&ids)
}

/// `tenantFromText(text)`: like `tenantFromUrl`, but also takes a bare tenant id.
#[wasm_bindgen(js_name = tenantFromText)]
pub fn tenant_from_text(text: &str) -> Result<JsValue, JsValue> {
    let ids = tenant::from_text(text).map_err(|e| js_error("TenantError", e.code(), &e.to_string()))?;
    to_js(&ids)
}

/// `acceptMessage(message, sender, me) -> message`: parses and authorizes an incoming
/// message; throws `MessageError` when it is malformed or its sender may not send it.
#[wasm_bindgen(js_name = acceptMessage)]
pub fn accept_message(message: JsValue, sender: JsValue, me: JsValue) -> Result<JsValue, JsValue> {
    let value: serde_json::Value = from_js(message, "message")?;
    let sender: Sender = from_js(sender, "sender")?;
    let me: Me = from_js(me, "extension identity")?;
    let msg = message::parse(value).map_err(|e| js_error("MessageError", e.code(), &e.to_string()))?;
    message::authorize(&msg, &sender, &me).map_err(|e| js_error("MessageError", e.code(), &e.to_string()))?;
    to_js(&msg)
}

/// `describeTab(tabId, url?) -> TabState message`: what the popup shows for a tab.
#[wasm_bindgen(js_name = describeTab)]
pub fn describe_tab(tab_id: u32, url: Option<String>) -> Result<JsValue, JsValue> {
    to_js(&tab::describe(tab_id, url.as_deref()))
}

/// Converts a JS `Date.now()` value (milliseconds) to unix seconds. The clock is read by
/// JavaScript because `SystemTime::now()` panics on wasm32.
fn unix_seconds(now_ms: f64, name: &str) -> Result<u64, JsValue> {
    if !now_ms.is_finite() || now_ms < 0.0 {
        return Err(js_error(
            name,
            "time-out-of-range",
            &format!("nowMs must be Date.now() (milliseconds since 1970), not {now_ms}."),
        ));
    }
    // Saturating float-to-int conversion; the modules reject times they cannot encode.
    Ok((now_ms / 1000.0).floor() as u64)
}

fn key_options(options: JsValue) -> Result<keys::KeyOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(keys::KeyOptions::default());
    }
    serde_wasm_bindgen::from_value(options)
        .map_err(|e| js_error("KeyError", "malformed-options", &format!("Key options: {e}")))
}

/// `await generateKeyPair(options, nowMs) -> {privateKeyPem, privateKeyDerBase64,
/// publicKeyPem, keyBits, certificate: {pem, derBase64, sha1Fingerprint, sha256Fingerprint,
/// notBefore, notAfter, notBeforeRfc3339, notAfterRfc3339, subject, serialHex}}`; `options`
/// is `{tenant?, commonName?, organization?, validityDays?}` or undefined; throws `KeyError`.
/// The browser's WebCrypto makes the key and signature when present (see `webcrypto`).
#[wasm_bindgen(js_name = generateKeyPair)]
pub async fn generate_key_pair(options: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let key_err = |e: keys::KeyError| js_error("KeyError", e.code(), &e.to_string());
    let plan = keys::KeyPlan::new(&key_options(options)?, unix_seconds(now_ms, "KeyError")?).map_err(key_err)?;
    to_js(&webcrypto::generate(plan).await.map_err(key_err)?)
}

/// `generateKeyPairPortable(options, nowMs)`: the same, entirely in Rust (no WebCrypto);
/// what runs where WebCrypto is absent, exported for the benchmark and tests.
#[wasm_bindgen(js_name = generateKeyPairPortable)]
pub fn generate_key_pair_portable(options: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let material = keys::generate(&key_options(options)?, unix_seconds(now_ms, "KeyError")?)
        .map_err(|e| js_error("KeyError", e.code(), &e.to_string()))?;
    to_js(&material)
}

/// `importKeyPair(keyText, certText?) -> {privateKeyPem, ..., certificate: {...} | null}`:
/// reads a PEM or base64-DER private key and checks the certificate belongs to it;
/// throws `KeyError`.
#[wasm_bindgen(js_name = importKeyPair)]
pub fn import_key_pair(key_text: &str, cert_text: Option<String>) -> Result<JsValue, JsValue> {
    let imported =
        keys::import(key_text, cert_text.as_deref()).map_err(|e| js_error("KeyError", e.code(), &e.to_string()))?;
    to_js(&imported)
}

fn jwt_lifetime(lifetime_secs: Option<f64>) -> Result<u64, JsValue> {
    match lifetime_secs {
        None => Ok(jwt::DEFAULT_LIFETIME_SECS),
        Some(s) if s.is_finite() && s >= 0.0 && s.fract() == 0.0 => Ok(s as u64),
        Some(s) => Err(js_error(
            "JwtError",
            "lifetime-out-of-range",
            &format!(
                "lifetimeSecs must be a whole number of seconds between 1 and {}, not {s}.",
                jwt::MAX_LIFETIME_SECS
            ),
        )),
    }
}

/// `await signJwt(payloadJson, privateKeyPem, nowMs, lifetimeSecs?) -> "header.payload.sig"`
/// (RS256, `exp` = now + lifetime, default 300 s; WebCrypto signs when present); throws
/// `KeyError` for the key and `JwtError` for the payload.
#[wasm_bindgen(js_name = signJwt)]
pub async fn sign_jwt(
    payload_json: String,
    private_key_pem: String,
    now_ms: f64,
    lifetime_secs: Option<f64>,
) -> Result<String, JsValue> {
    let key = keys::parse_private_key(&private_key_pem).map_err(|e| js_error("KeyError", e.code(), &e.to_string()))?;
    let now = unix_seconds(now_ms, "JwtError")?;
    webcrypto::sign_jwt(&payload_json, &key, now, jwt_lifetime(lifetime_secs)?)
        .await
        .map_err(|e| js_error("JwtError", e.code(), &e.to_string()))
}

/// `signJwtPortable(...)`: the same, entirely in Rust; for the benchmark and tests.
#[wasm_bindgen(js_name = signJwtPortable)]
pub fn sign_jwt_portable(
    payload_json: &str,
    private_key_pem: &str,
    now_ms: f64,
    lifetime_secs: Option<f64>,
) -> Result<String, JsValue> {
    let key = keys::parse_private_key(private_key_pem).map_err(|e| js_error("KeyError", e.code(), &e.to_string()))?;
    let now = unix_seconds(now_ms, "JwtError")?;
    jwt::sign_rs256(payload_json, &key, now, jwt_lifetime(lifetime_secs)?)
        .map_err(|e| js_error("JwtError", e.code(), &e.to_string()))
}

/// `await checkIms(input, nowMs) -> {report, token}`: gets a token from Adobe IMS with the
/// credential and judges the answer. `input` is `{authType: "jwt"|"oauth", authServer?,
/// clientId, clientSecret, scopes?, payload?, privateKeyPem?, timeoutMs?}`. `report` is
/// `{check: "ims", ok, expiresAtMs, diagnosis: {code, summary, cause, nextStep, httpStatus,
/// remoteError, raw}, clockWarning, attempts}`; `token` `{accessToken, expiresAtMs}` is for
/// the worker alone. Failures are in the report; only a malformed `input` throws.
#[wasm_bindgen(js_name = checkIms)]
pub async fn check_ims(input: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let input: crate::ims::check::ImsCheckInput = from_js(input, "IMS check input")?;
    to_js(&crate::ims::run::ims(input, now_ms as i64).await)
}

/// `await checkTarget({tenant, clientId, accessToken, timeoutMs?}) -> report` with
/// `check: "target"` and `totalActivities` on success.
#[wasm_bindgen(js_name = checkTarget)]
pub async fn check_target(input: JsValue) -> Result<JsValue, JsValue> {
    let input: crate::ims::run::TargetCheckInput = from_js(input, "Target check input")?;
    to_js(&crate::ims::run::target(input).await)
}

/// `staleChecks(changedFields) -> {ims, target}`: which check results (and, with `ims`, the
/// token) a profile change voids; throws `ProfileError` for an unknown field name.
#[wasm_bindgen(js_name = staleChecks)]
pub fn stale_checks(changed: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::ims::check::stale_after(&optional_fields(changed)?))
}

// ---- Integration profile (issue 4) ----

use crate::profile::{self, console, diagnose, payload, scopes, Capture, Field, Profile, Source};

fn profile_input<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        js_error(
            "ProfileError",
            "malformed-input",
            &format!("IMS Link could not read the {what} ({e}). Reload the popup; if it persists, clear the profile."),
        )
    })
}

fn optional_fields(fields: JsValue) -> Result<Vec<Field>, JsValue> {
    if fields.is_undefined() || fields.is_null() {
        return Ok(Vec::new());
    }
    profile_input(fields, "field list")
}

/// `emptyProfile() -> Profile`: every field `null`.
#[wasm_bindgen(js_name = emptyProfile)]
pub fn empty_profile() -> Result<JsValue, JsValue> {
    to_js(&Profile::default())
}

/// `parseWorkspaceJson(text, source, choice?) -> {profile, missing, notices}`: the
/// Developer Console download; `choice` is a credential name or id; throws `WorkspaceError`.
#[wasm_bindgen(js_name = parseWorkspaceJson)]
pub fn parse_workspace_json(text: &str, source: JsValue, choice: Option<String>) -> Result<JsValue, JsValue> {
    let source: Source = profile_input(source, "source")?;
    let capture = console::parse(text, &source, choice.as_deref())
        .map_err(|e| js_error("WorkspaceError", e.code(), &e.to_string()))?;
    to_js(&capture)
}

/// `parsePayload(text, source) -> {profile, missing, notices, metascopes}`: a pasted JWT
/// payload (or a whole JWT); throws `PayloadError`.
#[wasm_bindgen(js_name = parsePayload)]
pub fn parse_payload(text: &str, source: JsValue) -> Result<JsValue, JsValue> {
    let source: Source = profile_input(source, "source")?;
    let capture = payload::parse(text, &source).map_err(|e| js_error("PayloadError", e.code(), &e.to_string()))?;
    to_js(&capture)
}

/// `inspectText(text, source, choice?) -> {kind: "workspace"|"payload"|"jwt", capture}`: what
/// the www page's inspector was given, read by the parser for it; throws `InspectError`
/// (`empty-input`, `unrecognized`, `not-an-object`, `unknown-object`, `bad-jwt`), or the
/// parser's own `WorkspaceError` / `PayloadError`.
#[wasm_bindgen(js_name = inspectText)]
pub fn inspect_text(text: &str, source: JsValue, choice: Option<String>) -> Result<JsValue, JsValue> {
    let source: Source = profile_input(source, "source")?;
    let read = profile::inspect::inspect(text, &source, choice.as_deref())
        .map_err(|e| js_error(e.name(), e.code(), &e.to_string()))?;
    to_js(&read)
}

/// `parseScopes(text, source) -> {profile, missing, notices}`: comma or space separated
/// OAuth scopes; throws `ScopesError`.
#[wasm_bindgen(js_name = parseScopes)]
pub fn parse_scopes(text: &str, source: JsValue) -> Result<JsValue, JsValue> {
    let source: Source = profile_input(source, "source")?;
    let capture = scopes::parse(text, &source).map_err(|e| js_error("ScopesError", e.code(), &e.to_string()))?;
    to_js(&capture)
}

/// `mergeCapture(profile, capture, replace?) -> {profile, changed, conflicts}`: `replace`
/// lists the fields the admin chose to overwrite; throws `ProfileError`.
#[wasm_bindgen(js_name = mergeCapture)]
pub fn merge_capture(profile: JsValue, capture: JsValue, replace: JsValue) -> Result<JsValue, JsValue> {
    let held: Profile = profile_input(profile, "profile")?;
    let capture: Capture = profile_input(capture, "capture")?;
    to_js(&profile::merge(&held, &capture.profile, &optional_fields(replace)?))
}

/// `clearProfile(profile, fields?) -> Profile`: empties the fields, or all of them.
#[wasm_bindgen(js_name = clearProfile)]
pub fn clear_profile(profile: JsValue, fields: JsValue) -> Result<JsValue, JsValue> {
    let held: Profile = profile_input(profile, "profile")?;
    to_js(&profile::clear(&held, &optional_fields(fields)?))
}

/// `diagnoseProfile(profile, nowMs) -> [{code, severity, field, message}]`; throws
/// `ProfileError`.
#[wasm_bindgen(js_name = diagnoseProfile)]
pub fn diagnose_profile(profile: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let held: Profile = profile_input(profile, "profile")?;
    // Same range rule as the key and JWT exports; milliseconds are kept for the dates.
    let now = unix_seconds(now_ms, "ProfileError")?.saturating_mul(1000);
    to_js(&diagnose::diagnose(&held, now))
}

/// `typedValue(field, text, nowMs) -> {profile}`: a capture holding one value the admin typed;
/// throws `ProfileError` naming the field and the fix.
#[wasm_bindgen(js_name = typedValue)]
pub fn typed_value(field: JsValue, text: &str, now_ms: f64) -> Result<JsValue, JsValue> {
    let field: Field = profile_input(field, "field name")?;
    let now = unix_seconds(now_ms, "ProfileError")?.saturating_mul(1000);
    let p = profile::edit::typed(field, text, now).map_err(|e| js_error("ProfileError", e.code(), &e.to_string()))?;
    to_js(&Capture {
        profile: p,
        ..Capture::default()
    })
}

/// `captureFromPage(snapshot, nowMs) -> {profile} | null`: the values a Console credential page
/// or a Target screen shows, found by their labels.
#[wasm_bindgen(js_name = captureFromPage)]
pub fn capture_from_page(snapshot: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let snapshot: crate::capture::snapshot::PageSnapshot = profile_input(snapshot, "page snapshot")?;
    let now = unix_seconds(now_ms, "ProfileError")?.saturating_mul(1000);
    match crate::capture::pages::capture(snapshot, now) {
        Some(c) => to_js(&c),
        None => Ok(JsValue::NULL),
    }
}

/// `captureFromAtjs({url, clientCode, serverDomain, imsOrgId, version}, nowMs) -> capture | null`:
/// the client code (and org) a customer's site gives at.js.
#[wasm_bindgen(js_name = captureFromAtjs)]
pub fn capture_from_atjs(settings: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let settings: crate::capture::atjs::AtjsSettings = profile_input(settings, "at.js settings")?;
    let now = unix_seconds(now_ms, "ProfileError")?.saturating_mul(1000);
    match crate::capture::atjs::capture(&settings, now) {
        Some(c) => to_js(&c),
        None => Ok(JsValue::NULL),
    }
}

// ---- Form fill (issue: fill AEM forms) ----

use crate::fill::{self, FillError};

fn fill_error(e: FillError) -> JsValue {
    js_error("FillError", e.code(), &e.to_string())
}

fn fill_input<T: serde::de::DeserializeOwned>(value: JsValue, wrap: fn(String) -> FillError) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| fill_error(wrap(e.to_string())))
}

/// `planFill(snapshot, profile, options?) -> plan`. `snapshot` is `{url, fields: [{key, tag,
/// kind, name?, id?, label?, ariaLabel?, placeholder?, value, checked?, options: [{value,
/// text}], visible, disabled, readOnly, wizardStep}], markers: [name], frame}`; `options` is
/// `{confirm?: [specId], title?, imsConfigTitle?, secretOrigins?: [origin]}` or undefined. The
/// plan is `{form, mode, availableModes, currentMode, openUrl, notices, actions, unchanged,
/// conflicts, missingFields, missingValues, origin, consent}` (see
/// `fill::plan::Plan`); throws `FillError`.
#[wasm_bindgen(js_name = planFill)]
pub fn plan_fill(snapshot: JsValue, profile: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let snapshot: fill::FormSnapshot = fill_input(snapshot, FillError::MalformedSnapshot)?;
    let profile: Profile = fill_input(profile, FillError::MalformedProfile)?;
    let options: fill::PlanOptions = if options.is_undefined() || options.is_null() {
        fill::PlanOptions::default()
    } else {
        fill_input(options, FillError::MalformedOptions)?
    };
    to_js(&fill::plan(snapshot, &profile, &options).map_err(fill_error)?)
}

/// `undoFill(appliedActions, place?) -> actions`: the actions that restore each field's
/// `before` value, last applied first. With `place` `{filledUrl, pageUrl}`, only when the tab
/// still shows the origin and path the fill was made on; throws `FillError` (`undo-elsewhere`).
#[wasm_bindgen(js_name = undoFill)]
pub fn undo_fill(applied: JsValue, place: JsValue) -> Result<JsValue, JsValue> {
    let applied: Vec<fill::Action> = fill_input(applied, FillError::MalformedApplied)?;
    if place.is_undefined() || place.is_null() {
        return to_js(&fill::undo(&applied).map_err(fill_error)?);
    }
    let place: fill::UndoPlace = fill_input(place, FillError::MalformedApplied)?;
    to_js(&fill::undo_at(&applied, &place).map_err(fill_error)?)
}

/// `undoRecord(appliedActions) -> actions`: what to keep for Undo, with the values secret
/// fields received masked; throws `FillError` (`malformed-applied`, `too-many-applied`).
#[wasm_bindgen(js_name = undoRecord)]
pub fn undo_record(applied: JsValue) -> Result<JsValue, JsValue> {
    let applied: Vec<fill::Action> = fill_input(applied, FillError::MalformedApplied)?;
    if applied.len() > fill::plan::MAX_UNDO {
        return Err(fill_error(FillError::TooManyApplied(applied.len())));
    }
    to_js(&fill::undo_record(&applied))
}

/// `forgetSecretOrigin(origins, origin) -> origins`: the list without `origin` (the admin took
/// back the yes); throws `FillError` `malformed-options` for a list that is not strings.
#[wasm_bindgen(js_name = forgetSecretOrigin)]
pub fn forget_secret_origin(origins: JsValue, origin: &str) -> Result<JsValue, JsValue> {
    let origins: Vec<String> = fill_input(origins, FillError::MalformedOptions)?;
    to_js(&fill::trust::forget_origin(&origins, origin))
}

/// `allowSecretOrigin(origins, origin, pageUrl) -> origins`: the origins allowed to receive
/// secrets once the admin said yes to `origin`, which must be the origin of `pageUrl` (https,
/// or http on this computer); throws `FillError` (`origin-not-this-page`,
/// `too-many-secret-origins`).
#[wasm_bindgen(js_name = allowSecretOrigin)]
pub fn allow_secret_origin(origins: JsValue, origin: &str, page_url: &str) -> Result<JsValue, JsValue> {
    let origins: Vec<String> = fill_input(origins, FillError::MalformedOptions)?;
    if origins.len() > fill::trust::MAX_SECRET_ORIGINS {
        return Err(fill_error(FillError::TooManySecretOrigins(origins.len())));
    }
    to_js(&fill::trust::allow_origin(&origins, origin, page_url).map_err(fill_error)?)
}

// ---- The popup's guide (issue 7) ----

/// `guide(input, nowMs) -> {page, here, stages, next, action}`: the four stages of the
/// integration and the next step for one tab; `input` is `GuideInput` (see `guide`), throws
/// `ProfileError` when it is malformed.
#[wasm_bindgen(js_name = guide)]
pub fn guide(input: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let input: crate::guide::GuideInput = profile_input(input, "guide input")?;
    let now = unix_seconds(now_ms, "ProfileError")?.saturating_mul(1000);
    to_js(&crate::guide::guide(&input, now))
}

// ---- cURL commands for the www page (issue 7) ----

/// `curlCommands({authType, authServer?, clientId, scopes?, tenant?}) -> {authType, imsOrigin,
/// secretExport, jwtExport, token, tokenExport, target}`: the IMS and Target checks as cURL
/// commands whose secrets are shell variables (`$IMS_CLIENT_SECRET`, `$IMS_JWT`,
/// `$IMS_ACCESS_TOKEN`); `target` is `null` without a tenant. Throws `CurlError`:
/// `malformed-input`, `missing-value`, `bad-url`, `not-https`, `host-not-allowed`,
/// `unexpected-authority`, `invalid-tenant`, `control-character`.
#[wasm_bindgen(js_name = curlCommands)]
pub fn curl_commands(input: JsValue) -> Result<JsValue, JsValue> {
    let input: crate::ims::curl::CurlInput = serde_wasm_bindgen::from_value(input)
        .map_err(|e| js_error("CurlError", "malformed-input", &format!("cURL input: {e}")))?;
    let commands = crate::ims::curl::commands(&input).map_err(|e| js_error("CurlError", e.code(), &e.to_string()))?;
    to_js(&commands)
}
