//! Finding each spec's field: by `name` first, then by label, then by `aria-label` and
//! placeholder, then by a label that contains a wording as whole words. A tier is tried for
//! every spec before the next, so a field one spec finds by name is never taken by another
//! spec's label; no field is matched twice. Within a tier, enabled visible fields win, then
//! enabled hidden ones (a wizard step not shown yet), then disabled ones, in document order.

use super::snapshot::FieldSnapshot;
use super::spec::{normalize_label, normalize_name, Control, Spec};
use crate::gather::Gather;
use crate::text::Search;

/// A field with its texts normalized once.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    /// The field as sent.
    pub field: &'a FieldSnapshot,
    /// `normalize_name(name)`.
    pub name: String,
    /// `normalize_label(label)`.
    pub label: String,
    /// `normalize_label(ariaLabel)`.
    pub aria: String,
    /// `normalize_label(placeholder)`.
    pub placeholder: String,
}

impl<'a> Prepared<'a> {
    /// Normalizes one field.
    pub fn new(field: &'a FieldSnapshot) -> Self {
        let n = |s: &Option<String>| s.as_deref().map(normalize_label).unwrap_or_default();
        Prepared {
            field,
            name: field.name.as_deref().map(normalize_name).unwrap_or_default(),
            label: n(&field.label),
            aria: n(&field.aria_label),
            placeholder: n(&field.placeholder),
        }
    }

    /// The control kind, or `None` for fields IMS Link never fills (hidden inputs, buttons).
    pub fn control(&self) -> Option<Control> {
        let tag = self.field.tag.to_ascii_lowercase();
        let kind = self.field.kind.to_ascii_lowercase();
        match (tag.as_str(), kind.as_str()) {
            ("input", "file") => Some(Control::File),
            (_, "hidden" | "button" | "submit" | "reset" | "image" | "file" | "radio") => None,
            ("coral-select" | "select", _) | (_, "extjs-combo" | "select" | "select-one") => Some(Control::Choice),
            ("coral-switch" | "coral-checkbox", _) | (_, "checkbox" | "switch") => Some(Control::Check),
            ("input" | "textarea" | "coral-textfield" | "coral-textarea", _) => Some(Control::Text),
            _ => None,
        }
    }

    fn rank(&self) -> u8 {
        match (self.field.disabled, self.field.visible) {
            (false, true) => 0,
            (false, false) => 1,
            (true, true) => 2,
            (true, false) => 3,
        }
    }
}

/// How a field was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// Its `name`.
    Name,
    /// Its label, equal to a wording.
    Label,
    /// Its `aria-label`, equal to a wording.
    AriaLabel,
    /// Its placeholder, equal to a wording.
    Placeholder,
    /// Its label or `aria-label`, containing a wording as whole words.
    LabelContains,
}

const TIERS: [Tier; 5] = [
    Tier::Name,
    Tier::Label,
    Tier::AriaLabel,
    Tier::Placeholder,
    Tier::LabelContains,
];

/// Whether `text` holds `words` as whole words (both normalized).
pub fn contains_words(text: &str, words: &str) -> bool {
    !text.is_empty() && format!(" {text} ").contains_text(&format!(" {words} "))
}

fn fits(tier: Tier, f: &Prepared, spec: &Spec, wording: usize) -> bool {
    match tier {
        Tier::Name => spec
            .names
            .get(wording)
            .is_some_and(|n| !f.name.is_empty() && f.name == normalize_name(n)),
        Tier::Label => spec.labels.get(wording).is_some_and(|l| f.label == *l),
        Tier::AriaLabel => spec.labels.get(wording).is_some_and(|l| f.aria == *l),
        Tier::Placeholder => spec.labels.get(wording).is_some_and(|l| f.placeholder == *l),
        Tier::LabelContains => spec
            .labels
            .get(wording)
            .is_some_and(|l| contains_words(&f.label, l) || contains_words(&f.aria, l)),
    }
}

/// For each spec, the index of its field in `fields` and how it was found.
pub fn match_fields(specs: &[&Spec], fields: &[Prepared]) -> Vec<Option<(usize, Tier)>> {
    let mut found: Vec<Option<(usize, Tier)>> = vec![None; specs.len()];
    let mut used = vec![false; fields.len()];
    let controls: Vec<Option<Control>> = fields.iter().map(Prepared::control).gather();
    for tier in TIERS {
        for (s, spec) in specs.iter().enumerate() {
            if found[s].is_some() {
                continue;
            }
            let wordings = match tier {
                Tier::Name => spec.names.len(),
                _ => spec.labels.len(),
            };
            'wordings: for w in 0..wordings {
                let best = fields
                    .iter()
                    .enumerate()
                    .filter(|(i, f)| !used[*i] && controls[*i] == Some(spec.control) && fits(tier, f, spec, w))
                    .min_by_key(|(i, f)| (f.rank(), *i));
                if let Some((i, _)) = best {
                    used[i] = true;
                    found[s] = Some((i, tier));
                    break 'wordings;
                }
            }
        }
    }
    found
}
