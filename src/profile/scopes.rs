//! OAuth Server-to-Server scopes as admins paste them: the Developer Console lists them
//! separated by commas, cURL samples by commas, other tools by spaces.

use crate::gather::Gather;
use crate::text::{join, Search};
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
    /// The text does not read as scopes; holds why.
    NotScopes(String),
}

impl JsErrorInfo for ScopesError {
    fn js_name(&self) -> &'static str {
        "ScopesError"
    }

    /// A stable machine-readable code, used by the UI and tests.
    fn code(&self) -> &'static str {
        match self {
            ScopesError::Empty => "empty-input",
            ScopesError::NotScopes(_) => "not-scopes",
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
            ScopesError::NotScopes(why) => write!(f, "Scopes: {why}"),
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
        let s = raw.trim_chars(&['"', '\'', '[', ']']);
        if !s.is_empty() && !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    out
}

/// Scopes Adobe's IMS documents and the Target integration uses; also the pieces a run-together
/// list is recognised by.
const KNOWN: [&str; 14] = [
    "openid",
    "AdobeID",
    "target_sdk",
    "additional_info.projectedProductContext",
    "additional_info.roles",
    "additional_info.job_function",
    "read_organizations",
    "read_pc.dma_tartan",
    "ent_marketing_sdk",
    "offline_access",
    "profile",
    "email",
    "session",
    "address",
];

/// Words a page shows near scopes that are not scopes.
const NOT_SCOPES: [&str; 9] = ["no", "none", "scope", "scopes", "and", "or", "the", "api", "apis"];

/// Scopes are case-sensitive: "Profile" heading a group is not the `profile` scope.
fn known(t: &str) -> bool {
    KNOWN.contains(&t)
}

/// Whether one token reads as an IMS scope: a documented one, or the shape scopes have
/// (`snake_case`, dotted, `prefix:name`, or one short lower-case word). A Title Case word
/// ("Adobe", "Target") is a service's name, not a scope.
pub fn looks_like_scope(t: &str) -> bool {
    let charset = t.chars().all(|c| c.is_ascii_alphanumeric() || "_.:-/".contains_char(c));
    let letter = t.chars().any(|c| c.is_ascii_alphabetic());
    if !charset || !letter || t.len() > 128 {
        return false;
    }
    if known(t) {
        return true;
    }
    if t.bytes().any(|b| matches!(b, b'_' | b'.' | b':')) {
        return true;
    }
    let lower = t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    lower && t.len() <= 24 && !NOT_SCOPES.contains(&t)
}

/// Whether a token is several documented scopes run together ("openidAdobeIDtarget_sdk"), as
/// when a page's tags are read as one text.
pub fn run_together(t: &str) -> bool {
    if known(t) {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    let pieces: Vec<String> = KNOWN.iter().map(|k| k.to_ascii_lowercase()).gather();
    // most[i]: the most documented scopes the first i bytes split into (None: no split).
    let mut most: Vec<Option<usize>> = vec![None; lower.len() + 1];
    most[0] = Some(0);
    for i in 0..lower.len() {
        let Some(n) = most[i] else { continue };
        for p in &pieces {
            if lower
                .as_bytes()
                .get(i..)
                .is_some_and(|rest| rest.starts_with(p.as_bytes()))
            {
                let at = i + p.len();
                most[at] = Some(most[at].map_or(n + 1, |m| m.max(n + 1)));
            }
        }
    }
    let many = pieces
        .iter()
        .filter(|p| p.len() >= 6 && lower.contains_text(p.as_str()))
        .count()
        >= 2;
    // One piece alone is a scope in another case ("Profile"), not several run together.
    most[lower.len()].is_some_and(|n| n >= 2) || many
}

/// Checks a list of scopes taken from a file: every entry must read as a scope.
pub fn check(list: &[String]) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for t in list {
        if run_together(t) {
            return Err(format!(
                "\"{t}\" is several scopes run together (the separators were lost), so IMS Link took none. Copy the scopes one by one or as a comma-separated list."
            ));
        }
        if !looks_like_scope(t) {
            return Err(format!(
                "\"{t}\" does not read as an IMS scope (such as openid, AdobeID or target_sdk), so IMS Link took none."
            ));
        }
        if !out.contains(t) {
            out.push(t.clone());
        }
    }
    Ok(out)
}

