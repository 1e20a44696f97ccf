//! What a check needs and what it reports; validated before anything goes on the wire.

use std::borrow::Cow;

use crate::from_json::FromJson;
use crate::text::Search;
use crate::to_json::ToJson;

use super::diagnose::Diagnosis;
pub use crate::profile::AuthType;
use crate::profile::Field;

/// The inputs of the IMS check, as the session gathers them from the profile and key pair.
#[derive(Debug, Clone, Default, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct ImsCheckInput {
    /// JWT or OAuth Server-to-Server; `None` is reported as missing.
    pub auth_type: Option<AuthType>,
    /// `https://ims-na1.adobelogin.com`; defaults to production IMS.
    pub auth_server: Option<String>,
    /// Client ID (API key).
    pub client_id: String,
    /// Client secret.
    pub client_secret: String,
    /// OAuth scopes.
    pub scopes: Vec<String>,
    /// JWT payload JSON (JWT flow).
    pub payload: Option<String>,
    /// The private key whose certificate is bound to the credential (JWT flow), PEM.
    pub private_key_pem: Option<String>,
    /// Per-attempt time limit; 15 s when absent, kept within 1 to 60 s.
    pub timeout_ms: Option<u32>,
}

/// The Target check's inputs.
#[derive(Debug, Clone, Default, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct TargetCheckInput {
    /// Tenant id.
    pub tenant: String,
    /// Client id, sent as `X-Api-Key`.
    pub client_id: String,
    /// The token from the IMS check.
    pub access_token: String,
    /// Per-attempt time limit, as for the IMS check.
    pub timeout_ms: Option<u32>,
}

/// Where each check sends what, said on its button before the admin clicks: a secret leaves
/// the browser only to these hosts (`ims::allow`).
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Sends {
    /// The IMS check: the client secret (and for JWT a signed JWT) to the IMS host.
    pub ims: String,
    /// The Target check: the IMS token and client ID to the Target Admin API.
    pub target: String,
}

/// The IMS host the IMS check sends the secret to (the profile's Authorization Server, else
/// production IMS); `None` when that server is not an Adobe IMS host, which the check refuses.
pub fn ims_host(auth_server: Option<&str>) -> Option<String> {
    let server = auth_server
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(DEFAULT_AUTH_SERVER);
    super::request::ims_origin(server)
        .ok()
        .map(|origin| origin.trim_start_text("https://").to_string())
}

/// What IMS Link's own check sent where, in the guide's words while IMS answers.
pub fn sent(auth: Option<AuthType>, host: &str) -> String {
    match auth {
        Some(AuthType::Jwt) => format!("the client secret and a JWT signed with your private key to {host}"),
        _ => format!("the client ID and client secret to {host}"),
    }
}

/// What the two checks send where, for this profile's credential.
pub fn sends(auth: Option<AuthType>, auth_server: Option<&str>) -> Sends {
    let ims = match ims_host(auth_server) {
        Some(host) => format!("Sends {}.", sent(auth, &host)),
        None => "Sends nothing: the Authorization Server in the profile is not an Adobe IMS host.".into(),
    };
    Sends {
        ims,
        target: "Sends the IMS token and client ID to mc.adobe.io.".into(),
    }
}

/// Production IMS, used when no Authorization Server was captured.
pub const DEFAULT_AUTH_SERVER: &str = "https://ims-na1.adobelogin.com";
const DEFAULT_TIMEOUT_MS: u32 = 15_000;

impl ImsCheckInput {
    /// The time limit for one attempt.
    pub fn timeout_ms(&self) -> u32 {
        self.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS).clamp(1_000, 60_000)
    }

    /// The Authorization Server, or production IMS.
    pub fn auth_server(&self) -> &str {
        self.auth_server
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(DEFAULT_AUTH_SERVER)
    }

    /// The first value the chosen flow needs and does not have.
    pub fn missing(&self) -> Option<Diagnosis> {
        let Some(auth) = self.auth_type else {
            return Some(missing("authentication type", "Choose JWT or OAuth Server-to-Server (the credential page in the Developer Console says which one you have)."));
        };
        if self.client_id.trim().is_empty() {
            return Some(missing(
                "client ID",
                "Capture it from the credential page in the Developer Console (\"Client ID\"), or paste it.",
            ));
        }
        if self.client_secret.trim().is_empty() {
            return Some(missing("client secret", "On the credential page in the Developer Console click \"Retrieve client secret\"; IMS Link picks it up."));
        }
        match auth {
            AuthType::Oauth if self.scopes.is_empty() => Some(missing("scopes", "Capture the scopes from the OAuth Server-to-Server credential page in the Developer Console.")),
            AuthType::Jwt if self.payload.as_deref().is_none_or(|p| p.trim().is_empty()) => Some(missing("JWT payload", "Capture it from the credential's \"Generate JWT\" tab in the Developer Console.")),
            AuthType::Jwt if self.private_key_pem.as_deref().is_none_or(|k| k.trim().is_empty()) => Some(missing("private key", "Generate a key pair in IMS Link and upload its certificate to the credential, or import the key whose certificate is already there.")),
            _ => None,
        }
    }
}

