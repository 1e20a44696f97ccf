//! Captures from pages the admin visits: a Console credential page or Target screen, and the
//! at.js settings of a customer's site.

use wasm_bindgen::prelude::*;

use super::{profile_input, profile_now_ms, to_js};
use crate::capture::{atjs, pages, snapshot::PageSnapshot};

/// `captureFromPage(snapshot, nowMs) -> {profile} | null`: the values a Console credential page
/// or a Target screen shows, found by their labels.
#[cfg(feature = "test-api")]
#[wasm_bindgen(js_name = captureFromPage)]
pub fn capture_from_page(snapshot: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let snapshot: PageSnapshot = profile_input(snapshot, "page snapshot")?;
    match pages::capture(snapshot, profile_now_ms(now_ms)?) {
        Some(c) => to_js(&c),
        None => Ok(JsValue::NULL),
    }
}

/// `captureFromAtjs({url, clientCode, serverDomain, imsOrgId, version, resources, scripts, alloy}, nowMs) -> capture | null`:
/// the client code (and org) a customer's site gives at.js.
#[cfg(feature = "test-api")]
#[wasm_bindgen(js_name = captureFromAtjs)]
pub fn capture_from_atjs(settings: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let settings: atjs::AtjsSettings = profile_input(settings, "at.js settings")?;
    match atjs::capture(&settings, profile_now_ms(now_ms)?) {
        Ok(c) => to_js(&c),
        Err(_) => Ok(JsValue::NULL),
    }
}
