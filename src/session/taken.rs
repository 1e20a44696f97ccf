//! A first credential read on its own Developer Console page goes into the profile by itself,
//! and the popup says what was taken and from where, with Undo (issue 18: one click fewer).
//!
//! Only where nothing can conflict: the profile holds no client ID and no client secret (or,
//! for the secret the page shows after "Retrieve client secret", exactly this client ID and no
//! secret). The page must show the credential as the Console does, with its Organization ID,
//! and that organization must be the profile's when the profile knows one (Target's page gave
//! it): a bare "Client ID / Client secret" pair a script put into a page, or a credential of
//! another organization, still waits for the admin's yes (`awaiting`). Undo puts the values
//! back into that wait, and the same credential is not taken by itself again.

use crate::from_json::FromJson;
use crate::text::{clipped, Search};
use crate::to_json::ToJson;

use super::profile_ops::void;
use super::{Awaiting, Session};
use crate::profile::{self, filled, Capture, Field, Sourced};

/// What was taken by itself, and from which page: never the secret, only whether it was taken.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Taken {
    /// The credential page.
    pub page: String,
    /// The credential's client ID (public).
    pub client_id: String,
    /// Whether the client ID was taken (else the profile held it already).
    pub took_client_id: bool,
    /// Whether the client secret was taken.
    pub took_secret: bool,
}

/// What the popup shows of it.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct TakenView {
    /// The credential page.
    pub page: String,
    /// "Took the Client ID 5f0a1b2c… and the client secret from …".
    pub text: String,
}

fn same_id(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Whether the capture's first client ID and secret go into the profile by itself (the rules
/// above); if so, records what it takes. Otherwise the capture goes on to `awaiting`.
pub(super) fn take_first(s: &mut Session, capture: &Capture, page: &str) -> bool {
    if !crate::capture::pages::is_console_credential(page) {
        return false;
    }
    let p = &capture.profile;
    let (Some(id), Some(org)) = (filled(&p.client_id), filled(&p.org_id)) else {
        return false;
    };
    if s.undone_take.as_deref().is_some_and(|u| same_id(u, id)) {
        return false;
    }
    if filled(&s.profile.org_id).is_some_and(|held| !held.eq_ignore_ascii_case(org)) {
        return false;
    }
    if filled(&s.profile.client_secret).is_some() {
        return false;
    }
    let took_client_id = match filled(&s.profile.client_id) {
        None => true,
        Some(held) if same_id(held, id) => false,
        Some(_) => return false,
    };
    let took_secret = filled(&p.client_secret).is_some();
    if !took_client_id && !took_secret {
        return false;
    }
    // A later snapshot of the same page adds the secret to what the record says.
    let earlier = s.taken.as_ref().filter(|t| t.page == page && same_id(&t.client_id, id));
    s.taken = Some(Taken {
        page: page.to_string(),
        client_id: id.to_string(),
        took_client_id: took_client_id || earlier.is_some_and(|t| t.took_client_id),
        took_secret: took_secret || earlier.is_some_and(|t| t.took_secret),
    });
    true
}

/// The record, while the profile still holds what it says was taken.
fn current(s: &Session) -> Option<&Taken> {
    s.taken.as_ref().filter(|t| {
        filled(&s.profile.client_id).is_some_and(|id| same_id(id, &t.client_id))
            && (!t.took_secret || from_page(&s.profile.client_secret, &t.page))
    })
}

fn from_page(v: &Option<Sourced<String>>, page: &str) -> bool {
    v.as_ref().is_some_and(|s| s.source.url.as_deref() == Some(page))
}

/// The first characters of a client ID: enough to recognise it next to the Console's.
fn short(id: &str) -> String {
    let head: String = clipped(id, 8);
    if head.len() < id.len() {
        format!("{head}\u{2026}")
    } else {
        head
    }
}

/// The page as its address bar shows it, without the query and the project's ids (the
/// credential's part stays, to compare with the Console).
fn page_name(page: &str) -> String {
    let rest = page.split_once_text("://").map_or(page, |(_, r)| r);
    let path = rest.before_any(b"?#");
    let ids = match (path.find_text("/console/"), path.find_text("/credentials/")) {
        (Some(c), Some(k)) if k > c + "/console/".len() => path.get(..c).zip(path.get(k..)),
        _ => None,
    };
    match ids {
        Some((before, after)) => format!("{before}/console/\u{2026}{after}"),
        None => path.to_string(),
    }
}

/// What the popup says: what was taken, and from where.
pub(super) fn view(s: &Session) -> Option<TakenView> {
    let t = current(s)?;
    let what = match (t.took_client_id, t.took_secret) {
        (true, true) => format!("the Client ID {} and the client secret", short(&t.client_id)),
        (true, false) => format!("the Client ID {}", short(&t.client_id)),
        _ => format!("the client secret of Client ID {}", short(&t.client_id)),
    };
    Some(TakenView {
        page: t.page.clone(),
        text: format!("Took {what} from {}.", page_name(&t.page)),
    })
}

/// Undo: the values taken leave the profile and wait for the admin's yes, as a credential
/// that was not taken by itself does; this credential is not taken by itself again.
pub(super) fn undo(s: &mut Session) -> bool {
    let Some(t) = current(s).cloned() else {
        s.taken = None;
        return false;
    };
    let mut fields = Vec::new();
    let mut back = Awaiting {
        page: t.page.clone(),
        client_id: None,
        client_secret: None,
    };
    if t.took_client_id {
        fields.push(Field::ClientId);
        back.client_id = s.profile.client_id.clone();
    }
    if t.took_secret {
        fields.push(Field::ClientSecret);
        back.client_secret = s.profile.client_secret.clone();
    }
    s.profile = profile::clear(&s.profile, &fields);
    s.awaiting = Some(back);
    s.undone_take = Some(t.client_id);
    s.taken = None;
    s.revision += 1;
    void(s, &fields);
    true
}
