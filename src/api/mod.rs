//! The wasm API: the only functions the worker, popup and www page call, one file per domain.
//! Inputs and outputs are JSON-shaped values; failures are JS `Error`s whose `name` says which
//! module failed and whose `code` is stable. See README "Core API".
//!
//! This file holds what every export shares: the JSON bridge (`to_js`, `from_js`), the one
//! conversion of a module error to a JS `Error` (`js_error`), the bridge's own refusals
//! (`BridgeError`) and the panic hook.

use std::fmt;

use wasm_bindgen::prelude::*;

use crate::error::JsErrorInfo;

#[cfg(feature = "test-api")]
mod capture;
#[cfg(feature = "test-api")]
mod fill;
#[cfg(feature = "test-api")]
mod guide;
#[cfg(any(feature = "test-api", feature = "www"))]
mod ims;
mod js;
#[cfg(any(feature = "www", feature = "portable"))]
mod keys;
#[cfg(feature = "www")]
mod profile;
mod session;
#[cfg(feature = "test-api")]
mod tab;
#[cfg(feature = "www")]
mod tenant;

// What the extension calls; what only the www page calls with `www`, the rest with the
// features named in Cargo.toml (the bench's and the wasm tests' builds).
#[cfg(feature = "www")]
pub use ims::curl_commands;
#[cfg(feature = "www")]
pub use keys::generate_key_pair;
#[cfg(feature = "www")]
pub use keys::sign_jwt;
#[cfg(feature = "www")]
pub use profile::{diagnose_profile, empty_profile, inspect_text, merge_capture, profile_fields};
pub use session::session_step;
#[cfg(feature = "www")]
pub use tenant::tenant_from_text;

#[cfg(feature = "test-api")]
pub use capture::{capture_from_atjs, capture_from_page};
#[cfg(feature = "test-api")]
pub use fill::plan_fill;
#[cfg(feature = "test-api")]
pub use guide::guide;
#[cfg(feature = "test-api")]
pub use ims::stale_checks;
#[cfg(feature = "test-api")]
pub use keys::import_key_pair;
#[cfg(feature = "portable")]
pub use keys::{generate_key_pair_portable, sign_jwt_portable};
#[cfg(feature = "test-api")]
pub use profile::{clear_profile, parse_payload, parse_scopes, parse_workspace_json, typed_value};
#[cfg(feature = "test-api")]
pub use tab::describe_tab;
#[cfg(feature = "test-api")]
pub use tenant::tenant_from_url;

/// Runs once when the module is instantiated. With `panic = "abort"` a panic otherwise
/// reaches the console only as a bare `unreachable` trap; this names it and where it happened.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        js::console_error(&format!("IMS Link core panicked: {info}"));
    }));
}

/// Any module error as a JS `Error` with its `name`, its stable `code` and its message.
pub(crate) fn js_error(e: impl JsErrorInfo) -> JsValue {
    let err = js::Error::new(&e.to_string());
    err.set_name(e.js_name());
    err.set_code(e.code());
    err.into()
}

/// The bridge's own refusals, before or after a module runs: an argument it cannot read, a
/// clock value that is not `Date.now()`. Each is named after the module of the export that
/// refused, so JavaScript sees one `name` per export whichever layer said no.
///
/// A refusal only the www page's, the bench's or the tests' exports raise is compiled only with
/// them: an arm stays in `Display` for every variant the enum has, raised or not (issue 17:
/// the key, profile and cURL refusals, 715 bytes of the extension's module).
#[derive(Debug)]
pub(crate) enum BridgeError {
    /// A result that serde could not turn into a JS value: a bug, not the admin's doing.
    Serialize(String),
    /// A message, or a check's input, that is not JSON of the expected shape.
    Message {
        /// What was being read ("message", "IMS check input").
        what: &'static str,
        /// What serde said.
        detail: String,
    },
    /// Key options of the wrong shape.
    #[cfg(any(feature = "www", feature = "portable"))]
    KeyOptions(String),
    /// A JWT lifetime that is not a whole, non-negative number of seconds. Only where
    /// `signJwt` is exported: the arm that writes the float stays in any module that has it.
    #[cfg(any(feature = "www", feature = "portable"))]
    JwtLifetime(f64),
    /// A profile-side input (profile, source, field list, snapshot...) of the wrong shape.
    #[cfg(feature = "www")]
    ProfileInput {
        /// What was being read, in the admin's words ("field list", "page snapshot").
        what: &'static str,
        /// What serde said.
        detail: String,
    },
    /// The cURL input of the wrong shape.
    #[cfg(any(feature = "test-api", feature = "www"))]
    CurlInput(String),
    /// `nowMs` is not milliseconds since 1970.
    Clock {
        /// The JS name of the export's module.
        js_name: &'static str,
        /// What was given.
        now_ms: f64,
    },
}

