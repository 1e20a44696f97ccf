//! JWT route A on AEM 6.5: AEM creates the key pair in its IMS wizard ("Create new
//! certificate"), IMS Link takes AEM's public key certificate and the admin uploads it to the
//! Developer Console credential (adobe-surfaces.md §4, §8). IMS Link then holds no private
//! key, so its own JWT check cannot run: the credential stage is done when the values are
//! captured and AEM's certificate is on the credential (by fingerprint); only AEM's own Check
//! Health proves AEM is configured.
//!
//! The order this route needs: the wizard's Certificate step first (the wizard tab stays
//! open) → the Console's "Upload public key" → back to the wizard, Next, Account step, Create
//! → Check Health → Target configuration → Connect.

use super::next::click;
use super::page::{Page, PageKind};
use super::stages::{said, stage, to_do, Facts};
use super::{Action, Link, Next, Stage, StageId, Status, Step};
use crate::capture::certificates::same_certificate;
use crate::from_json::FromJson;
use crate::profile::AuthType;
use crate::text::join;

/// AEM's certificate as the guide needs it.
#[derive(Debug, Clone, Default, FromJson)]
#[serde(rename_all = "camelCase", default)]
pub struct AemCertificateSeen {
    /// The AEM author that made it.
    pub origin: String,
    /// Its key pair alias in AEM, when known.
    pub alias: Option<String>,
    /// The file name the popup offers it under.
    pub file_name: String,
    /// SHA-1, hex with colons.
    pub sha1_fingerprint: String,
    /// SHA-256, hex with colons.
    pub sha256_fingerprint: String,
    /// End of validity, unix seconds.
    pub not_after: u64,
}

/// The certificates the credential page listed.
#[derive(Debug, Clone, Default, FromJson)]
#[serde(rename_all = "camelCase", default)]
pub struct CredentialCertificatesSeen {
    /// The credential's client id, as its page showed it.
    pub client_id: Option<String>,
    /// Fingerprints, normal form.
    pub fingerprints: Vec<String>,
}

const CREATE_SWITCH: &str = "Create new certificate";
const CREATE_BUTTON: &str = "Create certificate";

fn next(stage: StageId, text: impl Into<String>, steps: Vec<Step>, action: Option<Action>, link: Option<Link>) -> Next {
    Next {
        stage: Some(stage),
        text: text.into(),
        steps,
        action,
        link,
        watch_aem: false,
        runs: None,
    }
}

/// Whether this route is the one: IMS Link has AEM's certificate, or the admin turned on
/// "Create new certificate" in AEM's wizard before IMS Link made a key pair. Never for OAuth.
pub fn applies(f: &Facts) -> bool {
    f.auth != Some(AuthType::Oauth) && (f.aem_cert.is_some() || (f.aem_new_certificate && !f.has_key_pair))
}

/// Whether the credential lists AEM's certificate; `None` until its page was read (for the
/// profile's credential) or without AEM's certificate.
pub fn on_credential(f: &Facts) -> Option<bool> {
    let cert = f.aem_cert?;
    let listed = f.credential_certs?;
    Some(
        listed
            .fingerprints
            .iter()
            .any(|l| same_certificate(l, &cert.sha1_fingerprint, &cert.sha256_fingerprint)),
    )
}

/// How the admin knows AEM's certificate: its alias and file name.
fn named(cert: &AemCertificateSeen) -> String {
    match &cert.alias {
        Some(a) => format!("AEM's certificate \u{201c}{a}\u{201d} ({})", cert.file_name),
        None => format!("AEM's certificate ({})", cert.file_name),
    }
}

/// The alias the guide suggests typing.
fn alias(f: &Facts) -> String {
    format!("ims-link-{}", f.tenant.unwrap_or("target"))
}

/// The credential stage under this route; `None` when another route applies.
pub fn console_stage(f: &Facts, missing: &[&str], link: Option<Link>) -> Option<Stage> {
    if !applies(f) {
        return None;
    }
    let title = "Key pair and Developer Console";
    // Where it stands, and apart what to do (the next step says that), as every stage does.
    let (status, standing) = match (f.aem_cert, on_credential(f)) {
        _ if !missing.is_empty() => (
            Status::NeedsYou,
            said(format!(
                "Service Account (JWT) credential, with AEM's own certificate; still missing: {}.",
                join(missing, ", ")
            )),
        ),
        (None, _) => (
            Status::NeedsYou,
            to_do(
                "All values captured; AEM's certificate is not made yet.",
                format!(
                    "In AEM's IMS wizard, on the Certificate step, \u{201c}{CREATE_SWITCH}\u{201d} is on: type an alias, click \u{201c}{CREATE_BUTTON}\u{201d}, and let IMS Link take AEM's certificate for the credential."
                ),
            ),
        ),
        (Some(c), _) if c.not_after.saturating_mul(1000) <= f.now_ms => (
            Status::Problem,
            to_do(
                format!("{} has expired.", named(c)),
                "Create a new one in AEM's IMS wizard and upload it to the credential.",
            ),
        ),
        (Some(c), Some(true)) => (
            Status::Done,
            said(format!(
                "Service Account (JWT) credential; {} is on it (SHA-1 {}). IMS Link holds no private key for it, so only AEM's own Check Health can prove it.",
                named(c),
                c.sha1_fingerprint
            )),
        ),
        (Some(c), listed) => (
            Status::NeedsYou,
            to_do(
                if listed == Some(false) {
                    format!("All values captured; the credential does not list {} yet.", named(c))
                } else {
                    "All values captured.".to_string()
                },
                format!(
                    "Upload {} to the credential with \u{201c}Upload public key\u{201d}: IMS Link sees it there by its fingerprint.",
                    named(c)
                ),
            ),
        ),
    };
    Some(stage(StageId::Console, title, status, standing, link))
}

