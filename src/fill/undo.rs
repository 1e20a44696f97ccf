//! Undoing a fill: the actions that put back what the applied ones replaced.

use super::plan::Action;
use super::FillError;
use crate::gather::Gather;

/// Most applied actions `undo` takes.
pub const MAX_UNDO: usize = super::snapshot::MAX_FIELDS;

/// The actions that put back what `applied` replaced, last applied first.
pub fn undo(applied: &[Action]) -> Result<Vec<Action>, FillError> {
    if applied.len() > MAX_UNDO {
        return Err(FillError::TooManyApplied(applied.len()));
    }
    Ok(applied
        .iter()
        .rev()
        .map(|a| Action {
            key: a.key.clone(),
            spec_id: a.spec_id.clone(),
            label: a.label.clone(),
            field_label: a.field_label.clone(),
            action: a.action,
            via: a.via,
            value: a.before.clone(),
            before: a.value.clone(),
            before_text: a.after.clone(),
            after: if a.before_text.is_empty() {
                a.before.clone()
            } else {
                a.before_text.clone()
            },
            conflict: false,
            secret: a.secret,
            hidden: a.hidden,
            disabled: a.disabled,
        })
        .gather())
}