impl JsErrorInfo for BridgeError {
    fn js_name(&self) -> &'static str {
        match self {
            BridgeError::Serialize(_) => "InternalError",
            BridgeError::Message { .. } => "MessageError",
            #[cfg(any(feature = "www", feature = "portable"))]
            BridgeError::KeyOptions(_) => "KeyError",
            #[cfg(any(feature = "www", feature = "portable"))]
            BridgeError::JwtLifetime(_) => "JwtError",
            #[cfg(feature = "www")]
            BridgeError::ProfileInput { .. } => "ProfileError",
            #[cfg(any(feature = "test-api", feature = "www"))]
            BridgeError::CurlInput(_) => "CurlError",
            BridgeError::Clock { js_name, .. } => js_name,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            BridgeError::Serialize(_) => "serialize",
            BridgeError::Message { .. } => "malformed-message",
            #[cfg(any(feature = "www", feature = "portable"))]
            BridgeError::KeyOptions(_) => "malformed-options",
            #[cfg(any(feature = "www", feature = "portable"))]
            BridgeError::JwtLifetime(_) => "lifetime-out-of-range",
            #[cfg(feature = "www")]
            BridgeError::ProfileInput { .. } => "malformed-input",
            #[cfg(any(feature = "test-api", feature = "www"))]
            BridgeError::CurlInput(_) => "malformed-input",
            BridgeError::Clock { .. } => "time-out-of-range",
        }
    }
}

impl fmt::Display for BridgeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BridgeError::Serialize(detail) => write!(f, "{detail}"),
            BridgeError::Message { what, detail } => write!(f, "{what}: {detail}"),
            #[cfg(any(feature = "www", feature = "portable"))]
            BridgeError::KeyOptions(detail) => write!(f, "Key options: {detail}"),
            #[cfg(any(feature = "www", feature = "portable"))]
            BridgeError::JwtLifetime(secs) => write!(
                f,
                "lifetimeSecs must be a whole number of seconds between 1 and {}, not {}.",
                crate::jwt::MAX_LIFETIME_SECS,
                js_number(*secs)
            ),
            #[cfg(feature = "www")]
            BridgeError::ProfileInput { what, detail } => write!(
                f,
                "IMS Link could not read the {what} ({detail}). Reload the popup; if it persists, clear the profile."
            ),
            #[cfg(any(feature = "test-api", feature = "www"))]
            BridgeError::CurlInput(detail) => write!(f, "cURL input: {detail}"),
            BridgeError::Clock { now_ms, .. } => {
                write!(
                    f,
                    "nowMs must be Date.now() (milliseconds since 1970), not {}.",
                    js_number(*now_ms)
                )
            }
        }
    }
}

/// A number as JavaScript writes it ("NaN", "-Infinity", "-1.5"): in the browser by its own
/// `String()`, so that the module needs no float writer for this one message (issue 17).
#[cfg(target_arch = "wasm32")]
fn js_number(n: f64) -> String {
    #[wasm_bindgen]
    extern "C" {
        /// JavaScript's `String(n)`.
        #[wasm_bindgen(js_name = String)]
        fn number_text(n: f64) -> String;
    }
    number_text(n)
}

