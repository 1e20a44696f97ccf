//! The IMS and Target checks as the session sees them: what goes in, and whether a result is
//! still true of the profile when it comes back.

use super::event::{Io, Step};
use super::profile_ops::void;
use super::reply::Reply;
use super::Session;
use crate::ims::check::{CheckReport, ImsCheckInput, TargetCheckInput};
use crate::ims::diagnose::Token;
use crate::keys::ImportedKey;
use crate::profile::{Field, Sourced};

fn text(v: &Option<Sourced<String>>) -> String {
    v.as_ref().map(|s| s.value.clone()).unwrap_or_default()
}

pub(super) fn start_ims(s: &Session, timeout_ms: Option<u32>) -> Step {
    let p = &s.profile;
    let input = ImsCheckInput {
        auth_type: p.auth_type.as_ref().map(|a| a.value),
        auth_server: p.authorization_server.as_ref().map(|a| a.value.clone()),
        client_id: text(&p.client_id),
        client_secret: text(&p.client_secret),
        scopes: p.scopes.as_ref().map(|s| s.value.clone()).unwrap_or_default(),
        payload: p.payload.as_ref().map(|a| a.value.clone()),
        private_key_pem: s.key_pair.as_ref().map(|k| k.key.private_key_pem.clone()),
        timeout_ms,
    };
    Step::io(Io::CheckIms {
        input: Box::new(input),
        revision: s.revision,
        echo: 0,
    })
}

/// Recorded only if the credential did not change while the check ran.
pub(super) fn ims_checked(mut s: Session, revision: u64, report: CheckReport, token: Option<Token>) -> Step {
    if revision != s.revision {
        return Step::reply(Reply::CheckResult {
            report: Box::new(report),
            recorded: false,
        });
    }
    s.token = token;
    s.checks.ims = Some(report.clone());
    s.checks.target = None;
    Step::changed(
        s,
        Some(Reply::CheckResult {
            report: Box::new(report),
            recorded: true,
        }),
    )
}

pub(super) fn start_target(s: &Session, timeout_ms: Option<u32>, now_ms: u64) -> Step {
    let fresh = s
        .token
        .as_ref()
        .filter(|t| t.expires_at_ms > i64::try_from(now_ms).unwrap_or(i64::MAX))
        .map(|t| t.access_token.clone())
        .unwrap_or_default();
    let input = TargetCheckInput {
        tenant: text(&s.profile.tenant),
        client_id: text(&s.profile.client_id),
        access_token: fresh,
        timeout_ms,
    };
    Step::io(Io::CheckTarget {
        input: Box::new(input),
        revision: s.revision,
        echo: 0,
    })
}

pub(super) fn target_checked(mut s: Session, revision: u64, report: CheckReport) -> Step {
    if revision != s.revision {
        return Step::reply(Reply::CheckResult {
            report: Box::new(report),
            recorded: false,
        });
    }
    s.checks.target = Some(report.clone());
    Step::changed(
        s,
        Some(Reply::CheckResult {
            report: Box::new(report),
            recorded: true,
        }),
    )
}

/// A new key signs JWTs differently: an earlier IMS pass no longer proves anything.
pub(super) fn hold_key_pair(mut s: Session, key: ImportedKey) -> Step {
    s.key_pair = Some(key.clone());
    s.revision += 1;
    void(&mut s, &[Field::CertificateSha256]);
    Step::changed(
        s,
        Some(Reply::KeyPair {
            material: Some(Box::new(key)),
        }),
    )
}
