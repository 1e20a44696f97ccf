//! Findings about a profile: what will make IMS or AEM refuse it, each with its cause and
//! its fix in plain words. Checks follow adobe-surfaces.md §1, §2, §3 and §6.
//!
//! `exp` in the payload: IMS Link signs with a fresh `exp` (jwt.rs), and AEM treats the
//! pasted payload as claims it signs again with its own expiry each time it fetches a
//! token (configurations keep working long after the pasted `exp`), so a past `exp` is
//! only a warning. A non-integer `exp` stays an error: IMS rejects it if it gets through.

use crate::from_json::FromJson;
use crate::gather::Gather;
use crate::json_value::Value;
use crate::text::{join, Search};
use crate::to_json::ToJson;

use super::payload::{metascopes, split_aud};
use super::scopes::TARGET_SCOPES;
use super::{AuthType, Field, Profile};
use crate::tenant::{self, TenantError};

/// How much a finding matters.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// IMS or AEM will refuse the configuration.
    // Only where the JSON reader starts (`derive(FromJson)` reads into a value of defaults).
    #[default]
    Error,
    /// Works today, but needs attention.
    Warning,
    /// Worth knowing, nothing to fix.
    Info,
}

/// One thing found about the profile.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Finding {
    /// Stable kebab-case identifier.
    pub code: String,
    /// How much it matters.
    pub severity: Severity,
    /// The field to look at.
    pub field: Field,
    /// The cause and the fix, in plain words.
    pub message: String,
}

/// Adobe's JWT end of life: 2025-06-30 was the last day (adobe-surfaces.md §1).
const JWT_EOL_MS: u64 = 1_751_328_000_000;
/// 2026-03-01: every remaining JWT credential becomes OAuth Server-to-Server.
const JWT_CONVERSION_MS: u64 = 1_772_323_200_000;

const PRODUCTION_IMS: &str = "https://ims-na1.adobelogin.com";

fn finding(code: &str, severity: Severity, field: Field, message: String) -> Finding {
    Finding {
        code: code.to_string(),
        severity,
        field,
        message,
    }
}

/// Everything worth telling the admin about `profile` at `now_ms` (`Date.now()`).
pub fn diagnose(profile: &Profile, now_ms: u64) -> Vec<Finding> {
    let mut out = Vec::new();
    let tenant_id = super::filled(&profile.tenant).and_then(|t| check_tenant(t, Field::Tenant, &mut out));
    let client_code = super::filled(&profile.client_code).and_then(|c| check_tenant(c, Field::ClientCode, &mut out));
    if let (Some(t), Some(c)) = (tenant_id, client_code) {
        if t != c {
            out.push(finding(
                "tenant-client-code-differ",
                Severity::Info,
                Field::ClientCode,
                format!("The tenant id ({t}) and the client code ({c}) differ, which is normal for some accounts. In AEM's Target configuration put {t} in Tenant ID and {c} in Client Code."),
            ));
        }
    }
    if let Some(id) = super::filled(&profile.client_id) {
        if id.len() != 32 || !id.chars().all(|c| c.is_ascii_hexdigit()) {
            out.push(finding(
                "client-id-format",
                Severity::Warning,
                Field::ClientId,
                format!("The Client ID \"{id}\" is not 32 hexadecimal digits, the form the Developer Console gives. Copy \"Client ID\" again from the credential's page."),
            ));
        }
    }
    if let Some(secret) = profile.client_secret.as_ref().map(|s| s.value.as_str()) {
        check_secret(secret, &mut out);
    }
    let auth = profile.auth_type.as_ref().map(|a| a.value);
    if auth == Some(AuthType::Jwt) {
        out.push(jwt_lifecycle(now_ms));
    }
    if auth != Some(AuthType::Oauth) {
        if let Some(payload) = super::filled(&profile.payload) {
            check_payload(payload, profile, now_ms, &mut out);
        }
    }
    if auth != Some(AuthType::Jwt) {
        if let Some(scopes) = &profile.scopes {
            if !scopes.value.iter().any(|s| s.trim() == "target_sdk") {
                out.push(finding(
                    "scopes-lack-target",
                    Severity::Error,
                    Field::Scopes,
                    format!("The scopes do not include target_sdk, so the token cannot call Adobe Target. Add the Adobe Target API to the credential in the Developer Console, or use Adobe's Target scopes: {TARGET_SCOPES}."),
                ));
            }
        }
    }
    out
}

fn check_tenant(value: &str, field: Field, out: &mut Vec<Finding>) -> Option<String> {
    let (prefix, label) = match field {
        Field::ClientCode => ("client-code", "Client Code"),
        _ => ("tenant", "Tenant ID"),
    };
    match tenant::validate(value) {
        Ok(v) => Some(v),
        Err(e) => {
            let kind = match e {
                TenantError::OrgIdInsteadOfTenant(_) => "is-org-id",
                TenantError::ClientIdInsteadOfTenant(_) => "is-client-id",
                _ => "invalid",
            };
            out.push(finding(
                &format!("{prefix}-{kind}"),
                Severity::Error,
                field,
                format!("{label}: {e}"),
            ));
            None
        }
    }
}

