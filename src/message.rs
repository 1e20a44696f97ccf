//! The one message type that crosses every boundary (content script, popup, worker),
//! and the rule for who may send which message.

use std::fmt;

use crate::from_json::FromJson;
use crate::to_json::ToJson;

use crate::capture::snapshot::PageSnapshot;
use crate::error::JsErrorInfo;
use crate::keys::KeyOptions;
use crate::origins;
use crate::profile::Field;
use crate::url;

/// A problem shown to the admin: a stable code and a plain-language message.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Problem {
    /// Stable identifier, e.g. `no-tenant-in-route`.
    pub code: String,
    /// What went wrong and what to do, in plain words.
    pub message: String,
}

/// Every request IMS Link's pages and content scripts send the worker, tagged by `type`.
/// The worker's answers and announcements are `session::Reply` and `session::Broadcast`.
#[derive(Debug, Clone, PartialEq, Eq, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(tag = "type", rename_all_fields = "camelCase", deny_unknown_fields)]
pub enum Message {
    /// Content script → worker: the page's address, on load and on every route change.
    PageSeen { url: String },
    /// Popup → worker: everything the popup draws when it opens (tab, profile, guide, key pair);
    /// `panel` when it is the side panel, which has no `activeTab` (the guide's site access).
    GetPopup {
        tab_id: u32,
        #[serde(default)]
        panel: bool,
    },
    /// Popup → worker: make a new key pair and certificate, replacing the one held.
    GenerateKeyPair { options: Option<KeyOptions> },
    /// Popup → worker: use the admin's own private key (and its certificate), replacing the one held.
    ImportKeyPair {
        key_text: String,
        cert_text: Option<String>,
    },
    /// Content script → worker: what a Console or Target page shows (labels and values).
    PageSnapshot { snapshot: PageSnapshot },
    /// Popup → worker: read at.js's settings (client code) from the site page in this tab.
    ReadSiteSettings { tab_id: u32 },
    /// Popup → worker: the profile, its findings and any conflicts waiting for the admin.
    GetProfile {},
    /// Popup → worker: pasted or dropped text: a Console JSON download, a JWT payload or scopes.
    /// `choice` picks one credential of a file that holds several (the key the worker's
    /// `ChooseCredential` answer listed).
    ImportText {
        kind: ImportKind,
        text: String,
        file_name: Option<String>,
        choice: Option<String>,
    },
    /// Popup → worker: a value the admin typed into the profile.
    EditField { field: Field, value: String },
    /// Popup → worker: replace these fields with the captured values waiting as conflicts
    /// (the others are dropped).
    ResolveConflicts { accept: Vec<Field> },
    /// Popup → worker: take (or drop) the client id and secret read from a page into a
    /// profile that had none, which wait for the admin's yes.
    AcceptCaptured { accept: bool },
    /// Popup → worker: Undo of a first credential IMS Link took by itself from its Console
    /// page; its values then wait for the admin's yes.
    UndoTaken {},
    /// Popup → worker: forget the profile, or only some fields.
    ClearProfile { fields: Option<Vec<Field>> },
    /// Popup → worker: run the IMS check with the profile (and key pair, for JWT).
    CheckIms { timeout_ms: Option<u32> },
    /// Popup → worker: call the Target Admin API with the token of the last IMS check.
    CheckTarget { timeout_ms: Option<u32> },
    /// Popup → worker: fill the AEM form in this tab from the profile; `confirm` lists the
    /// fields whose different current values the admin agreed to replace.
    FillForm {
        tab_id: u32,
        #[serde(default)]
        confirm: Vec<String>,
        /// The origin the admin just allowed to receive secrets (the popup's yes to "Send the
        /// client secret to <origin>?"); the core accepts it only for the tab's own origin.
        #[serde(default)]
        allow_origin: Option<String>,
        /// The admin saw the errors in the values this fill writes and fills anyway.
        #[serde(default)]
        anyway: bool,
        /// Only show what the fill would write, on which host (secrets masked); write nothing.
        #[serde(default)]
        preview: bool,
    },
    /// Popup → worker: put back what the last fill in this tab replaced.
    UndoFill { tab_id: u32 },
    /// Popup → worker: stop sending secrets to this origin (the admin takes back a yes);
    /// answered with this tab's `Guide`.
    ForgetSecretOrigin { tab_id: u32, origin: String },
    /// Popup → worker: read AEM's own verdict in this tab (Check Health on the IMS
    /// configurations console, Connect on a Target configuration); answered with the `Guide`.
    /// `wait`: the side panel watching AEM's page (`Next::watch_aem`) reads once the page's
    /// result areas change (or the core's bound passes), not at once. `refusals`: the browser's
    /// refusals in a row so far, as the last refusal's `again` gave them.
    ReadAemResult {
        tab_id: u32,
        #[serde(default)]
        wait: bool,
        #[serde(default)]
        refusals: u32,
    },
    /// Side panel → worker: do the page steps its guide says IMS Link does itself
    /// (`Next::runs`: AEM's own Check Health or Connect), once; answered with the `Guide`.
    RunPageSteps { tab_id: u32 },
    /// Popup → worker: "Keep mine" for these fields of this tab's fill (spec ids the fill found
    /// holding another value): the page keeps the admin's value; answered with the `Guide`.
    KeepFilledValues { tab_id: u32, keep: Vec<String> },
    /// Popup → worker: a page showed another credential than the profile's: switch the whole
    /// credential to it (`true`) or keep the current one (`false`), never a mix of the two.
    SwitchCredential { switch: bool },
    /// Popup → worker: the AEM author's address as the admin typed it; answered with the
    /// `Guide`, or refused with why the address is not an AEM author's. From the side panel
    /// (`panel`) the same click goes on to the browser's site access for that author: the
    /// `Guide` then names it (`allowSite`) even where it is granted already.
    SetAemAuthor {
        tab_id: u32,
        address: String,
        #[serde(default)]
        panel: bool,
    },
    /// Popup → worker: a secret was copied; `sha256` is the copied text's SHA-256 (hex), so
    /// the worker clears the clipboard later only if it still holds that text.
    SecretCopied { sha256: String },
}

