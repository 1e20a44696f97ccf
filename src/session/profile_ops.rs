//! Changes to the profile: captures from pages, pastes, typed values, the admin's choices
//! between conflicting values, and clearing.

use super::event::{Effect, Step};
use super::reply::Reply;
use super::views::profile_state;
use super::{awaiting, credential_switch};
use super::{Pending, Session, MAX_NOTICES};
use crate::capture::atjs::{self, AtjsSettings};
use crate::capture::pages;
use crate::capture::snapshot::PageSnapshot;
use crate::gather::Gather;
use crate::ims::check::stale_after;
use crate::message::ImportKind;
use crate::profile::{self, console, edit, payload, report, scopes, Capture, Field, Merged, Source, SourceKind};

/// A check's pass is only true of the values it was made with: drop what `fields` void.
pub(super) fn void(s: &mut Session, fields: &[Field]) {
    let stale = stale_after(fields);
    if stale.ims {
        s.token = None;
        s.checks = Default::default();
    } else if stale.target {
        s.checks.target = None;
    }
}

/// Merges a capture; values that differ from held ones wait, with the capture they came from.
pub(super) fn absorb(s: &mut Session, capture: Capture, replace: &[Field]) -> Merged {
    let merged = profile::merge(&s.profile, &capture.profile, replace);
    // A newer capture of a field replaces the older one waiting for it.
    s.pending.retain(|p| {
        !p.conflicts
            .iter()
            .any(|c| merged.conflicts.iter().any(|m| m.field == c.field))
    });
    let mut notices = capture.notices.clone();
    notices.append(&mut s.notices);
    notices.truncate(MAX_NOTICES);
    s.notices = notices;
    if !merged.conflicts.is_empty() {
        s.pending.push(Pending {
            capture,
            conflicts: merged.conflicts.clone(),
        });
    }
    s.profile = merged.profile.clone();
    if !merged.changed.is_empty() {
        s.revision += 1;
        void(s, &merged.changed);
    }
    merged
}

fn profile_reply(s: Session, now_ms: u64) -> Step {
    let state = profile_state(&s, now_ms);
    Step::changed(s, Some(Reply::ProfileState(Box::new(state))))
}

/// What a Console or Target page shows (or Target's frame inside the Unified Shell, whose top
/// address is `frame_top`); the badge says it gave something or wants a choice. A first
/// credential on its own Console page goes in by itself (`taken`); another first client id or
/// secret waits for the admin's yes (`awaiting`).
pub(super) fn page_snapshot(
    mut s: Session,
    snapshot: PageSnapshot,
    tab_id: Option<u32>,
    frame_top: Option<&str>,
    now_ms: u64,
) -> Step {
    let page = snapshot.url.clone();
    // The credential's certificate list: where IMS Link sees AEM's certificate arrive.
    let listed = super::aem_certificate::credential_listed(&mut s, &snapshot);
    let held_secret = s.profile.client_secret.as_ref().map(|c| c.value.clone());
    let captured = match frame_top {
        Some(top) => pages::capture_in_frame(snapshot, top, now_ms),
        None => pages::capture_with(snapshot, now_ms, held_secret.as_deref()),
    };
    let Some(capture) = captured else {
        return if listed {
            Step::changed(s, None)
        } else {
            Step::default()
        };
    };
    let awaiting_before = s.awaiting.clone();
    let switch_before = s.switch.clone();
    // A first credential on its own Console page goes in by itself (`taken`); any other first
    // client id or secret waits for the admin's yes.
    let capture = if super::taken::take_first(&mut s, &capture, &page) {
        s.awaiting = s.awaiting.take().filter(|a| a.page != page);
        capture
    } else {
        awaiting::hold_new_credential(&mut s, capture, &page)
    };
    // A credential page showing another credential: it waits whole for one decision.
    let capture = credential_switch::hold(&mut s, capture);
    let merged = absorb(&mut s, capture, &[]);
    let held =
        (s.awaiting.is_some() && s.awaiting != awaiting_before) || (s.switch.is_some() && s.switch != switch_before);
    let mut step = if merged.changed.is_empty() && merged.conflicts.is_empty() && !held && !listed {
        Step {
            session: Some(s),
            ..Step::default()
        }
    } else {
        Step::changed(s, None)
    };
    if let Some(tab_id) = tab_id {
        step.effects.extend(badge(tab_id, &merged, held));
    }
    step
}

fn badge(tab_id: u32, merged: &Merged, held: bool) -> Option<Effect> {
    let (text, color, title) = if !merged.conflicts.is_empty() || held {
        (
            "!",
            "#b45309",
            if held {
                "IMS Link: this page shows a credential; open IMS Link to accept it or keep yours"
            } else {
                "IMS Link: this page shows values that differ from the profile"
            },
        )
    } else if !merged.changed.is_empty() {
        ("+", "#0d66d0", "IMS Link: values captured from this page")
    } else {
        return None;
    };
    Some(Effect::Badge {
        tab_id,
        text: text.into(),
        color: color.into(),
        title: title.into(),
    })
}

/// The admin's answer to a credential read from a page (`awaiting`).
pub(super) fn accept_captured(mut s: Session, accept: bool, now_ms: u64) -> Step {
    awaiting::settle(&mut s, accept);
    profile_reply(s, now_ms)
}

/// Undo of a credential taken by itself: its values leave the profile and wait for the yes.
pub(super) fn undo_taken(mut s: Session, now_ms: u64) -> Step {
    super::taken::undo(&mut s);
    profile_reply(s, now_ms)
}

/// The admin's one decision about another credential: switch to it whole, or keep the
/// profile's.
pub(super) fn switch_credential(mut s: Session, switch: bool, now_ms: u64) -> Step {
    super::credential_switch::settle(&mut s, switch);
    profile_reply(s, now_ms)
}

