//! The worker's events in, and what each step hands back: the reply, the effects, and the one
//! browser or network call to make before the next step.

use crate::from_json::FromJson;
use crate::to_json::ToJson;

use super::echo::Pending;
use super::reply::{Broadcast, Reply};
use super::{checks, fills, key_pair, profile_ops, verdicts, views, Session};
use crate::capture::atjs::AtjsSettings;
use crate::fill::{ActionKind, FormSnapshot, Plan};
use crate::ims::http::{HttpRequest, HttpResponse};
use crate::message::{Me, Message, Sender};

/// What happened: a request from an IMS Link page or a content script, something the
/// browser reported, or the result of an [`Io`] the previous step asked for.
#[derive(Debug, Clone, FromJson)]
#[serde(tag = "type", rename_all_fields = "camelCase")]
pub enum Event {
    /// A message as the browser delivered it, with the browser's facts about its sender and
    /// IMS Link's own identity: read and authorized first (`message::accept`), else refused
    /// with why. A page message from a frame (Target inside the Unified Shell) is read with the
    /// top page's address (`sender.tab_url`).
    Received {
        message: crate::json_value::Value,
        sender: Sender,
        me: Me,
    },
    /// [`Io::OpenTabs`] done: which of the tabs `asked` about are open (`None`: the browser
    /// did not say), so that the Undo records of closed ones go.
    OpenTabs { asked: Vec<u32>, open: Option<Vec<u32>> },
    /// The clipboard alarm rang (`Effect::ClearClipboardLater`).
    ClipboardDue {},
    /// [`Io::TabFacts`] done.
    TabFacts {
        tab_id: u32,
        then: AfterTab,
        url: Option<String>,
        #[serde(default)]
        granted_origins: Vec<String>,
    },
    /// [`Io::SnapshotForm`] done; `error` when the browser refused to run in the tab.
    FormSnapshot {
        tab_id: u32,
        #[serde(default)]
        resume: FillRequest,
        snapshot: Option<FormSnapshot>,
        error: Option<String>,
    },
    /// [`Io::ApplyFill`] done, with its `echo`: the plan is the one the call took out
    /// (`echo::Echoes`), not read from the event.
    FillApplied {
        tab_id: u32,
        url: String,
        #[serde(default)]
        echo: u32,
        #[serde(skip)]
        plan: Option<Box<Plan>>,
        #[serde(default)]
        results: Vec<ApplyResult>,
        error: Option<String>,
    },
    /// [`Io::PageUrl`] done: where the tab is now, before Undo writes anything there.
    PageUrl {
        tab_id: u32,
        url: Option<String>,
        error: Option<String>,
    },
    /// [`Io::ApplyUndo`] done.
    UndoApplied {
        tab_id: u32,
        #[serde(default)]
        results: Vec<ApplyResult>,
        #[serde(default)]
        not_kept: Vec<String>,
        error: Option<String>,
    },
    /// [`Io::ReadSiteSettings`] done.
    SiteSettings {
        settings: Option<AtjsSettings>,
        error: Option<String>,
    },
    /// [`Io::MakeKey`] done, with its `echo`: the key's PKCS#8 DER, or WebCrypto's refusal.
    KeyMade {
        #[serde(default)]
        echo: u32,
        #[serde(skip)]
        pending: Option<Box<Pending>>,
        pkcs8: Option<Vec<u8>>,
        error: Option<String>,
    },
    /// [`Io::Sign`] done, with its `echo`: what it is for (a check, a new key's certificate) is
    /// what the call took out (`echo::Echoes`); `error` when WebCrypto refused.
    Signed {
        #[serde(default)]
        echo: u32,
        #[serde(skip)]
        pending: Option<Box<Pending>>,
        signature: Option<Vec<u8>>,
        error: Option<String>,
    },
    /// [`Io::Send`] done, with its `echo`, as for `Signed`: the answer, or why none came.
    Answered {
        #[serde(default)]
        echo: u32,
        #[serde(skip)]
        pending: Option<Box<Pending>>,
        response: Option<HttpResponse>,
        response_type: Option<String>,
        #[serde(default)]
        redirected: bool,
        #[serde(default)]
        timed_out: bool,
    },
    /// [`Io::ReadAemResult`] done; `error` when the browser refused to run in the tab
    /// (`refusals` given back).
    AemResultRead {
        tab_id: u32,
        page: Option<crate::ims::aem_verdict::AemResultPage>,
        error: Option<String>,
        #[serde(default)]
        refusals: u32,
    },
    /// [`Io::RunPageSteps`] done: `done` of the steps were done (all, unless one could not
    /// be); `error` when the browser refused to run in the tab.
    PageStepsRun {
        tab_id: u32,
        key: String,
        #[serde(default)]
        echo: u32,
        /// The steps the call took out (`echo::Echoes`), not read from the event.
        #[serde(skip)]
        steps: Vec<crate::guide::Step>,
        #[serde(default)]
        done: usize,
        error: Option<String>,
    },
    /// [`Io::FetchAemFolders`] done; no `file` when the browser refused to run in the tab.
    AemFoldersFetched {
        tab_id: u32,
        url: String,
        file: Option<super::FetchedFile>,
    },
    /// [`Io::FetchAemCertificate`] done.
    AemCertificateFetched {
        tab_id: u32,
        url: String,
        file_name: String,
        file: Option<super::FetchedFile>,
        error: Option<String>,
    },
}

