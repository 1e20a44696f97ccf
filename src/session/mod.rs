//! The worker's state and every change to it. The service worker keeps one [`Session`] in
//! `storage.session`; for each event it reads the session, calls [`step`], writes the session
//! that comes back, carries out the effects and, when the step needs the browser or the
//! network, does that one thing and calls [`step`] again with the result. Every rule about the
//! state (what a capture changes, what a check or a fill records, what clearing wipes) is here.

mod aem_author;
mod aem_certificate;
mod auto_check;
mod awaiting;
mod checks;
mod clipboard;
mod credential_switch;
mod echo;
mod event;
#[cfg(test)]
mod fill_choices_tests;
mod fills;
mod key_pair;
mod keystore;
mod page_run;
mod profile_ops;
mod reply;
mod taken;
#[cfg(test)]
mod taken_tests;
mod target_folders;
#[cfg(test)]
mod tests;
mod verdicts;
mod views;

use crate::from_json::FromJson;
use crate::to_json::ToJson;

use crate::fill::{ActionKind, FormKind};
use crate::guide::Filled;
use crate::ims::check::CheckReport;
use crate::ims::diagnose::Token;
use crate::keys::ImportedKey;
use crate::message::Problem;
use crate::profile::{Capture, Conflict, Profile};

pub use aem_certificate::{AemCertificate, FetchedFile};
pub use awaiting::Awaiting;
pub use credential_switch::{CredentialSwitch, SwitchView};
pub use echo::Echoes;
pub use event::{AfterTab, ApplyResult, ApplyStep, Effect, Event, FillRequest, Io, Step};
pub use reply::{Broadcast, PopupState, ProfileState, Reply, TabState};
pub use taken::{Taken, TakenView};

/// Everything the worker holds, in one value.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct Session {
    /// Bumped by every change to what the checks are made with (profile, key pair), so a
    /// check that ran while the credential changed is not recorded as passing for it.
    pub revision: u64,
    /// The integration profile.
    pub profile: Profile,
    /// Captures whose values differ from the profile's, waiting for the admin's choice.
    pub pending: Vec<Pending>,
    /// A first client id or secret read from a page, waiting for the admin's yes.
    pub awaiting: Option<Awaiting>,
    /// A first credential taken by itself from its Console page (`taken`), for the popup's
    /// "Took … from …" and its Undo.
    pub taken: Option<Taken>,
    /// The client ID whose taking the admin undid: it waits for the admin's yes from then on.
    pub undone_take: Option<String>,
    /// Another credential than the profile's, read from a page or a file, waiting whole for
    /// the admin's one decision (`credential_switch`).
    pub switch: Option<CredentialSwitch>,
    /// The client ID of the other credential the admin kept the profile over: not asked again
    /// until the profile's own credential is seen again.
    pub kept_over: Option<String>,
    /// What the last captures want the admin to know, newest first.
    pub notices: Vec<Problem>,
    /// The last result of each check.
    pub checks: Checks,
    /// The token of the last IMS check that passed; never leaves the worker.
    pub token: Option<Token>,
    /// The key pair made or imported in this browser session.
    pub key_pair: Option<ImportedKey>,
    /// What each tab's last fill replaced, for Undo; never a secret.
    pub fills: Vec<FillRecord>,
    /// Forms IMS Link filled, newest last (what the guide counts as filled).
    pub filled: Vec<Filled>,
    /// The title IMS Link gave the IMS configuration, so the Target form picks that one.
    pub ims_config_title: Option<String>,
    /// AEM origins the admin allowed by name to receive secrets (`fill::trust`): a consent,
    /// not a secret, so "Clear profile" keeps it; the popup takes it back.
    pub secret_origins: Vec<String>,
    /// AEM's own verdicts read from its pages (Check Health, Connect): what proves AEM works.
    pub aem: AemVerdicts,
    /// AEM's own certificate, taken from its IMS wizard (JWT route A); public data.
    pub aem_certificate: Option<AemCertificate>,
    /// The AEM origin whose wizard showed "Create new certificate" on (the admin chose route A).
    pub aem_new_certificate: Option<String>,
    /// The AEM author the guide links to: the admin gave it, or the first AEM page the popup
    /// was opened on showed it. Not a secret; "Clear profile" keeps it.
    pub aem_author: Option<String>,
    /// The AEM author the admin typed, until the browser grants IMS Link access to it: the
    /// form said naming it lets IMS Link fill its forms, the client secret included, so the
    /// grant ("Allow on <author>") records it in `secret_origins` (`aem_author::named_granted`)
    /// and this is cleared. Once only: a yes taken back stays taken back.
    pub aem_author_named: Option<String>,
    /// The SHA-256 (hex) of a secret the popup copied, while the worker waits to clear it from
    /// the clipboard (`clipboard.rs`); never the secret itself.
    pub clipboard: Option<String>,
    /// The certificates the Console credential page last listed.
    pub credential_certificates: Option<crate::capture::certificates::CredentialCertificates>,
}

