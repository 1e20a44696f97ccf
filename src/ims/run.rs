//! The two checks as the calls they need, one at a time: sign the JWT (JWT flow), send the
//! request, send it again once after a network error, a time-out or a 5xx, then judge the
//! answer. Pure: the worker makes each call (`session::checks`) and gives back its result, so
//! the allow-list, the retry and every diagnosis are tested natively, and the module holds no
//! futures (issue 17).

use super::allow::AllowError;
use super::check::{AuthType, CheckReport, ImsCheckInput, TargetCheckInput};
use super::diagnose::{self, Diagnosis, Flow, Token};
use super::http::{HttpRequest, HttpResponse};
use super::{allow, request};
use crate::jwt::{self, JwtError};

/// Answers longer than this are cut: no legitimate IMS or Target answer comes close.
const MAX_BODY: usize = 256 * 1024;
/// The wait before the one retry.
pub const RETRY_BACKOFF_MS: u32 = 600;

/// The IMS check's result: the report for the popup, and the token for the session alone.
#[derive(Debug)]
pub struct ImsOutcome {
    /// What the popup shows.
    pub report: CheckReport,
    /// The token, kept in the session.
    pub token: Option<Token>,
}

/// Why no answer came back from a request sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoAnswer {
    /// No answer within the time limit.
    Timeout,
    /// The connection failed (DNS, TLS, refused, offline).
    Network,
    /// The allowed host answered with a redirect, which was not followed: the allow-list
    /// judged the first address only, so the credential never goes to the next one.
    Redirected,
}

/// A check under way: what it was asked, and how far it got.
#[derive(Debug, Clone)]
pub struct Run {
    stage: Stage,
    timeout_ms: u32,
}

#[derive(Debug, Clone)]
enum Stage {
    /// The JWT's header and claims, waiting for their signature; then the exchange.
    Signing {
        input: Box<ImsCheckInput>,
        signing_input: String,
    },
    /// A request sent `attempts` times.
    Sending {
        kind: Kind,
        request: HttpRequest,
        attempts: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Ims(Flow),
    Target,
}

/// What a check needs next, or its end.
#[derive(Debug)]
pub enum Next {
    /// An RSASSA-PKCS1-v1_5 SHA-256 signature of `data` with the private key (PKCS#8 DER).
    Sign { run: Run, pkcs8: Vec<u8>, data: Vec<u8> },
    /// `request` sent (after `delay_ms`) with no cookies, its redirect not followed, its answer
    /// waited for `timeout_ms` at most; its host passed the allow-list.
    Send {
        run: Run,
        request: HttpRequest,
        timeout_ms: u32,
        delay_ms: u32,
    },
    /// The IMS check's end.
    Ims(Box<ImsOutcome>),
    /// The Target check's end.
    Target(Box<CheckReport>),
}

fn failed(check: &'static str, diagnosis: impl Into<Box<Diagnosis>>, attempts: u32) -> CheckReport {
    CheckReport {
        check: check.into(),
        ok: false,
        expires_at_ms: None,
        total_activities: None,
        diagnosis: Some(diagnosis.into()),
        clock_warning: None,
        attempts,
    }
}

fn ims_failed(diagnosis: impl Into<Box<Diagnosis>>, attempts: u32) -> Next {
    Next::Ims(Box::new(ImsOutcome {
        report: failed("ims", diagnosis, attempts),
        token: None,
    }))
}

fn refused(e: &AllowError) -> Diagnosis {
    invalid_input(
        "host-not-allowed",
        "IMS Link refused to send the credential.",
        e.to_string(),
        "Set the Authorization Server to https://ims-na1.adobelogin.com (or the stage host if you use stage).",
    )
}

fn invalid_input(code: &'static str, summary: &str, cause: String, next: &str) -> Diagnosis {
    Diagnosis {
        code: code.into(),
        summary: summary.into(),
        cause,
        next_step: next.into(),
        http_status: None,
        remote_error: None,
        raw: None,
    }
}

fn payload_invalid(e: &JwtError) -> Diagnosis {
    invalid_input(
        "payload-invalid",
        "The JWT payload cannot be signed.",
        e.to_string(),
        "Capture the payload again from the credential's \"Generate JWT\" tab.",
    )
}

impl Run {
    /// Starts the IMS check with the credential, at `now_ms` (the JWT's `iat`).
    pub fn ims(input: ImsCheckInput, now_ms: u64) -> Next {
        if let Some(missing) = input.missing() {
            return ims_failed(missing, 0);
        }
        let timeout_ms = input.timeout_ms();
        if input.auth_type == Some(AuthType::Oauth) {
            let server = input.auth_server();
            return match request::oauth_token(server, &input.client_id, &input.client_secret, &input.scopes) {
                Ok(request) => send(Kind::Ims(Flow::OAuth), request, timeout_ms),
                Err(e) => ims_failed(refused(&e), 0),
            };
        }
        let pem = input.private_key_pem.as_deref().unwrap_or_default();
        let key = match crate::keys::parse_private_key(pem) {
            Ok(key) => key,
            Err(e) => {
                let d = invalid_input(
                    "key-invalid",
                    "The private key cannot be used.",
                    e.to_string(),
                    "Generate a new key pair or import the right one.",
                );
                return ims_failed(d, 0);
            }
        };
        let payload = input.payload.as_deref().unwrap_or_default();
        let signing_input = match jwt::signing_input(payload, now_ms / 1000, jwt::DEFAULT_LIFETIME_SECS) {
            Ok(s) => s,
            Err(e) => return ims_failed(payload_invalid(&e), 0),
        };
        let data = signing_input.as_bytes().to_vec();
        Next::Sign {
            run: Run {
                stage: Stage::Signing {
                    input: Box::new(input),
                    signing_input,
                },
                timeout_ms,
            },
            pkcs8: key.pkcs8_der().to_vec(),
            data,
        }
    }

