//! A credential is one unit. A page (or a file) showing another credential than the profile's
//! does not offer its values field by field, which could leave the profile with one
//! credential's client ID and another's secret or scopes: it waits whole, and the admin
//! answers once, "Switch to this credential" (every credential value replaced, the ones the
//! other credential lacks emptied) or "Keep the current one".

use crate::from_json::FromJson;
use crate::to_json::ToJson;

use super::profile_ops::void;
use super::Session;
use crate::profile::{self, AuthType, Capture, Profile, Sourced, CREDENTIAL_FIELDS};

/// Another credential than the profile's, waiting for the admin's one decision.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct CredentialSwitch {
    /// Where it was read: a page's address, or a file's name.
    pub page: String,
    /// Its values, as read (credential fields only).
    pub credential: Profile,
}

/// What the popup shows of a waiting switch: the two credentials, never a secret.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct SwitchView {
    /// Where the other credential was read.
    pub page: String,
    /// The profile's credential, in a few words.
    pub current: String,
    /// The other credential, in a few words.
    pub incoming: String,
}

fn client_id(p: &Profile) -> Option<String> {
    p.client_id
        .as_ref()
        .map(|c| c.value.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty())
}

/// Whether `capture` is another credential than `profile`'s: both name a client ID, and they
/// differ. (Adobe's JWT → OAuth conversion keeps the client ID: the same credential.)
pub fn is_other(profile: &Profile, capture: &Profile) -> bool {
    matches!((client_id(profile), client_id(capture)), (Some(a), Some(b)) if a != b)
}

/// A credential in a few words: its kind and client ID.
pub fn describe(p: &Profile) -> String {
    let kind = match p.auth_type.as_ref().map(|a| a.value) {
        Some(AuthType::Jwt) => "Service Account (JWT)",
        Some(AuthType::Oauth) => "OAuth Server-to-Server",
        None => "Credential",
    };
    match client_id(p) {
        Some(id) => format!("{kind}, Client ID {id}"),
        None => kind.to_string(),
    }
}

fn take<T>(slot: &mut Option<T>) -> Option<T> {
    slot.take()
}

/// Splits a capture into the credential's values and the rest (Target's values, notices).
fn split(mut capture: Capture) -> (Profile, Capture) {
    let p = &mut capture.profile;
    let credential = Profile {
        client_id: take(&mut p.client_id),
        client_secret: take(&mut p.client_secret),
        org_id: take(&mut p.org_id),
        technical_account_id: take(&mut p.technical_account_id),
        technical_account_email: take(&mut p.technical_account_email),
        auth_type: take(&mut p.auth_type),
        payload: take(&mut p.payload),
        scopes: take(&mut p.scopes),
        authorization_server: take(&mut p.authorization_server),
        ..Profile::default()
    };
    (credential, capture)
}

fn source_of(p: &Profile) -> String {
    p.client_id
        .as_ref()
        .and_then(|c: &Sourced<String>| c.source.url.clone())
        .unwrap_or_else(|| "a page".to_string())
}

/// Sets aside the credential values of a capture that shows another credential; what is left
/// (values that are not the credential's) merges as usual. A later capture of the same other
/// credential adds to what waits (its secret appears after "Retrieve client secret"); one the
/// admin chose to keep the profile over is not asked again until the profile's own credential
/// is seen again.
pub(super) fn hold(s: &mut Session, capture: Capture) -> Capture {
    if !is_other(&s.profile, &capture.profile) {
        if client_id(&capture.profile).is_some() {
            s.kept_over = None;
        }
        return capture;
    }
    let (credential, rest) = split(capture);
    let id = client_id(&credential);
    if id.is_some() && s.kept_over == id {
        return rest;
    }
    let page = source_of(&credential);
    s.switch = Some(match s.switch.take() {
        Some(held) if client_id(&held.credential) == id => CredentialSwitch {
            page,
            credential: profile::merge(&held.credential, &credential, &CREDENTIAL_FIELDS).profile,
        },
        _ => CredentialSwitch { page, credential },
    });
    rest
}

/// The admin's one decision. Switching replaces every credential value (one the other
/// credential lacks is emptied, never left from the old one) and voids the checks made with
/// the old one; keeping drops the other credential.
pub(super) fn settle(s: &mut Session, switch: bool) {
    let Some(held) = s.switch.take() else { return };
    if !switch {
        s.kept_over = client_id(&held.credential);
        return;
    }
    let cleared = profile::clear(&s.profile, &CREDENTIAL_FIELDS);
    s.profile = profile::merge(&cleared, &held.credential, &CREDENTIAL_FIELDS).profile;
    // Choices about the old credential's values are moot.
    s.pending
        .retain(|p| !p.conflicts.iter().any(|c| CREDENTIAL_FIELDS.contains(&c.field)));
    s.kept_over = None;
    s.revision += 1;
    void(s, &CREDENTIAL_FIELDS);
}

/// What the popup shows of the waiting switch.
pub(super) fn view(s: &Session) -> Option<SwitchView> {
    s.switch.as_ref().map(|w| SwitchView {
        page: w.page.clone(),
        current: describe(&s.profile),
        incoming: describe(&w.credential),
    })
}
