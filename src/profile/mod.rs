//! The integration profile: every value AEM's IMS and Target configurations need, each
//! with where it came from, and the merge of a capture (a partial profile read from one
//! source) into it. Stored by the extension as JSON in `chrome.storage.session`.

pub mod console;
pub mod diagnose;
pub mod edit;
pub mod fields;
pub mod inspect;
pub mod payload;
pub mod report;
pub mod scopes;

use crate::from_json::FromJson;
use crate::to_json::ToJson;

use crate::message::Problem;

/// How a value reached IMS Link.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// Read from an open page (Developer Console, Target).
    // Only where the JSON reader starts (`derive(FromJson)` reads into a value of defaults).
    #[default]
    Page,
    /// Pasted into the popup.
    Paste,
    /// Read from a file the admin picked (the Developer Console download).
    File,
    /// Typed into the popup.
    Typed,
}

/// Where and when a value was captured.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// How it was captured.
    pub kind: SourceKind,
    /// The page address or file name, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `Date.now()` at capture time.
    pub at_ms: u64,
}

/// A value and where it came from.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub source: Source,
}

/// The value of a held text field, trimmed, when there is one that is not blank.
pub(crate) fn filled(v: &Option<Sourced<String>>) -> Option<&str> {
    v.as_ref().map(|s| s.value.trim()).filter(|s| !s.is_empty())
}

/// Which way the credential gets its IMS access token.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum AuthType {
    /// Service Account (JWT): a signed JWT exchanged at `/ims/exchange/jwt`.
    Jwt,
    /// OAuth Server-to-Server: client credentials at `/ims/token/v3`.
    // Only where the JSON reader starts (`derive(FromJson)` reads into a value of defaults).
    #[default]
    Oauth,
}

impl AuthType {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            AuthType::Jwt => "jwt",
            AuthType::Oauth => "oauth",
        }
    }
}

/// One field of the profile, named as in its JSON.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// Target tenant id (AEM's "Tenant ID").
    // Only where the JSON reader starts (`derive(FromJson)` reads into a value of defaults).
    #[default]
    Tenant,
    /// Target client code (AEM's "Client Code").
    ClientCode,
    /// IMS organization id, `...@AdobeOrg`.
    OrgId,
    /// Technical account id, `...@techacct.adobe.com`.
    TechnicalAccountId,
    /// Technical account email.
    TechnicalAccountEmail,
    /// Client id, also called API key.
    ClientId,
    /// Client secret.
    ClientSecret,
    /// `jwt` or `oauth`.
    AuthType,
    /// The JWT payload, as JSON text.
    Payload,
    /// OAuth scopes.
    Scopes,
    /// IMS host, e.g. `https://ims-na1.adobelogin.com`.
    AuthorizationServer,
    /// SHA-256 fingerprint of the certificate bound to the credential (JWT).
    CertificateSha256,
}

/// The values that make up a Developer Console credential. Target's tenant and client code
/// and the key pair's fingerprint are not the credential's.
pub const CREDENTIAL_FIELDS: [Field; 9] = [
    Field::ClientId,
    Field::ClientSecret,
    Field::OrgId,
    Field::TechnicalAccountId,
    Field::TechnicalAccountEmail,
    Field::AuthType,
    Field::Payload,
    Field::Scopes,
    Field::AuthorizationServer,
];

impl Field {
    /// Every field, in display order.
    pub const ALL: [Field; 12] = [
        Field::Tenant,
        Field::ClientCode,
        Field::AuthType,
        Field::ClientId,
        Field::ClientSecret,
        Field::OrgId,
        Field::TechnicalAccountId,
        Field::TechnicalAccountEmail,
        Field::Scopes,
        Field::Payload,
        Field::AuthorizationServer,
        Field::CertificateSha256,
    ];

    /// The JSON name.
    pub fn name(self) -> &'static str {
        match self {
            Field::Tenant => "tenant",
            Field::ClientCode => "clientCode",
            Field::OrgId => "orgId",
            Field::TechnicalAccountId => "technicalAccountId",
            Field::TechnicalAccountEmail => "technicalAccountEmail",
            Field::ClientId => "clientId",
            Field::ClientSecret => "clientSecret",
            Field::AuthType => "authType",
            Field::Payload => "payload",
            Field::Scopes => "scopes",
            Field::AuthorizationServer => "authorizationServer",
            Field::CertificateSha256 => "certificateSha256",
        }
    }
}

