//! The Developer Console's downloadable JSON, in every shape Adobe's Console and tools produce
//! (adobe-surfaces.md §3, §8):
//! - the workspace "Download all": nested, lower-case keys, credentials in
//!   `project.workspace.details.credentials[]`, each with an `oauth_server_to_server` or `jwt`
//!   block (a credential in migration, `oauth_server_to_server_migrate`, carries both; older JWT
//!   files say `techacct` for `technical_account_id`);
//! - the credential page's own "Download JSON": flat, upper-case keys (`CLIENT_ID`,
//!   `CLIENT_SECRETS`, `ORG_ID`, `SCOPES`, ...; JWT `API_KEY`, `CLIENT_SECRET`,
//!   `PUBLIC_KEYS_WITH_EXPIRY`);
//! - older flat lower-case single-credential files (`client_id`, `client_secrets[]`, `org`).
//!
//! Several server-to-server credentials: the admin chooses (`WorkspaceError::Choose` lists
//! them, with the one for Adobe Target preselected). Every value is checked before it is
//! taken; a value that cannot be what it claims is rejected with the reason, never taken.

use crate::gather::Gather;
use crate::text::{clipped, join, Search};
use crate::to_json::ToJson;
use std::fmt;

use crate::json_value::{Map, Value};

use super::{scopes, sourced, AuthType, Capture, Field, Profile, Rejected, Source, Sourced};
use crate::error::JsErrorInfo;
use crate::message::Problem;

/// What kind of server-to-server credential a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum CredentialKind {
    /// OAuth Server-to-Server.
    Oauth,
    /// A JWT credential being migrated: both blocks, the OAuth one is taken.
    OauthMigrating,
    /// Service Account (JWT).
    Jwt,
}

impl CredentialKind {
    fn label(self) -> &'static str {
        match self {
            CredentialKind::Oauth => "OAuth Server-to-Server",
            CredentialKind::OauthMigrating => "OAuth Server-to-Server, migrating from JWT",
            CredentialKind::Jwt => "Service Account (JWT)",
        }
    }

    fn auth_type(self) -> AuthType {
        match self {
            CredentialKind::Jwt => AuthType::Jwt,
            _ => AuthType::Oauth,
        }
    }
}

/// One credential the admin may choose, as the popup lists it.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct CredentialChoice {
    /// What to send back as the choice: the credential's id, or `#<n>` when it has none.
    pub key: String,
    /// Its name in the Console.
    pub name: String,
    /// Its kind.
    pub kind: CredentialKind,
    /// The kind as the admin reads it.
    pub kind_label: String,
    /// The services (APIs) it is for, from the file or from its scopes.
    pub services: Vec<String>,
    /// Whether it is for Adobe Target.
    pub target: bool,
}

/// Why no credential could be read from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkspaceError {
    /// Nothing was given.
    Empty,
    /// A web page (HTML) was pasted instead of the downloaded JSON.
    Html,
    /// Not JSON; holds the parser's message.
    NotJson(String),
    /// JSON, but not an object.
    NotObject,
    /// No OAuth Server-to-Server or JWT credential; holds the kinds found instead.
    NoCredential(Vec<String>),
    /// Server-to-server credentials named without their values (App Builder's `.aio` file keeps
    /// those in `.env`); holds their names.
    WithoutValues(Vec<String>),
    /// AEM as a Cloud Service's own credentials file (service credentials or a local
    /// development token), which is for calling AEM, not Target.
    AemCredentials,
    /// Several credentials and no choice: the admin picks one; holds them and the preselected key.
    Choose(Vec<CredentialChoice>, Option<String>),
    /// The chosen credential is not in the file; holds the choice and the names found.
    ChoiceNotFound(String, Vec<String>),
}

impl JsErrorInfo for WorkspaceError {
    fn js_name(&self) -> &'static str {
        "WorkspaceError"
    }

    /// A stable machine-readable code, used by the UI and tests.
    fn code(&self) -> &'static str {
        match self {
            WorkspaceError::Empty => "empty-input",
            WorkspaceError::Html => "html-not-json",
            WorkspaceError::NotJson(_) => "not-json",
            WorkspaceError::NotObject => "not-an-object",
            WorkspaceError::NoCredential(_) => "no-credential",
            WorkspaceError::WithoutValues(_) => "credential-without-values",
            WorkspaceError::AemCredentials => "aem-credentials-file",
            WorkspaceError::Choose(..) => "choose-credential",
            WorkspaceError::ChoiceNotFound(..) => "choice-not-found",
        }
    }
}