/// Which answer a [`Io::TabFacts`] call is for.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum AfterTab {
    /// The tab's `Guide`, after a request or a page's answer that changes it (a fill, AEM's
    /// verdict, the author named, a page's steps, ...).
    // Only where the JSON reader starts (`derive(FromJson)` reads into a value of defaults).
    #[default]
    Guide,
    /// `GetPopup`.
    Popup,
    /// `GetPopup` from the side panel.
    Panel,
    /// `SetAemAuthor` from the side panel: the `Guide`, with the author's site access step.
    NamedInPanel,
    /// `RunPageSteps` from the side panel: the steps its guide says IMS Link runs itself.
    RunSteps,
}

/// One field to set in a page (the page script's input).
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct ApplyStep {
    /// The field's key.
    pub key: String,
    /// How to set it.
    pub action: ActionKind,
    /// Through the DOM or the page's ExtJS component.
    #[serde(default)]
    pub via: crate::fill::Via,
    /// The value.
    pub value: String,
    /// The file's name, for `set-file`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
}

/// What the page script did with one step.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct ApplyResult {
    /// The field's key.
    pub key: String,
    /// Whether the field now holds the value.
    pub ok: bool,
    /// Why not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

/// What the admin asked of a fill, carried through the page snapshot it waits for.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct FillRequest {
    /// Conflicting fields the admin chose to replace (spec ids).
    pub confirm: Vec<String>,
    /// The origin the admin just allowed to receive secrets.
    pub allow_origin: Option<String>,
    /// The admin saw the profile's errors and fills anyway.
    pub anyway: bool,
    /// Only say what the fill would write (`Reply::FillPreview`); write nothing.
    pub preview: bool,
}