/// What pasted text is.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum ImportKind {
    /// The Developer Console's project/workspace or credential JSON download.
    // Only where the JSON reader starts (`derive(FromJson)` reads into a value of defaults).
    #[default]
    WorkspaceJson,
    /// A JWT payload (or a whole JWT) from "Generate JWT".
    Payload,
    /// OAuth scopes, comma or space separated.
    Scopes,
}

/// Who sent a message, as the browser reports it (`runtime.MessageSender`).
#[derive(Debug, Clone, Default, FromJson)]
#[serde(rename_all = "camelCase")]
pub struct Sender {
    /// The sending extension's id.
    pub id: Option<String>,
    /// The sending document's address.
    pub url: Option<String>,
    /// `frameId`: 0 (or absent) for a tab's top page, another number for a frame in it.
    #[serde(default)]
    pub frame_id: Option<i64>,
    /// `tab.url`: the address of the sending tab's top page (for a frame, the page around it).
    #[serde(default)]
    pub tab_url: Option<String>,
    /// `tab.id`: the sending tab, for a content script's message.
    #[serde(default)]
    pub tab_id: Option<u32>,
}

impl Sender {
    /// Whether the sender is a frame inside a tab rather than the tab's top page.
    pub fn in_frame(&self) -> bool {
        self.frame_id.is_some_and(|f| f != 0)
    }
}

/// This extension's own identity, to compare senders against.
#[derive(Default, Debug, Clone, FromJson)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    /// `runtime.id`.
    pub id: String,
    /// `chrome-extension://<id>` or `moz-extension://<uuid>`, without a trailing slash.
    pub origin: String,
}

/// Why a message is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageError {
    /// The value is not one of the known message shapes.
    Malformed(String),
    /// Sent by another extension or a web page.
    ForeignSender,
    /// A page message from a page IMS Link does not read.
    UntrustedPage(String),
    /// A page message from a frame other than Target's inside the Unified Shell.
    UntrustedFrame(String),
    /// A page message that claims an address other than the page it came from.
    UrlMismatch,
    /// A popup-only request sent from somewhere else.
    NotFromExtensionPage,
    /// A message only the worker sends.
    WorkerOnly,
}