    /// Starts the Target check: the Target Admin API called with the token, as AEM's
    /// "Connect to Adobe Target" does.
    pub fn target(input: TargetCheckInput) -> Next {
        let failed = |d| Next::Target(Box::new(failed("target", d, 0)));
        if input.access_token.is_empty() {
            return failed(invalid_input(
                "no-token",
                "No IMS token yet.",
                "The Target check uses the token from the IMS check.".into(),
                "Run \"Check IMS\" first.",
            ));
        }
        let tenant = match crate::tenant::validate(&input.tenant) {
            Ok(t) => t,
            Err(e) => {
                return failed(invalid_input(
                    "tenant-invalid",
                    "The tenant ID cannot be used.",
                    e.to_string(),
                    "Capture the tenant ID from the Target page.",
                ))
            }
        };
        let timeout_ms = ImsCheckInput {
            timeout_ms: input.timeout_ms,
            ..Default::default()
        }
        .timeout_ms();
        match request::target_activities(&tenant, &input.access_token, &input.client_id) {
            Ok(request) => send(Kind::Target, request, timeout_ms),
            Err(e) => failed(refused(&e)),
        }
    }

    /// The JWT's signature came back (or WebCrypto's refusal): the exchange is sent.
    pub fn signed(self, signature: Result<Vec<u8>, String>) -> Next {
        let Stage::Signing { input, signing_input } = self.stage else {
            return ims_failed(lost(), 0);
        };
        let signature = match signature {
            Ok(s) => s,
            Err(e) => {
                let e = JwtError::SigningFailed(format!("the browser's WebCrypto: {e}"));
                return ims_failed(payload_invalid(&e), 0);
            }
        };
        let jwt = jwt::assemble(&signing_input, &signature);
        match request::jwt_exchange(input.auth_server(), &input.client_id, &input.client_secret, &jwt) {
            Ok(request) => send(Kind::Ims(Flow::JwtExchange), request, self.timeout_ms),
            Err(e) => ims_failed(refused(&e), 0),
        }
    }

