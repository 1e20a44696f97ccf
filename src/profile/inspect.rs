//! The www page's inspector: tells which of the three things an admin pastes this is (a
//! Developer Console workspace JSON, a JWT payload, a whole JWT) and reads it with the same
//! parsers the extension uses, so the page and the extension never disagree.

use crate::gather::Gather;
use crate::text::kept;
use crate::text::Search;
use crate::to_json::ToJson;
use std::fmt;

use crate::json_value::Value;

use super::console::{self, WorkspaceError};
use super::payload::{self, PayloadError};
use super::{Capture, Source};
use crate::error::JsErrorInfo;
use crate::jwt;

/// What the pasted text was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum InspectKind {
    /// A Developer Console workspace (or credential) JSON download.
    Workspace,
    /// A JWT payload, as the Console's "Generate JWT" view shows it.
    Payload,
    /// A whole JWT, read without verifying its signature.
    Jwt,
}

/// The text's kind and what it holds.
#[derive(Debug, Clone, PartialEq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Inspected {
    /// What the text was.
    pub kind: InspectKind,
    /// What it holds, as a capture.
    pub capture: Capture,
}

/// Why the text could not be inspected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InspectError {
    /// Nothing was given.
    Empty,
    /// Neither JSON nor a JWT; holds the JSON parser's message.
    Unrecognized(String),
    /// JSON, but not one object; holds what it is instead ("a list", "a string").
    NotObject(&'static str),
    /// An object with neither a workspace's nor a payload's keys.
    UnknownObject,
    /// Three dot-separated parts whose middle one is not a readable payload.
    BadJwt(String),
    /// A workspace JSON the Console parser refused.
    Workspace(WorkspaceError),
    /// A payload the payload parser refused.
    Payload(PayloadError),
}

impl JsErrorInfo for InspectError {
    /// The parser's own name for its refusals, `InspectError` for the others.
    fn js_name(&self) -> &'static str {
        match self {
            InspectError::Workspace(_) => "WorkspaceError",
            InspectError::Payload(_) => "PayloadError",
            _ => "InspectError",
        }
    }

    /// A stable machine-readable code.
    fn code(&self) -> &'static str {
        match self {
            InspectError::Empty => "empty-input",
            InspectError::Unrecognized(_) => "unrecognized",
            InspectError::NotObject(_) => "not-an-object",
            InspectError::UnknownObject => "unknown-object",
            InspectError::BadJwt(_) => "bad-jwt",
            InspectError::Workspace(e) => e.code(),
            InspectError::Payload(e) => e.code(),
        }
    }
}

impl fmt::Display for InspectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InspectError::Empty => write!(
                f,
                "Nothing to inspect. Paste the workspace JSON, a JWT payload or a whole JWT, or open the .json file."
            ),
            InspectError::Unrecognized(why) => write!(
                f,
                "IMS Link cannot tell what this is: it is not JSON ({why}) and not a JWT (three base64url parts separated by dots). Paste the Developer Console's JSON (\"Download JSON\" on the credential), or the payload from the credential's \"Generate JWT\" view."
            ),
            InspectError::NotObject(what) => write!(
                f,
                "This JSON is {what}, not an object: a workspace JSON or a JWT payload is one object in {{ }}."
            ),
            InspectError::UnknownObject => write!(
                f,
                "This JSON is neither a workspace JSON (it has no \"project\") nor a JWT payload (it has no \"iss\", \"sub\" or \"aud\"). Paste the Developer Console's workspace JSON or the JWT payload."
            ),
            InspectError::BadJwt(why) => write!(
                f,
                "This looks like a JWT (three parts separated by dots), but its payload cannot be read ({why}). Copy the whole JWT again."
            ),
            InspectError::Workspace(e) => e.fmt(f),
            InspectError::Payload(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for InspectError {}

fn looks_like_jwt(compact: &str) -> bool {
    let parts: Vec<&str> = compact.split_ascii(b'.').gather();
    let base64url = |p: &str| p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    parts.len() == 3 && !parts[0].is_empty() && !parts[1].is_empty() && parts.iter().all(|p| base64url(p))
}

fn what_json_is(value: &Value) -> &'static str {
    match value {
        Value::Array(_) => "a list",
        Value::String(_) => "a string",
        Value::Number(_) => "a number",
        Value::Bool(_) => "a boolean",
        Value::Null => "null",
        Value::Object(_) => "an object",
    }
}

