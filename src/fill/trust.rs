//! Where a fill may carry a secret (the client secret, the JWT payload). AEM runs on any host,
//! so a page that looks like AEM's IMS wizard may be anyone's: the secret goes only into a page
//! that is AEM by its address *and* by AEM's own page markers, on an origin the admin said yes
//! to by name, over https (or on this computer), in the top frame and into a field the admin
//! can see (the one exception: a step of AEM's own wizard not shown yet). Everything here is
//! pure so the rules are tested natively; the worker only reports what the page is.

use crate::from_json::FromJson;
use crate::gather::Gather;
use crate::text::{join, Search};
use crate::to_json::ToJson;

use super::detect::{form_from_path, ims_form_in_app, Address, FormKind};
use super::matching::Prepared;
use super::snapshot::FormSnapshot;

/// Most origins the admin may have allowed secrets to (more is a malformed input).
pub const MAX_SECRET_ORIGINS: usize = 64;

/// Marker names the page snapshot reports when it finds AEM's own UI frameworks.
/// Touch UI (Coral UI 3 / Granite, shared/reference/adobe-surfaces.md §4 and §8): the
/// wizard is a `coral-wizardview` whose steps are `.foundation-wizard-step`; selects are
/// `coral-select`; Granite forms are `form.foundation-form`. Classic UI (ExtJS 3, §8): fields
/// sit in `.x-form-item`, and the page defines `CQ.Ext`.
pub const TOUCH_UI_MARKERS: [&str; 4] = [
    "coral-wizardview",
    "foundation-wizard-step",
    "coral-select",
    "foundation-form",
];
/// Classic UI markers, see `TOUCH_UI_MARKERS`.
pub const CLASSIC_UI_MARKERS: [&str; 2] = ["x-form-item", "cq-ext"];

/// Whether the page is one of AEM's own by its markers, for the form its path names.
pub fn has_aem_markers(form: FormKind, markers: &[String]) -> bool {
    let any = |set: &[&str]| markers.iter().any(|m| set.contains(&m.as_str()));
    match form {
        FormKind::ImsWizard | FormKind::TargetCloud | FormKind::ImsConsole | FormKind::Keystore => {
            any(&TOUCH_UI_MARKERS)
        }
        FormKind::TargetClassic => any(&CLASSIC_UI_MARKERS),
        FormKind::Unknown => false,
    }
}

/// Whether the page is an AEM page IMS Link knows: an AEM path and AEM's own page markers.
/// The IMS configuration form is also known at another address inside AEM's IMS
/// configuration app when its fields are the form's own (`detect::ims_form_in_app`); a page
/// with such fields anywhere else is not.
pub fn recognised(snapshot: &FormSnapshot) -> Option<FormKind> {
    let address = Address::parse(&snapshot.url);
    form_from_path(&address.path)
        .or_else(|| {
            let fields: Vec<Prepared> = snapshot.fields.iter().map(Prepared::new).gather();
            ims_form_in_app(&address.path, &fields)
        })
        .filter(|f| has_aem_markers(*f, &snapshot.markers))
}

/// Plain http is allowed only to this computer (an AEM on the admin's own machine).
pub fn secure_origin(origin: &str) -> bool {
    let Some((scheme, authority)) = origin.split_once_text("://") else {
        return false;
    };
    match scheme {
        "https" => true,
        "http" => {
            let host = authority.rsplit_once_ascii(b':').map_or(authority, |(h, port)| {
                if port.chars().all(|c| c.is_ascii_digit()) {
                    h
                } else {
                    authority
                }
            });
            matches!(host, "localhost" | "127.0.0.1" | "[::1]")
        }
        _ => false,
    }
}

/// Why a secret is not put into a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum Refusal {
    /// The page is not AEM by its address and its own markers (it only has fields like AEM's).
    NotAemPage,
    /// Plain http to another computer: anyone on the network reads it.
    PlainHttp,
    /// The page is in a frame of another page.
    InFrame,
    /// The field is hidden and not a step of AEM's own wizard.
    HiddenField,
}