/// The last verdict AEM showed for each of its buttons.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(default)]
pub struct AemVerdicts {
    /// Check Health on the IMS configurations console.
    pub health: Option<crate::ims::aem_verdict::AemVerdict>,
    /// Connect on a Target configuration.
    pub connect: Option<crate::ims::aem_verdict::AemVerdict>,
    /// The IMS configurations AEM's console listed when last read.
    pub configs: Option<AemConfigList>,
    /// The authentication-service keystore as AEM's keystore page last showed it.
    pub keystore: Option<KeystoreList>,
    /// The Target configurations of the `/conf` folder whose console was last read.
    pub target_folder: Option<crate::ims::target_folder::TargetFolder>,
    /// AEM's check IMS Link last ran itself (`page_run`).
    pub ran: Option<crate::guide::PageRun>,
    /// The configuration folders AEM's Target console lists (`target_folders`).
    pub folders: Option<crate::ims::target_folder::ConfFolders>,
}

/// AEM's keystore as its page showed it: whether it exists and the aliases it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct KeystoreList {
    /// The keystore page's address (its origin is the AEM author).
    pub url: String,
    /// Whether AEM has a key store for the user (else it offers to create one).
    pub exists: bool,
    /// The aliases listed.
    pub aliases: Vec<String>,
    /// AEM's error, when the page showed one (a wrong password, files that do not match).
    pub error: Option<String>,
}

/// AEM's IMS configurations, as one console showed them.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct AemConfigList {
    /// The console's address.
    pub url: String,
    /// Its configurations.
    pub configs: Vec<crate::ims::aem_configs::AemConfig>,
}

/// A capture with conflicting values, kept whole so the admin's choice can apply it.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Pending {
    /// What was captured.
    pub capture: Capture,
    /// The fields whose values differ.
    pub conflicts: Vec<Conflict>,
}

/// The last result of each check.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(default)]
pub struct Checks {
    /// The IMS check.
    pub ims: Option<CheckReport>,
    /// The Target connection check.
    pub target: Option<CheckReport>,
    /// The revision IMS Link started its own IMS check at (`auto_check`), once per set of
    /// values: voided with the IMS result when the values change.
    #[serde(rename = "imsAuto")]
    pub ims_auto: Option<u64>,
    /// When it started (ms): an answer lost on the way (the worker stopped) is not waited for
    /// past `auto_check::WAIT_MS`.
    #[serde(rename = "imsAutoAtMs")]
    pub ims_auto_at_ms: Option<u64>,
}

/// One tab's last fill: what Undo needs and nothing more.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct FillRecord {
    /// The tab.
    pub tab_id: u32,
    /// The page's address when it was filled.
    pub url: String,
    /// Which form.
    pub form: FormKind,
    /// One step per field the fill changed, in the order applied.
    pub undo: Vec<UndoStep>,
    /// The origin whose secrets wait for the admin's yes (the guide asks), if any.
    #[serde(default)]
    pub consent: Option<String>,
    /// Fields that held another value than the profile's, waiting for the admin's choice
    /// (secrets masked: what a record shows is never a secret).
    #[serde(default)]
    pub choices: Vec<crate::guide::Choice>,
    /// Spec ids of fields whose own value the admin kept ("Keep mine"): a later fill of the
    /// same page leaves them.
    #[serde(default)]
    pub kept: Vec<String>,
    /// Whether this fill counts in `filled` (no choice was open when it was last settled), so
    /// Undo takes back exactly what it added.
    #[serde(default)]
    pub counted: bool,
    /// Whether this fill gave the IMS configuration its title (`Session::ims_config_title`);
    /// Undo then puts back `title_before`.
    #[serde(default)]
    pub replaced_title: bool,
    /// The title held before this fill replaced it.
    #[serde(default)]
    pub title_before: Option<String>,
    /// Whether the form was a wizard with a step not shown (`fill::Plan::hidden_step`): the
    /// guide says Next before Create only then.
    #[serde(default)]
    pub hidden_step: bool,
}

/// How to put one field back.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct UndoStep {
    /// The field's key in the page.
    pub key: String,
    /// The label the admin knows it by.
    pub label: String,
    /// How the fill set it.
    pub action: ActionKind,
    /// Through the DOM or the page's ExtJS component (undone the same way).
    #[serde(default)]
    pub via: crate::fill::Via,
    /// The value before the fill; `None` when that value was a secret, which IMS Link does
    /// not keep: Undo then leaves the field and names it.
    pub before: Option<String>,
}

/// Most notices kept.
const MAX_NOTICES: usize = 5;
/// Most filled forms remembered.
const MAX_FILLED: usize = 20;

/// One event in, the new session (when it changed), a reply, effects and at most one thing
/// for the browser to do.
pub fn step(session: Session, event: Event, now_ms: u64) -> Step {
    event::dispatch(session, event, now_ms)
}
