//! Turning IMS and Target API answers into a verdict the admin can act on: every error
//! code of adobe-surfaces.md §6-7 gets a plain cause and one next step.

use crate::gather::Gather;
use crate::text::{clipped, join, Search};
use std::borrow::Cow;

use crate::from_json::FromJson;
use crate::json_value::Value;
use crate::to_json::ToJson;

use super::http::{parse_http_date, HttpResponse};

/// Which call was answered; the same IMS error means different things per flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// `POST /ims/exchange/jwt` (Service Account (JWT)).
    JwtExchange,
    /// `POST /ims/token/v3` (OAuth Server-to-Server).
    OAuth,
}

/// Why a check failed, in plain words.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    /// Stable identifier, e.g. `wrong-client-secret`.
    pub code: Cow<'static, str>,
    /// One line: what is wrong.
    pub summary: String,
    /// Why it happens.
    pub cause: String,
    /// The one thing to do next.
    pub next_step: String,
    /// HTTP status, when there was an answer.
    pub http_status: Option<u16>,
    /// IMS's or Target's own error code (`invalid_client`, `403025`...).
    pub remote_error: Option<String>,
    /// The answer's body with any token removed, for the "raw response" disclosure.
    pub raw: Option<String>,
}

/// A token IMS issued: shown as "obtained, expires at ...", the value never leaves the worker
/// unless the admin asks to copy it.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Token {
    /// The bearer token.
    pub access_token: String,
    /// When it expires, unix milliseconds of the local clock.
    pub expires_at_ms: i64,
}

/// What the Target Admin API said about the connection.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct TargetOk {
    /// Number of activities the tenant has (the call asks for one).
    pub total_activities: u64,
}

const MAX_RAW: usize = 4000;

/// A diagnosis with no HTTP details (the caller adds them where there are some).
pub(crate) fn d(code: &'static str, summary: &str, cause: &str, next_step: &str) -> Diagnosis {
    Diagnosis {
        code: code.into(),
        summary: summary.into(),
        cause: cause.into(),
        next_step: next_step.into(),
        http_status: None,
        remote_error: None,
        raw: None,
    }
}

/// Keys whose values are credentials wherever they sit in an answer.
const SECRET_KEYS: [&str; 6] = [
    "access_token",
    "refresh_token",
    "id_token",
    "client_secret",
    "jwt_token",
    "token",
];

/// A string that reads as a JWT (`eyJ…` header, three dot-separated parts): a token even under
/// a key IMS Link does not know.
fn looks_like_jwt(s: &str) -> bool {
    s.starts_with("eyJ") && s.split_ascii(b'.').count() == 3 && s.len() > 40
}

/// Replaces every token-like value at any depth: an answer may nest a token in an object or
/// a list (`{"data": {"access_token": …}}`), and the raw answer is shown on screen.
fn redact_value(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (key, inner) in map.iter_mut() {
                let k = key.to_ascii_lowercase();
                if SECRET_KEYS.contains(&k.as_str()) && !inner.is_null() {
                    *inner = Value::from("(hidden)");
                } else {
                    redact_value(inner);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_value),
        Value::String(s) if looks_like_jwt(s) => *v = Value::from("(hidden)"),
        _ => {}
    }
}

/// The body with every token-like value replaced, cut to a readable size.
pub fn redact(body: &str) -> String {
    let redacted = match crate::json_text::parse(body) {
        Ok(mut v) => {
            redact_value(&mut v);
            crate::to_json::to_string(&v)
        }
        _ => body.to_string(),
    };
    if redacted.chars().count() > MAX_RAW {
        let cut: String = clipped(&redacted, MAX_RAW);
        format!("{cut}… (cut)")
    } else {
        redacted
    }
}

/// Clock difference (server minus local, ms) from the response `Date` header.
pub fn clock_skew_ms(resp: &HttpResponse, local_now_ms: i64) -> Option<i64> {
    resp.date
        .as_deref()
        .and_then(parse_http_date)
        .map(|server| server - local_now_ms)
}