impl Refusal {
    /// Why, in the admin's words.
    pub fn message(self, label: &str, origin: &str) -> String {
        match self {
            Refusal::NotAemPage => format!(
                "IMS Link did not put the {label} into this page: {origin} does not show one of AEM's own pages (an AEM address and AEM's page framework). Open the form from AEM's Tools menu."
            ),
            Refusal::PlainHttp => format!(
                "IMS Link did not put the {label} into this page: {origin} is plain http, so anyone on the network could read it. Open AEM over https."
            ),
            Refusal::InFrame => format!(
                "IMS Link did not put the {label} into this page: the form is inside a frame of another page. Open the AEM page on its own."
            ),
            Refusal::HiddenField => format!(
                "IMS Link did not put the {label} into a field this page hides. If this is AEM, open the step that shows the field and fill again."
            ),
        }
    }
}

/// What the plan does with one secret field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretVerdict {
    /// Fill it.
    Fill,
    /// Ask the admin first whether this origin may receive secrets.
    AskOrigin,
    /// Never, for this reason.
    Refuse(Refusal),
}

/// The facts about a page that the secret rule reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageTrust {
    /// `scheme://host[:port]` of the page.
    pub origin: String,
    /// The form its path and markers name, if both agree it is AEM.
    pub recognised: Option<FormKind>,
    /// Whether the snapshot came from a frame.
    pub in_frame: bool,
    /// Whether the admin allowed secrets to this origin.
    pub confirmed: bool,
}

impl PageTrust {
    /// Reads the facts from a snapshot and the origins the admin allowed.
    pub fn of(snapshot: &FormSnapshot, secret_origins: &[String]) -> PageTrust {
        let origin = Address::parse(&snapshot.url).origin;
        let confirmed = !origin.is_empty() && secret_origins.iter().any(|o| o.eq_ignore_ascii_case(&origin));
        PageTrust {
            recognised: recognised(snapshot),
            in_frame: snapshot.frame,
            confirmed,
            origin,
        }
    }

    /// The verdict for one secret field (`hidden`: not shown; `wizard_step`: inside a step of
    /// the wizard, which AEM shows only once the admin reaches it).
    pub fn secret(&self, hidden: bool, wizard_step: bool) -> SecretVerdict {
        if self.in_frame {
            return SecretVerdict::Refuse(Refusal::InFrame);
        }
        if !secure_origin(&self.origin) {
            return SecretVerdict::Refuse(Refusal::PlainHttp);
        }
        let Some(form) = self.recognised else {
            return SecretVerdict::Refuse(Refusal::NotAemPage);
        };
        if hidden && !(form == FormKind::ImsWizard && wizard_step) {
            return SecretVerdict::Refuse(Refusal::HiddenField);
        }
        if !self.confirmed {
            return SecretVerdict::AskOrigin;
        }
        SecretVerdict::Fill
    }
}

/// The question the popup asks before the first secret goes to an origin.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Consent {
    /// The origin, in full, that would receive the secret.
    pub origin: String,
    /// The question, naming the origin and what would be sent.
    pub question: String,
    /// The spec ids of the fields held back for the yes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub held: Vec<String>,
}

/// The question for `origin`, naming the secrets (`labels`) that wait for it.
pub fn consent(origin: &str, labels: &[&str]) -> Consent {
    let what = match labels {
        [] => "the secrets".to_string(),
        [one] => format!("the {}", one.to_ascii_lowercase()),
        more => format!("the {}", join(more, " and ").to_ascii_lowercase()),
    };
    Consent {
        origin: origin.to_string(),
        question: format!(
            "Send {what} to {origin}? Only say yes if this is your AEM author: IMS Link remembers the answer for this address."
        ),
        held: Vec::new(),
    }
}

