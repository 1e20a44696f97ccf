//! A value the admin typed into the profile, checked like a captured one.

use std::fmt;

use super::{scopes, AuthType, Field, Profile, Source, SourceKind, Sourced};
use crate::error::JsErrorInfo;
use crate::tenant;
use crate::text::Search;

/// Why a typed value was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// Nothing was typed.
    Empty(Field),
    /// The authentication type is neither JWT nor OAuth.
    UnknownAuthType(String),
    /// A tenant id or client code that cannot be one.
    Tenant(Field, tenant::TenantError),
    /// An Authorization Server that is not Adobe IMS (AEM would send the client secret there).
    NotAdobeIms(crate::ims::allow::AllowError),
}

impl JsErrorInfo for EditError {
    /// Typed values belong to the profile, so the JS side sees a `ProfileError`.
    fn js_name(&self) -> &'static str {
        "ProfileError"
    }

    /// A stable machine-readable code.
    fn code(&self) -> &'static str {
        match self {
            EditError::Empty(_) => "empty-value",
            EditError::UnknownAuthType(_) => "unknown-auth-type",
            EditError::Tenant(_, e) => e.code(),
            EditError::NotAdobeIms(_) => "not-adobe-ims",
        }
    }
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Empty(field) => write!(
                f,
                "The {} is empty. Type a value, or use Clear to remove it.",
                field.name()
            ),
            EditError::UnknownAuthType(v) => write!(f, "\"{v}\" is not an authentication type: choose jwt or oauth."),
            EditError::Tenant(Field::ClientCode, e) => write!(f, "Client Code: {e}"),
            EditError::Tenant(_, e) => write!(f, "Tenant ID: {e}"),
            EditError::NotAdobeIms(e) => write!(
                f,
                "Authorization Server: {e} AEM sends the client secret to this address, so IMS Link keeps only https://ims-na1.adobelogin.com (or its stage host)."
            ),
        }
    }
}

impl std::error::Error for EditError {}

/// A profile holding only `field`, set to the typed `text`.
pub fn typed(field: Field, text: &str, now_ms: u64) -> Result<Profile, EditError> {
    let v = text.trim();
    if v.is_empty() {
        return Err(EditError::Empty(field));
    }
    let source = Source {
        kind: SourceKind::Typed,
        url: None,
        at_ms: now_ms,
    };
    let s = |value: String| {
        Some(Sourced {
            value,
            source: source.clone(),
        })
    };
    let mut p = Profile::default();
    match field {
        Field::Tenant => p.tenant = s(tenant::validate(v).map_err(|e| EditError::Tenant(field, e))?),
        Field::ClientCode => p.client_code = s(tenant::validate(v).map_err(|e| EditError::Tenant(field, e))?),
        Field::OrgId => p.org_id = s(v.into()),
        Field::TechnicalAccountId => p.technical_account_id = s(v.into()),
        Field::TechnicalAccountEmail => p.technical_account_email = s(v.into()),
        Field::ClientId => p.client_id = s(v.into()),
        // Secrets keep inner characters exactly; the diagnostics flag stray whitespace.
        Field::ClientSecret => p.client_secret = s(text.trim_chars(&['\n', '\r']).into()),
        Field::Payload => p.payload = s(v.into()),
        Field::AuthorizationServer => {
            let server = v.trim_end_chars(&['/']);
            crate::ims::allow::check_ims_server(server).map_err(EditError::NotAdobeIms)?;
            p.authorization_server = s(server.into());
        }
        Field::CertificateSha256 => p.certificate_sha256 = s(v.into()),
        Field::Scopes => {
            p.scopes = Some(Sourced {
                value: scopes::split(v),
                source,
            })
        }
        Field::AuthType => {
            let t = match v.to_ascii_lowercase().as_str() {
                "jwt" => AuthType::Jwt,
                "oauth" | "oauth server-to-server" => AuthType::Oauth,
                _ => return Err(EditError::UnknownAuthType(v.into())),
            };
            p.auth_type = Some(Sourced { value: t, source });
        }
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_are_checked_and_marked_as_typed() {
        let p = typed(Field::Tenant, " Acme ", 5).unwrap();
        let t = p.tenant.unwrap();
        assert_eq!(
            (t.value.as_str(), t.source.kind, t.source.at_ms),
            ("acme", SourceKind::Typed, 5)
        );
        assert_eq!(
            typed(Field::Scopes, "openid, target_sdk", 1)
                .unwrap()
                .scopes
                .unwrap()
                .value,
            vec!["openid", "target_sdk"]
        );
        assert_eq!(
            typed(Field::AuthType, "OAuth", 1).unwrap().auth_type.unwrap().value,
            AuthType::Oauth
        );
    }

    #[test]
    fn bad_values_are_named() {
        assert_eq!(
            typed(Field::ClientId, "  ", 1).unwrap_err().to_string(),
            "The clientId is empty. Type a value, or use Clear to remove it."
        );
        assert_eq!(
            typed(Field::AuthType, "saml", 1).unwrap_err().code(),
            "unknown-auth-type"
        );
        let org = typed(Field::Tenant, "0123456789ABCDEF01234567@AdobeOrg", 1).unwrap_err();
        assert_eq!(org.code(), "org-id-instead-of-tenant");
        assert!(org
            .to_string()
            .starts_with("Tenant ID: \"0123456789ABCDEF01234567@AdobeOrg\" is an IMS Organization ID"));
    }
}
