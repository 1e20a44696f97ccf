//! What the content script sends about a form: its address and every field it found, each
//! with a stable `key` it assigned, the field's name, id, label texts, current value and
//! options. Bounded like `capture::snapshot::PageSnapshot`, so a hostile page cannot make
//! the planner do unbounded work.

use crate::from_json::FromJson;
use crate::text::cut;
use crate::to_json::ToJson;

/// Most fields kept from one form.
pub const MAX_FIELDS: usize = 1_000;
/// Most options kept per select.
pub const MAX_OPTIONS: usize = 500;
/// Most options kept over the whole form.
pub const MAX_OPTIONS_TOTAL: usize = 10_000;
/// Longest value kept (a JWT payload is a few kilobytes).
pub const MAX_VALUE: usize = 16 * 1024;
/// Most page markers kept.
pub const MAX_MARKERS: usize = 16;
/// Longest key, tag, name, label or option text kept.
pub const MAX_SHORT: usize = 1024;

/// One option of a select, Coral select or ExtJS combo.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(default)]
pub struct FieldOption {
    /// The value the form posts (`coral-select-item[value]`, `data-value`).
    pub value: String,
    /// The text the admin sees.
    pub text: String,
}

/// One form field as the content script saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct FieldSnapshot {
    /// Stable id the content script assigned (e.g. `f7`); plan actions name fields by it.
    pub key: String,
    /// Lower-case tag: `input`, `textarea`, `select`, `coral-select`, `coral-switch`, ...
    pub tag: String,
    /// The input `type` (`text`, `password`, `checkbox`, `hidden`), or `extjs-combo`.
    pub kind: String,
    /// The `name` attribute (for an ExtJS combo, its hidden input's).
    pub name: Option<String>,
    /// The `id` attribute.
    pub id: Option<String>,
    /// The text of the field's `<label>` (or `labelledby` element, or a switch's own text).
    pub label: Option<String>,
    /// The `aria-label` attribute.
    pub aria_label: Option<String>,
    /// The `placeholder` attribute.
    pub placeholder: Option<String>,
    /// The current value; `"true"`/`"false"` for checkboxes and switches.
    pub value: String,
    /// Whether a checkbox or switch is on.
    pub checked: Option<bool>,
    /// The options of a select, in order.
    pub options: Vec<FieldOption>,
    /// Whether the field is displayed (false inside a wizard step not yet shown).
    pub visible: bool,
    /// Whether the field is disabled.
    pub disabled: bool,
    /// Whether the field is read-only.
    pub read_only: bool,
    /// The xtype of the ExtJS component behind the field (`combo`, `checkbox`, `textfield`),
    /// when the page's own `CQ.Ext` has one: such a field is set through the component.
    pub component: Option<String>,
    /// Whether the field sits in a step of a wizard (`.foundation-wizard-step`), which AEM
    /// hides until the admin reaches it: the one hidden place a secret may go.
    pub wizard_step: bool,
}

/// A form as the content script saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(default)]
pub struct FormSnapshot {
    /// The page address.
    pub url: String,
    /// The fields, in document order.
    pub fields: Vec<FieldSnapshot>,
    /// AEM's own page markers found on the page (`fill::trust::TOUCH_UI_MARKERS`,
    /// `CLASSIC_UI_MARKERS`).
    pub markers: Vec<String>,
    /// Whether the snapshot was taken in a frame rather than the tab's top page.
    pub frame: bool,
}

fn cut_opt(s: &mut Option<String>) {
    if let Some(v) = s {
        cut(v, MAX_SHORT);
    }
}

impl FormSnapshot {
    /// Cuts the snapshot to the limits and drops fields without a key or with a key seen
    /// before (the content script could not tell them apart when applying the plan).
    pub fn bounded(mut self) -> Self {
        cut(&mut self.url, MAX_VALUE);
        self.markers.truncate(MAX_MARKERS);
        for m in &mut self.markers {
            cut(m, MAX_SHORT);
        }
        let mut seen = Vec::new();
        let mut options_left = MAX_OPTIONS_TOTAL;
        let mut fields = Vec::with_capacity(self.fields.len().min(MAX_FIELDS));
        for mut f in self.fields.into_iter().take(MAX_FIELDS) {
            cut(&mut f.key, MAX_SHORT);
            if f.key.trim().is_empty() || !crate::sorted::insert(&mut seen, f.key.clone()) {
                continue;
            }
            cut(&mut f.tag, MAX_SHORT);
            cut(&mut f.kind, MAX_SHORT);
            cut(&mut f.value, MAX_VALUE);
            cut_opt(&mut f.name);
            cut_opt(&mut f.id);
            cut_opt(&mut f.label);
            cut_opt(&mut f.aria_label);
            cut_opt(&mut f.placeholder);
            cut_opt(&mut f.component);
            let keep = f.options.len().min(MAX_OPTIONS).min(options_left);
            f.options.truncate(keep);
            options_left -= keep;
            for o in &mut f.options {
                cut(&mut o.value, MAX_SHORT);
                cut(&mut o.text, MAX_SHORT);
            }
            fields.push(f);
        }
        self.fields = fields;
        self
    }
}
