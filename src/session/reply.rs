//! What the worker answers IMS Link's pages, and what it tells them unasked. Built only here.

use super::Checks;
use crate::error::JsErrorInfo;
use crate::fill::Plan;
use crate::guide::Guide;
use crate::ims::check::CheckReport;
use crate::keys::ImportedKey;
use crate::message::Problem;
use crate::profile::console::CredentialChoice;
use crate::profile::diagnose::Finding;
use crate::profile::report::ImportReport;
use crate::profile::{Conflict, Profile};
use crate::to_json::ToJson;

use super::event::ApplyResult;

pub use crate::tab::TabState;

/// The profile as held, with what the admin should see about it.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct ProfileState {
    /// The profile (secrets included: only IMS Link's own pages receive it).
    pub profile: Profile,
    /// What the diagnostics found.
    pub findings: Vec<Finding>,
    /// Captured values waiting for the admin's choice.
    pub conflicts: Vec<Conflict>,
    /// A first client id or secret read from a page, waiting for the admin's yes.
    pub awaiting: Option<super::Awaiting>,
    /// Another credential than the profile's, waiting for "Switch" or "Keep".
    pub switch: Option<super::SwitchView>,
    /// A first credential IMS Link took by itself, with what and from where, for Undo; in the
    /// popup's answer only on the page it was taken from.
    pub taken: Option<super::TakenView>,
    /// What the last captures want the admin to know.
    pub notices: Vec<Problem>,
    /// The last check results (never the token).
    pub checks: Checks,
    /// What each check sends where, said next to its button.
    pub sends: crate::ims::check::Sends,
    /// To an import only: what it took, lacked and refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import: Option<ImportReport>,
}

/// Everything the popup draws when it opens, in one answer.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct PopupState {
    /// The tab.
    pub tab: TabState,
    /// The profile.
    pub profile: ProfileState,
    /// The guide for this tab.
    pub guide: Guide,
    /// The key pair held.
    pub key_pair: Option<ImportedKey>,
    /// AEM's certificate taken from its wizard (public), for the Console's "Upload public key".
    pub aem_certificate: Option<super::AemCertificate>,
    /// Whether to offer "Read the client code from this site's at.js": only on a site's own
    /// page, while the guide is not finished.
    pub read_site: bool,
    /// How long a revealed secret stays shown before the popup masks it again, in ms.
    pub reveal_ms: u64,
}

/// The worker's answer to a request.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(tag = "type", rename_all_fields = "camelCase")]
pub enum Reply {
    /// To `GetPopup`.
    Popup(Box<PopupState>),
    /// To `GetProfile` and every profile change.
    ProfileState(Box<ProfileState>),
    /// The tab's guide, after a request or a page's answer that changes it (a fill, AEM's
    /// verdict, the author named, a page's steps, ...).
    Guide { guide: Box<Guide> },
    /// To the key pair requests.
    KeyPair { material: Option<Box<ImportedKey>> },
    /// A check's report; `recorded` is false when the profile changed while it ran.
    CheckResult { report: Box<CheckReport>, recorded: bool },
    /// The fill plan and what the page took.
    FillResult { plan: Box<Plan>, results: Vec<ApplyResult> },
    /// Nothing filled yet: the values it would write have these errors; the admin fills only
    /// by saying "fill anyway" (`FillForm` with `anyway`).
    FillHasErrors { origin: String, findings: Vec<Finding> },
    /// To `SecretCopied`: the clipboard is cleared after this long if it still holds the secret.
    ClipboardWatched { clear_after_ms: u64 },
    /// To `FillForm` with `preview`: what the fill would write where, secrets masked.
    FillPreview { preview: crate::fill::preview::Preview },
    /// How many fields Undo restored, and the fields it could not (secrets IMS Link never kept).
    UndoResult {
        restored: u32,
        results: Vec<ApplyResult>,
        not_kept: Vec<String>,
    },
    /// To `ImportText` of a file with several credentials: the admin picks one (`preselected`
    /// is the one for Adobe Target) and sends the text again with its `key` as `choice`.
    ChooseCredential {
        credentials: Vec<CredentialChoice>,
        preselected: Option<String>,
        message: String,
    },
    /// The request was refused, and why.
    Refused {
        problem: Problem,
        #[serde(skip_serializing_if = "Option::is_none")]
        tab_id: Option<u32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        detail: Option<String>,
        /// To a side panel's `ReadAemResult`: how and when it reads again (absent: it stops).
        #[serde(skip_serializing_if = "Option::is_none")]
        again: Option<ReadAgain>,
    },
}

/// When the side panel watching AEM's page reads it again after a read gave no verdict
/// (`session::verdicts::read_again`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct ReadAgain {
    /// Wait in the page for AEM's result areas to change (`true`), or read the page as it is.
    pub wait: bool,
    /// Wait this long first.
    pub after_ms: u64,
    /// The browser's refusals in a row so far, given back with the next read.
    pub refusals: u32,
}

impl Reply {
    /// A module's error as a refusal: its code and its message for the admin.
    pub fn failed(e: &impl JsErrorInfo) -> Reply {
        Reply::refused(e.code(), e.to_string())
    }

    /// A refusal with a code and a message.
    pub fn refused(code: &str, message: impl Into<String>) -> Reply {
        Reply::Refused {
            problem: Problem {
                code: code.into(),
                message: message.into(),
            },
            tab_id: None,
            detail: None,
            again: None,
        }
    }
}

/// What the worker tells every open IMS Link page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(tag = "type", rename_all_fields = "camelCase")]
pub enum Broadcast {
    /// A tab's address changed: ask for its state again.
    TabStateChanged { tab_id: u32 },
    /// The profile, checks, key pair or fills changed: ask again.
    ProfileChanged,
}
