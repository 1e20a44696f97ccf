//! IMS Link's own IMS check, started by itself once the profile's credential is complete
//! (issue 18: the admin no longer clicks "Check IMS" to learn what IMS says).
//!
//! Only after values read from the Developer Console (its credential page, its JSON download)
//! or the admin's answer about them: values the admin types are checked when the admin says
//! so, since a half-typed credential would only fail.
//!
//! Once per set of values: `Checks::ims_auto` records the revision it started at, and only a
//! change of what the check is made with clears it (`profile_ops::void`, with the result), so
//! a failed check is not tried again until the values change, and a result lost on the way (the
//! worker stopped) is not tried again either; "Check IMS" stays for the admin's re-check. The
//! calls are the same as the button's (`Io::Sign`, `Io::Send`) (to Adobe's IMS host only), made in the
//! background: the step's own reply does not wait for IMS.

use super::event::Step;
use super::Session;
use crate::capture::certificates::same_certificate;
use crate::guide::page::{classify, PageKind};
use crate::message::{ImportKind, Message};
use crate::profile::{filled, AuthType};

/// Whether the credential lists the certificate of IMS Link's key pair: a JWT check before the
/// admin uploaded it would only fail.
fn key_on_credential(s: &Session) -> bool {
    let (Some(cert), Some(listed)) = (
        s.key_pair.as_ref().and_then(|k| k.certificate.as_ref()),
        s.credential_certificates.as_ref(),
    ) else {
        return false;
    };
    let ours = filled(&s.profile.client_id);
    let this_credential = match (listed.client_id.as_deref().map(str::trim), ours) {
        (Some(l), Some(o)) => l.eq_ignore_ascii_case(o),
        _ => true,
    };
    this_credential
        && listed
            .fingerprints
            .iter()
            .any(|f| same_certificate(f, &cert.sha1_fingerprint, &cert.sha256_fingerprint))
}

/// Whether the check is due now: the credential is complete for its kind, nothing about it
/// waits for the admin's decision, and IMS Link has neither checked these values nor started to.
pub(super) fn due(s: &Session) -> bool {
    if s.checks.ims.is_some() || s.checks.ims_auto.is_some() {
        return false;
    }
    // A choice is open about the credential: its values are not settled yet.
    if s.switch.is_some() || s.awaiting.is_some() || !s.pending.is_empty() {
        return false;
    }
    let complete = match crate::guide::auth_of(&s.profile) {
        Some(AuthType::Jwt) => {
            crate::guide::missing_values(&s.profile, s.key_pair.is_some()).is_empty() && key_on_credential(s)
        }
        _ => crate::guide::missing_values(&s.profile, false).is_empty(),
    };
    // Nothing is sent anywhere but an Adobe IMS host: the check itself refuses others, and a
    // refusal the admin did not ask for is not worth showing.
    let to_ims =
        crate::ims::check::ims_host(s.profile.authorization_server.as_ref().map(|a| a.value.as_str())).is_some();
    complete && to_ims
}

/// How long the guide waits for IMS Link's own check: longer than its two attempts may take
/// (`ims::check`); past it, the answer was lost (the worker stopped) and the admin asks.
pub const WAIT_MS: u64 = 45_000;

/// Whether IMS Link's own check of the values the profile holds is still on its way.
pub(super) fn running(s: &Session, now_ms: u64) -> bool {
    s.checks.ims.is_none()
        && s.checks.ims_auto == Some(s.revision)
        && s.checks
            .ims_auto_at_ms
            .is_some_and(|at| now_ms.saturating_sub(at) < WAIT_MS)
}

/// Whether the message brings values read from the Console, or the admin's answer about them.
/// A snapshot of another page (Target's, AEM's) brings none: with a typed credential complete,
/// it would start a check the admin did not ask for, and a second one when the admin clicks.
pub(super) fn reads_the_console(message: &Message) -> bool {
    match message {
        Message::PageSnapshot { snapshot } => matches!(
            classify(Some(&snapshot.url)).kind,
            PageKind::ConsoleCredential | PageKind::Console
        ),
        Message::AcceptCaptured { .. }
        | Message::SwitchCredential { .. }
        | Message::ResolveConflicts { .. }
        | Message::ImportText {
            kind: ImportKind::WorkspaceJson,
            ..
        } => true,
        _ => false,
    }
}

/// Adds the check to a step that wrote the session, when it is due; the session records that
/// it started.
pub(super) fn start(step: &mut Step, now_ms: u64) {
    let Some(s) = step.session.as_mut() else { return };
    if step.background.is_some() || !due(s) {
        return;
    }
    s.checks.ims_auto = Some(s.revision);
    s.checks.ims_auto_at_ms = Some(now_ms);
    // A check that needs no call (a value missing) is recorded at once.
    let started = super::checks::start_ims(s.clone(), None, now_ms);
    match (started.io, started.session) {
        (Some(io), _) => step.background = Some(io),
        (None, Some(recorded)) => *s = recorded,
        (None, None) => {}
    }
}
