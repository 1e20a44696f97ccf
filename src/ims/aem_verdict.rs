//! AEM's own verdict: what AEM showed after its "Check Health" (IMS configurations console) or
//! its "Connect" (Target configuration), read from the page and explained with the same
//! diagnosis catalogue as IMS Link's own checks (`diagnose`). AEM calls Adobe from its server
//! with what it stored, so only its verdict proves that AEM (not just this browser) works.
//!
//! AEM's success texts are documented ("Token retrieved successfully!", "Connection
//! successful"); its failure texts are not (tests/fake-cloud/PAGES.md marks them G), so a
//! failure is explained from whatever IMS or Target answer AEM quotes, and otherwise from
//! AEM's own words, with the next step that tells the two apart.

use crate::from_json::FromJson;
use crate::text::{clipped, single_spaced, Search};
use crate::to_json::ToJson;

use super::diagnose::{d, redact, target_response, token_response, Diagnosis, Flow};
use super::http::HttpResponse;

/// Most characters of AEM's text kept.
const MAX_TEXT: usize = 2000;
/// Most messages read from one page.
const MAX_MESSAGES: usize = 40;

/// What the page-reading function found on an AEM page: its address, the texts of its
/// result areas (live regions, alerts, message boxes) and the text of the dialog each sits in.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromJson)]
#[serde(rename_all = "camelCase", default)]
pub struct AemResultPage {
    /// `location.href`.
    pub url: String,
    /// Result texts, in page order.
    pub messages: Vec<PageMessage>,
    /// The cells of each table row (the IMS configurations list), in page order.
    pub rows: Vec<Vec<String>>,
    /// The items of a card or column view (the IMS configurations console, a site's Target
    /// configurations), in page order.
    pub cards: Vec<PageCard>,
    /// Download links the page shows (the IMS wizard's "Download Public Key").
    pub links: Vec<PageLink>,
    /// Switches and checkboxes with their label (the wizard's "Create new certificate").
    pub switches: Vec<PageSwitch>,
}

/// One item of a card or column view.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromJson)]
#[serde(default)]
pub struct PageCard {
    /// Granite's id for it (in a column view, its path), if the page gives one.
    pub id: String,
    /// Its title, then its other texts as shown.
    pub texts: Vec<String>,
}

/// A link the page shows: its text, absolute address and `download` file name.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromJson)]
#[serde(default)]
pub struct PageLink {
    /// What it says.
    pub text: String,
    /// Where it points (`a.href`, absolute).
    pub href: String,
    /// Its `download` attribute, if any.
    pub download: String,
}

/// A switch or checkbox, by its label.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromJson)]
#[serde(default)]
pub struct PageSwitch {
    /// Its label.
    pub label: String,
    /// Whether it is on.
    pub checked: bool,
}

/// One result area's text and the dialog (or window) around it, or a dialog with no result
/// area in it (AEM's "Healthy configuration" says its verdict in the dialog itself).
#[derive(Debug, Clone, Default, PartialEq, Eq, FromJson)]
#[serde(default)]
pub struct PageMessage {
    /// What it says.
    pub text: String,
    /// The text of the dialog it is in, if any (names the configuration checked).
    pub context: String,
    /// Whether this is a dialog's own text rather than a result area's.
    pub dialog: bool,
    /// The dialog's header ("Healthy configuration").
    pub title: String,
    /// The dialog's variant as Coral names it ("success", "error", "warning"), if any.
    pub variant: String,
}

/// Which of AEM's buttons gave the verdict.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum VerdictKind {
    /// The IMS configurations console's Check Health > Check.
    // Only where the JSON reader starts (`derive(FromJson)` reads into a value of defaults).
    #[default]
    CheckHealth,
    /// The Target configuration's "Connect to Adobe Target" / "Connect".
    Connect,
}

/// AEM's verdict, as IMS Link keeps it.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct AemVerdict {
    /// Check Health or Connect.
    pub kind: VerdictKind,
    /// Whether AEM said it worked.
    pub ok: bool,
    /// The page it was read on.
    pub url: String,
    /// AEM's own words (tokens hidden, bounded).
    pub text: String,
    /// The dialog's text around it (which configuration), bounded.
    pub context: String,
    /// Why it failed, in the catalogue's words.
    pub diagnosis: Option<Box<Diagnosis>>,
}

/// Why no verdict could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerdictError {
    /// The page shows no result of Check Health or Connect (yet).
    NoResult(VerdictKind),
}