fn check_secret(secret: &str, out: &mut Vec<Finding>) {
    let t = secret.trim().to_ascii_lowercase();
    let placeholder = [
        "secret",
        "client_secret",
        "clientsecret",
        "your_client_secret",
        "changeme",
        "todo",
        "xxx",
    ];
    let looks_fake = t.is_empty()
        || placeholder.contains(&t.as_str())
        || t.chars().all(|c| c == 'x' || c == '*' || c == '•' || c == '.')
        || t.contains_text("***")
        || t.contains_char('•')
        || (t.starts_with('<') && t.ends_with('>'))
        || (t.starts_with("{{") && t.ends_with("}}"))
        || t.starts_with("retrieve client secret");
    if looks_fake {
        out.push(finding(
            "secret-placeholder",
            Severity::Error,
            Field::ClientSecret,
            "The client secret looks like a placeholder or a masked value, not the real secret. In the Developer Console choose \"Retrieve client secret\" on the credential and copy the value it shows.".to_string(),
        ));
    } else if secret.chars().any(char::is_whitespace) {
        out.push(finding(
            "secret-whitespace",
            Severity::Error,
            Field::ClientSecret,
            "The client secret contains spaces or line breaks, which real secrets never have, so IMS would refuse it. Remove them, or copy the secret again with the Developer Console's copy button.".to_string(),
        ));
    }
}

fn jwt_lifecycle(now_ms: u64) -> Finding {
    let same = "the Client ID, technical account, scopes and product profiles stay the same";
    if now_ms < JWT_EOL_MS {
        finding(
            "jwt-deprecated",
            Severity::Info,
            Field::AuthType,
            format!("Adobe deprecated JWT (Service Account) credentials: they reach end of life on 2025-06-30. Plan the move to OAuth Server-to-Server: in the Developer Console add it to the project; {same}."),
        )
    } else if now_ms < JWT_CONVERSION_MS {
        finding(
            "jwt-end-of-life",
            Severity::Warning,
            Field::AuthType,
            format!("JWT (Service Account) credentials reached end of life on 2025-06-30: their certificates can no longer be renewed, and on 2026-03-01 Adobe converts every remaining one to OAuth Server-to-Server. Move now: in the Developer Console add OAuth Server-to-Server to the credential ({same}), then switch AEM's IMS configuration to OAuth with the Client ID, client secret, scopes and Organization ID."),
        )
    } else {
        finding(
            "jwt-converted",
            Severity::Error,
            Field::AuthType,
            format!("Since 2026-03-01 Adobe has converted every JWT credential to OAuth Server-to-Server, so the JWT exchange no longer works. Use OAuth: {same}; set AEM's IMS configuration to OAuth with the Client ID, client secret, scopes and Organization ID from the Developer Console."),
        )
    }
}

/// A claim as the admin would see it in the payload, or "missing".
fn shown(v: Option<&Value>) -> String {
    v.map_or_else(|| "missing".to_string(), crate::to_json::to_string)
}

/// Civil date (UTC) of a unix time, for messages.
fn date(secs: i64) -> String {
    let (y, m, d) = crate::calendar::civil_from_days(secs.div_euclid(86_400));
    // As `{y:04}` writes an `i64`, through the `u64` digits the module writes anyway: a year
    // before 0 (an "exp" no payload means) is its sign and at least three digits.
    let (sign, width) = if y < 0 { ("-", 3) } else { ("", 4) };
    format!("{sign}{:0width$}-{m:02}-{d:02}", y.unsigned_abs())
}

fn is_stage(server: &str) -> bool {
    server.contains_text("-stg")
}

