//! The two checks end to end in the browser: build, sign, send, judge (wasm only).

use super::allow::AllowError;
pub use super::check::TargetCheckInput;
use super::check::{AuthType, CheckReport, ImsCheckInput};
use super::diagnose::{self, Diagnosis, Flow, Token};
use super::http::HttpRequest;
use super::request;
use super::transport::{self, TransportError};
use crate::to_json::ToJson;
use crate::webcrypto::{self, SignError};

/// The IMS check's result: the report for the popup, and the token for the worker alone.
#[derive(Debug, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct ImsOutcome {
    /// What the popup shows.
    pub report: CheckReport,
    /// The token, kept by the worker in session memory.
    pub token: Option<Token>,
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

fn refused(e: &AllowError) -> Diagnosis {
    Diagnosis {
        code: "host-not-allowed".into(),
        summary: "IMS Link refused to send the credential.".into(),
        cause: e.to_string(),
        next_step:
            "Set the Authorization Server to https://ims-na1.adobelogin.com (or the stage host if you use stage)."
                .into(),
        http_status: None,
        remote_error: None,
        raw: None,
    }
}

/// The report of a check whose input the module does not hold: the worker's call named a
/// number no step gave out (`session::Echoes`), which a worker stopped in between would.
pub fn lost(check: &'static str) -> CheckReport {
    let d = invalid_input(
        "check-lost",
        "IMS Link lost track of this check.",
        "Its worker was restarted between the click and the check.".into(),
        "Run the check again.",
    );
    failed(check, d, 0)
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

async fn ims_request(input: &ImsCheckInput, now_ms: i64) -> Result<(Flow, HttpRequest), Diagnosis> {
    let server = input.auth_server();
    match input.auth_type {
        Some(AuthType::Oauth) => request::oauth_token(server, &input.client_id, &input.client_secret, &input.scopes)
            .map(|r| (Flow::OAuth, r))
            .map_err(|e| refused(&e)),
        _ => {
            let pem = input.private_key_pem.as_deref().unwrap_or_default();
            let payload = input.payload.as_deref().unwrap_or_default();
            let now_s = u64::try_from(now_ms / 1000).unwrap_or_default();
            let lifetime = crate::jwt::DEFAULT_LIFETIME_SECS;
            let jwt = webcrypto::sign_jwt(payload, pem, now_s, lifetime)
                .await
                .map_err(|e| match e {
                    SignError::Key(e) => invalid_input(
                        "key-invalid",
                        "The private key cannot be used.",
                        e.to_string(),
                        "Generate a new key pair or import the right one.",
                    ),
                    SignError::Jwt(e) => invalid_input(
                        "payload-invalid",
                        "The JWT payload cannot be signed.",
                        e.to_string(),
                        "Capture the payload again from the credential's \"Generate JWT\" tab.",
                    ),
                })?;
            request::jwt_exchange(server, &input.client_id, &input.client_secret, &jwt)
                .map(|r| (Flow::JwtExchange, r))
                .map_err(|e| refused(&e))
        }
    }
}

fn host_of(url: &str) -> String {
    crate::url::parse(url).map(|u| u.host).unwrap_or_default()
}

fn transport_failure(req: &HttpRequest, e: &TransportError) -> Diagnosis {
    match e {
        TransportError::NotAllowed(a) => refused(a),
        TransportError::Timeout => diagnose::unreachable(&host_of(&req.url), true),
        TransportError::Network => diagnose::unreachable(&host_of(&req.url), false),
        TransportError::Redirected => diagnose::redirected(&host_of(&req.url)),
    }
}

/// Gets a token from IMS with the profile's credential and judges the answer.
pub async fn ims(input: ImsCheckInput, now_ms: i64) -> ImsOutcome {
    if let Some(missing) = input.missing() {
        return ImsOutcome {
            report: failed("ims", missing, 0),
            token: None,
        };
    }
    let (flow, req) = match ims_request(&input, now_ms).await {
        Ok(x) => x,
        Err(d) => {
            return ImsOutcome {
                report: failed("ims", d, 0),
                token: None,
            }
        }
    };
    let sent = transport::send(&req, input.timeout_ms()).await;
    let resp = match sent.result {
        Ok(r) => r,
        Err(e) => {
            return ImsOutcome {
                report: failed("ims", transport_failure(&req, &e), sent.attempts),
                token: None,
            }
        }
    };
    let clock_warning = diagnose::clock_skew_ms(&resp, now_ms).and_then(diagnose::clock_warning);
    match diagnose::token_response(flow, &resp, now_ms) {
        Ok(token) => ImsOutcome {
            report: CheckReport {
                check: "ims".into(),
                ok: true,
                expires_at_ms: Some(token.expires_at_ms),
                total_activities: None,
                diagnosis: None,
                clock_warning,
                attempts: sent.attempts,
            },
            token: Some(token),
        },
        Err(d) => ImsOutcome {
            report: CheckReport {
                clock_warning,
                ..failed("ims", d, sent.attempts)
            },
            token: None,
        },
    }
}

/// Calls the Target Admin API with the token, as AEM's "Connect to Adobe Target" does.
pub async fn target(input: TargetCheckInput) -> CheckReport {
    if input.access_token.is_empty() {
        let d = invalid_input(
            "no-token",
            "No IMS token yet.",
            "The Target check uses the token from the IMS check.".into(),
            "Run \"Check IMS\" first.",
        );
        return failed("target", d, 0);
    }
    let tenant = match crate::tenant::validate(&input.tenant) {
        Ok(t) => t,
        Err(e) => {
            return failed(
                "target",
                invalid_input(
                    "tenant-invalid",
                    "The tenant ID cannot be used.",
                    e.to_string(),
                    "Capture the tenant ID from the Target page.",
                ),
                0,
            )
        }
    };
    let req = match request::target_activities(&tenant, &input.access_token, &input.client_id) {
        Ok(r) => r,
        Err(e) => return failed("target", refused(&e), 0),
    };
    let timeout = ImsCheckInput {
        timeout_ms: input.timeout_ms,
        ..Default::default()
    }
    .timeout_ms();
    let sent = transport::send(&req, timeout).await;
    match sent.result.map(|r| diagnose::target_response(&r)) {
        Ok(Ok(ok)) => CheckReport {
            check: "target".into(),
            ok: true,
            expires_at_ms: None,
            total_activities: Some(ok.total_activities),
            diagnosis: None,
            clock_warning: None,
            attempts: sent.attempts,
        },
        Ok(Err(d)) => failed("target", d, sent.attempts),
        Err(e) => failed("target", transport_failure(&req, &e), sent.attempts),
    }
}
