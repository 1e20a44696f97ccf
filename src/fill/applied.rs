//! What the page did with a plan: every action it did not take becomes a field to fill by
//! hand, with the value to paste and why, so no field IMS Link could not fill goes unsaid.

use super::plan::{Action, MissingField, Plan};
use crate::text::clipped;

/// Most characters of a page script's own error kept in a message.
const MAX_DETAIL: usize = 200;

/// Why the page did not take `action`, in the admin's words; `why` is the page script's code
/// (`gone`, `disabled`, `not taken`, `no component`) or its error text.
fn reason(action: &Action, why: Option<&str>) -> String {
    let label = action.field_label.as_deref().unwrap_or(&action.label);
    match why.unwrap_or("not taken") {
        "gone" => format!(
            "The {label} field was no longer on the page when IMS Link filled it (the page changed). Enter the value by hand, or run Fill again."
        ),
        "disabled" => format!(
            "The {label} field is disabled on this page, so IMS Link left it. If AEM enables it after another choice, enter the value by hand."
        ),
        "not taken" => format!(
            "The {label} field did not keep the value IMS Link set. Enter the value by hand."
        ),
        "no component" => format!(
            "IMS Link could not reach the {label} field's AEM component to set it. Enter the value by hand."
        ),
        other => {
            let detail: String = clipped(other, MAX_DETAIL);
            format!("IMS Link could not set the {label} field ({detail}). Enter the value by hand.")
        }
    }
}

/// Moves each action the page did not take (`took(key)` false, with the page's `why`) from
/// `plan.actions` to `plan.missing_fields`, with the value to paste.
pub fn not_taken<'a>(plan: &mut Plan, took: impl Fn(&str) -> Result<(), Option<&'a str>>) {
    let mut kept = Vec::with_capacity(plan.actions.len());
    for a in std::mem::take(&mut plan.actions) {
        match took(&a.key) {
            Ok(()) => kept.push(a),
            Err(why) => plan.missing_fields.push(MissingField {
                spec_id: a.spec_id.clone(),
                label: a.field_label.clone().unwrap_or_else(|| a.label.clone()),
                key: Some(a.key.clone()),
                why: reason(&a, why),
                // An option as the admin sees it in the list; a secret as is (the popup masks it).
                value: Some(if a.secret { a.value.clone() } else { a.after.clone() }),
                secret: a.secret,
                required: true,
            }),
        }
    }
    plan.actions = kept;
}