/// The one browser or network call a step needs before it can go on. The worker makes it and
/// sends the matching [`Event`] back.
#[derive(Debug, Clone, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(tag = "do", rename_all = "kebab-case", rename_all_fields = "camelCase")]
pub enum Io {
    /// Which of these tabs are still open → [`Event::OpenTabs`] (with `asked` given back).
    /// Asked when a fill is recorded beside other tabs' records, rather than told of every tab
    /// that closes: that would start the worker each time a tab closes anywhere in the browser.
    OpenTabs { asked: Vec<u32> },
    /// The tab's address and the granted host permissions → [`Event::TabFacts`].
    TabFacts { tab_id: u32, then: AfterTab },
    /// The AEM page's fields → [`Event::FormSnapshot`] (with `resume` given back).
    SnapshotForm { tab_id: u32, resume: FillRequest },
    /// The address the tab's page reports now → [`Event::PageUrl`].
    PageUrl { tab_id: u32 },
    /// Set the fields → [`Event::FillApplied`] (with `url` and `echo` given back).
    ApplyFill {
        tab_id: u32,
        url: String,
        /// The plan, kept in the module until the result (`echo::Echoes`): not written.
        #[serde(skip)]
        plan: Option<Box<Plan>>,
        steps: Vec<ApplyStep>,
        /// The number its result gives back (`echo::Echoes`).
        echo: u32,
    },
    /// Put fields back → [`Event::UndoApplied`] (with `not_kept` given back).
    ApplyUndo {
        tab_id: u32,
        steps: Vec<ApplyStep>,
        not_kept: Vec<String>,
    },
    /// at.js's settings from the site page's own world → [`Event::SiteSettings`].
    ReadSiteSettings { tab_id: u32 },
    /// A new RSA key by WebCrypto's `generateKey` (extractable, to sign and verify) with these
    /// parameters, exported as PKCS#8 → [`Event::KeyMade`] (with `echo` given back); the
    /// certificate's plan stays in the module.
    MakeKey {
        #[serde(skip)]
        pending: Option<Box<Pending>>,
        name: &'static str,
        modulus_length: u32,
        public_exponent: Vec<u8>,
        hash: &'static str,
        echo: u32,
    },
    /// A signature of `data` with the private key (PKCS#8 DER) by WebCrypto's `algorithm` and
    /// `hash` → [`Event::Signed`] (with `echo` given back): the IMS check's JWT, a new key's
    /// certificate. What it is for stays in the module (`echo::Echoes`).
    Sign {
        #[serde(skip)]
        pending: Option<Box<Pending>>,
        algorithm: &'static str,
        hash: &'static str,
        pkcs8: Vec<u8>,
        data: Vec<u8>,
        echo: u32,
    },
    /// `request` sent to Adobe by `fetch` with these `credentials` and `redirect` options,
    /// after `delay_ms`, aborted after `timeout_ms` → [`Event::Answered`] (with `echo` given
    /// back). Its host passed the allow-list (`ims::allow`); the check stays in the module.
    Send {
        #[serde(skip)]
        pending: Option<Box<Pending>>,
        request: HttpRequest,
        credentials: &'static str,
        redirect: &'static str,
        timeout_ms: u32,
        delay_ms: u32,
        echo: u32,
    },
    /// AEM's result texts in the tab → [`Event::AemResultRead`]; with `wait_ms`, once the
    /// page's result areas changed, or after that long.
    ReadAemResult {
        tab_id: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        wait_ms: Option<u64>,
        /// The browser's refusals in a row so far, given back with the event.
        refusals: u32,
    },
    /// Do these page steps in the tab, in order, each once its element shows →
    /// [`Event::PageStepsRun`] (with `key` and `echo` given back).
    RunPageSteps {
        tab_id: u32,
        key: String,
        steps: Vec<crate::guide::Step>,
        /// The number its result gives back (`echo::Echoes`).
        echo: u32,
    },
    /// AEM's Target console, fetched by the AEM page itself from its own origin →
    /// [`Event::AemFoldersFetched`] (with `url` given back).
    FetchAemFolders { tab_id: u32, url: String, max_bytes: usize },
    /// AEM's public key, fetched by the AEM page itself from its own origin →
    /// [`Event::AemCertificateFetched`] (with `url` and `file_name` given back).
    FetchAemCertificate {
        tab_id: u32,
        url: String,
        file_name: String,
    },
}

/// Something the worker does and forgets.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(tag = "do", rename_all = "kebab-case", rename_all_fields = "camelCase")]
pub enum Effect {
    /// Tell every open IMS Link page.
    Broadcast { message: Broadcast },
    /// Set the toolbar badge of a tab.
    Badge {
        tab_id: u32,
        text: String,
        color: String,
        title: String,
    },
    /// Wake the worker in `delay_ms` (a browser alarm, which outlives the popup and the
    /// worker), to send [`Event::ClipboardDue`].
    ClearClipboardLater { delay_ms: u64 },
    /// Empty the clipboard if the text it holds has this SHA-256 (hex).
    ClearClipboardIf { sha256: String },
}

/// What one step hands back.
#[derive(Debug, Clone, Default, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// The session to write, when it changed.
    pub session: Option<Session>,
    /// The answer to the request, when the step is the last.
    pub reply: Option<Reply>,
    /// Fire-and-forget effects.
    pub effects: Vec<Effect>,
    /// The call to make next, whose result is the next event.
    pub io: Option<Io>,
    /// A call to make without holding up the reply (IMS Link's own IMS check, `auto_check`):
    /// its result is the next event, whose reply nobody waits for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background: Option<Io>,
}

