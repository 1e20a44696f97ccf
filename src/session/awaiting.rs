//! A credential read from a page into a profile that has none yet waits for the admin's yes.
//!
//! A script on an Adobe page (an XSS, another extension, an injected widget) can put a
//! "Client ID / Client secret" pair of its own into the DOM; taking it silently would make
//! IMS Link test and fill that credential. A value the profile already holds is safe (a
//! different one becomes a conflict the admin settles), so only a first client id or secret
//! waits.

use crate::from_json::FromJson;
use crate::to_json::ToJson;

use super::profile_ops::absorb;
use super::Session;
use crate::profile::{filled, Capture, Field, Profile, Sourced};

/// A page's client id and secret, held back until the admin accepts them.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Awaiting {
    /// The page they were read from.
    pub page: String,
    /// The client id read, when the profile had none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<Sourced<String>>,
    /// The client secret read, when the profile had none (the popup masks it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<Sourced<String>>,
}

fn take_filled(v: &mut Option<Sourced<String>>) -> Option<Sourced<String>> {
    v.take().filter(|s| !s.value.trim().is_empty())
}

/// Takes out of a page's capture the client id and secret the profile has none of yet; they
/// wait in the session instead of entering the profile. A later snapshot of the same page
/// adds to what waits (the secret appears after "Retrieve client secret"); another page's
/// replaces it.
pub(super) fn hold_new_credential(s: &mut Session, mut capture: Capture, page: &str) -> Capture {
    let previous = s.awaiting.take();
    let earlier = previous.as_ref().filter(|a| a.page == page);
    let mut held = Awaiting {
        page: page.to_string(),
        client_id: None,
        client_secret: None,
    };
    if filled(&s.profile.client_id).is_none() {
        held.client_id =
            take_filled(&mut capture.profile.client_id).or_else(|| earlier.and_then(|a| a.client_id.clone()));
    }
    if filled(&s.profile.client_secret).is_none() {
        held.client_secret =
            take_filled(&mut capture.profile.client_secret).or_else(|| earlier.and_then(|a| a.client_secret.clone()));
    }
    s.awaiting = if held.client_id.is_some() || held.client_secret.is_some() {
        Some(held)
    } else {
        previous
    };
    capture
}

/// The admin's answer: yes merges the waiting values (one the profile got meanwhile becomes a
/// conflict, as with any capture); no drops them.
pub(super) fn settle(s: &mut Session, accept: bool) {
    let Some(a) = s.awaiting.take() else { return };
    if accept {
        let capture = Capture {
            profile: Profile {
                client_id: a.client_id,
                client_secret: a.client_secret,
                ..Profile::default()
            },
            ..Capture::default()
        };
        absorb(s, capture, &[]);
    }
}

/// Clearing fields of the profile clears them from what waits too.
pub(super) fn clear(s: &mut Session, fields: &[Field]) {
    if let Some(a) = &mut s.awaiting {
        // No fields named means all of them (`profile::clear`).
        if fields.is_empty() || fields.contains(&Field::ClientId) {
            a.client_id = None;
        }
        if fields.is_empty() || fields.contains(&Field::ClientSecret) {
            a.client_secret = None;
        }
        if a.client_id.is_none() && a.client_secret.is_none() {
            s.awaiting = None;
        }
    }
}
