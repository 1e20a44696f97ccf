//! The wasm API: the only functions the worker, popup and www page call.
//! Inputs and outputs are JSON-shaped values; failures are JS `Error`s whose `name`
//! says which module failed and whose `code` is stable. See README "Core API".

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::message::{self, Me, Sender};
use crate::{tab, tenant};

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
