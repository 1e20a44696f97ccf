//! What a content script sees of a page: its address, headings, and label/value pairs.
//! Pages are read by visible label text because Adobe's markup (hashed class names, no ids on
//! values) changes without notice; the snapshot is bounded so a hostile page cannot flood us.

use crate::from_json::FromJson;
use crate::gather::Gather;
use crate::text::folded;
use crate::to_json::ToJson;

/// Most pairs and headings kept from one page.
pub const MAX_ITEMS: usize = 2_000;
/// Longest label or value kept.
pub const MAX_TEXT: usize = 16 * 1024;

/// Most pieces of text kept from one value.
pub const MAX_PARTS: usize = 200;

/// One label and the value shown next to it (or a field's label and its value).
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Pair {
    /// The visible label, `aria-label` or `<label>` text.
    pub label: String,
    /// The value's text.
    pub value: String,
    /// The value's separate pieces of text (one per tag, list item or group heading) when it
    /// has several: the one text above runs adjacent elements together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
}

/// A page as the content script saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(default)]
pub struct PageSnapshot {
    /// The page address.
    pub url: String,
    /// h1-h3 texts, in document order.
    pub headings: Vec<String>,
    /// Label/value pairs, in document order.
    pub pairs: Vec<Pair>,
}

impl PageSnapshot {
    /// Cuts the snapshot to the limits, so later code never handles unbounded input.
    pub fn bounded(mut self) -> Self {
        let cut = |s: &mut String| crate::text::cut(s, MAX_TEXT);
        self.headings.truncate(MAX_ITEMS);
        self.pairs.truncate(MAX_ITEMS);
        cut(&mut self.url);
        self.headings.iter_mut().for_each(cut);
        for p in &mut self.pairs {
            cut(&mut p.label);
            cut(&mut p.value);
            p.parts.truncate(MAX_PARTS);
            p.parts.iter_mut().for_each(cut);
        }
        self
    }

    /// The first non-empty value whose label equals one of `labels` (case and spacing ignored).
    pub fn value(&self, labels: &[&str]) -> Option<&str> {
        let wanted: Vec<String> = labels.iter().map(|l| folded(l)).gather();
        self.pairs
            .iter()
            .find(|p| wanted.contains(&folded(&p.label)) && !p.value.trim().is_empty())
            .map(|p| p.value.trim())
    }

    /// Every non-empty pair whose label equals one of `labels` (case and spacing ignored).
    pub fn pairs_for<'a>(&'a self, labels: &[&str]) -> Vec<&'a Pair> {
        let wanted: Vec<String> = labels.iter().map(|l| folded(l)).gather();
        self.pairs
            .iter()
            .filter(|p| wanted.contains(&folded(&p.label)) && !p.value.trim().is_empty())
            .gather()
    }

    /// Whether the page shows two different values under one of `labels`: a page (or a
    /// script injected into it) that says two things about one value is not read for it.
    pub fn ambiguous(&self, labels: &[&str]) -> bool {
        let wanted: Vec<String> = labels.iter().map(|l| folded(l)).gather();
        let mut seen: Option<&str> = None;
        for p in self.pairs.iter().filter(|p| wanted.contains(&folded(&p.label))) {
            let v = p.value.trim();
            if v.is_empty() {
                continue;
            }
            match seen {
                Some(first) if first != v => return true,
                _ => seen = Some(v),
            }
        }
        false
    }

    /// Whether a heading equals `text` (case and spacing ignored).
    pub fn has_heading(&self, text: &str) -> bool {
        let t = folded(text);
        self.headings.iter().any(|h| folded(h) == t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_values_by_label_ignoring_case_and_spacing() {
        let s = PageSnapshot {
            url: "https://x".into(),
            headings: vec!["OAuth  Server-to-Server".into()],
            pairs: vec![
                Pair {
                    label: "Client ID".into(),
                    value: "".into(),
                    ..Pair::default()
                },
                Pair {
                    label: "client  id".into(),
                    value: " abc ".into(),
                    ..Pair::default()
                },
            ],
        };
        assert_eq!(s.value(&["Client ID", "API Key"]), Some("abc"));
        assert_eq!(s.value(&["Nope"]), None);
        assert!(s.has_heading("oauth server-to-server"));
    }

    #[test]
    fn bounds_hostile_snapshots() {
        let big = "é".repeat(MAX_TEXT);
        let s = PageSnapshot {
            url: big.clone(),
            headings: vec![big.clone(); MAX_ITEMS + 5],
            pairs: vec![],
        }
        .bounded();
        assert_eq!(s.headings.len(), MAX_ITEMS);
        assert!(s.url.len() <= MAX_TEXT);
    }
}