/// The integration profile; every field is optional until captured.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct Profile {
    /// Target tenant id.
    pub tenant: Option<Sourced<String>>,
    /// Target client code.
    pub client_code: Option<Sourced<String>>,
    /// IMS organization id.
    pub org_id: Option<Sourced<String>>,
    /// Technical account id.
    pub technical_account_id: Option<Sourced<String>>,
    /// Technical account email.
    pub technical_account_email: Option<Sourced<String>>,
    /// Client id (API key).
    pub client_id: Option<Sourced<String>>,
    /// Client secret.
    pub client_secret: Option<Sourced<String>>,
    /// JWT or OAuth Server-to-Server.
    pub auth_type: Option<Sourced<AuthType>>,
    /// JWT payload, JSON text as the Developer Console shows it.
    pub payload: Option<Sourced<String>>,
    /// OAuth scopes.
    pub scopes: Option<Sourced<Vec<String>>>,
    /// IMS host URL.
    pub authorization_server: Option<Sourced<String>>,
    /// Links the key pair held elsewhere: its certificate's SHA-256 fingerprint.
    pub certificate_sha256: Option<Sourced<String>>,
}

/// A value a source gave that IMS Link did not take, and why.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Rejected {
    /// Which field it was meant for.
    pub field: Field,
    /// Why it was not taken, for the admin (never the value of a secret).
    pub reason: String,
}

impl Rejected {
    /// A rejection of `field` for `reason`.
    pub fn new(field: Field, reason: impl Into<String>) -> Self {
        Rejected {
            field,
            reason: reason.into(),
        }
    }
}

/// What one parser read from one source.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct Capture {
    /// The values read, each with this capture's source.
    pub profile: Profile,
    /// Fields this kind of source should carry but did not.
    pub missing: Vec<Field>,
    /// Things the admin should know about how the values were chosen.
    pub notices: Vec<Problem>,
    /// JWT metascopes found (payload keys `https://<ims host>/s/<name>: true`), names only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metascopes: Vec<String>,
    /// Values the source gave that were not taken, each with the reason.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejected>,
    /// Which credential of a file the values came from (`"name" (kind)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential: Option<String>,
}

/// A value shown in a conflict.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(untagged)]
pub enum Shown {
    /// A text value (auth type as `jwt`/`oauth`).
    Text(String),
    /// A list (scopes).
    List(Vec<String>),
}

/// Only where the JSON reader starts (`derive(FromJson)` reads `Conflict` into a value of defaults).
impl Default for Shown {
    fn default() -> Self {
        Shown::Text(String::new())
    }
}

// Read by hand: the derive reads no untagged enums. The same JSON reads as serde's
// `untagged` read it, and the same error text refuses anything else.
impl FromJson for Shown {
    fn from_json(value: crate::json_value::Value) -> Result<Self, crate::from_json::Error> {
        use crate::json_value::Value;
        let not_shown = || crate::from_json::Error::custom("data did not match any variant of untagged enum Shown");
        match value {
            Value::String(text) => Ok(Shown::Text(text)),
            Value::Array(items) => items
                .into_iter()
                .map(|item| match item {
                    Value::String(text) => Ok(text),
                    _ => Err(not_shown()),
                })
                .collect::<Result<_, _>>()
                .map(Shown::List),
            _ => Err(not_shown()),
        }
    }
}

/// A field whose captured value differs from the non-empty value already held.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// Which field.
    pub field: Field,
    /// The value held, kept.
    pub current: Shown,
    /// Where the held value came from.
    pub current_source: Source,
    /// The captured value, not applied.
    pub incoming: Shown,
    /// Where the captured value came from.
    pub incoming_source: Source,
}

/// The result of merging a capture.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Merged {
    /// The profile after the merge.
    pub profile: Profile,
    /// Fields that took the captured value.
    pub changed: Vec<Field>,
    /// Fields left as they were because the admin must choose.
    pub conflicts: Vec<Conflict>,
}

/// A profile value type: how to tell empty, equal and how to show it.
trait Slot: Clone {
    fn is_blank(&self) -> bool;
    fn same(&self, other: &Self, field: Field) -> bool;
    fn shown(&self) -> Shown;
}

impl Slot for String {
    fn is_blank(&self) -> bool {
        self.trim().is_empty()
    }

    fn same(&self, other: &Self, field: Field) -> bool {
        let (a, b) = (self.trim(), other.trim());
        match field {
            // Secrets are case-sensitive; ids and hosts are not.
            Field::ClientSecret => a == b,
            Field::Payload => same_payload(a, b),
            _ => a.eq_ignore_ascii_case(b),
        }
    }

    fn shown(&self) -> Shown {
        Shown::Text(self.clone())
    }
}

impl Slot for Vec<String> {
    fn is_blank(&self) -> bool {
        self.iter().all(|s| s.trim().is_empty())
    }

    fn same(&self, other: &Self, _field: Field) -> bool {
        let set =
            |v: &Vec<String>| crate::sorted::set(v.iter().map(|x| x.trim().to_string()).filter(|x| !x.is_empty()));
        set(self) == set(other)
    }

    fn shown(&self) -> Shown {
        Shown::List(self.clone())
    }
}

impl Slot for AuthType {
    fn is_blank(&self) -> bool {
        false
    }

