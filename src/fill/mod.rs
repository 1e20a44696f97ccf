//! Filling AEM forms from the integration profile. The content script sends a
//! `FormSnapshot` of the page's fields; `plan` detects the form, finds each field of the
//! form's spec table (by name, then label) and returns what to set, what is already right,
//! what conflicts with a value the admin typed, and what it could not find. The content
//! script applies the plan; each action keeps what it replaces (`before`), which the session's
//! Undo puts back (`session::fills`).
//!
//! By concern: `detect` tells the form, `matching` finds each spec's field, `resolve` says
//! what value each spec wants from the profile, `choose` picks a list option for it, `plan`
//! decides per field and builds the plan.

pub mod applied;
pub mod choose;
pub mod detect;
pub mod findings;
pub mod matching;
pub mod plan;
pub mod preview;
pub mod resolve;
pub mod snapshot;
pub mod spec;
pub mod trust;

use std::fmt;

use crate::error::JsErrorInfo;

pub use detect::FormKind;
pub use plan::{plan, Action, ActionKind, MissingField, MissingValue, Notice, Plan, PlanOptions, Via};
pub use snapshot::{FieldOption, FieldSnapshot, FormSnapshot};

/// Why no plan (or undo) could be made. The refusals of the exports' arguments are compiled
/// only with those exports (the tests'): the extension reads a fill's inputs as messages and
/// events, and refuses them as such (issue 17: no text in its module that it never shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FillError {
    /// The form snapshot from the content script could not be read.
    #[cfg(feature = "test-api")]
    MalformedSnapshot(String),
    /// The profile could not be read.
    #[cfg(feature = "test-api")]
    MalformedProfile(String),
    /// The plan options could not be read.
    #[cfg(feature = "test-api")]
    MalformedOptions(String),
    /// `confirm` names a field this form does not have.
    UnknownConfirm {
        /// The id given.
        spec_id: String,
        /// The form detected.
        form: String,
    },
    /// `confirm` lists more ids than any form has fields.
    TooManyConfirmed(usize),
    /// More origins allowed for secrets than the limit.
    TooManySecretOrigins(usize),
    /// The admin's yes named another origin than the page's, or an insecure one.
    OriginNotThisPage {
        /// The origin given.
        origin: String,
        /// The page's origin.
        page: String,
    },
    /// Undo asked on another page than the one filled.
    UndoElsewhere {
        /// `scheme://host/path` of the page that was filled (no query: it may hold anything).
        filled: String,
    },
}

impl JsErrorInfo for FillError {
    fn js_name(&self) -> &'static str {
        "FillError"
    }

    /// A stable machine-readable code, used by the UI and tests.
    fn code(&self) -> &'static str {
        match self {
            #[cfg(feature = "test-api")]
            FillError::MalformedSnapshot(_) => "malformed-snapshot",
            #[cfg(feature = "test-api")]
            FillError::MalformedProfile(_) => "malformed-profile",
            #[cfg(feature = "test-api")]
            FillError::MalformedOptions(_) => "malformed-options",
            FillError::UnknownConfirm { .. } => "unknown-confirm",
            FillError::TooManyConfirmed(_) => "too-many-confirmed",
            FillError::TooManySecretOrigins(_) => "too-many-secret-origins",
            FillError::UndoElsewhere { .. } => "undo-elsewhere",
            FillError::OriginNotThisPage { .. } => "origin-not-this-page",
        }
    }
}

impl fmt::Display for FillError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            #[cfg(feature = "test-api")]
            FillError::MalformedSnapshot(e) => write!(
                f,
                "IMS Link could not read the form snapshot from the page ({e}). Reload the AEM page and try Fill again."
            ),
            #[cfg(feature = "test-api")]
            FillError::MalformedProfile(e) => write!(
                f,
                "IMS Link could not read the profile ({e}). Reopen the popup; if it persists, clear the profile and capture it again."
            ),
            #[cfg(feature = "test-api")]
            FillError::MalformedOptions(e) => write!(
                f,
                "IMS Link could not read the fill options ({e}): expected {{confirm: [field ids], title?, imsConfigTitle?}}. Reopen the popup and try again."
            ),
            FillError::UnknownConfirm { spec_id, form } => write!(
                f,
                "\"{spec_id}\" is not a field of this form ({form}), so it cannot be confirmed. The page may have changed: run Fill again and confirm from the new plan."
            ),
            FillError::TooManyConfirmed(n) => write!(
                f,
                "{n} fields were confirmed, more than any form has (at most {}). Run Fill again and confirm from the new plan.",
                plan::MAX_CONFIRM
            ),
            FillError::TooManySecretOrigins(n) => write!(
                f,
                "{n} sites were given as allowed to receive secrets, more than IMS Link keeps (at most {}). Remove some in the popup.",
                trust::MAX_SECRET_ORIGINS
            ),
            FillError::OriginNotThisPage { origin, page } => write!(
                f,
                "IMS Link did not allow secrets to {origin}: the tab shows {page}, or the address is plain http. Click Fill this form again on the AEM page."
            ),
            FillError::UndoElsewhere { filled } => write!(
                f,
                "Undo did nothing: the tab no longer shows the page that was filled ({filled}). Go back to that page to undo, or leave the form without saving."
            ),
        }
    }
}

impl std::error::Error for FillError {}

#[cfg(test)]
mod keystore_tests;
#[cfg(test)]
mod tests;