impl Io {
    /// `data` signed with the private key by RS256's WebCrypto names (`keys::WEBCRYPTO_*`), the
    /// one signature IMS Link asks for (a check's JWT, a new key's certificate).
    pub(super) fn sign(pending: Pending, pkcs8: Vec<u8>, data: Vec<u8>) -> Io {
        Io::Sign {
            pending: Some(Box::new(pending)),
            algorithm: crate::keys::WEBCRYPTO_ALGORITHM,
            hash: crate::keys::WEBCRYPTO_HASH,
            pkcs8,
            data,
            echo: 0,
        }
    }
}

impl Step {
    pub(super) fn reply(reply: Reply) -> Step {
        Step {
            reply: Some(reply),
            ..Step::default()
        }
    }

    pub(super) fn io(io: Io) -> Step {
        Step {
            io: Some(io),
            ..Step::default()
        }
    }

    /// The session changed: write it and tell the open pages.
    pub(super) fn changed(session: Session, reply: Option<Reply>) -> Step {
        Step {
            session: Some(session),
            reply,
            effects: vec![Effect::Broadcast {
                message: Broadcast::ProfileChanged,
            }],
            io: None,
            background: None,
        }
    }
}

/// A result whose call the module does not hold: its worker restarted in between.
fn lost() -> Step {
    Step::reply(Reply::refused(
        "call-lost",
        "IMS Link lost track of this call (its worker restarted): do it again.",
    ))
}

pub(super) fn dispatch(s: Session, event: Event, now_ms: u64) -> Step {
    match event {
        Event::Received { message, sender, me } => match crate::message::accept(message, &sender, &me) {
            Ok(message) => {
                // The top page around the sending frame, if the sender is a frame.
                let frame_top = sender.tab_url.clone().filter(|_| sender.in_frame());
                let read_from_console = super::auto_check::reads_the_console(&message);
                let mut step = request(s, message, sender.tab_id, frame_top, now_ms);
                if read_from_console {
                    super::auto_check::start(&mut step, now_ms);
                }
                step
            }
            Err(e) => Step::reply(Reply::failed(&e)),
        },
        Event::OpenTabs { asked, open } => fills::open_tabs(s, &asked, open.as_deref()),
        Event::ClipboardDue {} => super::clipboard::due(s),
        Event::TabFacts {
            tab_id,
            then,
            url,
            granted_origins,
        } => views::tab_facts(s, tab_id, then, url, granted_origins, now_ms),
        Event::FormSnapshot {
            tab_id,
            resume,
            snapshot,
            error,
        } => fills::planned(s, tab_id, resume, snapshot, error, now_ms),
        Event::PageUrl { tab_id, url, error } => fills::undo_here(&s, tab_id, url, error),
        Event::FillApplied {
            tab_id,
            url,
            plan: Some(plan),
            results,
            error,
            ..
        } => fills::applied(s, tab_id, url, *plan, results, error),
        Event::FillApplied { .. } => Step::reply(Reply::refused(
            "fill-lost",
            "IMS Link lost track of this fill as it was written (its worker restarted): check the form, then fill it again.",
        )),
        Event::UndoApplied {
            tab_id,
            results,
            not_kept,
            error,
        } => fills::undone(s, tab_id, results, not_kept, error),
        Event::SiteSettings { settings, error } => profile_ops::site_settings(s, settings, error, now_ms),
        Event::Signed {
            pending: Some(pending),
            signature,
            error,
            ..
        } => match *pending {
            Pending::Check(running) => checks::signed(s, running, signature, error),
            Pending::Certificate(c) => key_pair::certified(s, c, signature, error),
            Pending::Key(_) => lost(),
        },
        Event::Answered {
            pending: Some(pending),
            response,
            response_type,
            redirected,
            timed_out,
            ..
        } => match *pending {
            Pending::Check(running) => checks::answered(
                s,
                running,
                checks::Answer {
                    response,
                    response_type,
                    redirected,
                    timed_out,
                },
                now_ms,
            ),
            _ => lost(),
        },
        Event::KeyMade {
            pending: Some(pending),
            pkcs8,
            error,
            ..
        } => match *pending {
            Pending::Key(plan) => key_pair::made(&plan, pkcs8, error),
            _ => lost(),
        },
        Event::Signed { .. } | Event::Answered { .. } | Event::KeyMade { .. } => lost(),
        Event::AemResultRead {
            tab_id,
            page,
            error,
            refusals,
        } => verdicts::read(s, tab_id, page, error, refusals, now_ms),
        Event::AemFoldersFetched { tab_id, url, file } => super::target_folders::fetched(s, tab_id, url, file),
        Event::PageStepsRun {
            tab_id,
            key,
            steps,
            done,
            error,
            ..
        } => super::page_run::ran(s, tab_id, key, &steps, done, error),
        Event::AemCertificateFetched {
            tab_id,
            url,
            file_name,
            file,
            error,
        } => super::aem_certificate::fetched(s, tab_id, url, file_name, file, error, now_ms),
    }
}

