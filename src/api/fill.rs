//! Planning the fill of AEM's IMS and Target configuration forms (the tests' export).

use wasm_bindgen::prelude::*;

use super::{js_error, to_js};
use crate::fill::{self, FillError};
use crate::profile::Profile;

/// A fill argument; refused as the `FillError` variant `wrap` names (which argument it was).
fn fill_input<T: crate::from_json::FromJson>(value: JsValue, wrap: fn(String) -> FillError) -> Result<T, JsValue> {
    super::read(&value).map_err(|e| js_error(wrap(e)))
}

/// `planFill(snapshot, profile, options?) -> plan`. `snapshot` is `{url, fields: [{key, tag,
/// kind, name?, id?, label?, ariaLabel?, placeholder?, value, checked?, options: [{value,
/// text}], visible, disabled, readOnly}]}`; `options` is `{confirm?: [specId], title?,
/// imsConfigTitle?}` or undefined. The plan is `{form, mode, availableModes, currentMode,
/// openUrl, notices, actions, unchanged, conflicts, missingFields, missingValues}` (see
/// `fill::Plan`); throws `FillError`.
#[cfg(feature = "test-api")]
#[wasm_bindgen(js_name = planFill)]
pub fn plan_fill(snapshot: JsValue, profile: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let snapshot: fill::FormSnapshot = fill_input(snapshot, FillError::MalformedSnapshot)?;
    let profile: Profile = fill_input(profile, FillError::MalformedProfile)?;
    let options: fill::PlanOptions = if options.is_undefined() || options.is_null() {
        fill::PlanOptions::default()
    } else {
        fill_input(options, FillError::MalformedOptions)?
    };
    to_js(&fill::plan(snapshot, &profile, &options).map_err(js_error)?)
}
