//! The integration profile: its parsers (workspace JSON, JWT payload, scopes, the www
//! inspector), merging and clearing, typed values and diagnostics.

use wasm_bindgen::prelude::*;

use super::{js_error, optional_fields, profile_input, profile_now_ms, to_js};
use crate::profile::{self, diagnose, Capture, Profile, Source};
#[cfg(feature = "test-api")]
use crate::profile::{console, payload, scopes, Field};

/// `profileFields() -> [{field, label, secret}]`: every profile field in display order, with
/// the label the pages show and whether its value is masked.
#[wasm_bindgen(js_name = profileFields)]
pub fn profile_fields() -> Result<JsValue, JsValue> {
    to_js(&profile::fields::views())
}

/// `emptyProfile() -> Profile`: every field `null`.
#[wasm_bindgen(js_name = emptyProfile)]
pub fn empty_profile() -> Result<JsValue, JsValue> {
    to_js(&Profile::default())
}

/// `parseWorkspaceJson(text, source, choice?) -> {profile, missing, notices}`: the
/// Developer Console download; `choice` is a credential name or id; throws `WorkspaceError`.
#[cfg(feature = "test-api")]
#[wasm_bindgen(js_name = parseWorkspaceJson)]
pub fn parse_workspace_json(text: &str, source: JsValue, choice: Option<String>) -> Result<JsValue, JsValue> {
    let source: Source = profile_input(source, "source")?;
    to_js(&console::parse(text, &source, choice.as_deref()).map_err(js_error)?)
}

/// `parsePayload(text, source) -> {profile, missing, notices, metascopes}`: a pasted JWT
/// payload (or a whole JWT); throws `PayloadError`.
#[cfg(feature = "test-api")]
#[wasm_bindgen(js_name = parsePayload)]
pub fn parse_payload(text: &str, source: JsValue) -> Result<JsValue, JsValue> {
    let source: Source = profile_input(source, "source")?;
    to_js(&payload::parse(text, &source).map_err(js_error)?)
}

/// `inspectText(text, source, choice?) -> {kind: "workspace"|"payload"|"jwt", capture}`: what
/// the www page's inspector was given, read by the parser for it; throws `InspectError`
/// (`empty-input`, `unrecognized`, `not-an-object`, `unknown-object`, `bad-jwt`), or the
/// parser's own `WorkspaceError` / `PayloadError`.
#[wasm_bindgen(js_name = inspectText)]
pub fn inspect_text(text: &str, source: JsValue, choice: Option<String>) -> Result<JsValue, JsValue> {
    let source: Source = profile_input(source, "source")?;
    to_js(&profile::inspect::inspect(text, &source, choice.as_deref()).map_err(js_error)?)
}

/// `parseScopes(text, source) -> {profile, missing, notices}`: comma or space separated
/// OAuth scopes; throws `ScopesError`.
#[cfg(feature = "test-api")]
#[wasm_bindgen(js_name = parseScopes)]
pub fn parse_scopes(text: &str, source: JsValue) -> Result<JsValue, JsValue> {
    let source: Source = profile_input(source, "source")?;
    to_js(&scopes::parse(text, &source).map_err(js_error)?)
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
#[cfg(feature = "test-api")]
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
    to_js(&diagnose::diagnose(&held, profile_now_ms(now_ms)?))
}

/// `typedValue(field, text, nowMs) -> {profile}`: a capture holding one value the admin typed;
/// throws `ProfileError` naming the field and the fix.
#[cfg(feature = "test-api")]
#[wasm_bindgen(js_name = typedValue)]
pub fn typed_value(field: JsValue, text: &str, now_ms: f64) -> Result<JsValue, JsValue> {
    let field: Field = profile_input(field, "field name")?;
    let now = profile_now_ms(now_ms)?;
    let p = profile::edit::typed(field, text, now).map_err(js_error)?;
    to_js(&Capture {
        profile: p,
        ..Capture::default()
    })
}
