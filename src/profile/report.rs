//! What an import took, what it lacked and what it refused, in words the popup shows as they
//! are: "Imported." alone never answers a file that gave nothing usable.

use super::{Capture, Field, Merged};
use crate::gather::Gather;
use crate::text::join;
use crate::to_json::ToJson;

/// The answer to one import: the whole account, for the admin, which the popup shows as it is
/// (what was taken, waits, is missing or was refused, said in it).
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct ImportReport {
    /// The whole account, for the admin.
    pub message: String,
}

fn has(capture: &Capture, f: Field) -> bool {
    let p = &capture.profile;
    match f {
        Field::Tenant => p.tenant.is_some(),
        Field::ClientCode => p.client_code.is_some(),
        Field::OrgId => p.org_id.is_some(),
        Field::TechnicalAccountId => p.technical_account_id.is_some(),
        Field::TechnicalAccountEmail => p.technical_account_email.is_some(),
        Field::ClientId => p.client_id.is_some(),
        Field::ClientSecret => p.client_secret.is_some(),
        Field::AuthType => p.auth_type.is_some(),
        Field::Payload => p.payload.is_some(),
        Field::Scopes => p.scopes.is_some(),
        Field::AuthorizationServer => p.authorization_server.is_some(),
        Field::CertificateSha256 => p.certificate_sha256.is_some(),
    }
}

fn labels(fields: &[Field]) -> String {
    join(&fields.iter().map(|f| f.label()).gather(), ", ")
}

/// Whether a capture holds anything besides the authentication type.
pub fn usable(capture: &Capture) -> bool {
    Field::ALL.iter().any(|&f| f != Field::AuthType && has(capture, f))
}

/// The report for `capture` read from `what` ("acme.json", "the pasted text"); `merged` is
/// the merge's result, `None` when nothing was merged.
pub fn report(what: &str, capture: &Capture, merged: Option<&Merged>) -> ImportReport {
    let waiting: Vec<Field> = merged
        .map(|m| m.conflicts.iter().map(|c| c.field).gather())
        .unwrap_or_default();
    let taken: Vec<Field> = Field::ALL
        .iter()
        .copied()
        .filter(|&f| has(capture, f) && !waiting.contains(&f))
        .gather();
    let usable = usable(capture);
    let from = match &capture.credential {
        Some(c) => format!("{what}, credential {c}"),
        None => what.to_string(),
    };
    let mut parts = Vec::new();
    if usable {
        parts.push(format!("From {from}: took {}.", labels(&taken)));
    } else {
        parts.push(format!("Nothing usable in {from}: the profile is unchanged."));
    }
    if !waiting.is_empty() {
        parts.push(format!("Differs from the profile, tick to use: {}.", labels(&waiting)));
    }
    if !capture.missing.is_empty() {
        parts.push(format!("Not in it: {}.", labels(&capture.missing)));
    }
    for r in &capture.rejected {
        parts.push(format!("Not taken, {}: {}", r.field.label(), r.reason));
    }
    ImportReport {
        message: join(&parts, " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{console, Source, SourceKind};

    fn src() -> Source {
        Source {
            kind: SourceKind::File,
            url: Some("ws.json".into()),
            at_ms: 1,
        }
    }

    #[test]
    fn a_file_with_only_bad_values_is_never_just_imported() {
        let text = r#"{"CLIENT_ID": "my-client", "CLIENT_SECRETS": [5], "ORG_ID": "1234567"}"#;
        let c = console::parse(text, &src(), None).unwrap();
        let r = report("ws.json", &c, None);
        assert!(!usable(&c));
        assert_eq!(
            r.message,
            "Nothing usable in ws.json: the profile is unchanged. Not in it: Technical account ID, Technical account email, Scopes. Not taken, Client ID: \"my-client\" is not 32 hexadecimal characters, which every Developer Console client ID is. Not taken, Client secret: the file gives a number, not text, so it cannot be the client secret. Not taken, Organization ID (AEM: Org ID): \"1234567\" does not end in @AdobeOrg, so it is not an IMS organization ID (the Console's numeric organization number is not one)."
        );
    }

    #[test]
    fn a_good_file_names_what_it_took() {
        let text = r#"{"CLIENT_ID": "5f0a1b2c3d4e5f60718293a4b5c6d7e8", "CLIENT_SECRETS": ["p8e-x12345678"], "ORG_ID": "0123456789ABCDEF01234567@AdobeOrg", "SCOPES": ["openid", "target_sdk"]}"#;
        let c = console::parse(text, &src(), None).unwrap();
        let r = report("ws.json", &c, None);
        assert!(usable(&c));
        assert!(
            r.message.starts_with("From ws.json: took Authentication, Client ID, Client secret, Organization ID (AEM: Org ID), Scopes. Not in it: Technical account ID, Technical account email."),
            "{}",
            r.message
        );
    }
}