fn listed(c: &CredentialChoice) -> String {
    if c.services.is_empty() {
        format!("\"{}\" ({})", c.name, c.kind_label)
    } else {
        format!("\"{}\" ({}; {})", c.name, c.kind_label, join(&c.services, ", "))
    }
}

impl fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkspaceError::Empty => write!(
                f,
                "Nothing to read. In the Developer Console open your credential, choose \"Download JSON\" (or \"Download\" on the project) and drop or paste that file here."
            ),
            WorkspaceError::Html => write!(
                f,
                "This is a web page (HTML), not the Developer Console's JSON file. In the Developer Console choose \"Download JSON\" on the credential and give IMS Link the .json file it saves."
            ),
            WorkspaceError::NotJson(why) => write!(
                f,
                "This is not the Developer Console's JSON file ({why}). Download it again (\"Download JSON\" on the credential) and give IMS Link the whole file, unchanged."
            ),
            WorkspaceError::NotObject => write!(
                f,
                "This JSON is not the Developer Console's download: that file is one JSON object with \"project\" or \"client_id\" in it. Download it again from the workspace."
            ),
            WorkspaceError::NoCredential(found) if found.is_empty() => write!(
                f,
                "This JSON holds no OAuth Server-to-Server or JWT credential. In the Developer Console add an \"OAuth Server-to-Server\" credential with the Adobe Target API to the workspace, then download the JSON again."
            ),
            WorkspaceError::NoCredential(found) => write!(
                f,
                "This JSON holds no OAuth Server-to-Server or JWT credential, only: {}. In the Developer Console add an \"OAuth Server-to-Server\" credential with the Adobe Target API to the workspace, then download the JSON again.",
                join(found, ", ")
            ),
            WorkspaceError::WithoutValues(names) => write!(
                f,
                "This file names {} but not {} client ID and secret: App Builder's .aio file does that (it keeps them in .env). In the Developer Console choose \"Download JSON\" on the credential page (or \"Download all\" on an App Builder workspace) and give IMS Link that file.",
                join(names, ", "),
                if names.len() == 1 { "its" } else { "their" }
            ),
            WorkspaceError::AemCredentials => write!(
                f,
                "This is AEM as a Cloud Service's own credentials file (from AEM's Developer Console): it lets tools call AEM, not Adobe Target. Give IMS Link the JSON of the OAuth Server-to-Server credential in the Adobe Developer Console project that has the Adobe Target API."
            ),
            WorkspaceError::Choose(creds, _) => write!(
                f,
                "This file holds {} server-to-server credentials: {}. Choose the one connected to Adobe Target.",
                creds.len(),
                join(&creds.iter().map(listed).gather(), ", ")
            ),
            WorkspaceError::ChoiceNotFound(choice, names) => write!(
                f,
                "No credential named \"{choice}\" in this JSON; it holds: {}. Choose one of these.",
                join(names, ", ")
            ),
        }
    }
}

impl std::error::Error for WorkspaceError {}

/// One credential found in the file: its blocks with lower-case keys.
struct Credential {
    kind: CredentialKind,
    name: String,
    id: String,
    /// The block read first (OAuth for a migrating credential).
    body: Map,
    /// A second block to fill gaps from (the JWT block of a migrating credential).
    fallback: Option<Map>,
    /// Services named by the file itself, if any.
    services: Vec<String>,
}

/// The same object with every key lower-cased: the credential page's own download spells its
/// keys in upper case (`CLIENT_ID`), the workspace download in lower case.
fn lower_keys(m: &Map) -> Map {
    // Inserted one by one, not `collect()`: collecting sorts the pairs with a sort of its own
    // in the wasm (2 KB). A later duplicate wins either way.
    let mut out = Map::new();
    for (k, v) in m {
        out.insert(k.to_ascii_lowercase(), v.clone());
    }
    out
}

fn text_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.trim().is_empty())
}