/// The origins allowed to receive secrets after the admin said yes to `origin` on the page
/// `page_url`: the yes counts only for that page's own origin, over https (or on this
/// computer), and the list stays bounded.
pub fn allow_origin(list: &[String], origin: &str, page_url: &str) -> Result<Vec<String>, super::FillError> {
    let page = Address::parse(page_url).origin;
    let origin = origin.trim().trim_end_chars(&['/']).to_ascii_lowercase();
    if page.is_empty() || origin != page || !secure_origin(&origin) {
        return Err(super::FillError::OriginNotThisPage { origin, page });
    }
    let mut out: Vec<String> = list.iter().filter(|o| **o != origin).cloned().gather();
    out.push(origin);
    // The oldest yes goes first when the list is full.
    let extra = out.len().saturating_sub(MAX_SECRET_ORIGINS);
    out.drain(..extra);
    Ok(out)
}

/// The origins allowed to receive secrets once the admin took back the yes to `origin`.
pub fn forget_origin(list: &[String], origin: &str) -> Vec<String> {
    list.iter()
        .filter(|o| !o.eq_ignore_ascii_case(origin.trim()))
        .cloned()
        .gather()
}

/// Whether Undo may act on the page now shown: only on the origin and path the fill was made
/// on, so values saved for one page are never typed into another.
pub fn same_page(fill_url: &str, page_url: &str) -> bool {
    let a = Address::parse(fill_url);
    let b = Address::parse(page_url);
    !a.origin.is_empty() && a.origin == b.origin && a.path == b.path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::JsErrorInfo;

    const WIZARD: &str = "/libs/cq/adobeims-configuration/content/configurations/create.html";

    fn snap(url: &str, markers: &[&str], frame: bool) -> FormSnapshot {
        FormSnapshot {
            url: url.into(),
            fields: Vec::new(),
            markers: markers.iter().map(|m| m.to_string()).collect(),
            frame,
        }
    }

    fn trust(url: &str, markers: &[&str], allowed: &[&str]) -> PageTrust {
        let allowed: Vec<String> = allowed.iter().map(|s| s.to_string()).collect();
        PageTrust::of(&snap(url, markers, false), &allowed)
    }

    #[test]
    fn a_recognised_wizard_on_a_confirmed_origin_gets_the_secret() {
        let t = trust(
            &format!("https://author.aem.test{WIZARD}"),
            &["coral-wizardview"],
            &["https://author.aem.test"],
        );
        assert_eq!(t.secret(false, true), SecretVerdict::Fill);
        // A later wizard step, not shown yet, of AEM's own wizard.
        assert_eq!(t.secret(true, true), SecretVerdict::Fill);
    }

    #[test]
    fn the_first_secret_to_an_origin_waits_for_the_admin() {
        let t = trust(
            &format!("https://evil.test{WIZARD}"),
            &["coral-wizardview"],
            &["https://author.aem.test"],
        );
        assert_eq!(t.secret(false, true), SecretVerdict::AskOrigin);
        // The port is part of the origin.
        let t = trust(
            &format!("https://author.aem.test:4502{WIZARD}"),
            &["coral-wizardview"],
            &["https://author.aem.test"],
        );
        assert_eq!(t.secret(false, true), SecretVerdict::AskOrigin);
    }

    #[test]
    fn a_page_with_only_aem_like_fields_never_gets_a_secret() {
        // Fields alone: no AEM path.
        let t = trust(
            "https://evil.test/totally/not/aem/form.html",
            &["coral-select"],
            &["https://evil.test"],
        );
        assert_eq!(t.secret(false, false), SecretVerdict::Refuse(Refusal::NotAemPage));
        // An AEM path without AEM's markers.
        let t = trust(&format!("https://evil.test{WIZARD}"), &[], &["https://evil.test"]);
        assert_eq!(t.secret(false, true), SecretVerdict::Refuse(Refusal::NotAemPage));
        // Classic markers do not make a Touch UI page.
        let t = trust(
            &format!("https://evil.test{WIZARD}"),
            &["x-form-item"],
            &["https://evil.test"],
        );
        assert_eq!(t.secret(false, true), SecretVerdict::Refuse(Refusal::NotAemPage));
        // A path that merely ends like AEM's is still judged by markers too.
        assert!(has_aem_markers(FormKind::TargetClassic, &["cq-ext".into()]));
    }

    #[test]
    fn hidden_fields_get_no_secret_except_a_wizard_step() {
        let t = trust(
            &format!("https://author.aem.test{WIZARD}"),
            &["coral-wizardview"],
            &["https://author.aem.test"],
        );
        assert_eq!(t.secret(true, false), SecretVerdict::Refuse(Refusal::HiddenField));
        let t = trust(
            "https://author.aem.test/etc/cloudservices/testandtarget/x.html",
            &["x-form-item"],
            &["https://author.aem.test"],
        );
        assert_eq!(t.secret(true, true), SecretVerdict::Refuse(Refusal::HiddenField));
    }

    #[test]
    fn plain_http_only_on_this_computer_and_never_in_a_frame() {
        let t = trust(
            &format!("http://author.aem.test{WIZARD}"),
            &["coral-wizardview"],
            &["http://author.aem.test"],
        );
        assert_eq!(t.secret(false, true), SecretVerdict::Refuse(Refusal::PlainHttp));
        for local in ["http://localhost:4502", "http://127.0.0.1:4502", "http://localhost"] {
            let t = trust(&format!("{local}{WIZARD}"), &["coral-wizardview"], &[local]);
            assert_eq!(t.secret(false, true), SecretVerdict::Fill, "{local}");
        }
        assert!(!secure_origin("http://localhost.evil.test"));
        assert!(!secure_origin("ftp://localhost"));
        assert!(!secure_origin(""));
        let allowed = vec!["https://author.aem.test".to_string()];
        let t = PageTrust::of(
            &snap(&format!("https://author.aem.test{WIZARD}"), &["coral-wizardview"], true),
            &allowed,
        );
        assert_eq!(t.secret(false, true), SecretVerdict::Refuse(Refusal::InFrame));
    }

    #[test]
    fn the_question_names_the_origin_in_full() {
        let c = consent("https://author.example.com", &["Client Secret"]);
        assert_eq!(c.origin, "https://author.example.com");
        assert!(c
            .question
            .starts_with("Send the client secret to https://author.example.com?"));
        let c = consent("https://a.test", &["Client Secret", "Payload"]);
        assert!(c
            .question
            .starts_with("Send the client secret and payload to https://a.test?"));
        for r in [
            Refusal::NotAemPage,
            Refusal::PlainHttp,
            Refusal::InFrame,
            Refusal::HiddenField,
        ] {
            assert!(r.message("Client Secret", "https://x.test").contains("Client Secret"));
        }
    }

    #[test]
    fn a_yes_counts_only_for_the_page_it_was_given_on() {
        let page = format!("https://author.aem.test{WIZARD}");
        assert_eq!(
            allow_origin(&[], "https://author.aem.test", &page).map_err(|e| e.code()),
            Ok(vec!["https://author.aem.test".to_string()])
        );
        assert_eq!(
            allow_origin(&[], "https://other.test", &page).map_err(|e| e.code()),
            Err("origin-not-this-page")
        );
        let http = format!("http://author.aem.test{WIZARD}");
        assert!(allow_origin(&[], "http://author.aem.test", &http).is_err());
        let full: Vec<String> = (0..MAX_SECRET_ORIGINS).map(|i| format!("https://a{i}.test")).collect();
        let out = allow_origin(&full, "https://author.aem.test", &page).map_err(|e| e.code());
        assert_eq!(out.as_ref().map(Vec::len), Ok(MAX_SECRET_ORIGINS));
        assert_eq!(out.map(|o| o[0].clone()), Ok("https://a1.test".to_string()));
        let list = vec!["https://a.test".to_string(), "https://b.test".to_string()];
        assert_eq!(
            forget_origin(&list, "https://A.test"),
            vec!["https://b.test".to_string()]
        );
    }

    #[test]
    fn undo_only_on_the_page_it_filled() {
        let fill = format!("https://author.aem.test{WIZARD}?variant=cloud#step2");
        assert!(same_page(&fill, &format!("https://author.aem.test{WIZARD}")));
        assert!(!same_page(&fill, &format!("https://evil.test{WIZARD}")));
        assert!(!same_page(&fill, "https://author.aem.test/libs/other.html"));
        assert!(!same_page("", ""));
    }
}
