//! The IMS and Target checks as the session sees them: what goes in, and whether a result is
//! still true of the profile when it comes back.

use super::echo::Pending;
use super::event::{Io, Step};
use super::profile_ops::void;
use super::reply::Reply;
use super::Session;
use crate::ims::check::{CheckReport, ImsCheckInput, TargetCheckInput};
use crate::ims::diagnose::Token;
use crate::ims::http::HttpResponse;
use crate::ims::run::{Next, NoAnswer, Run};
use crate::keys::ImportedKey;
use crate::profile::{Field, Sourced};

fn text(v: &Option<Sourced<String>>) -> String {
    v.as_ref().map(|s| s.value.clone()).unwrap_or_default()
}

/// A check under way, with the profile's revision it started at.
#[derive(Debug, Clone)]
pub struct Running {
    revision: u64,
    run: Run,
}

/// The check's next call, or its result recorded.
pub(super) fn go_on(s: Session, revision: u64, next: Next) -> Step {
    match next {
        Next::Sign { run, pkcs8, data } => Step::io(Io::sign(Pending::Check(Running { revision, run }), pkcs8, data)),
        Next::Send {
            run,
            request,
            timeout_ms,
            delay_ms,
        } => Step::io(Io::Send {
            pending: Some(Box::new(Pending::Check(Running { revision, run }))),
            request,
            // The admin's Adobe web session never rides along with a check, and a redirect is
            // never followed: the allow-list judged this address only, and a 307 would make
            // the browser post the same client secret to wherever the answer points. `manual`
            // (not `error`) so that a redirect (an `opaqueredirect` answer) is told apart
            // from a network failure.
            credentials: "omit",
            redirect: "manual",
            timeout_ms,
            delay_ms,
            echo: 0,
        }),
        Next::Ims(o) => ims_checked(s, revision, o.report, o.token),
        Next::Target(report) => target_checked(s, revision, *report),
    }
}

/// The signature `Io::Sign` asked for came back, or the browser's refusal.
pub(super) fn signed(s: Session, running: Running, signature: Option<Vec<u8>>, error: Option<String>) -> Step {
    let signature = signature.ok_or_else(|| error.unwrap_or_else(|| "no signature".into()));
    go_on(s, running.revision, running.run.signed(signature))
}

/// What `Io::Send` brought back: the answer, or why none came.
pub(super) struct Answer {
    pub response: Option<HttpResponse>,
    /// The browser's `Response.type` (`opaqueredirect`: a redirect not followed).
    pub response_type: Option<String>,
    /// The browser followed a redirect (it never should: `redirect: "manual"`).
    pub redirected: bool,
    /// The time limit's abort ended the call.
    pub timed_out: bool,
}

pub(super) fn answered(s: Session, running: Running, answer: Answer, now_ms: u64) -> Step {
    let answer = match answer {
        Answer { timed_out: true, .. } => Err(NoAnswer::Timeout),
        Answer { redirected: true, .. } => Err(NoAnswer::Redirected),
        Answer {
            response_type: Some(t), ..
        } if t == "opaqueredirect" => Err(NoAnswer::Redirected),
        Answer { response: Some(r), .. } => Ok(r),
        Answer { response: None, .. } => Err(NoAnswer::Network),
    };
    go_on(s, running.revision, running.run.answered(answer, now_ms))
}

pub(super) fn start_ims(s: Session, timeout_ms: Option<u32>, now_ms: u64) -> Step {
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
    let revision = s.revision;
    go_on(s, revision, Run::ims(input, now_ms))
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

pub(super) fn start_target(s: Session, timeout_ms: Option<u32>, now_ms: u64) -> Step {
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
    let revision = s.revision;
    go_on(s, revision, Run::target(input))
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