/// Reads the credential from a Developer Console download; `choice` (a `CredentialChoice`
/// key, id or name) picks one when the file holds several.
pub fn parse(text: &str, source: &Source, choice: Option<&str>) -> Result<Capture, WorkspaceError> {
    let trimmed = text.trim_start_chars(&['\u{feff}']).trim();
    if trimmed.is_empty() {
        return Err(WorkspaceError::Empty);
    }
    if trimmed.starts_with('<') {
        return Err(WorkspaceError::Html);
    }
    let value = crate::json_text::parse(trimmed).map_err(|e| WorkspaceError::NotJson(e.to_string()))?;
    let root = lower_keys(value.as_object().ok_or(WorkspaceError::NotObject)?);
    let project = root.get("project").and_then(Value::as_object).map(lower_keys);
    let (creds, skipped) = match &project {
        Some(p) => nested_credentials(p),
        None if is_credential_entry(&root) => {
            entry(&root, 0).map_or_else(|o| (Vec::new(), vec![o]), |c| (vec![c], Vec::new()))
        }
        // AEM's service credentials (`integration.technicalAccount`) or local development
        // token (`accessToken`): a file for calling AEM.
        None if root.get("integration").is_some_and(Value::is_object) || root.contains_key("accesstoken") => {
            return Err(WorkspaceError::AemCredentials)
        }
        None => (flat_credential(&root).into_iter().gather(), Vec::new()),
    };
    let mut others = Vec::new();
    let mut without_values = Vec::new();
    for s in skipped {
        match s {
            Skipped::Other(o) => others.push(o),
            Skipped::WithoutValues(n) => without_values.push(n),
        }
    }
    if creds.is_empty() && !without_values.is_empty() {
        return Err(WorkspaceError::WithoutValues(without_values));
    }
    let org = project
        .as_ref()
        .and_then(|p| p.get("org"))
        .or_else(|| root.get("org"))
        // `"org": "…@AdobeOrg"` in a flat file, `"org": {"ims_org_id": …}` in the workspace's.
        .map(|o| match o {
            Value::String(_) => o.clone(),
            _ => o.get("ims_org_id").cloned().unwrap_or(Value::Null),
        })
        .or_else(|| root.get("org_id").cloned())
        .or_else(|| root.get("ims_org_id").cloned());
    let (cred, mut notices) = choose(creds, others, choice)?;
    let mut capture = read_credential(&cred, source);
    let org = org.or_else(|| {
        [Some(&cred.body), cred.fallback.as_ref()]
            .into_iter()
            .flatten()
            .find_map(|b| b.get("org_id").or_else(|| b.get("ims_org_id")).cloned())
    });
    match org.as_ref().filter(|v| !v.is_null()) {
        None => capture.missing.push(Field::OrgId),
        Some(Value::String(o)) if o.trim().ends_with("@AdobeOrg") => capture.profile.org_id = sourced(o, source),
        Some(Value::String(o)) if o.trim().is_empty() => capture.missing.push(Field::OrgId),
        Some(Value::String(o)) => capture.rejected.push(Rejected::new(
            Field::OrgId,
            format!("\"{}\" does not end in @AdobeOrg, so it is not an IMS organization ID (the Console's numeric organization number is not one).", short(o)),
        )),
        Some(other) => capture.rejected.push(not_text(Field::OrgId, other)),
    }
    capture.notices.append(&mut notices);
    // A flat file is one credential with no name: naming it would say nothing.
    capture.credential = (!cred.name.is_empty()).then(|| format!("\"{}\" ({})", cred.name, cred.kind.label()));
    Ok(capture)
}

fn is_credential_entry(m: &Map) -> bool {
    ["oauth_server_to_server", "jwt", "service_account_jwt"]
        .iter()
        .any(|k| m.get(k).is_some_and(Value::is_object))
}

/// Why a `credentials[]` entry is not read: another kind of credential (its name and kind), or
/// a server-to-server one named without its values (its name).
enum Skipped {
    Other(String),
    WithoutValues(String),
}

