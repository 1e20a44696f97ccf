//! The popup's guide: the integration's four stages and the next step for one tab.

use wasm_bindgen::prelude::*;

use super::{profile_input, profile_now_ms, to_js};

/// `guide(input, nowMs) -> {page, here, stages, next, action}`: the four stages of the
/// integration and the next step for one tab; `input` is `GuideInput` (see `guide`), throws
/// `ProfileError` when it is malformed.
#[cfg(feature = "test-api")]
#[wasm_bindgen(js_name = guide)]
pub fn guide(input: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let input: crate::guide::GuideInput = profile_input(input, "guide input")?;
    to_js(&crate::guide::guide(&input, profile_now_ms(now_ms)?))
}