    /// A request's answer (or why none came) at `now_ms`: sent once more after a network
    /// error, a time-out or a 5xx, else judged.
    pub fn answered(self, answer: Result<HttpResponse, NoAnswer>, now_ms: u64) -> Next {
        let Stage::Sending {
            kind,
            request,
            attempts,
        } = self.stage
        else {
            return ims_failed(lost(), 0);
        };
        let retry = attempts == 1
            && match &answer {
                Ok(resp) => resp.status >= 500,
                // A redirect is the server's deliberate answer; asking again changes nothing.
                Err(NoAnswer::Redirected) => false,
                Err(_) => true,
            };
        if retry {
            return sending(kind, request, 2, self.timeout_ms, RETRY_BACKOFF_MS);
        }
        let host = crate::url::parse(&request.url).map(|u| u.host).unwrap_or_default();
        let answer = answer.map(cut).map_err(|e| match e {
            NoAnswer::Timeout => diagnose::unreachable(&host, true),
            NoAnswer::Network => diagnose::unreachable(&host, false),
            NoAnswer::Redirected => diagnose::redirected(&host),
        });
        judge(kind, answer, attempts, i64::try_from(now_ms).unwrap_or(i64::MAX))
    }
}

/// The first attempt, if the allow-list lets the request's host have it.
fn send(kind: Kind, request: HttpRequest, timeout_ms: u32) -> Next {
    match allow::check(&request.url) {
        Ok(()) => sending(kind, request, 1, timeout_ms, 0),
        Err(e) => judge(kind, Err(refused(&e)), 0, 0),
    }
}

fn sending(kind: Kind, request: HttpRequest, attempts: u32, timeout_ms: u32, delay_ms: u32) -> Next {
    Next::Send {
        request: request.clone(),
        timeout_ms,
        delay_ms,
        run: Run {
            stage: Stage::Sending {
                kind,
                request,
                attempts,
            },
            timeout_ms,
        },
    }
}

fn judge(kind: Kind, answer: Result<HttpResponse, Diagnosis>, attempts: u32, now_ms: i64) -> Next {
    let resp = match (kind, answer) {
        (Kind::Ims(_), Err(d)) => return ims_failed(d, attempts),
        (Kind::Target, Err(d)) => return Next::Target(Box::new(failed("target", d, attempts))),
        (_, Ok(resp)) => resp,
    };
    let Kind::Ims(flow) = kind else {
        return Next::Target(Box::new(match diagnose::target_response(&resp) {
            Ok(ok) => CheckReport {
                check: "target".into(),
                ok: true,
                expires_at_ms: None,
                total_activities: Some(ok.total_activities),
                diagnosis: None,
                clock_warning: None,
                attempts,
            },
            Err(d) => failed("target", d, attempts),
        }));
    };
    let clock_warning = diagnose::clock_skew_ms(&resp, now_ms).and_then(diagnose::clock_warning);
    Next::Ims(Box::new(match diagnose::token_response(flow, &resp, now_ms) {
        Ok(token) => ImsOutcome {
            report: CheckReport {
                check: "ims".into(),
                ok: true,
                expires_at_ms: Some(token.expires_at_ms),
                total_activities: None,
                diagnosis: None,
                clock_warning,
                attempts,
            },
            token: Some(token),
        },
        Err(d) => ImsOutcome {
            report: CheckReport {
                clock_warning,
                ..failed("ims", d, attempts)
            },
            token: None,
        },
    }))
}

/// A result that does not fit the check's stage (it never should).
fn lost() -> Diagnosis {
    invalid_input(
        "check-lost",
        "IMS Link lost track of this check.",
        "Its answer came back out of order.".into(),
        "Run the check again.",
    )
}

/// The body cut to `MAX_BODY` bytes at a character's start.
fn cut(mut resp: HttpResponse) -> HttpResponse {
    crate::text::cut(&mut resp.body, MAX_BODY);
    resp
}

#[cfg(test)]
#[path = "run_tests.rs"]
mod tests;
