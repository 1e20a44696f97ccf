//! What the popup shows for a tab, for the wasm tests.

use wasm_bindgen::prelude::*;

use super::to_js;

/// `describeTab(tabId, url?) -> TabState`: what the popup shows for a tab.
#[wasm_bindgen(js_name = describeTab)]
pub fn describe_tab(tab_id: u32, url: Option<String>) -> Result<JsValue, JsValue> {
    to_js(&crate::tab::describe(tab_id, url.as_deref()))
}