impl VerdictError {
    /// A stable code.
    pub fn code(&self) -> &'static str {
        "no-aem-result"
    }

    /// What to do, in plain words.
    pub fn message(&self) -> String {
        match self {
            VerdictError::NoResult(VerdictKind::CheckHealth) => "AEM shows no Check Health result on this page yet. Click \u{201c}Check Health\u{201d} for the configuration, then \u{201c}Check\u{201d}, wait for AEM's answer, then ask IMS Link to read it.".into(),
            VerdictError::NoResult(VerdictKind::Connect) => "AEM shows no Connect result on this page yet. Click AEM's \u{201c}Connect\u{201d} button, wait for its answer, then ask IMS Link to read it.".into(),
        }
    }
}

const HEALTH_OK: &str = "token retrieved successfully";
const CONNECT_OK: &str = "connection successful";
/// Words AEM's failure texts are expected to carry; a text without them (e.g. "Checking…")
/// is not a verdict yet.
const FAILURE_WORDS: &[&str] = &[
    "error",
    "fail",
    "unable",
    "invalid",
    "not ",
    "could not",
    "denied",
    "refused",
    "unhealthy",
];

fn bounded(s: &str, max: usize) -> String {
    let s = single_spaced(s);
    if s.chars().count() <= max {
        s
    } else {
        let mut out: String = clipped(&s, max);
        out.push('\u{2026}');
        out
    }
}

/// Reads AEM's verdict of `kind` from the page: the last result area that says success or
/// failure. `jwt` says which IMS call AEM made when its text does not (the configuration's type).
pub fn read(page: &AemResultPage, kind: VerdictKind, jwt: bool) -> Result<AemVerdict, VerdictError> {
    let ok_words = match kind {
        VerdictKind::CheckHealth => HEALTH_OK,
        VerdictKind::Connect => CONNECT_OK,
    };
    let says_failure = |text: &str| {
        let lower = text.to_ascii_lowercase();
        FAILURE_WORDS.iter().any(|w| lower.contains_text(w))
    };
    let found = page.messages.iter().take(MAX_MESSAGES).rev().find_map(|m| {
        if m.text.to_ascii_lowercase().contains_text(ok_words) {
            return Some((m, true));
        }
        // A dialog's own text fails only by its variant or its header: a form in a dialog
        // (the ExtJS Target settings) has help texts with words such as "not", and AEM's own
        // failure dialog is not documented (its success one is "Healthy configuration").
        let failed = if m.dialog {
            matches!(m.variant.as_str(), "error" | "warning") || says_failure(&m.title)
        } else {
            says_failure(&m.text)
        };
        failed.then_some((m, false))
    });
    let Some((message, ok)) = found else {
        return Err(VerdictError::NoResult(kind));
    };
    let diagnosis = (!ok).then(|| Box::new(explain(kind, &message.text, jwt)));
    Ok(AemVerdict {
        kind,
        ok,
        url: clipped(&page.url, 2048),
        text: bounded(&redact_text(&message.text), MAX_TEXT),
        context: bounded(&message.context, 400),
        diagnosis,
    })
}

/// AEM's text with any JSON it quotes passed through `redact`.
fn redact_text(text: &str) -> String {
    match quoted_json(text) {
        Some((before, json, after)) => format!("{before}{}{after}", redact(json)),
        None => text.to_string(),
    }
}

/// The first JSON object AEM's text quotes, with the text before and after it.
fn quoted_json(text: &str) -> Option<(&str, &str, &str)> {
    let start = text.find_ascii(b'{')?;
    let end = text.rfind_ascii(b'}')? + 1;
    let (before, rest) = text.split_at_checked(start)?;
    let (json, after) = rest.split_at_checked(end.checked_sub(start)?)?;
    crate::json_text::parse(json).is_ok().then_some((before, json, after))
}

/// The HTTP status AEM's text names ("status 401"), if any.
fn quoted_status(text: &str) -> Option<u16> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find_text("status")? + "status".len();
    let digits: String = lower
        .get(at..)?
        .trim_start_chars(&[' ', ':', '='])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    crate::text::whole_number(digits.as_bytes())
        .filter(|s| (100..600).contains(s))
        .and_then(|s| u16::try_from(s).ok())
}