/// A warning when the local clock is more than a minute off: JWT `exp` is computed from it.
pub fn clock_warning(skew_ms: i64) -> Option<String> {
    if skew_ms.abs() <= 60_000 {
        return None;
    }
    let minutes = (skew_ms.unsigned_abs() as f64 / 60_000.0).round() as u64;
    let direction = if skew_ms > 0 { "behind" } else { "ahead of" };
    Some(format!(
        "This computer's clock is about {minutes} minute(s) {direction} Adobe's. JWTs carry an expiry time computed from this clock, so IMS may reject them as expired or not yet valid: set the clock to update automatically."
    ))
}

fn looks_like_html(resp: &HttpResponse) -> bool {
    resp.content_type.as_deref().is_some_and(|c| c.contains_text("html")) || resp.body.trim_start().starts_with('<')
}

fn non_json(resp: &HttpResponse, who: &str) -> Diagnosis {
    if looks_like_html(resp) {
        return d(
            "html-instead-of-json",
            &format!("{who} answered with a web page instead of data."),
            "Something between this browser and Adobe (a company proxy, a captive portal or a maintenance page) answered in Adobe's place.",
            "Open https://status.adobe.com to check for an outage, then try again from a network without the proxy, or ask your network team to allow Adobe's IMS hosts.",
        );
    }
    d(
        "unreadable-answer",
        &format!(
            "{who} answered with something IMS Link cannot read (HTTP {}).",
            // As a `u32`: the module has no formatter of `u16`s.
            u32::from(resp.status)
        ),
        "The answer was not the JSON Adobe documents: it may be truncated or come from something other than Adobe.",
        "Try again in a minute; if it persists, open the raw answer below and check https://status.adobe.com.",
    )
}

/// Reads the token endpoint's answer for `flow` (JWT exchange or OAuth v3).
pub fn token_response(flow: Flow, resp: &HttpResponse, local_now_ms: i64) -> Result<Token, Box<Diagnosis>> {
    let json = crate::json_text::parse(&resp.body).ok();
    let finish = |mut x: Diagnosis, remote: Option<String>| {
        x.http_status = Some(resp.status);
        x.remote_error = remote;
        x.raw = Some(redact(&resp.body));
        Box::new(x)
    };
    let Some(Value::Object(obj)) = json else {
        return Err(finish(non_json(resp, "Adobe IMS"), None));
    };
    if resp.status == 200 {
        let token = obj
            .get("access_token")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty());
        let expires_in = obj.get("expires_in").and_then(|v| {
            v.as_i64()
                .or_else(|| i64::try_from(crate::text::whole_number(v.as_str()?.as_bytes())?).ok())
        });
        return match (token, expires_in) {
            (Some(t), Some(n)) if n > 0 => {
                // The JWT exchange counts in milliseconds, OAuth v3 in seconds.
                let ms = if flow == Flow::JwtExchange {
                    n
                } else {
                    n.saturating_mul(1000)
                };
                Ok(Token {
                    access_token: t.into(),
                    expires_at_ms: local_now_ms.saturating_add(ms),
                })
            }
            _ => Err(finish(
                d(
                    "token-missing",
                    "Adobe IMS said yes but sent no usable token.",
                    "The answer lacked access_token or expires_in.",
                    "Run the check again; if it repeats, check https://status.adobe.com.",
                ),
                None,
            )),
        };
    }
    let error = obj.get("error").and_then(Value::as_str).unwrap_or_default().to_string();
    let original = clipped(
        obj.get("error_description").and_then(Value::as_str).unwrap_or_default(),
        300,
    );
    let x = ims_error(flow, resp.status, &error, &original.to_ascii_lowercase(), &original);
    Err(finish(x, (!error.is_empty()).then_some(error)))
}