    fn same(&self, other: &Self, _field: Field) -> bool {
        self == other
    }

    fn shown(&self) -> Shown {
        Shown::Text(self.as_str().to_string())
    }
}

/// Two payloads that differ only in `exp` are the same credential: the Developer Console
/// writes a new `exp` every time it shows the payload, and signing replaces it anyway.
pub(crate) fn same_payload(a: &str, b: &str) -> bool {
    let parse = |s: &str| match crate::json_text::parse(s) {
        Ok(crate::json_value::Value::Object(mut m)) => {
            m.remove("exp");
            Some(m)
        }
        _ => None,
    };
    match (parse(a), parse(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn merge_slot<T: Slot>(
    field: Field,
    current: &mut Option<Sourced<T>>,
    incoming: &Option<Sourced<T>>,
    replace: &[Field],
    out: &mut Merged,
) {
    let Some(new) = incoming else { return };
    if new.value.is_blank() {
        return;
    }
    match current {
        Some(old) if !old.value.is_blank() => {
            if old.value.same(&new.value, field) {
                return;
            }
            if replace.contains(&field) {
                *current = Some(new.clone());
                out.changed.push(field);
            } else {
                out.conflicts.push(Conflict {
                    field,
                    current: old.value.shown(),
                    current_source: old.source.clone(),
                    incoming: new.value.shown(),
                    incoming_source: new.source.clone(),
                });
            }
        }
        _ => {
            *current = Some(new.clone());
            out.changed.push(field);
        }
    }
}

/// Merges a capture into a profile. Empty fields take the captured value; a held
/// non-empty value that differs is kept and reported as a conflict, unless its field is
/// in `replace` (the admin already chose the captured value).
pub fn merge(profile: &Profile, capture: &Profile, replace: &[Field]) -> Merged {
    let mut out = Merged {
        profile: profile.clone(),
        changed: Vec::new(),
        conflicts: Vec::new(),
    };
    let mut p = profile.clone();
    merge_slot(Field::Tenant, &mut p.tenant, &capture.tenant, replace, &mut out);
    merge_slot(
        Field::ClientCode,
        &mut p.client_code,
        &capture.client_code,
        replace,
        &mut out,
    );
    merge_slot(Field::OrgId, &mut p.org_id, &capture.org_id, replace, &mut out);
    merge_slot(
        Field::TechnicalAccountId,
        &mut p.technical_account_id,
        &capture.technical_account_id,
        replace,
        &mut out,
    );
    merge_slot(
        Field::TechnicalAccountEmail,
        &mut p.technical_account_email,
        &capture.technical_account_email,
        replace,
        &mut out,
    );
    merge_slot(Field::ClientId, &mut p.client_id, &capture.client_id, replace, &mut out);
    merge_slot(
        Field::ClientSecret,
        &mut p.client_secret,
        &capture.client_secret,
        replace,
        &mut out,
    );
    merge_slot(Field::AuthType, &mut p.auth_type, &capture.auth_type, replace, &mut out);
    merge_slot(Field::Payload, &mut p.payload, &capture.payload, replace, &mut out);
    merge_slot(Field::Scopes, &mut p.scopes, &capture.scopes, replace, &mut out);
    merge_slot(
        Field::AuthorizationServer,
        &mut p.authorization_server,
        &capture.authorization_server,
        replace,
        &mut out,
    );
    merge_slot(
        Field::CertificateSha256,
        &mut p.certificate_sha256,
        &capture.certificate_sha256,
        replace,
        &mut out,
    );
    out.profile = p;
    out
}

/// Empties the given fields (all of them when `fields` is empty).
pub fn clear(profile: &Profile, fields: &[Field]) -> Profile {
    if fields.is_empty() {
        return Profile::default();
    }
    let mut p = profile.clone();
    for f in fields {
        match f {
            Field::Tenant => p.tenant = None,
            Field::ClientCode => p.client_code = None,
            Field::OrgId => p.org_id = None,
            Field::TechnicalAccountId => p.technical_account_id = None,
            Field::TechnicalAccountEmail => p.technical_account_email = None,
            Field::ClientId => p.client_id = None,
            Field::ClientSecret => p.client_secret = None,
            Field::AuthType => p.auth_type = None,
            Field::Payload => p.payload = None,
            Field::Scopes => p.scopes = None,
            Field::AuthorizationServer => p.authorization_server = None,
            Field::CertificateSha256 => p.certificate_sha256 = None,
        }
    }
    p
}

/// Wraps a value with its source; parsers trim and drop empty values.
pub(crate) fn sourced(value: &str, source: &Source) -> Option<Sourced<String>> {
    let v = value.trim();
    (!v.is_empty()).then(|| Sourced {
        value: v.to_string(),
        source: source.clone(),
    })
}

#[cfg(test)]
mod tests;