fn tab_changed(tab_id: u32) -> Step {
    Step {
        effects: vec![Effect::Broadcast {
            message: Broadcast::TabStateChanged { tab_id },
        }],
        ..Step::default()
    }
}

fn request(s: Session, message: Message, tab_id: Option<u32>, frame_top: Option<String>, now_ms: u64) -> Step {
    let facts = |tab_id, then| Step::io(Io::TabFacts { tab_id, then });
    match message {
        // A frame's own address is not the tab's: the top page reports the tab's.
        Message::PageSeen { .. } if frame_top.is_some() => Step::default(),
        // Seen from the tab's content script: its state may have changed.
        Message::PageSeen { .. } => tab_id.map(tab_changed).unwrap_or_default(),
        Message::PageSnapshot { snapshot } => {
            profile_ops::page_snapshot(s, snapshot, tab_id, frame_top.as_deref(), now_ms)
        }
        Message::GetPopup { tab_id, panel } => facts(tab_id, if panel { AfterTab::Panel } else { AfterTab::Popup }),
        Message::GetProfile {} => Step::reply(Reply::ProfileState(Box::new(views::profile_state(&s, now_ms)))),
        Message::GenerateKeyPair { options } => key_pair::start(options, now_ms),
        Message::ImportKeyPair { key_text, cert_text } => match crate::keys::import(&key_text, cert_text.as_deref()) {
            Ok(key) => checks::hold_key_pair(s, key),
            Err(e) => Step::reply(Reply::failed(&e)),
        },
        Message::ReadSiteSettings { tab_id } => Step::io(Io::ReadSiteSettings { tab_id }),
        Message::ImportText {
            kind,
            text,
            file_name,
            choice,
        } => profile_ops::import_text(s, kind, &text, file_name, choice.as_deref(), now_ms),
        Message::EditField { field, value } => profile_ops::edit_field(s, field, &value, now_ms),
        Message::ResolveConflicts { accept } => profile_ops::resolve_conflicts(s, &accept, now_ms),
        Message::AcceptCaptured { accept } => profile_ops::accept_captured(s, accept, now_ms),
        Message::UndoTaken {} => profile_ops::undo_taken(s, now_ms),
        Message::ClearProfile { fields } => profile_ops::clear_profile(s, fields, now_ms),
        Message::CheckIms { timeout_ms } => checks::start_ims(s, timeout_ms, now_ms),
        Message::CheckTarget { timeout_ms } => checks::start_target(s, timeout_ms, now_ms),
        Message::FillForm {
            tab_id,
            confirm,
            allow_origin,
            anyway,
            preview,
        } => Step::io(Io::SnapshotForm {
            tab_id,
            resume: FillRequest {
                confirm,
                allow_origin,
                anyway,
                preview,
            },
        }),
        Message::UndoFill { tab_id } => fills::start_undo(&s, tab_id),
        Message::ForgetSecretOrigin { tab_id, origin } => fills::forget_origin(s, tab_id, &origin),
        Message::RunPageSteps { tab_id } => facts(tab_id, AfterTab::RunSteps),
        Message::ReadAemResult { tab_id, wait, refusals } => Step::io(Io::ReadAemResult {
            tab_id,
            wait_ms: wait.then_some(super::verdicts::WATCH_MS),
            refusals,
        }),
        Message::KeepFilledValues { tab_id, keep } => fills::keep(s, tab_id, &keep),
        Message::SwitchCredential { switch } => profile_ops::switch_credential(s, switch, now_ms),
        Message::SetAemAuthor { tab_id, address, panel } => super::aem_author::set(s, tab_id, &address, panel),
        Message::SecretCopied { sha256 } => super::clipboard::copied(s, &sha256),
    }
}