/// What IMS's own words (`error_description`, lower-cased) say, before its `error`: IMS reuses
/// one `error` for several causes (adobe-surfaces.md §6), so the description decides.
fn ims_described(jwt: bool, description: &str) -> Option<Diagnosis> {
    let has = |t: &str| description.contains_text(t);
    let x = if jwt && (has(" aud") || has("audience")) {
        audience_mismatch()
    } else if has("client_secret") || has("client secret") {
        wrong_secret()
    } else if has("client_id") || has("client id") {
        unknown_client()
    } else if has("metascope") {
        metascope_missing()
    } else if has("jwt signature") || has("bindings") {
        certificate_not_uploaded()
    } else if has("incorrectly formatted") || has("can not be decoded") || has("cannot be decoded") {
        jwt_malformed()
    } else if jwt && has("expired") {
        jwt_expired()
    } else if !jwt && (has("client_credentials") || has("grant")) {
        no_oauth_credential()
    } else {
        return None;
    };
    Some(x)
}

fn wrong_secret() -> Diagnosis {
    d(
        "wrong-client-secret",
        "The client secret does not match this client ID.",
        "IMS knows the client ID but rejected the secret sent with it (\"invalid client_secret parameter\"): a wrong or old secret was pasted, the secret was rotated or deleted in the Developer Console, or it belongs to the other IMS environment.",
        "In the Developer Console open the credential, click \"Retrieve client secret\" and capture it again.",
    )
}

fn unknown_client() -> Diagnosis {
    d(
        "unknown-client",
        "Adobe IMS does not know this client ID.",
        "The client ID is mistyped, belongs to a deleted project, or was created in the other IMS environment (stage vs production).",
        "Capture the Client ID again from the credential page in the Developer Console and check the Authorization Server is https://ims-na1.adobelogin.com.",
    )
}

fn audience_mismatch() -> Diagnosis {
    d(
        "audience-mismatch",
        "The JWT is addressed to another client or IMS environment.",
        "The payload's \"aud\" must be https://ims-na1.adobelogin.com/c/<client ID> with this credential's client ID and the same IMS host as the Authorization Server.",
        "Copy the payload again from the Developer Console's \"Generate JWT\" tab of this credential.",
    )
}

fn certificate_not_uploaded() -> Diagnosis {
    d(
        "certificate-not-uploaded",
        "The JWT's signature matches none of the credential's certificates.",
        "The key that signed the JWT belongs to a certificate that was never uploaded to this credential (or was deleted or expired there); IMS says \"Could not match JWT signature to any of the bindings\".",
        "Upload certificate_pub.crt from IMS Link's key pair to the credential (Developer Console > Service Account (JWT) > Public keys > Upload public key), or import the key pair whose certificate is there.",
    )
}

fn metascope_missing() -> Diagnosis {
    d(
        "metascope-missing",
        "The JWT asks for access the credential was not given.",
        "The payload's metascopes (such as https://ims-na1.adobelogin.com/s/ent_marketing_sdk) are not all bound to this credential: the Adobe Target API may be missing from the project.",
        "Add the Adobe Target API to the project in the Developer Console, then copy the payload again from \"Generate JWT\".",
    )
}

fn jwt_malformed() -> Diagnosis {
    d(
        "jwt-malformed",
        "Adobe IMS could not read the JWT.",
        "The JWT is missing or malformed, or its \"exp\" is not a whole number.",
        "Paste the payload again from the Developer Console's \"Generate JWT\" tab; IMS Link validates it before signing.",
    )
}

fn jwt_expired() -> Diagnosis {
    d(
        "jwt-expired",
        "Adobe IMS says the JWT has expired.",
        "The JWT's \"exp\" lies in the past by Adobe's clock: this computer's clock is probably wrong, or an old signed JWT was reused.",
        "Set this computer's clock to update automatically and run the check again (IMS Link signs a fresh JWT each time).",
    )
}