impl JsErrorInfo for MessageError {
    fn js_name(&self) -> &'static str {
        "MessageError"
    }

    /// A stable machine-readable code.
    fn code(&self) -> &'static str {
        match self {
            MessageError::Malformed(_) => "malformed-message",
            MessageError::ForeignSender => "foreign-sender",
            MessageError::UntrustedPage(_) => "untrusted-page",
            MessageError::UntrustedFrame(_) => "untrusted-frame",
            MessageError::UrlMismatch => "url-mismatch",
            MessageError::NotFromExtensionPage => "not-from-extension-page",
            MessageError::WorkerOnly => "worker-only",
        }
    }
}

impl fmt::Display for MessageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MessageError::Malformed(why) => {
                write!(f, "Ignored a message IMS Link does not understand: {why}")
            }
            MessageError::ForeignSender => write!(f, "Ignored a message from outside IMS Link."),
            MessageError::UntrustedPage(host) => {
                write!(f, "Ignored a message from {host}, which is not a page IMS Link reads.")
            }
            MessageError::UntrustedFrame(host) => write!(
                f,
                "Ignored a message from a frame of {host}: inside a page, IMS Link reads only Adobe Target's own frame in Adobe Experience Cloud."
            ),
            MessageError::UrlMismatch => write!(f, "Ignored a page message that claimed another page's address."),
            MessageError::NotFromExtensionPage => {
                write!(f, "Ignored a request that only IMS Link's own pages may make.")
            }
            MessageError::WorkerOnly => write!(f, "Ignored a message that only IMS Link's background worker sends."),
        }
    }
}

impl std::error::Error for MessageError {}

pub use origins::is_readable_host;

/// A page message: from a top page IMS Link reads, or from Target's frame inside the Unified
/// Shell (origins.rs); `claimed` must be the sender's own address.
fn check_page(sender: &Sender, claimed: &str) -> Result<(), MessageError> {
    let sender_url = sender.url.as_deref().unwrap_or_default();
    if sender.in_frame() {
        let in_shell = sender.tab_url.as_deref().is_some_and(origins::is_shell_page);
        if !origins::is_solution_frame(sender_url) || !in_shell {
            return Err(MessageError::UntrustedFrame(origins::host_of(sender_url)));
        }
    }
    let page = url::parse(sender_url).map_err(|_| MessageError::UntrustedPage("an unknown page".into()))?;
    if page.scheme != "https" || !(sender.in_frame() || is_readable_host(&page.host)) {
        return Err(MessageError::UntrustedPage(page.host));
    }
    let claimed = url::parse(claimed).map_err(|_| MessageError::UrlMismatch)?;
    if claimed.host != page.host || claimed.scheme != page.scheme {
        return Err(MessageError::UrlMismatch);
    }
    Ok(())
}

/// Accepts a message only from a sender allowed to send it.
pub fn authorize(msg: &Message, sender: &Sender, me: &Me) -> Result<(), MessageError> {
    if sender.id.as_deref() != Some(me.id.as_str()) {
        return Err(MessageError::ForeignSender);
    }
    let sender_url = sender.url.as_deref().unwrap_or_default();
    let from_extension_page = sender_url.starts_with(&format!("{}/", me.origin));
    match msg {
        Message::PageSeen { url: claimed } => check_page(sender, claimed),
        Message::PageSnapshot { snapshot } => check_page(sender, &snapshot.url),
        // The key pair, profile and checks (secrets included) are for IMS Link's own pages.
        Message::GetPopup { .. }
        | Message::GenerateKeyPair { .. }
        | Message::ImportKeyPair { .. }
        | Message::ReadSiteSettings { .. }
        | Message::GetProfile {}
        | Message::ImportText { .. }
        | Message::EditField { .. }
        | Message::ResolveConflicts { .. }
        | Message::AcceptCaptured { .. }
        | Message::UndoTaken { .. }
        | Message::ClearProfile { .. }
        | Message::CheckIms { .. }
        | Message::CheckTarget { .. }
        | Message::FillForm { .. }
        | Message::UndoFill { .. }
        | Message::ForgetSecretOrigin { .. }
        | Message::ReadAemResult { .. }
        | Message::RunPageSteps { .. }
        | Message::KeepFilledValues { .. }
        | Message::SwitchCredential { .. }
        | Message::SetAemAuthor { .. }
        | Message::SecretCopied { .. } => {
            if from_extension_page {
                Ok(())
            } else {
                Err(MessageError::NotFromExtensionPage)
            }
        }
    }
}