/// A `credentials[]` entry: the credential, or why it is skipped.
fn entry(raw: &Map, index: usize) -> Result<Credential, Skipped> {
    let c = lower_keys(raw);
    let as_value = Value::Object(c.clone());
    let name = text_at(&as_value, "name").unwrap_or("unnamed").to_string();
    let id = text_at(&as_value, "id")
        .map(String::from)
        .unwrap_or_else(|| format!("#{index}"));
    let integration = text_at(&as_value, "integration_type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let block = |key: &str| c.get(key).and_then(Value::as_object).map(lower_keys);
    let oauth = block("oauth_server_to_server");
    let jwt = block("jwt").or_else(|| block("service_account_jwt"));
    let services = services_named(c.get("services"));
    let (kind, body, fallback) = match (oauth, jwt) {
        (Some(o), Some(j)) => (CredentialKind::OauthMigrating, o, Some(j)),
        (Some(o), None) if integration.ends_with("_migrate") => (CredentialKind::OauthMigrating, o, None),
        (Some(o), None) => (CredentialKind::Oauth, o, None),
        (None, Some(j)) => (CredentialKind::Jwt, j, None),
        (None, None)
            if matches!(integration.as_str(), "oauth_server_to_server" | "service")
                || integration.ends_with("_migrate") =>
        {
            return Err(Skipped::WithoutValues(format!("\"{name}\"")));
        }
        (None, None) => {
            let kind = if integration.is_empty() {
                "unknown type"
            } else {
                integration.as_str()
            };
            return Err(Skipped::Other(format!("\"{name}\" ({kind})")));
        }
    };
    Ok(Credential {
        kind,
        name,
        id,
        body,
        fallback,
        services,
    })
}

fn nested_credentials(project: &Map) -> (Vec<Credential>, Vec<Skipped>) {
    let list = project
        .get("workspace")
        .and_then(|w| w.get("details"))
        .and_then(|d| d.get("credentials"))
        .and_then(Value::as_array);
    let mut creds = Vec::new();
    let mut others = Vec::new();
    for (i, c) in list.into_iter().flatten().enumerate() {
        let Some(obj) = c.as_object() else { continue };
        match entry(obj, i) {
            Ok(cred) => creds.push(cred),
            Err(skipped) => others.push(skipped),
        }
    }
    (creds, others)
}

fn flat_credential(root: &Map) -> Option<Credential> {
    if !root.contains_key("client_id") && !root.contains_key("api_key") {
        return None;
    }
    // The credential page's JWT download names the client id API_KEY and lists its
    // certificates; a flat JWT file carries metascopes and no OAuth scopes.
    let jwt = root.contains_key("api_key")
        || root.contains_key("public_keys_with_expiry")
        || (root.contains_key("meta_scopes") && !root.contains_key("scopes"));
    Some(Credential {
        kind: if jwt {
            CredentialKind::Jwt
        } else {
            CredentialKind::Oauth
        },
        name: text_at(&Value::Object(root.clone()), "name")
            .unwrap_or_default()
            .to_string(),
        id: "#0".to_string(),
        body: root.clone(),
        fallback: None,
        services: services_named(root.get("services")),
    })
}

/// Services as a file names them: strings, or objects with a `name` (or `code`).
fn services_named(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|s| match s {
                    Value::String(t) => Some(t.trim().to_string()),
                    Value::Object(o) => ["name", "NAME", "code", "CODE"]
                        .iter()
                        .find_map(|k| o.get(k).and_then(Value::as_str))
                        .map(|t| t.trim().to_string()),
                    _ => None,
                })
                .filter(|t| !t.is_empty())
                .gather()
        })
        .unwrap_or_default()
}

/// Services a scope or metascope stands for (Adobe's API documentation names them).
const SCOPE_SERVICES: [(&str, &str); 8] = [
    ("target_sdk", "Adobe Target"),
    ("ent_marketing_sdk", "Adobe Target"),
    ("ent_analytics_bulk_ingest_sdk", "Adobe Analytics"),
    ("ent_campaign_sdk", "Adobe Campaign"),
    ("ent_reactor_sdk", "Tags (Launch)"),
    ("ent_user_sdk", "User Management API"),
    ("ent_aem_cloud_api", "AEM as a Cloud Service"),
    ("adobeio_api", "I/O Management API"),
];

fn string_list(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).flat_map(scopes::split).gather(),
        Some(Value::String(s)) => scopes::split(s),
        _ => Vec::new(),
    }
}