fn no_oauth_credential() -> Diagnosis {
    d(
        "no-oauth-credential",
        "This client ID has no OAuth Server-to-Server credential.",
        "It is a Service Account (JWT) credential that has not been migrated to OAuth Server-to-Server yet.",
        "In the Developer Console open the project and migrate the JWT credential to OAuth Server-to-Server (same client ID), or use the JWT check.",
    )
}

/// An answer IMS Link does not recognise: IMS's own words first, then the closest known cause,
/// never stated as the verdict.
fn unrecognised(code: &'static str, error: &str, description: &str, closest: &str, next_step: &str) -> Diagnosis {
    let said = match (error.is_empty(), description.is_empty()) {
        (false, false) => format!("\"{error}\" (\"{description}\")"),
        (false, true) => format!("\"{error}\""),
        (true, false) => format!("\"{description}\""),
        (true, true) => "an error without a name".to_string(),
    };
    d(
        code,
        &format!("Adobe IMS refused the request with {said}, an answer IMS Link does not recognise."),
        &format!("The closest known cause: {closest} The raw answer below has IMS's own words."),
        next_step,
    )
}

fn ims_error(flow: Flow, status: u16, error: &str, description: &str, original: &str) -> Diagnosis {
    let jwt = flow == Flow::JwtExchange;
    if status < 500 {
        if let Some(x) = ims_described(jwt, description) {
            return x;
        }
    }
    match (status, error) {
        // Older notes and some libraries name the certificate mismatch this way.
        (400, "invalid_signature") => certificate_not_uploaded(),
        (400 | 401, "invalid_client") => unrecognised(
            "client-rejected",
            error,
            original,
            "IMS uses \"invalid_client\" both for a client ID it does not know and for a client secret that does not belong to the client ID.",
            "Capture the Client ID and the client secret again from the same credential page in the Developer Console (\"Retrieve client secret\"), and check the Authorization Server is https://ims-na1.adobelogin.com.",
        ),
        (400, "invalid_token") => unrecognised(
            "jwt-rejected",
            error,
            original,
            if jwt {
                "IMS uses \"invalid_token\" for a JWT signed by a key whose certificate is not on the credential, for a malformed JWT and for an expired one."
            } else {
                "IMS uses \"invalid_token\" for a token or JWT it cannot accept."
            },
            "Check that the certificate of IMS Link's key pair is uploaded to the credential, that this computer's clock is right, and that the payload is the one the Developer Console shows.",
        ),
        (400, "invalid_scope") if jwt => metascope_missing(),
        (400, "invalid_scope") => d(
            "scope-not-granted",
            "A requested scope is not granted to this credential.",
            "The Scope field lists a scope the OAuth Server-to-Server credential does not have.",
            "Copy the scopes exactly as the credential page in the Developer Console lists them (Target needs target_sdk).",
        ),
        (500, "internal_error") if jwt => d(
            "credential-migrated",
            "The JWT exchange failed inside IMS: this credential has most likely been converted to OAuth Server-to-Server.",
            "Adobe ended JWT credentials (end of life 2025-06-30) and converted the remaining ones to OAuth Server-to-Server in 2026; a converted credential no longer accepts the JWT exchange.",
            "Switch this profile to OAuth Server-to-Server: the client ID, technical account and product profiles stay the same; capture the client secret and scopes from the credential page. If the credential page still shows a Service Account (JWT), IMS itself is failing: try again later (https://status.adobe.com).",
        ),
        // Adobe's docs for the JWT exchange: "sub", "iss", "exp" or "jti" not in the proper format.
        (400, "bad_request") if jwt => jwt_malformed(),
        (429, _) => d(
            "ims-throttled",
            "Adobe IMS is limiting token requests for this client just now.",
            "Adobe throttles an integration that asks for many access tokens in a short time, for example a tool that asks for a new token on every call instead of reusing one until it expires.",
            "Wait a minute, then run the check again; if it keeps happening, look for a tool or script that requests tokens with this credential in a loop.",
        ),
        (400, "unsupported_grant_type") => d(
            "unsupported-grant",
            "Adobe IMS did not accept the request type.",
            "The token call used a grant type IMS does not support for this client.",
            "Report this to IMS Link's maintainers with the raw answer below.",
        ),
        (s, _) if s >= 500 => d(
            "ims-server-error",
            "Adobe IMS had an internal problem.",
            "IMS answered with a server error; this is on Adobe's side.",
            "Wait a few minutes and run the check again; https://status.adobe.com shows outages.",
        ),
        _ => unrecognised(
            "ims-rejected",
            error,
            original,
            "a value of the profile that IMS does not accept.",
            "Read the raw answer below; check each captured value against the credential page in the Developer Console.",
        ),
    }
}