/// Natively (tests), Rust's writing, which differs from JavaScript's only past 1e21 and for -0.
#[cfg(not(target_arch = "wasm32"))]
fn js_number(n: f64) -> String {
    match n {
        f64::INFINITY => "Infinity".into(),
        f64::NEG_INFINITY => "-Infinity".into(),
        _ => n.to_string(),
    }
}

// Values cross the boundary as JSON text, in both directions, in these two functions only:
// `JSON.stringify`/`JSON.parse` on the JS side, `to_json`/`from_json` on the Rust side. One
// string crossing is faster than a property read per field, and one JSON form per type
// (not a second one per type for serde-wasm-bindgen) keeps the module small. A new request
// type needs nothing here: derive `ToJson`/`FromJson` and call `to_js`/`read`.

/// A result as a plain JSON-shaped JS value (objects, not `Map`s).
fn to_js<T: crate::to_json::ToJson + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    parse_text(&crate::to_json::to_string(value))
}

// The generic functions here are compiled once per type: what does not depend on the type is
// in these plain functions, compiled once.

fn parse_text(text: &str) -> Result<JsValue, JsValue> {
    js::json_parse(text).map_err(|_| js_error(BridgeError::Serialize("the result is not JSON".into())))
}

/// A JS value read as `T` through its JSON text; `undefined` reads as `null`. The error is
/// serde_json's words (src/json_text.rs), without the position in a text the caller never saw.
pub(crate) fn read<T: crate::from_json::FromJson>(value: &JsValue) -> Result<T, String> {
    // Through a `Value` and `from_json`, like `message::parse`.
    crate::from_json::from_value(read_value(value)?).map_err(|e| e.to_string())
}

fn read_value(value: &JsValue) -> Result<crate::json_value::Value, String> {
    let text = match js::json_stringify(value) {
        Ok(text) => text.as_string().unwrap_or_else(|| "null".into()),
        Err(_) => return Err("not a JSON value (a cycle or a BigInt)".into()),
    };
    crate::json_text::parse(&text).map_err(|e| e.what().to_string())
}

/// A message or check input; refused as a `MessageError`.
fn from_js<T: crate::from_json::FromJson>(value: JsValue, what: &'static str) -> Result<T, JsValue> {
    read(&value).map_err(|detail| js_error(BridgeError::Message { what, detail }))
}

/// A profile-side input; refused as a `ProfileError` that tells the admin what to do.
#[cfg(feature = "www")]
fn profile_input<T: crate::from_json::FromJson>(value: JsValue, what: &'static str) -> Result<T, JsValue> {
    read(&value).map_err(|detail| js_error(BridgeError::ProfileInput { what, detail }))
}

/// An optional list of profile field names; `undefined` or `null` is the empty list.
#[cfg(feature = "www")]
fn optional_fields(fields: JsValue) -> Result<Vec<crate::profile::Field>, JsValue> {
    if fields.is_undefined() || fields.is_null() {
        return Ok(Vec::new());
    }
    profile_input(fields, "field list")
}

/// Converts a JS `Date.now()` value (milliseconds) to unix seconds. The clock is read by
/// JavaScript because `SystemTime::now()` panics on wasm32.
fn unix_seconds(now_ms: f64, js_name: &'static str) -> Result<u64, JsValue> {
    if !now_ms.is_finite() || now_ms < 0.0 {
        return Err(js_error(BridgeError::Clock { js_name, now_ms }));
    }
    // Saturating float-to-int conversion; the modules reject times they cannot encode.
    Ok((now_ms / 1000.0).floor() as u64)
}

/// `Date.now()` for the profile-side exports: milliseconds, range-checked like the others.
#[cfg(feature = "www")]
fn profile_now_ms(now_ms: f64) -> Result<u64, JsValue> {
    // Same range rule as the key and JWT exports; milliseconds are kept for the dates.
    Ok(unix_seconds(now_ms, "ProfileError")?.saturating_mul(1000))
}

/// The crate version, shown in the popup footer.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