/// Making the certificate on the wizard's Certificate step, then taking it.
fn create_certificate(f: &Facts) -> Next {
    let mut steps = Vec::new();
    // A switch already seen on is not clicked again: a click would turn it off.
    if !f.aem_new_certificate {
        steps.push(click(CREATE_SWITCH));
    }
    let alias = alias(f);
    steps.push(Step::Enter {
        label: "Alias".into(),
        value: alias.clone(),
    });
    steps.push(click(CREATE_BUTTON));
    next(
        StageId::Console,
        "Let AEM create the certificate on this step, then let IMS Link take it for the credential. Keep this wizard open: you finish it after the upload.",
        steps,
        Some(Action::TakeAemCertificate),
        None,
    )
}

/// The credential stage's next step under this route, or the choice of route while none is
/// taken; `None` leaves it to the usual steps.
pub fn console_next(f: &Facts, page: &Page, stage: &Stage, missing: &[&str]) -> Option<Next> {
    let jwt = f.auth == Some(AuthType::Jwt);
    if !applies(f) {
        // No key pair yet, no route taken: on AEM's IMS pages the AEM route is at hand;
        // elsewhere the popup offers its own key pair and names the other way.
        if !jwt || f.has_key_pair || !missing.contains(&"key pair") {
            return None;
        }
        // On the credential page its own values come first (secret, payload): the key pair's
        // route is chosen once only it is missing.
        if page.kind == PageKind::ConsoleCredential && missing.iter().any(|m| *m != "key pair") {
            return None;
        }
        return Some(match page.kind {
            PageKind::AemImsWizard => create_certificate(f),
            PageKind::AemImsConsole => next(
                StageId::Console,
                "To let AEM create the certificate: its wizard's Certificate step makes it, and IMS Link takes it for the credential.",
                vec![click("Create")],
                None,
                None,
            ),
            _ => next(
                StageId::Console,
                "Generate a key pair here and upload its certificate_pub.crt to the credential, or let AEM create the certificate: \u{201c}Create new certificate\u{201d} in AEM's IMS wizard.",
                Vec::new(),
                Some(Action::GenerateKeyPair),
                None,
            ),
        });
    }
    // Values still missing are captured on the credential page as usual.
    if !missing.is_empty() {
        return None;
    }
    let Some(cert) = f.aem_cert else {
        return Some(match page.kind {
            PageKind::AemImsWizard => create_certificate(f),
            _ => next(StageId::Console, stage.todo.clone(), Vec::new(), None, None),
        });
    };
    if stage.status == Status::Problem {
        return Some(match page.kind {
            PageKind::AemImsWizard => create_certificate(f),
            _ => next(StageId::Console, stage.todo.clone(), Vec::new(), None, None),
        });
    }
    Some(if page.kind == PageKind::Console {
        next(
            StageId::Console,
            format!(
                "Open your project, then its credential (Service Account (JWT)): there IMS Link offers {} for \u{201c}Upload public key\u{201d}.",
                named(cert)
            ),
            Vec::new(),
            None,
            None,
        )
    } else if page.kind == PageKind::ConsoleCredential {
        next(
            StageId::Console,
            format!(
                "Upload {} from this popup: IMS Link sees it in the credential's list.",
                named(cert)
            ),
            vec![click("Credential details"), click("Upload public key")],
            None,
            None,
        )
    } else {
        next(
            StageId::Console,
            stage.todo.clone(),
            Vec::new(),
            None,
            stage.link.clone(),
        )
    })
}

/// The AEM IMS stage's next step under this route before the wizard is filled: back to the
/// wizard that made the certificate, not a new one (which would not use it).
pub fn aem_ims_next(f: &Facts, page: &Page) -> Option<Next> {
    if !applies(f) || f.ims_filled_on.is_some() || f.health.is_some() {
        return None;
    }
    let cert = f.aem_cert?;
    Some(match page.kind {
        PageKind::AemImsWizard => next(
            StageId::AemIms,
            format!(
                "Fill this wizard with the profile's values; its Certificate step keeps {}.",
                named(cert)
            ),
            Vec::new(),
            Some(Action::FillForm),
            None,
        ),
        _ => next(
            StageId::AemIms,
            format!(
                "Go back to the tab with AEM's IMS wizard, where AEM created {} (Certificate step done); there, let IMS Link fill the Account step.",
                named(cert)
            ),
            Vec::new(),
            None,
            None,
        ),
    })
}

/// On this route a failed Check Health is about AEM's certificate: what went wrong (the
/// catalogue's summary) and the fix that names AEM's certificate, not IMS Link's key pair.
pub fn aem_failure(f: &Facts, v: &super::VerdictSeen) -> Option<(String, String)> {
    if !applies(f) {
        return None;
    }
    let cert = f.aem_cert?;
    let what = v.diagnosis.as_ref().map(|d| d.summary.clone()).unwrap_or_default();
    Some((
        what,
        format!(
            "AEM signs its JWT with {}: upload it to the credential if the credential does not list SHA-1 {}, then run Check Health again.",
            named(cert),
            cert.sha1_fingerprint
        ),
    ))
}

#[cfg(test)]
#[path = "jwt_aem_certificate_tests.rs"]
mod tests;