/// Reads the Target Admin API's answer to the activities call.
pub fn target_response(resp: &HttpResponse) -> Result<TargetOk, Box<Diagnosis>> {
    let json = crate::json_text::parse(&resp.body).ok();
    let finish = |mut x: Diagnosis, remote: Option<String>| {
        x.http_status = Some(resp.status);
        x.remote_error = remote;
        x.raw = Some(redact(&resp.body));
        Box::new(x)
    };
    let Some(Value::Object(obj)) = json else {
        return Err(finish(non_json(resp, "The Target API"), None));
    };
    if resp.status == 200 {
        return match obj.get("total").and_then(Value::as_u64) {
            Some(total) => Ok(TargetOk {
                total_activities: total,
            }),
            None => Err(finish(non_json(resp, "The Target API"), None)),
        };
    }
    // The API gateway answers {error_code, message}; Target itself {httpStatus, errors: [...]}.
    let gateway = obj.get("error_code").and_then(|v| {
        v.as_str()
            .map(String::from)
            .or_else(|| v.as_u64().map(|n| n.to_string()))
    });
    let target_err = obj.get("errors").and_then(Value::as_array).and_then(|e| e.first());
    let target_code = target_err
        .and_then(|e| e.get("errorCode"))
        .and_then(Value::as_str)
        .map(String::from);
    let messages = [obj.get("message"), target_err.and_then(|e| e.get("message"))]
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .gather();
    let message = join(&messages, " ").to_ascii_lowercase();
    let remote = gateway.clone().or(target_code.clone());
    let code = gateway.as_deref().or(target_code.as_deref()).unwrap_or_default();
    let x = match resp.status {
        401 => d(
            "target-token-rejected",
            "The Target API did not accept the token.",
            "The access token expired or was issued by the other IMS environment (stage vs production).",
            "Run the IMS check again to get a fresh token, then connect again.",
        ),
        403 if code == "403003" || message.contains_text("api key is invalid") => d(
            "api-key-invalid",
            "The Target API does not accept this API key.",
            "The credential's client ID is not subscribed to the Adobe Target API, or the API key sent does not belong to the token.",
            "Add the Adobe Target API to the project in the Developer Console (Add to Project > API > Adobe Target).",
        ),
        403 if code == "403025" || code == "403023" || message.contains_text("profile is not valid") => no_product_profile(),
        403 if message.contains_text("observer") || message.contains_text("role") || message.contains_text("permission") => d(
            "observer-role",
            "The integration can read Target but not change it.",
            "Its product profile gives the API credential the Observer role; AEM needs Editor to create offers and activities.",
            "In the Admin Console open Adobe Target > Product Profiles > your workspace > API Credentials and set the credential's role to Editor.",
        ),
        403 if message.contains_text("tenant") => d(
            "wrong-tenant",
            "This tenant does not belong to the credential's organization.",
            &format!("The tenant ID names another company's Target account, or the credential was created in another IMS organization. {SHELL_NAME}"),
            REAL_TENANT,
        ),
        403 => {
            let mut x = no_product_profile();
            x.code = "target-forbidden".into();
            x.summary = format!(
                "The Target API refused the call with \"{}\", an answer IMS Link does not recognise.",
                if message.is_empty() { code } else { message.as_str() }
            );
            x.cause = format!("The closest known cause: {} The raw answer below has Target's own words.", x.cause);
            x
        }
        404 => d(
            "tenant-not-found",
            "Target does not know this tenant ID.",
            &format!("The tenant ID is mistyped, or an IMS org ID or client code was entered where the tenant ID belongs. {SHELL_NAME}"),
            REAL_TENANT,
        ),
        406 => d(
            "not-acceptable",
            "The Target API refused the requested format.",
            "The call's Accept header does not match what the Admin API serves; this is a bug in the caller.",
            "Report this to IMS Link's maintainers with the raw answer below.",
        ),
        s if s >= 500 => d(
            "target-server-error",
            "The Target API had an internal problem.",
            "Target answered with a server error; this is on Adobe's side.",
            "Wait a few minutes and connect again; https://status.adobe.com shows outages.",
        ),
        _ => d(
            "target-rejected",
            "The Target API rejected the request.",
            "Target answered with an error IMS Link does not know; the raw answer below has its own words.",
            "Read the raw answer below and check the tenant ID and the credential's product profile.",
        ),
    };
    Err(finish(x, remote))
}