fn choice_of(i: usize, c: &Credential) -> CredentialChoice {
    let mut services = c.services.clone();
    let mut all_scopes = string_list(c.body.get("scopes"));
    all_scopes.extend(string_list(c.body.get("meta_scopes")));
    if let Some(fb) = &c.fallback {
        all_scopes.extend(string_list(fb.get("meta_scopes")));
    }
    for s in &all_scopes {
        if let Some((_, service)) = SCOPE_SERVICES.iter().find(|(scope, _)| scope.eq_ignore_ascii_case(s)) {
            if !services.iter().any(|x| x == service) {
                services.push((*service).to_string());
            }
        }
    }
    let target = services.iter().any(|s| s.to_ascii_lowercase().contains_text("target"));
    CredentialChoice {
        key: if c.id.is_empty() { format!("#{i}") } else { c.id.clone() },
        name: c.name.clone(),
        kind: c.kind,
        kind_label: c.kind.label().to_string(),
        services,
        target,
    }
}

/// The credential to preselect: one for Adobe Target, OAuth before JWT (JWT is at end of life).
pub fn preselect(choices: &[CredentialChoice]) -> Option<String> {
    let rank = |c: &CredentialChoice| (!c.target, c.kind == CredentialKind::Jwt);
    choices
        .iter()
        .min_by_key(|c| rank(c))
        .filter(|c| c.target || choices.len() == 1)
        .map(|c| c.key.clone())
}

fn choose(
    creds: Vec<Credential>,
    others: Vec<String>,
    choice: Option<&str>,
) -> Result<(Credential, Vec<Problem>), WorkspaceError> {
    if creds.is_empty() {
        return Err(WorkspaceError::NoCredential(others));
    }
    let choices: Vec<CredentialChoice> = creds.iter().enumerate().map(|(i, c)| choice_of(i, c)).gather();
    if let Some(want) = choice.map(str::trim).filter(|s| !s.is_empty()) {
        let found = choices
            .iter()
            .position(|c| c.key == want)
            .or_else(|| creds.iter().position(|c| c.id == want || c.name == want));
        return match found {
            Some(i) => {
                let cred = creds
                    .into_iter()
                    .nth(i)
                    .ok_or(WorkspaceError::NoCredential(Vec::new()))?;
                Ok((cred, Vec::new()))
            }
            None => Err(WorkspaceError::ChoiceNotFound(
                want.to_string(),
                choices.iter().map(listed).gather(),
            )),
        };
    }
    if creds.len() > 1 {
        let pre = preselect(&choices);
        return Err(WorkspaceError::Choose(choices, pre));
    }
    let cred = creds.into_iter().next().ok_or(WorkspaceError::NoCredential(others))?;
    let mut notices = Vec::new();
    if cred.kind == CredentialKind::OauthMigrating {
        notices.push(Problem {
            code: "credential-migrating".to_string(),
            message: format!(
                "\"{}\" is being migrated from JWT to OAuth Server-to-Server: IMS Link took its OAuth Server-to-Server values (same client ID). Move AEM's IMS configuration to OAuth too.",
                cred.name
            ),
        });
    }
    Ok((cred, notices))
}