/// Tells what `text` is and reads it; `choice` picks a credential in a workspace JSON.
pub fn inspect(text: &str, source: &Source, choice: Option<&str>) -> Result<Inspected, InspectError> {
    let text = text.trim_start_chars(&['\u{feff}']).trim();
    if text.is_empty() {
        return Err(InspectError::Empty);
    }
    let compact = kept(text, |c| !c.is_whitespace());
    if looks_like_jwt(&compact) {
        let (_, claims) = jwt::decode_unverified(&compact).map_err(|e| InspectError::BadJwt(e.to_string()))?;
        let capture = payload::parse(&crate::to_json::to_string(&claims), source).map_err(InspectError::Payload)?;
        return Ok(Inspected {
            kind: InspectKind::Jwt,
            capture,
        });
    }
    let value = crate::json_text::parse(text).map_err(|e| InspectError::Unrecognized(e.to_string()))?;
    let Value::Object(object) = &value else {
        return Err(InspectError::NotObject(what_json_is(&value)));
    };
    let has = |keys: &[&str]| keys.iter().any(|k| object.contains_key(k));
    if has(&["project", "workspace", "client_id"]) {
        let capture = console::parse(text, source, choice).map_err(InspectError::Workspace)?;
        Ok(Inspected {
            kind: InspectKind::Workspace,
            capture,
        })
    } else if has(&["iss", "sub", "aud"]) {
        let capture = payload::parse(text, source).map_err(InspectError::Payload)?;
        Ok(Inspected {
            kind: InspectKind::Payload,
            capture,
        })
    } else {
        Err(InspectError::UnknownObject)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::SourceKind;

    fn source() -> Source {
        Source {
            kind: SourceKind::Paste,
            url: None,
            at_ms: 0,
        }
    }

    fn kind(text: &str) -> Result<InspectKind, String> {
        inspect(text, &source(), None)
            .map(|i| i.kind)
            .map_err(|e| format!("{}: {e}", e.code()))
    }

    const PAYLOAD: &str = r#"{"iss": "O@AdobeOrg", "sub": "T@techacct.adobe.com", "aud": "https://ims-na1.adobelogin.com/c/0123456789abcdef0123456789abcdef"}"#;

    #[test]
    fn tells_the_three_kinds_apart() {
        assert_eq!(kind(PAYLOAD), Ok(InspectKind::Payload));
        let workspace = r#"{"client_id": "0123456789abcdef0123456789abcdef", "client_secrets": ["s"], "scopes": ["openid"], "org": {"ims_org_id": "O@AdobeOrg"}}"#;
        assert_eq!(kind(&format!("\u{feff}  {workspace}\n")), Ok(InspectKind::Workspace));
        let b64 = |s: &str| {
            use base64::Engine;
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s)
        };
        let jwt = format!("{}.{}.c2ln", b64(r#"{"alg":"RS256"}"#), b64(PAYLOAD));
        let read = inspect(&format!("{}\n{}", &jwt[..10], &jwt[10..]), &source(), None).expect("a JWT");
        assert_eq!(read.kind, InspectKind::Jwt);
        assert_eq!(
            read.capture.profile.org_id.map(|s| s.value).as_deref(),
            Some("O@AdobeOrg")
        );
    }

    #[test]
    fn each_refusal_names_what_is_wrong() {
        let err = |t: &str| kind(t).expect_err(t);
        assert!(err("  ").starts_with("empty-input: Nothing to inspect."));
        assert!(
            err(r#"{"client": "x","#).starts_with("unrecognized: IMS Link cannot tell what this is: it is not JSON (")
        );
        assert!(err("eyJhbGciOiJSUzI1NiJ9.!!!.x").contains("not JSON"));
        assert!(err("[1, 2]").starts_with("not-an-object: This JSON is a list, not an object"));
        assert!(err(r#"{"name": "x"}"#).contains(r#"neither a workspace JSON (it has no "project") nor a JWT payload"#));
        assert!(err("eyJhbGciOiJSUzI1NiJ9.eyJub3Q.x").starts_with("bad-jwt: This looks like a JWT"));
        let no_credential = err(r#"{"project": {"workspace": {"details": {"credentials": []}}}}"#);
        assert!(
            no_credential.contains("This JSON holds no OAuth Server-to-Server or JWT credential"),
            "{no_credential}"
        );
    }
}
