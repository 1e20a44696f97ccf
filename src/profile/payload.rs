//! The JWT payload the Developer Console shows for a Service Account (JWT) credential
//! (adobe-surfaces.md §3): `iss` is the org, `sub` the technical account, `aud`
//! `https://<ims host>/c/<client id>`, and keys `https://<ims host>/s/<name>: true` are
//! metascopes. A whole signed JWT is accepted too: its payload is read, not verified.

use crate::gather::Gather;
use crate::text::Search;
use std::fmt;

use crate::json_value::{Map, Value};

use super::{sourced, AuthType, Capture, Field, Profile, Source, Sourced};
use crate::error::JsErrorInfo;
use crate::jwt;

/// Why the text is not a usable JWT payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadError {
    /// Nothing was given.
    Empty,
    /// A web page (HTML) was pasted.
    Html,
    /// Not JSON; holds the parser's message.
    NotJson(String),
    /// JSON, but not an object.
    NotObject,
}

impl JsErrorInfo for PayloadError {
    fn js_name(&self) -> &'static str {
        "PayloadError"
    }

    /// A stable machine-readable code, used by the UI and tests.
    fn code(&self) -> &'static str {
        match self {
            PayloadError::Empty => "empty-input",
            PayloadError::Html => "html-not-json",
            PayloadError::NotJson(_) => "not-json",
            PayloadError::NotObject => "not-an-object",
        }
    }
}

impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PayloadError::Empty => write!(
                f,
                "Nothing to read. In the Developer Console open the JWT credential, choose \"Generate JWT\" and copy the JWT payload shown there."
            ),
            PayloadError::Html => write!(
                f,
                "This is a web page (HTML), not a JWT payload. Copy only the payload box from the Developer Console's \"Generate JWT\" view: it starts with {{ and ends with }}."
            ),
            PayloadError::NotJson(why) => write!(
                f,
                "This is not a JWT payload ({why}). Copy the whole payload box from the Developer Console's \"Generate JWT\" view, from {{ to }}."
            ),
            PayloadError::NotObject => write!(
                f,
                "This JSON is not a JWT payload: a payload is one object with \"iss\", \"sub\" and \"aud\". Copy the payload box from the Developer Console's \"Generate JWT\" view."
            ),
        }
    }
}

impl std::error::Error for PayloadError {}

/// What an `aud` claim says: the IMS host URL and the client id.
pub fn split_aud(aud: &str) -> Option<(&str, &str)> {
    let (server, client) = aud.trim().split_once_text("/c/")?;
    Some((server, client.trim_end_chars(&['/'])))
}

/// The metascope keys of a payload: `(ims host URL, name)` for each key
/// `https://<host>/s/<name>` whose value is `true`.
pub fn metascopes(claims: &Map) -> Vec<(String, String)> {
    claims
        .iter()
        .filter(|(_, v)| v.as_bool() == Some(true))
        .filter_map(|(k, _)| {
            let (server, name) = k.split_once_text("/s/")?;
            server
                .starts_with("https://")
                .then(|| (server.to_string(), name.to_string()))
        })
        .gather()
}