/// Explains AEM's failure text: the IMS or Target answer it quotes goes through the same
/// catalogue as IMS Link's own checks; AEM's own refusals get their own entries.
pub fn explain(kind: VerdictKind, text: &str, jwt: bool) -> Diagnosis {
    let lower = text.to_ascii_lowercase();
    if lower.contains_text("private key") || (lower.contains_text("alias") && lower.contains_text("keystore")) {
        return d(
            "aem-no-private-key",
            "AEM holds no private key for this configuration's certificate.",
            "AEM signs its JWT with the private key of the key pair alias chosen in its IMS wizard. A certificate made outside AEM (such as IMS Link's key pair) can be on the credential while AEM never received its private key.",
            "Use AEM's own certificate (in the IMS wizard: \u{201c}Create new certificate\u{201d}, then \u{201c}Download Public Key\u{201d} and upload it to the credential), or add IMS Link's private key to AEM's keystore; better, migrate the configuration to OAuth Server-to-Server.",
        );
    }
    if lower.contains_text("no ims configuration") {
        return d(
            "aem-no-ims-configuration",
            "The Target configuration names no IMS configuration.",
            "AEM's Connect uses the IMS configuration chosen in the form; none is selected.",
            "Choose the IMS configuration IMS Link created (or let IMS Link fill the form again), then click Connect.",
        );
    }
    if lower.contains_text("tenant id is empty") {
        return d(
            "aem-no-tenant",
            "The Target configuration has no Tenant ID.",
            "AEM's Connect calls Target for the tenant in the form; it is empty.",
            "Let IMS Link fill the form (Tenant ID comes from Target's address), then click Connect.",
        );
    }
    if let (Some(status), Some((_, json, _))) = (quoted_status(text), quoted_json(text)) {
        let resp = HttpResponse {
            status,
            date: None,
            content_type: Some("application/json".into()),
            body: json.to_string(),
        };
        let target = kind == VerdictKind::Connect && lower.contains_text("target responded");
        let found = if target {
            target_response(&resp).err()
        } else {
            let flow = if jwt { Flow::JwtExchange } else { Flow::OAuth };
            token_response(flow, &resp, 0).err()
        };
        if let Some(mut x) = found {
            x.summary = format!("AEM's own call failed: {}", x.summary);
            return *x;
        }
    }
    match kind {
        VerdictKind::CheckHealth => d(
            "aem-token-failed",
            "AEM could not get a token from Adobe IMS, and its message does not say why.",
            "AEM asks IMS with the values it saved (client ID, client secret, scopes or its key pair). If IMS Link's own IMS check passes with the profile, AEM holds different values than the profile.",
            "Open the configuration's Properties in AEM and let IMS Link fill Client ID, Client Secret and Scope again, Save & Close, then run Check Health again; AEM's error.log has IMS's own answer.",
        ),
        VerdictKind::Connect => d(
            "aem-connect-failed",
            "AEM could not connect to Adobe Target, and its message does not say why.",
            "AEM's Connect gets a token with the chosen IMS configuration and calls Target for the tenant in the form.",
            "Run Check Health on the IMS configuration first; if it passes, check the Tenant ID and that the credential's product profile on Target is an Editor.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str, context: &str) -> AemResultPage {
        AemResultPage {
            url: "https://author.aem.test/libs/cq/adobeims-configuration/content/configurations.html".into(),
            messages: vec![PageMessage {
                text: text.into(),
                context: context.into(),
                ..PageMessage::default()
            }],
            ..AemResultPage::default()
        }
    }

    fn dialog(title: &str, text: &str, variant: &str) -> PageMessage {
        PageMessage {
            text: text.into(),
            context: format!("{title} {text} Close"),
            dialog: true,
            title: title.into(),
            variant: variant.into(),
        }
    }

    /// AEM's Check Health answers in a dialog of its own, with no alert in it (V, Adobe's
    /// screenshots: "Healthy configuration", "<title>: Token retrieved successfully!"); its
    /// failure dialog is not documented, so its variant or its header says it.
    #[test]
    fn a_verdict_in_a_dialog_of_its_own_is_read_by_its_words_variant_or_header() {
        let mut p = page("", "");
        p.messages = vec![dialog(
            "Check",
            "You are going to check the following item: Adobe Target (acme)",
            "",
        )];
        assert!(
            read(&p, VerdictKind::CheckHealth, false).is_err(),
            "asking is no verdict"
        );
        p.messages.push(dialog(
            "Healthy configuration",
            "Adobe Target (acme): Token retrieved successfully!",
            "success",
        ));
        let v = read(&p, VerdictKind::CheckHealth, false).unwrap();
        assert!(v.ok);
        assert!(v.context.contains("Adobe Target (acme)"));
        for (title, variant) in [
            ("Unhealthy configuration", ""),
            ("Check", "error"),
            ("Result", "warning"),
        ] {
            p.messages = vec![dialog(title, "Adobe Target (acme): something went wrong", variant)];
            let v = read(&p, VerdictKind::CheckHealth, false).unwrap();
            assert!(!v.ok, "{title} {variant}");
            assert_eq!(v.diagnosis.unwrap().code, "aem-token-failed");
        }
        // A form in a dialog (the classic Target settings) is no failure for its help texts.
        p.messages = vec![dialog(
            "Adobe Target Settings",
            "Client Code Do not change the tenant unless … Connect to Adobe Target",
            "",
        )];
        assert!(read(&p, VerdictKind::Connect, false).is_err());
    }

    #[test]
    fn aem_success_texts_are_passes() {
        let v = read(
            &page(
                "Success Token retrieved successfully!",
                "Check the health of Adobe Target (acme)",
            ),
            VerdictKind::CheckHealth,
            false,
        )
        .unwrap();
        assert!(v.ok);
        assert!(v.diagnosis.is_none());
        assert!(v.context.contains("Adobe Target (acme)"));
        let v = read(&page("Connection successful", ""), VerdictKind::Connect, false).unwrap();
        assert!(v.ok);
    }

    #[test]
    fn no_verdict_yet_is_said_with_what_to_click() {
        let e = read(&page("Connecting\u{2026}", ""), VerdictKind::Connect, false).unwrap_err();
        assert!(e.message().contains("Connect"));
        let e = read(&AemResultPage::default(), VerdictKind::CheckHealth, false).unwrap_err();
        assert_eq!(e.code(), "no-aem-result");
        assert!(e.message().contains("Check Health"));
    }

    #[test]
    fn an_ims_answer_aem_quotes_gets_the_catalogue_diagnosis() {
        let text = r#"Error: Unable to retrieve an access token. IMS responded with status 401: {"error":"invalid_client","error_description":"invalid client_secret parameter"}"#;
        let v = read(&page(text, ""), VerdictKind::CheckHealth, false).unwrap();
        assert!(!v.ok);
        let x = v.diagnosis.unwrap();
        assert_eq!(x.code, "wrong-client-secret");
        assert!(x.summary.starts_with("AEM's own call failed"), "{}", x.summary);
        assert_eq!(x.http_status, Some(401));
    }

    #[test]
    fn a_target_answer_in_connect_is_read_as_target() {
        let text = r#"Connection failed: Adobe Target responded with status 403: {"error_code":"403025","message":"Profile is not valid"}"#;
        let v = read(&page(text, ""), VerdictKind::Connect, false).unwrap();
        let x = v.diagnosis.unwrap();
        assert_eq!(x.remote_error.as_deref(), Some("403025"));
    }

    #[test]
    fn a_jwt_signed_without_the_credentials_certificate() {
        let text = r#"Error: Unable to retrieve an access token. IMS responded with status 400: {"error":"invalid_signature","error_description":"Could not match JWT signature to any of the bindings"}"#;
        let x = explain(VerdictKind::CheckHealth, text, true);
        assert_eq!(x.code, "certificate-not-uploaded");
        let x = explain(
            VerdictKind::CheckHealth,
            "Error: No private key found for key pair alias \"x\" in the authentication-service keystore",
            true,
        );
        assert_eq!(x.code, "aem-no-private-key");
    }

    #[test]
    fn aem_words_without_an_answer_still_get_a_next_step() {
        let x = explain(
            VerdictKind::CheckHealth,
            "Error: Unable to retrieve an access token. See the error.log for details.",
            false,
        );
        assert_eq!(x.code, "aem-token-failed");
        assert!(x.next_step.contains("Properties"));
        let x = explain(
            VerdictKind::Connect,
            "Connection failed: no IMS configuration is selected.",
            false,
        );
        assert_eq!(x.code, "aem-no-ims-configuration");
    }

    #[test]
    fn tokens_in_aem_text_are_hidden_and_junk_is_bounded() {
        let text = r#"Error: status 200: {"access_token":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl"} failed"#;
        let v = read(&page(text, ""), VerdictKind::CheckHealth, false).unwrap();
        assert!(!v.text.contains("eyJ"), "{}", v.text);
        let long = format!("Error {}", "x".repeat(10_000));
        let v = read(&page(&long, &"y".repeat(10_000)), VerdictKind::CheckHealth, false).unwrap();
        assert!(v.text.chars().count() <= MAX_TEXT + 1);
        assert!(v.context.chars().count() <= 401);
        let x = explain(VerdictKind::Connect, "status 99999999999999999999 {{{", false);
        assert_eq!(x.code, "aem-connect-failed");
    }

    #[test]
    fn the_quoted_json_is_cut_out_whole_around_any_text() {
        assert_eq!(
            quoted_json("Fehler ü: {\"a\":1} – ende"),
            Some(("Fehler ü: ", "{\"a\":1}", " – ende"))
        );
        assert_eq!(quoted_json("} then {"), None);
        assert_eq!(quoted_json("{not json}"), None);
        assert_eq!(redact_text("€ } €"), "€ } €");
    }
}
