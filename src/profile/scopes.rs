//! OAuth Server-to-Server scopes as admins paste them: the Developer Console lists them
//! separated by commas, cURL samples by commas, other tools by spaces.

use std::fmt;

use super::{Capture, Profile, Source, Sourced};
use crate::error::JsErrorInfo;

/// Adobe's own Target integration asks for these scopes (adobe-surfaces.md §6).
pub const TARGET_SCOPES: &str =
    "openid,AdobeID,target_sdk,additional_info.projectedProductContext,read_organizations,additional_info.roles";

/// Why no scope could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopesError {
    /// The text holds no scope.
    Empty,
}

impl JsErrorInfo for ScopesError {
    fn js_name(&self) -> &'static str {
        "ScopesError"
    }

    /// A stable machine-readable code, used by the UI and tests.
    fn code(&self) -> &'static str {
        match self {
            ScopesError::Empty => "empty-input",
        }
    }
}

impl fmt::Display for ScopesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScopesError::Empty => write!(
                f,
                "No scopes found. Copy the scopes from the OAuth Server-to-Server credential in the Developer Console, or use Adobe's Target scopes: {TARGET_SCOPES}."
            ),
        }
    }
}

impl std::error::Error for ScopesError {}

/// Splits a scope list on commas and white space, dropping quotes, a `scope=` prefix and
/// repeats.
pub fn split(text: &str) -> Vec<String> {
    let body = text.trim();
    let body = body.strip_prefix("scope=").unwrap_or(body);
    let mut out: Vec<String> = Vec::new();
    for raw in body.split(|c: char| c == ',' || c.is_whitespace()) {
        let s = raw.trim_matches(|c: char| c == '"' || c == '\'' || c == '[' || c == ']');
        if !s.is_empty() && !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    out
}

/// Reads pasted scopes into a capture.
pub fn parse(text: &str, source: &Source) -> Result<Capture, ScopesError> {
    let scopes = split(text);
    if scopes.is_empty() {
        return Err(ScopesError::Empty);
    }
    Ok(Capture {
        profile: Profile {
            scopes: Some(Sourced {
                value: scopes,
                source: source.clone(),
            }),
            ..Profile::default()
        },
        ..Capture::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::SourceKind;

    #[test]
    fn commas_spaces_quotes_and_repeats() {
        assert_eq!(split("openid, AdobeID,target_sdk"), ["openid", "AdobeID", "target_sdk"]);
        assert_eq!(
            split("scope=openid AdobeID\ntarget_sdk,,openid"),
            ["openid", "AdobeID", "target_sdk"]
        );
        assert_eq!(split(r#"["openid", "target_sdk"]"#), ["openid", "target_sdk"]);
        assert_eq!(split(TARGET_SCOPES).len(), 6);
    }

    #[test]
    fn empty_is_explained() {
        let src = Source {
            kind: SourceKind::Typed,
            url: None,
            at_ms: 0,
        };
        let e = parse(" , ", &src).unwrap_err();
        assert_eq!(e.code(), "empty-input");
        assert_eq!(
            e.to_string(),
            "No scopes found. Copy the scopes from the OAuth Server-to-Server credential in the Developer Console, or use Adobe's Target scopes: openid,AdobeID,target_sdk,additional_info.projectedProductContext,read_organizations,additional_info.roles."
        );
        assert!(parse("target_sdk", &src).unwrap().profile.scopes.is_some());
    }
}