/// Reads a pasted payload (or a whole JWT) into a capture.
pub fn parse(text: &str, source: &Source) -> Result<Capture, PayloadError> {
    let trimmed = text.trim_start_chars(&['\u{feff}']).trim();
    if trimmed.is_empty() {
        return Err(PayloadError::Empty);
    }
    if trimmed.starts_with('<') {
        return Err(PayloadError::Html);
    }
    let claims = if trimmed.starts_with("eyJ") && trimmed.bytes().filter(|&b| b == b'.').count() == 2 {
        let (_, payload) = jwt::decode_unverified(trimmed).map_err(|e| PayloadError::NotJson(e.to_string()))?;
        payload
    } else {
        crate::json_text::parse(trimmed).map_err(|e| PayloadError::NotJson(e.to_string()))?
    };
    let claims = claims.as_object().ok_or(PayloadError::NotObject)?;
    let text_of = |key: &str| claims.get(key).and_then(Value::as_str);
    let aud = match claims.get("aud") {
        Some(Value::Array(a)) => a.iter().find_map(Value::as_str),
        Some(v) => v.as_str(),
        None => None,
    };
    let (server, client) = aud.and_then(split_aud).unzip();
    // Keep the admin's text as pasted (key order, spacing); a decoded JWT has none.
    let payload_text = if trimmed.starts_with('{') {
        trimmed.to_string()
    } else {
        crate::to_json::to_string(&Value::Object(claims.clone()))
    };
    let profile = Profile {
        org_id: text_of("iss").and_then(|v| sourced(v, source)),
        technical_account_id: text_of("sub").and_then(|v| sourced(v, source)),
        client_id: client.and_then(|v| sourced(v, source)),
        // Only an Adobe IMS host becomes the Authorization Server: AEM sends the client secret
        // there. A look-alike `aud` stays in the payload, where the diagnostics flag it.
        authorization_server: server
            .filter(|v| crate::ims::allow::check_ims_server(v).is_ok())
            .and_then(|v| sourced(v, source)),
        payload: sourced(&payload_text, source),
        auth_type: Some(Sourced {
            value: AuthType::Jwt,
            source: source.clone(),
        }),
        ..Profile::default()
    };
    let mut missing = Vec::new();
    for (field, present) in [
        (Field::OrgId, profile.org_id.is_some()),
        (Field::TechnicalAccountId, profile.technical_account_id.is_some()),
        (Field::ClientId, profile.client_id.is_some()),
        (Field::AuthorizationServer, profile.authorization_server.is_some()),
    ] {
        if !present {
            missing.push(field);
        }
    }
    Ok(Capture {
        profile,
        missing,
        notices: Vec::new(),
        metascopes: metascopes(claims).into_iter().map(|(_, name)| name).gather(),
        ..Capture::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::SourceKind;

    fn src() -> Source {
        Source {
            kind: SourceKind::Paste,
            url: None,
            at_ms: 5,
        }
    }

    const PAYLOAD: &str = r#"{"exp": 1700000000, "iss": "ORG@AdobeOrg", "sub": "TA@techacct.adobe.com",
        "https://ims-na1.adobelogin.com/s/ent_marketing_sdk": true,
        "aud": "https://ims-na1.adobelogin.com/c/0123456789abcdef0123456789abcdef"}"#;

    #[test]
    fn reads_every_claim() {
        let c = parse(PAYLOAD, &src()).unwrap();
        let p = &c.profile;
        let v = |f: &Option<Sourced<String>>| f.as_ref().map(|s| s.value.clone());
        assert_eq!(v(&p.org_id).as_deref(), Some("ORG@AdobeOrg"));
        assert_eq!(v(&p.technical_account_id).as_deref(), Some("TA@techacct.adobe.com"));
        assert_eq!(v(&p.client_id).as_deref(), Some("0123456789abcdef0123456789abcdef"));
        assert_eq!(
            v(&p.authorization_server).as_deref(),
            Some("https://ims-na1.adobelogin.com")
        );
        assert_eq!(v(&p.payload).as_deref(), Some(PAYLOAD));
        assert_eq!(c.metascopes, vec!["ent_marketing_sdk".to_string()]);
        assert!(c.missing.is_empty());
    }

    #[test]
    fn reads_a_whole_jwt_and_reports_missing_claims() {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        use base64::Engine;
        let token = format!(
            "{}.{}.sig",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"RS256"}"#),
            URL_SAFE_NO_PAD.encode(br#"{"iss":"O@AdobeOrg"}"#)
        );
        let c = parse(&token, &src()).unwrap();
        assert_eq!(c.profile.org_id.map(|o| o.value).as_deref(), Some("O@AdobeOrg"));
        assert_eq!(
            c.missing,
            vec![Field::TechnicalAccountId, Field::ClientId, Field::AuthorizationServer]
        );
    }

    #[test]
    fn errors_name_the_cause_and_fix() {
        let e = |t: &str| parse(t, &src()).unwrap_err();
        assert_eq!(e("").code(), "empty-input");
        assert_eq!(
            e("<html>").to_string(),
            "This is a web page (HTML), not a JWT payload. Copy only the payload box from the Developer Console's \"Generate JWT\" view: it starts with { and ends with }."
        );
        assert_eq!(
            e("{\"iss\": ").to_string(),
            "This is not a JWT payload (EOF while parsing a value at line 1 column 7). Copy the whole payload box from the Developer Console's \"Generate JWT\" view, from { to }."
        );
        assert_eq!(
            e("\"iss\"").to_string(),
            "This JSON is not a JWT payload: a payload is one object with \"iss\", \"sub\" and \"aud\". Copy the payload box from the Developer Console's \"Generate JWT\" view."
        );
        assert_eq!(
            e(" ").to_string(),
            "Nothing to read. In the Developer Console open the JWT credential, choose \"Generate JWT\" and copy the JWT payload shown there."
        );
    }
}
