//! The worker's gate and what the popup shows for a tab: messages in, `TabState` out.

use wasm_bindgen::prelude::*;

use super::{from_js, js_error, to_js};
use crate::message::{self, Me, Sender};

/// `acceptMessage(message, sender, me) -> message`: parses and authorizes an incoming
/// message; throws `MessageError` when it is malformed or its sender may not send it.
#[wasm_bindgen(js_name = acceptMessage)]
pub fn accept_message(message: JsValue, sender: JsValue, me: JsValue) -> Result<JsValue, JsValue> {
    let value: serde_json::Value = from_js(message, "message")?;
    let sender: Sender = from_js(sender, "sender")?;
    let me: Me = from_js(me, "extension identity")?;
    let msg = message::parse(value).map_err(js_error)?;
    message::authorize(&msg, &sender, &me).map_err(js_error)?;
    to_js(&msg)
}

/// `describeTab(tabId, url?) -> TabState message`: what the popup shows for a tab.
#[cfg(feature = "test-api")]
#[wasm_bindgen(js_name = describeTab)]
pub fn describe_tab(tab_id: u32, url: Option<String>) -> Result<JsValue, JsValue> {
    to_js(&crate::session::Reply::TabState(crate::tab::describe(
        tab_id,
        url.as_deref(),
    )))
}