/// Scopes from the pieces of text a page shows under "Scopes": one per tag, chip or list item,
/// groups per service, or one comma- or space-separated text. A piece with no scope in it (a
/// service's name heading its group) is left out; a list that still does not read as scopes
/// is refused with the reason, so it becomes a finding and never a value.
pub fn from_parts(parts: &[String]) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    let mut labels = 0;
    for part in parts {
        let tokens = split(part);
        if tokens.iter().any(|t| run_together(t)) {
            return check(&tokens).map(|_| Vec::new());
        }
        let scopes: Vec<&String> = tokens.iter().filter(|t| looks_like_scope(t)).gather();
        // Words without commas that are not all scopes name a service heading its group.
        let heading = tokens.len() > 1 && !part.contains_char(',') && scopes.len() < tokens.len();
        if scopes.is_empty() || heading {
            labels += 1;
            continue;
        }
        if scopes.len() != tokens.len() {
            let odd = tokens
                .iter()
                .find(|t| !looks_like_scope(t))
                .cloned()
                .unwrap_or_default();
            return Err(format!(
                "the page shows \"{}\" under Scopes; \"{odd}\" does not read as an IMS scope, so IMS Link took none. Copy the scopes from the credential page by hand.",
                part.trim()
            ));
        }
        for t in scopes {
            if !out.contains(t) {
                out.push(t.clone());
            }
        }
    }
    if out.is_empty() && labels > 0 {
        let shown: Vec<&str> = parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).gather();
        return Err(format!(
            "the page shows \"{}\" under Scopes, which does not read as IMS scopes, so IMS Link took none. Copy the scopes from the credential page by hand.",
            join(&shown, " / ")
        ));
    }
    Ok(out)
}

/// Reads pasted scopes into a capture.
pub fn parse(text: &str, source: &Source) -> Result<Capture, ScopesError> {
    let scopes = check(&split(text)).map_err(ScopesError::NotScopes)?;
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

    fn parts(p: &[&str]) -> Vec<String> {
        p.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_list_markup_gives_separate_scopes() {
        let want = ["openid", "AdobeID", "target_sdk"];
        // One tag, chip or list item per scope.
        assert_eq!(from_parts(&parts(&["openid", "AdobeID", "target_sdk"])).unwrap(), want);
        // Per-service groups: the service names head their groups and are left out.
        assert_eq!(
            from_parts(&parts(&[
                "Adobe Target",
                "target_sdk",
                "I/O Management API",
                "openid",
                "AdobeID"
            ]))
            .unwrap(),
            ["target_sdk", "openid", "AdobeID"]
        );
        // One text, comma or space separated.
        assert_eq!(from_parts(&parts(&["openid, AdobeID, target_sdk"])).unwrap(), want);
        assert_eq!(from_parts(&parts(&["openid AdobeID target_sdk"])).unwrap(), want);
        assert_eq!(split(TARGET_SCOPES).len(), 6);
        assert_eq!(from_parts(&[TARGET_SCOPES.to_string()]).unwrap().len(), 6);
    }

    #[test]
    fn tags_read_as_one_text_are_a_finding_not_a_value() {
        let e = from_parts(&parts(&["openidAdobeIDtarget_sdk"])).unwrap_err();
        assert!(
            e.starts_with("\"openidAdobeIDtarget_sdk\" is several scopes run together"),
            "{e}"
        );
        assert!(run_together("AdobeIDadditional_info.projectedProductContext"));
        assert!(!run_together("additional_info.projectedProductContext"));
        assert!(!run_together("Profile"), "a group heading's word, not two scopes");
        let e = from_parts(&parts(&["No scopes"])).unwrap_err();
        assert!(
            e.contains("\"No scopes\" under Scopes, which does not read as IMS scopes"),
            "{e}"
        );
        assert!(from_parts(&parts(&["openid, Adobe Target"])).is_err());
        assert!(check(&parts(&["openid", "Adobe Target"])).is_err());
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