/// The `type`s only the worker sends (`session::Reply`, `session::Broadcast`).
const WORKER_ONLY: &[&str] = &[
    "TabState",
    "TabStateChanged",
    "Popup",
    "KeyPair",
    "ProfileState",
    "ProfileChanged",
    "Guide",
    "CheckResult",
    "FillResult",
    "FillPreview",
    "ClipboardWatched",
    "UndoResult",
    "Refused",
];

/// A message as the browser delivered it: read, then checked against its sender (the sender
/// first: nothing of the message is acted on before both passed).
pub fn accept(value: crate::json_value::Value, sender: &Sender, me: &Me) -> Result<Message, MessageError> {
    let message = parse(value)?;
    authorize(&message, sender, me)?;
    Ok(message)
}

/// Reads a message from JSON-shaped data. (`Into`: tests pass serde_json's `json!`.)
pub fn parse(value: impl Into<crate::json_value::Value>) -> Result<Message, MessageError> {
    let value = value.into();
    if let Some(kind) = value.get("type").and_then(|t| t.as_str()) {
        if WORKER_ONLY.contains(&kind) {
            return Err(MessageError::WorkerOnly);
        }
    }
    crate::from_json::from_value(value).map_err(|e| MessageError::Malformed(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn me() -> Me {
        Me {
            id: "abc".into(),
            origin: "chrome-extension://abc".into(),
        }
    }

    fn sender(url: &str) -> Sender {
        Sender {
            id: Some("abc".into()),
            url: Some(url.into()),
            ..Sender::default()
        }
    }

    fn frame(url: &str, top: &str) -> Sender {
        Sender {
            frame_id: Some(7),
            tab_url: Some(top.into()),
            ..sender(url)
        }
    }

    #[test]
    fn page_messages_from_targets_frame_in_the_shell_only() {
        let shell = "https://experience.adobe.com/#/@acme/sname:prod/target/setup/implementation";
        let snap = |url: &str| {
            parse(json!({"type": "PageSnapshot", "snapshot": {"url": url, "headings": [], "pairs": [{"label": "Client Code", "value": "acme"}]}}))
                .unwrap()
        };
        for origin in crate::origins::SOLUTION_FRAME_ORIGINS {
            let target = format!("{origin}/solutions/target/#/setup/implementation");
            assert_eq!(authorize(&snap(&target), &frame(&target, shell), &me()), Ok(()));
            let seen = Message::PageSeen { url: target.clone() };
            assert_eq!(authorize(&seen, &frame(&target, shell), &me()), Ok(()));
            // The same frame inside another top page (a look-alike shell) is not read.
            assert_eq!(
                authorize(
                    &snap(&target),
                    &frame(&target, "https://evil.test/#/@acme/target"),
                    &me()
                )
                .unwrap_err()
                .code(),
                "untrusted-frame"
            );
            // Nor opened on its own, as a top page.
            assert_eq!(
                authorize(&snap(&target), &sender(&target), &me()).unwrap_err().code(),
                "untrusted-page"
            );
            // A frame may not claim the shell's address or another frame's.
            assert_eq!(
                authorize(&snap(shell), &frame(&target, shell), &me()),
                Err(MessageError::UrlMismatch)
            );
        }
        // A hostile frame on the same top page: refused, whatever it claims.
        for hostile in [
            "https://evil.test/target-lookalike.html",
            "https://experience.adobe.net.evil.test/solutions/target/",
            "https://experience.adobe.com/#/@acme/target/setup/implementation",
            "http://experience.adobe.net/solutions/target/",
            "about:blank",
        ] {
            for claimed in [hostile, "https://experience.adobe.net/solutions/target/"] {
                assert_eq!(
                    authorize(&snap(claimed), &frame(hostile, shell), &me())
                        .unwrap_err()
                        .code(),
                    "untrusted-frame",
                    "{hostile} claiming {claimed}"
                );
            }
        }
        // Top frame 0 is the tab itself.
        let top = Sender {
            frame_id: Some(0),
            tab_url: Some(shell.into()),
            ..sender(shell)
        };
        assert_eq!(authorize(&snap(shell), &top, &me()), Ok(()));
    }

    #[test]
    fn json_shape_round_trips() {
        let m = parse(json!({"type": "UndoFill", "tabId": 7})).unwrap();
        assert_eq!(m, Message::UndoFill { tab_id: 7 });
        assert_eq!(
            serde_json::to_value(&m).unwrap(),
            json!({"type": "UndoFill", "tabId": 7})
        );
    }

    #[test]
    fn malformed_messages_are_named() {
        for bad in [
            json!(null),
            json!({"type": "Nope"}),
            json!({"type": "UndoFill"}),
            json!({"type": "PageSeen", "url": 3}),
            json!({"type": "PageSeen", "url": "x", "extra": 1}),
        ] {
            assert_eq!(parse(bad).unwrap_err().code(), "malformed-message");
        }
    }

    #[test]
    fn page_messages_only_from_readable_adobe_pages() {
        let seen = Message::PageSeen {
            url: "https://experience.adobe.com/#/@acme/target".into(),
        };
        assert_eq!(
            authorize(&seen, &sender("https://experience.adobe.com/#/@acme/home"), &me()),
            Ok(())
        );
        assert_eq!(
            authorize(&seen, &sender("https://evil.example/#/@acme"), &me()),
            Err(MessageError::UntrustedPage("evil.example".into()))
        );
        assert_eq!(
            authorize(&seen, &sender("http://experience.adobe.com/"), &me()),
            Err(MessageError::UntrustedPage("experience.adobe.com".into()))
        );
        let lying = Message::PageSeen {
            url: "https://acme.experiencecloud.adobe.com/".into(),
        };
        assert_eq!(
            authorize(&lying, &sender("https://experience.adobe.com/"), &me()),
            Err(MessageError::UrlMismatch)
        );
    }

    #[test]
    fn popup_requests_only_from_own_pages() {
        let get = Message::GetPopup {
            tab_id: 1,
            panel: false,
        };
        assert_eq!(
            authorize(&get, &sender("chrome-extension://abc/popup.html?tab=1"), &me()),
            Ok(())
        );
        assert_eq!(
            authorize(&get, &sender("https://experience.adobe.com/"), &me()),
            Err(MessageError::NotFromExtensionPage)
        );
        assert_eq!(
            authorize(&get, &sender("chrome-extension://abcd/popup.html"), &me()),
            Err(MessageError::NotFromExtensionPage)
        );
        let foreign = Sender {
            id: Some("other".into()),
            url: Some("chrome-extension://abc/popup.html".into()),
            ..Sender::default()
        };
        assert_eq!(authorize(&get, &foreign, &me()), Err(MessageError::ForeignSender));
        assert_eq!(
            authorize(&get, &Sender::default(), &me()),
            Err(MessageError::ForeignSender)
        );
    }

    #[test]
    fn key_pair_requests_only_from_own_pages() {
        let get = parse(json!({"type": "ImportKeyPair", "keyText": "x"})).unwrap();
        let gen = parse(json!({"type": "GenerateKeyPair", "options": {"tenant": "acme", "validityDays": 30}})).unwrap();
        for m in [&get, &gen] {
            assert_eq!(
                authorize(m, &sender("chrome-extension://abc/popup.html"), &me()),
                Ok(())
            );
            let from_page = authorize(m, &sender("https://experience.adobe.com/#/@acme/target"), &me());
            assert_eq!(from_page, Err(MessageError::NotFromExtensionPage));
        }
        let bad = parse(json!({"type": "GenerateKeyPair", "options": {"validityDays": "long"}}));
        assert_eq!(bad.unwrap_err().code(), "malformed-message");
    }

    #[test]
    fn page_snapshots_only_from_the_page_they_describe() {
        let snap = |url: &str| {
            parse(json!({"type": "PageSnapshot", "snapshot": {"url": url, "headings": [], "pairs": [{"label": "Client ID", "value": "x"}]}}))
                .unwrap()
        };
        let console = "https://developer.adobe.com/console/projects/1/2/credentials/3/details/jwt";
        assert_eq!(authorize(&snap(console), &sender(console), &me()), Ok(()));
        let lying = snap("https://developer.adobe.com/console");
        assert_eq!(
            authorize(&lying, &sender("https://developer.adobe.com.evil.test/"), &me())
                .unwrap_err()
                .code(),
            "untrusted-page"
        );
        let elsewhere = snap(console);
        assert_eq!(
            authorize(&elsewhere, &sender("https://experience.adobe.com/"), &me()),
            Err(MessageError::UrlMismatch)
        );
    }

    #[test]
    fn profile_and_check_requests_only_from_own_pages() {
        for m in [
            json!({"type": "GetProfile"}),
            json!({"type": "RunPageSteps", "tabId": 3}),
            json!({"type": "GetPopup", "tabId": 3}),
            json!({"type": "ImportText", "kind": "workspace-json", "text": "{}"}),
            json!({"type": "EditField", "field": "tenant", "value": "acme"}),
            json!({"type": "ResolveConflicts", "accept": ["clientSecret"]}),
            json!({"type": "AcceptCaptured", "accept": true}),
            json!({"type": "UndoTaken"}),
            json!({"type": "ClearProfile"}),
            json!({"type": "CheckIms"}),
            json!({"type": "CheckTarget", "timeoutMs": 2000}),
            json!({"type": "FillForm", "tabId": 3}),
            json!({"type": "FillForm", "tabId": 3, "confirm": ["tenant"]}),
            json!({"type": "FillForm", "tabId": 3, "allowOrigin": "https://author.aem.test"}),
            json!({"type": "UndoFill", "tabId": 3}),
            json!({"type": "ForgetSecretOrigin", "tabId": 3, "origin": "https://author.aem.test"}),
            json!({"type": "ReadAemResult", "tabId": 3}),
            json!({"type": "KeepFilledValues", "tabId": 3, "keep": ["clientId"]}),
            json!({"type": "SwitchCredential", "switch": true}),
        ] {
            let m = parse(m).unwrap();
            assert_eq!(
                authorize(&m, &sender("chrome-extension://abc/popup.html"), &me()),
                Ok(())
            );
            let console = "https://developer.adobe.com/console";
            assert_eq!(
                authorize(&m, &sender(console), &me()),
                Err(MessageError::NotFromExtensionPage)
            );
        }
    }

    #[test]
    fn worker_messages_are_never_accepted_by_the_worker() {
        for m in [
            json!({"type": "TabStateChanged", "tabId": 1}),
            json!({"type": "ProfileChanged"}),
        ] {
            assert_eq!(parse(m), Err(MessageError::WorkerOnly));
        }
    }
}

#[cfg(test)]
mod tagged_tests {
    use crate::message::Message;
    use serde_json::json;

    fn read(value: serde_json::Value) -> Result<Message, String> {
        crate::from_json::from_value(value).map_err(|e| e.to_string())
    }

    #[test]
    /// Messages are internally tagged (`{"type": "UndoFill", ...}`), read by `#[derive(FromJson)]`.
    fn reads_the_internally_tagged_shape_and_writes_it_back() {
        let text = json!({"type": "FillForm", "tabId": 3, "confirm": ["a"], "anyway": true});
        let message = read(text).unwrap();
        assert_eq!(
            message,
            Message::FillForm {
                tab_id: 3,
                confirm: vec!["a".into()],
                allow_origin: None,
                anyway: true,
                preview: false
            }
        );
        assert_eq!(
            serde_json::to_value(&message).unwrap(),
            json!({"type": "FillForm", "tabId": 3, "confirm": ["a"], "allowOrigin": null, "anyway": true, "preview": false})
        );
        assert_eq!(
            read(json!({"tabId": 1, "type": "UndoFill"})).unwrap(),
            Message::UndoFill { tab_id: 1 }
        );
        assert_eq!(read(json!({"type": "GetProfile"})).unwrap(), Message::GetProfile {});
    }

    #[test]
    fn refuses_in_serdes_own_words() {
        assert_eq!(read(json!({"tabId": 1})).unwrap_err(), "missing field `type`");
        assert!(read(json!({"type": "Nope"}))
            .unwrap_err()
            .starts_with("unknown variant `Nope`, expected one of `PageSeen`, "));
        assert_eq!(
            read(json!({"type": "UndoFill", "tabId": 1, "extra": 2})).unwrap_err(),
            "unknown field `extra`"
        );
        assert_eq!(read(json!({"type": "UndoFill"})).unwrap_err(), "missing field `tabId`");
        assert_eq!(
            read(json!("UndoFill")).unwrap_err(),
            "invalid type: string \"UndoFill\", expected a map"
        );
        assert_eq!(
            read(json!({"type": 1})).unwrap_err(),
            "invalid type: integer `1`, expected a string"
        );
    }
}