fn missing(field: &str, fix: &str) -> Diagnosis {
    Diagnosis {
        code: "missing-value".into(),
        summary: format!("No {field} yet."),
        cause: format!("The IMS check needs the {field}, and the profile has none."),
        next_step: fix.into(),
        http_status: None,
        remote_error: None,
        raw: None,
    }
}

/// What the popup may see of a check: pass or fail, why, and when the token expires, but
/// never the token itself.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    /// `ims` or `target`.
    pub check: Cow<'static, str>,
    /// Whether it passed.
    pub ok: bool,
    /// When the token expires (IMS check), unix ms.
    pub expires_at_ms: Option<i64>,
    /// Activities the tenant has (Target check).
    pub total_activities: Option<u64>,
    /// Why it failed.
    pub diagnosis: Option<Box<Diagnosis>>,
    /// A warning about this computer's clock, from the answer's `Date` header.
    pub clock_warning: Option<String>,
    /// Requests sent (1, or 2 after a retry).
    pub attempts: u32,
}

/// Which check results a profile change makes stale. A pass is only true of the values it
/// was made with: a new secret, client, payload, scopes or IMS host needs a new IMS check
/// (and its token goes, so "Connect to Target" cannot use the old credential's token); a new
/// tenant needs a new Target check only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Stale {
    /// Drop the IMS report and the token (and so the Target report too).
    pub ims: bool,
    /// Drop the Target report.
    pub target: bool,
}

/// What the `changed` fields make stale.
pub fn stale_after(changed: &[Field]) -> Stale {
    let ims = changed.iter().any(|f| {
        matches!(
            f,
            Field::AuthType
                | Field::ClientId
                | Field::ClientSecret
                | Field::Payload
                | Field::Scopes
                | Field::AuthorizationServer
                // The key pair that signs JWTs.
                | Field::CertificateSha256
        )
    });
    Stale {
        ims,
        target: ims || changed.contains(&Field::Tenant),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_credential_voids_both_checks_a_changed_tenant_only_the_target_one() {
        let none = Stale::default();
        let both = Stale {
            ims: true,
            target: true,
        };
        assert_eq!(stale_after(&[]), none);
        for f in [
            Field::AuthType,
            Field::ClientId,
            Field::ClientSecret,
            Field::Payload,
            Field::Scopes,
            Field::AuthorizationServer,
            Field::CertificateSha256,
        ] {
            assert_eq!(stale_after(&[Field::Tenant, f]), both, "{f:?}");
        }
        assert_eq!(
            stale_after(&[Field::Tenant]),
            Stale {
                ims: false,
                target: true
            }
        );
        // Values the checks do not send (the payload carries iss and sub itself).
        let unused = [
            Field::ClientCode,
            Field::OrgId,
            Field::TechnicalAccountId,
            Field::TechnicalAccountEmail,
        ];
        assert_eq!(stale_after(&unused), none);
    }

    fn input(json: &str) -> ImsCheckInput {
        crate::from_json::from_value(crate::json_text::parse(json).unwrap()).unwrap()
    }

    #[test]
    fn names_the_first_missing_value() {
        let missing_of = |j: &str| input(j).missing().map(|d| d.summary);
        assert_eq!(missing_of("{}").as_deref(), Some("No authentication type yet."));
        assert_eq!(
            missing_of(r#"{"authType":"oauth","clientId":"a"}"#).as_deref(),
            Some("No client secret yet.")
        );
        assert_eq!(
            missing_of(r#"{"authType":"oauth","clientId":"a","clientSecret":"s"}"#).as_deref(),
            Some("No scopes yet.")
        );
        let jwt_without_key = r#"{"authType":"jwt","clientId":"a","clientSecret":"s","payload":"{}"}"#;
        assert_eq!(missing_of(jwt_without_key).as_deref(), Some("No private key yet."));
        assert_eq!(
            missing_of(r#"{"authType":"oauth","clientId":"a","clientSecret":"s","scopes":["x"]}"#),
            None
        );
    }

    #[test]
    fn defaults_and_bounds() {
        let i = input(r#"{"timeoutMs":5}"#);
        assert_eq!((i.timeout_ms(), i.auth_server()), (1_000, DEFAULT_AUTH_SERVER));
        assert_eq!(input("{}").timeout_ms(), 15_000);
    }

    #[test]
    fn each_check_names_the_host_its_secret_goes_to() {
        let oauth = sends(Some(AuthType::Oauth), None);
        assert_eq!(
            oauth.ims,
            "Sends the client ID and client secret to ims-na1.adobelogin.com."
        );
        assert_eq!(oauth.target, "Sends the IMS token and client ID to mc.adobe.io.");
        let jwt = sends(Some(AuthType::Jwt), Some("https://ims-na1-stg1.adobelogin.com/ims"));
        assert_eq!(
            jwt.ims,
            "Sends the client secret and a JWT signed with your private key to ims-na1-stg1.adobelogin.com."
        );
        assert!(sends(None, Some("https://evil.test")).ims.starts_with("Sends nothing"));
    }
}