/// The `#/@<name>` of the shell's address is the organization's shell name (adobe-surfaces.md §8),
/// usually but not always the Target tenant.
const SHELL_NAME: &str = "If the tenant ID was read from the Experience Cloud address, the name after \"#/@\" there is the organization's shell name: for most companies it is also the Target tenant ID, but not for all.";

/// Where the tenant ID is shown for sure: the Admin Console names the product after it
/// (seed-integration-target-ims.md, "Adobe Target - <your-tenant-id>").
const REAL_TENANT: &str = "Find the real tenant ID in the Admin Console (adminconsole.adobe.com) > Products: the Target product is named \"Adobe Target - <tenant ID>\". Type that into the profile's Tenant ID (Target > Administration > Implementation shows the Client Code, which for most companies is the same).";

fn no_product_profile() -> Diagnosis {
    d(
        "no-product-profile",
        "The integration has no Target product profile.",
        "The API credential was not added to any Adobe Target product profile, so Target gives it no rights (\"Profile is not valid\").",
        "In the Admin Console open Adobe Target > Product Profiles > your workspace > API Credentials, add this credential and give it the Editor role.",
    )
}

/// The verdict when nothing answered at all.
pub fn unreachable(host: &str, timed_out: bool) -> Diagnosis {
    if timed_out {
        d(
            "timeout",
            &format!("{host} did not answer in time."),
            "The request got no answer before the time limit: the network is slow or down, or a firewall silently drops the connection.",
            "Check this computer's network or VPN and run the check again; https://status.adobe.com shows Adobe outages.",
        )
    } else {
        d(
            "unreachable",
            &format!("{host} could not be reached."),
            "The connection failed before any answer: no network, a DNS problem, or a firewall or proxy that blocks Adobe's hosts.",
            "Check this computer's network or VPN, then run the check again.",
        )
    }
}

/// The verdict when the allowed host answered with a redirect, which IMS Link does not follow.
pub fn redirected(host: &str) -> Diagnosis {
    d(
        "redirected",
        &format!("{host} answered with a redirect to another address; IMS Link did not follow it."),
        "Adobe IMS and the Target API answer token and API calls directly; a redirect means something between this browser and Adobe (a proxy, a captive portal or an attacker) rewrote the answer. Nothing was sent to the other address.",
        "Check this computer's network, proxy or VPN, then run the check again. If it keeps happening, do not use this network for the integration.",
    )
}

#[cfg(test)]
#[path = "diagnose_tests.rs"]
mod tests;
