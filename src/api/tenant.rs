//! Tenant ids from what the admin has at hand: an Adobe page address or typed text.

use wasm_bindgen::prelude::*;

use super::{js_error, to_js};

/// `tenantFromUrl(url) -> {tenant, clientCode, source, onTarget}`; throws `TenantError`.
#[cfg(feature = "test-api")]
#[wasm_bindgen(js_name = tenantFromUrl)]
pub fn tenant_from_url(url: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::tenant::from_url(url).map_err(js_error)?)
}

/// `tenantFromText(text)`: like `tenantFromUrl`, but also takes a bare tenant id.
#[wasm_bindgen(js_name = tenantFromText)]
pub fn tenant_from_text(text: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::tenant::from_text(text).map_err(js_error)?)
}