/// A value cut for showing in a message.
fn short(v: &str) -> String {
    let t = v.trim();
    if t.chars().count() > 60 {
        format!("{}…", clipped(t, 60))
    } else {
        t.to_string()
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "empty",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn not_text(field: Field, v: &Value) -> Rejected {
    Rejected::new(
        field,
        format!(
            "the file gives {}, not text, so it cannot be the {}.",
            type_name(v),
            field.label()
        ),
    )
}

/// Whether a client id is what the Console issues: 32 hexadecimal characters.
pub fn is_client_id(v: &str) -> bool {
    v.len() == 32 && v.chars().all(|c| c.is_ascii_hexdigit())
}

fn read_credential(c: &Credential, source: &Source) -> Capture {
    let get = |key: &str| {
        c.body
            .get(key)
            .filter(|v| !v.is_null())
            .or_else(|| c.fallback.as_ref().and_then(|f| f.get(key)).filter(|v| !v.is_null()))
    };
    let mut rejected = Vec::new();
    let mut missing = Vec::new();
    let mut text = |field: Field, keys: &[&str], missing: &mut Vec<Field>| -> Option<Sourced<String>> {
        match keys.iter().find_map(|k| get(k)) {
            None => {
                missing.push(field);
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                missing.push(field);
                None
            }
            Some(Value::String(s)) => sourced(s, source),
            Some(other) => {
                rejected.push(not_text(field, other));
                None
            }
        }
    };
    let client_id = text(Field::ClientId, &["client_id", "api_key"], &mut missing);
    let technical_account_id = text(
        Field::TechnicalAccountId,
        &["technical_account_id", "techacct"],
        &mut missing,
    );
    let technical_account_email = text(Field::TechnicalAccountEmail, &["technical_account_email"], &mut missing);
    let client_id = client_id.and_then(|id| {
        if is_client_id(&id.value) {
            Some(id)
        } else {
            rejected.push(Rejected::new(
                Field::ClientId,
                format!(
                    "\"{}\" is not 32 hexadecimal characters, which every Developer Console client ID is.",
                    short(&id.value)
                ),
            ));
            None
        }
    });
    let client_secret = read_secret(
        get("client_secrets").or_else(|| get("client_secret")),
        source,
        &mut rejected,
        &mut missing,
    );
    let scopes = match get("scopes") {
        None if c.kind == CredentialKind::Jwt => None,
        None => {
            missing.push(Field::Scopes);
            None
        }
        Some(v @ (Value::Array(_) | Value::String(_))) => {
            let list = string_list(Some(v));
            match scopes::check(&list) {
                Ok(list) if list.is_empty() => {
                    missing.push(Field::Scopes);
                    None
                }
                Ok(list) => Some(Sourced {
                    value: list,
                    source: source.clone(),
                }),
                Err(why) => {
                    rejected.push(Rejected::new(Field::Scopes, why));
                    None
                }
            }
        }
        Some(other) => {
            rejected.push(not_text(Field::Scopes, other));
            None
        }
    };
    // In `Field::ALL`'s order (which names every field), as a stable sort by position would
    // leave them, without a sort of its own in the wasm.
    let missing: Vec<Field> = Field::ALL
        .iter()
        .flat_map(|a| missing.iter().filter(move |f| *f == a))
        .copied()
        .gather();
    let profile = Profile {
        client_id,
        client_secret,
        technical_account_id,
        technical_account_email,
        auth_type: Some(Sourced {
            value: c.kind.auth_type(),
            source: source.clone(),
        }),
        scopes,
        ..Profile::default()
    };
    Capture {
        profile,
        missing,
        notices: Vec::new(),
        metascopes: string_list(get("meta_scopes")),
        rejected,
        credential: None,
    }
}

/// The client secret: one text value, or a list with one. Several secrets (rotation) in a
/// file carry no sign of which one the admin uses now, so none is taken silently.
fn read_secret(
    v: Option<&Value>,
    source: &Source,
    rejected: &mut Vec<Rejected>,
    missing: &mut Vec<Field>,
) -> Option<Sourced<String>> {
    let one = |v: &Value| -> Result<Option<String>, &'static str> {
        match v {
            Value::String(s) => Ok(Some(s.clone()).filter(|s| !s.trim().is_empty())),
            Value::Object(o) => {
                let o = lower_keys(o);
                match ["client_secret", "value", "secret"].iter().find_map(|k| o.get(k)) {
                    Some(Value::String(s)) => Ok(Some(s.clone()).filter(|s| !s.trim().is_empty())),
                    Some(other) => Err(type_name(other)),
                    None => Ok(None),
                }
            }
            Value::Null => Ok(None),
            other => Err(type_name(other)),
        }
    };
    let values: Vec<&Value> = match v {
        None => Vec::new(),
        Some(Value::Array(list)) => list.iter().gather(),
        Some(single) => vec![single],
    };
    let mut secrets = Vec::new();
    for v in values {
        match one(v) {
            Ok(Some(s)) => secrets.push(s),
            Ok(None) => {}
            Err(kind) => {
                rejected.push(Rejected::new(
                    Field::ClientSecret,
                    format!("the file gives {kind}, not text, so it cannot be the client secret."),
                ));
                return None;
            }
        }
    }
    secrets.dedup();
    match secrets.len() {
        0 => {
            missing.push(Field::ClientSecret);
            None
        }
        1 => secrets.pop().and_then(|s| sourced(&s, source)),
        n => {
            rejected.push(Rejected::new(
                Field::ClientSecret,
                format!("the file holds {n} client secrets (rotation) and does not say which one is in use, so IMS Link took none. On the credential page click \"Retrieve client secret\" for the one to use, or paste it into Client secret."),
            ));
            None
        }
    }
}

#[cfg(test)]
#[path = "console_tests.rs"]
mod tests;
