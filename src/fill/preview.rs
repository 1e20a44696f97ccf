//! What a fill would write, shown before the first fill on a page: which value goes into which
//! field on which host, secrets masked here so that the preview never carries one.

use crate::from_json::FromJson;
use crate::gather::Gather;
use crate::text::Search;
use crate::to_json::ToJson;

use super::plan::{Action, Plan};

/// How a secret shows in a preview: never its value, nor its length.
pub const MASK: &str = "\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}";

/// A fill before it is made.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    /// The Fill button's text: how many fields, on which host.
    pub label: String,
    /// The preview's one-line heading: the same count as the button, and those waiting apart.
    pub summary: String,
    /// The origin the fill writes to.
    pub origin: String,
    /// One line per field the fill writes, in order.
    pub rows: Vec<PreviewRow>,
    /// Fields the fill leaves for the admin's word: another value there, or a secret held
    /// back until the admin allows this origin.
    pub waiting: Vec<PreviewRow>,
}

/// One field and the value it would take (masked if secret).
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    /// The field as the page labels it.
    pub field: String,
    /// The value as the admin would see it, or the mask.
    pub value: String,
}

fn shown(a: &Action, value: &str) -> String {
    if a.secret {
        MASK.to_string()
    } else {
        value.to_string()
    }
}

fn field(a: &Action) -> String {
    a.field_label.clone().unwrap_or_else(|| a.label.clone())
}

/// The Fill button's text for `count` fields on `origin`.
pub fn label(count: usize, origin: &str) -> String {
    let host = origin.split_once_text("://").map_or(origin, |(_, h)| h);
    match count {
        0 => format!("Fill this form on {host}"),
        1 => format!("Fill 1 field on {host}"),
        n => format!("Fill {n} fields on {host}"),
    }
}

fn fields(n: usize) -> String {
    if n == 1 {
        "1 field".to_string()
    } else {
        format!("{n} fields")
    }
}

/// The preview's heading: the fields the button fills, then those left waiting, counted apart
/// so that it never says another number than the button.
fn summary(origin: &str, rows: usize, waiting: usize) -> String {
    match waiting {
        0 => format!("What goes where on {origin} ({}, secrets masked)", fields(rows)),
        w => format!(
            "What goes where on {origin} ({}, {w} more waiting for your word; secrets masked)",
            fields(rows)
        ),
    }
}

/// The preview of `plan`: the fields it writes and those it leaves waiting.
pub fn preview(plan: &Plan) -> Preview {
    let rows: Vec<PreviewRow> = plan
        .actions
        .iter()
        .map(|a| PreviewRow {
            field: field(a),
            value: shown(a, &a.after),
        })
        .gather();
    let mut waiting: Vec<PreviewRow> = plan
        .conflicts
        .iter()
        .map(|a| PreviewRow {
            field: field(a),
            value: format!(
                "{} (it holds \u{201c}{}\u{201d}: replaced only if you say so)",
                shown(a, &a.after),
                shown(a, &a.before_text)
            ),
        })
        .gather();
    if let Some(consent) = &plan.consent {
        let held = consent.held.iter().map(|id| super::plan::spec_label(id).to_string());
        waiting.extend(held.map(|field| PreviewRow {
            field,
            value: format!("{MASK} (sent only once you allow {})", consent.origin),
        }));
    }
    Preview {
        label: label(plan.actions.len(), &plan.origin),
        summary: summary(&plan.origin, plan.actions.len(), waiting.len()),
        origin: plan.origin.clone(),
        rows,
        waiting,
    }
}