/// Pasted or dropped text: a Console download, a JWT payload or scopes. The answer says what
/// was taken, what was missing and what was refused; a file with several credentials asks
/// which one first, and one that gave nothing usable is refused with the reasons.
pub(super) fn import_text(
    mut s: Session,
    kind: ImportKind,
    text: &str,
    file_name: Option<String>,
    choice: Option<&str>,
    now_ms: u64,
) -> Step {
    let what = file_name.clone().unwrap_or_else(|| "the pasted text".to_string());
    let source = Source {
        kind: if file_name.is_some() {
            SourceKind::File
        } else {
            SourceKind::Paste
        },
        url: file_name,
        at_ms: now_ms,
    };
    let parsed = match kind {
        ImportKind::WorkspaceJson => match console::parse(text, &source, choice) {
            Err(e) => {
                if let console::WorkspaceError::Choose(credentials, preselected) = &e {
                    return Step::reply(Reply::ChooseCredential {
                        credentials: credentials.clone(),
                        preselected: preselected.clone(),
                        message: e.to_string(),
                    });
                }
                Err(Reply::failed(&e))
            }
            other => other.map_err(|e| Reply::failed(&e)),
        },
        ImportKind::Payload => payload::parse(text, &source).map_err(|e| Reply::failed(&e)),
        ImportKind::Scopes => scopes::parse(text, &source).map_err(|e| Reply::failed(&e)),
    };
    match parsed {
        Ok(capture) if !report::usable(&capture) => {
            let r = report::report(&what, &capture, None);
            Step::reply(Reply::refused("nothing-usable", r.message))
        }
        Ok(capture) => {
            // A whole credential (a Console download) of another credential than the profile's
            // waits for one decision; a payload or scopes alone are pieces the admin pasted on
            // purpose, whose mismatch the findings explain.
            let switch_before = s.switch.clone();
            let whole = if kind == ImportKind::WorkspaceJson {
                credential_switch::hold(&mut s, capture.clone())
            } else {
                capture.clone()
            };
            let held = s.switch.is_some() && s.switch != switch_before;
            let merged = absorb(&mut s, whole, &[]);
            let mut r = report::report(&what, &capture, Some(&merged));
            if held {
                // Nothing of it was taken: the one decision comes first.
                r.message = format!(
                    "From {what}: another credential than the profile's. Switch to it or keep the current one."
                );
            }
            let mut state = profile_state(&s, now_ms);
            state.import = Some(r);
            Step::changed(s, Some(Reply::ProfileState(Box::new(state))))
        }
        Err(refusal) => Step::reply(refusal),
    }
}

/// Typing is the admin's own choice: it replaces what was there.
pub(super) fn edit_field(mut s: Session, field: Field, value: &str, now_ms: u64) -> Step {
    match edit::typed(field, value, now_ms) {
        Ok(p) => {
            let capture = Capture {
                profile: p,
                ..Capture::default()
            };
            absorb(&mut s, capture, &[field]);
            profile_reply(s, now_ms)
        }
        Err(e) => Step::reply(Reply::failed(&e)),
    }
}

/// The admin chose: the accepted fields take the captured values; the others are dropped.
pub(super) fn resolve_conflicts(mut s: Session, accept: &[Field], now_ms: u64) -> Step {
    for p in std::mem::take(&mut s.pending) {
        let chosen: Vec<Field> = p
            .conflicts
            .iter()
            .map(|c| c.field)
            .filter(|f| accept.contains(f))
            .gather();
        if !chosen.is_empty() {
            absorb(&mut s, p.capture, &chosen);
        }
    }
    // absorb() set aside again the conflicts not chosen: the admin declined those.
    s.pending.clear();
    profile_reply(s, now_ms)
}

/// Clearing the whole profile keeps only the key pair and AEM's certificate (the admin may
/// have uploaded either), the AEM author and the origins the admin allowed (consents, revoked on their own):
/// everything else in the session came from the profile, so it all goes, the Undo records
/// (which held what the fills replaced) included.
pub(super) fn clear_profile(s: Session, fields: Option<Vec<Field>>, now_ms: u64) -> Step {
    let next = match fields {
        None => Session {
            revision: s.revision + 1,
            key_pair: s.key_pair,
            aem_certificate: s.aem_certificate,
            aem_new_certificate: s.aem_new_certificate,
            secret_origins: s.secret_origins,
            aem_author: s.aem_author,
            // A secret copied before may still be in the clipboard: its watch goes on.
            clipboard: s.clipboard,
            ..Session::default()
        },
        Some(fields) => {
            let mut next = Session {
                profile: profile::clear(&s.profile, &fields),
                pending: Vec::new(),
                notices: Vec::new(),
                revision: s.revision + 1,
                ..s
            };
            void(&mut next, &fields);
            awaiting::clear(&mut next, &fields);
            next
        }
    };
    profile_reply(next, now_ms)
}

/// at.js's settings read from a site page (or why they could not be).
pub(super) fn site_settings(
    mut s: Session,
    settings: Option<AtjsSettings>,
    error: Option<String>,
    now_ms: u64,
) -> Step {
    let Some(settings) = settings.filter(|_| error.is_none()) else {
        return Step::reply(Reply::refused(
            "no-site-access",
            "IMS Link may not read this page yet: click the IMS Link icon while the page is open, then try again.",
        ));
    };
    let capture = match atjs::capture(&settings, now_ms) {
        Ok(capture) => capture,
        Err(problem) => return Step::reply(Reply::refused(&problem.code, problem.message)),
    };
    absorb(&mut s, capture, &[]);
    profile_reply(s, now_ms)
}