fn check_payload(payload: &str, profile: &Profile, now_ms: u64, out: &mut Vec<Finding>) {
    // Parsed as any JSON value, then kept if an object.
    let claims = match crate::json_text::parse(payload) {
        Ok(Value::Object(c)) => c,
        _ => {
            out.push(finding(
                "payload-not-json",
                Severity::Error,
                Field::Payload,
                "The JWT payload is not a JSON object, so AEM cannot use it. Copy the whole payload box again from the Developer Console's \"Generate JWT\" view, from { to }.".to_string(),
            ));
            return;
        }
    };
    match claims.get("exp") {
        Some(Value::Number(n)) if !n.is_float() => {
            let exp = n.as_i64().unwrap_or(i64::MAX);
            if exp.saturating_mul(1000) < i64::try_from(now_ms).unwrap_or(i64::MAX) {
                out.push(finding(
                    "exp-in-past",
                    Severity::Warning,
                    Field::Payload,
                    format!("The JWT payload's \"exp\" ({n}) was {}, already past. IMS Link and AEM set a fresh exp when they sign, so this is only a warning; copy a fresh payload from the Developer Console to silence it.", date(exp)),
                ));
            }
        }
        None => {}
        other => out.push(finding(
            "exp-not-integer",
            Severity::Error,
            Field::Payload,
            format!("The JWT payload's \"exp\" is {}, not a whole number of seconds, and IMS rejects such a JWT (invalid_token). Copy the payload again from the Developer Console, or make \"exp\" a plain number such as 1767225600.", shown(other)),
        )),
    }
    let iss = claims.get("iss").and_then(Value::as_str);
    if !iss.is_some_and(|v| v.ends_with("@AdobeOrg")) {
        out.push(finding(
            "iss-not-org",
            Severity::Error,
            Field::Payload,
            format!("The JWT payload's \"iss\" is {}, not an IMS Organization ID ending in @AdobeOrg. Set it to the Organization ID shown on the credential's page in the Developer Console.", shown(claims.get("iss"))),
        ));
    }
    let sub = claims.get("sub").and_then(Value::as_str);
    if !sub.is_some_and(|v| v.ends_with("@techacct.adobe.com")) {
        out.push(finding(
            "sub-not-techacct",
            Severity::Error,
            Field::Payload,
            format!("The JWT payload's \"sub\" is {}, not a technical account id ending in @techacct.adobe.com. Set it to the Technical account ID shown on the credential's page in the Developer Console.", shown(claims.get("sub"))),
        ));
    }
    if let (Some(org), Some(iss)) = (super::filled(&profile.org_id), iss) {
        if !org.eq_ignore_ascii_case(iss) {
            out.push(finding(
                "org-differs-from-iss",
                Severity::Error,
                Field::OrgId,
                format!("The organization id {org} differs from the JWT payload's \"iss\" ({iss}), so the two come from different organizations. Take both from the same credential in the Developer Console."),
            ));
        }
    }
    if let (Some(ta), Some(sub)) = (super::filled(&profile.technical_account_id), sub) {
        if !ta.eq_ignore_ascii_case(sub) {
            out.push(finding(
                "sub-differs-from-technical-account",
                Severity::Error,
                Field::TechnicalAccountId,
                format!("The technical account id {ta} differs from the JWT payload's \"sub\" ({sub}), so they belong to different credentials. Take both from the same credential in the Developer Console."),
            ));
        }
    }
    let aud = claims.get("aud").and_then(Value::as_str).and_then(split_aud);
    let aud = aud.filter(|(server, client)| {
        server.starts_with("https://") && server.ends_with(".adobelogin.com") && !client.is_empty()
    });
    match aud {
        None => out.push(finding(
            "aud-malformed",
            Severity::Error,
            Field::Payload,
            format!("The JWT payload's \"aud\" is {}, not https://<IMS host>/c/<Client ID>, so IMS cannot tell which credential signs. Set it to the aud shown in the Developer Console, e.g. {PRODUCTION_IMS}/c/ followed by the Client ID.", shown(claims.get("aud"))),
        )),
        Some((_, aud_client)) => {
            if let Some(id) = super::filled(&profile.client_id) {
                if !id.eq_ignore_ascii_case(aud_client) {
                    out.push(finding(
                        "aud-client-mismatch",
                        Severity::Error,
                        Field::ClientId,
                        format!("The Client ID {id} differs from the one in the JWT payload's \"aud\" ({aud_client}), and IMS refuses the pair (invalid_client). Use the Client ID and the payload of the same credential."),
                    ));
                }
            }
        }
    }
    let scopes = metascopes(&claims);
    let server = aud
        .map(|(s, _)| s.to_string())
        .or_else(|| super::filled(&profile.authorization_server).map(str::to_string))
        .unwrap_or_else(|| PRODUCTION_IMS.to_string());
    if !scopes.iter().any(|(_, name)| name == "ent_marketing_sdk") {
        out.push(finding(
            "metascope-missing",
            Severity::Error,
            Field::Payload,
            format!("The JWT payload lacks the Adobe Target metascope \"{server}/s/ent_marketing_sdk\": true, so IMS refuses the token for Target (invalid_scope). Add the Adobe Target API to the credential in the Developer Console, then copy the payload again."),
        ));
    }
    let mut hosts: Vec<(String, String)> = Vec::new();
    if let Some((s, _)) = aud {
        hosts.push(("aud".to_string(), s.to_string()));
    }
    for (s, name) in &scopes {
        hosts.push((format!("the metascope {name}"), s.clone()));
    }
    if let Some(s) = super::filled(&profile.authorization_server) {
        hosts.push((
            "the Authorization Server".to_string(),
            s.trim_end_chars(&['/']).to_string(),
        ));
    }
    if hosts.iter().any(|(_, s)| is_stage(s)) && hosts.iter().any(|(_, s)| !is_stage(s)) {
        let list = |stage: bool| -> String {
            let names: Vec<String> = hosts
                .iter()
                .filter(|(_, s)| is_stage(s) == stage)
                .map(|(what, s)| format!("{what} ({s})"))
                .gather();
            join(&names, ", ")
        };
        out.push(finding(
            "ims-host-mixed",
            Severity::Error,
            Field::AuthorizationServer,
            format!("Stage and production IMS are mixed: stage in {}, production in {}. IMS refuses a token whose parts name different environments (invalid_client). Use one host everywhere, normally {PRODUCTION_IMS}.", list(true), list(false)),
        ));
    }
}

#[cfg(test)]
mod tests;
