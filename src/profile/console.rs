//! The Developer Console's downloadable JSON (adobe-surfaces.md §3): the project/workspace
//! download, whose credentials sit in `project.workspace.details.credentials[]`, and the
//! flat single-credential shape (`client_id`, `client_secrets[]`, `org.ims_org_id`, ...).
//!
//! Choosing among several credentials: OAuth Server-to-Server wins over JWT, because JWT
//! credentials are at end of life and Adobe migrates them to OAuth with the same client id.
//! When several credentials of the preferred kind remain, the admin must choose one by
//! name or id (`choice`); the error lists them.

use std::fmt;

use serde_json::{Map, Value};

use super::{sourced, AuthType, Capture, Field, Profile, Source, Sourced};
use crate::error::JsErrorInfo;
use crate::message::Problem;

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
    /// Several credentials of the same kind and no choice; holds their names.
    SeveralCredentials(Vec<String>),
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
            WorkspaceError::SeveralCredentials(_) => "several-credentials",
            WorkspaceError::ChoiceNotFound(..) => "choice-not-found",
        }
    }
}

impl fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkspaceError::Empty => write!(
                f,
                "Nothing to read. In the Developer Console open your project's workspace, choose \"Download all\" (or \"Download JSON\" on the credential) and drop or paste that file here."
            ),
            WorkspaceError::Html => write!(
                f,
                "This is a web page (HTML), not the Developer Console's JSON file. In the Developer Console choose \"Download all\" on the workspace and give IMS Link the .json file it saves."
            ),
            WorkspaceError::NotJson(why) => write!(
                f,
                "This is not the Developer Console's JSON file ({why}). Download it again from the workspace (\"Download all\") and give IMS Link the whole file, unchanged."
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
                found.join(", ")
            ),
            WorkspaceError::SeveralCredentials(names) => write!(
                f,
                "This workspace has several credentials of the same kind: {}. Choose the one connected to Adobe Target.",
                names.join(", ")
            ),
            WorkspaceError::ChoiceNotFound(choice, names) => write!(
                f,
                "No credential named \"{choice}\" in this JSON; it holds: {}. Choose one of these.",
                names.join(", ")
            ),
        }
    }
}

impl std::error::Error for WorkspaceError {}

/// One credential found in the file.
struct Credential<'a> {
    kind: AuthType,
    name: String,
    id: String,
    body: &'a Map<String, Value>,
}

/// Reads the credential from a Developer Console download; `choice` picks a credential
/// by name or id when the workspace has several of the same kind.
pub fn parse(text: &str, source: &Source, choice: Option<&str>) -> Result<Capture, WorkspaceError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(WorkspaceError::Empty);
    }
    if trimmed.starts_with('<') {
        return Err(WorkspaceError::Html);
    }
    let value: Value = serde_json::from_str(trimmed).map_err(|e| WorkspaceError::NotJson(e.to_string()))?;
    let root = value.as_object().ok_or(WorkspaceError::NotObject)?;
    let project = root.get("project").and_then(Value::as_object);
    let (creds, others) = match project {
        Some(p) => nested_credentials(p),
        None => (flat_credential(root).into_iter().collect(), Vec::new()),
    };
    let org = project
        .and_then(|p| p.get("org"))
        .or_else(|| root.get("org"))
        .and_then(|o| text_at(o, "ims_org_id"))
        .or_else(|| text_at(&value, "ims_org_id"));
    let (cred, mut notices) = choose(creds, others, choice)?;
    let mut capture = read_credential(&cred, source);
    capture.profile.org_id = org.and_then(|o| sourced(o, source));
    if capture.profile.org_id.is_none() {
        capture.missing.push(Field::OrgId);
    }
    capture.notices.append(&mut notices);
    Ok(capture)
}

fn text_at<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.trim().is_empty())
}

fn nested_credentials(project: &Map<String, Value>) -> (Vec<Credential<'_>>, Vec<String>) {
    let list = project
        .get("workspace")
        .and_then(|w| w.get("details"))
        .and_then(|d| d.get("credentials"))
        .and_then(Value::as_array);
    let mut creds = Vec::new();
    let mut others = Vec::new();
    for c in list.into_iter().flatten() {
        let name = text_at(c, "name").unwrap_or("unnamed").to_string();
        let id = text_at(c, "id").unwrap_or_default().to_string();
        let body = [("oauth_server_to_server", AuthType::Oauth), ("jwt", AuthType::Jwt)]
            .into_iter()
            .find_map(|(key, kind)| c.get(key).and_then(Value::as_object).map(|b| (kind, b)));
        match body {
            Some((kind, body)) => creds.push(Credential { kind, name, id, body }),
            None => {
                let kind = text_at(c, "integration_type").unwrap_or("unknown type");
                others.push(format!("\"{name}\" ({kind})"));
            }
        }
    }
    (creds, others)
}

fn flat_credential(root: &Map<String, Value>) -> Option<Credential<'_>> {
    root.get("client_id")?;
    // The flat download of a JWT credential carries metascopes and no OAuth scopes.
    let kind = if root.contains_key("meta_scopes") && !root.contains_key("scopes") {
        AuthType::Jwt
    } else {
        AuthType::Oauth
    };
    Some(Credential {
        kind,
        name: "credential".to_string(),
        id: String::new(),
        body: root,
    })
}

fn label(c: &Credential<'_>) -> String {
    let kind = match c.kind {
        AuthType::Oauth => "OAuth Server-to-Server",
        AuthType::Jwt => "JWT",
    };
    format!("\"{}\" ({kind})", c.name)
}

fn choose<'a>(
    creds: Vec<Credential<'a>>,
    others: Vec<String>,
    choice: Option<&str>,
) -> Result<(Credential<'a>, Vec<Problem>), WorkspaceError> {
    if creds.is_empty() {
        return Err(WorkspaceError::NoCredential(others));
    }
    let labels: Vec<String> = creds.iter().map(label).collect();
    if let Some(want) = choice.map(str::trim).filter(|s| !s.is_empty()) {
        return creds
            .into_iter()
            .find(|c| c.name == want || (!c.id.is_empty() && c.id == want))
            .map(|c| (c, Vec::new()))
            .ok_or_else(|| WorkspaceError::ChoiceNotFound(want.to_string(), labels));
    }
    let preferred = if creds.iter().any(|c| c.kind == AuthType::Oauth) {
        AuthType::Oauth
    } else {
        AuthType::Jwt
    };
    let total = creds.len();
    let mut picked: Vec<Credential<'a>> = creds.into_iter().filter(|c| c.kind == preferred).collect();
    if picked.len() > 1 {
        return Err(WorkspaceError::SeveralCredentials(picked.iter().map(label).collect()));
    }
    let cred = picked.pop().ok_or(WorkspaceError::NoCredential(others))?;
    let mut notices = Vec::new();
    if total > 1 {
        notices.push(Problem {
            code: "took-oauth-credential".to_string(),
            message: format!(
                "This workspace has {total} credentials ({}); IMS Link took {}, because JWT credentials are at end of life. To use another one, choose it by name.",
                labels.join(", "),
                label(&cred)
            ),
        });
    }
    Ok((cred, notices))
}

fn read_credential(c: &Credential<'_>, source: &Source) -> Capture {
    let body = c.body;
    let text = |key: &str| body.get(key).and_then(Value::as_str).and_then(|v| sourced(v, source));
    let list = |key: &str| -> Vec<String> {
        body.get(key)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    let secret = list("client_secrets")
        .into_iter()
        .next()
        .and_then(|s| sourced(&s, source))
        .or_else(|| text("client_secret"));
    let scopes = list("scopes");
    let profile = Profile {
        client_id: text("client_id"),
        client_secret: secret,
        technical_account_id: text("technical_account_id"),
        technical_account_email: text("technical_account_email"),
        auth_type: Some(Sourced {
            value: c.kind,
            source: source.clone(),
        }),
        scopes: (!scopes.is_empty()).then(|| Sourced {
            value: scopes,
            source: source.clone(),
        }),
        ..Profile::default()
    };
    let mut missing = Vec::new();
    let expected = [
        (Field::ClientId, profile.client_id.is_some()),
        (Field::ClientSecret, profile.client_secret.is_some()),
        (Field::TechnicalAccountId, profile.technical_account_id.is_some()),
        (Field::TechnicalAccountEmail, profile.technical_account_email.is_some()),
        (Field::Scopes, profile.scopes.is_some() || c.kind == AuthType::Jwt),
    ];
    for (field, present) in expected {
        if !present {
            missing.push(field);
        }
    }
    Capture {
        profile,
        missing,
        notices: Vec::new(),
        metascopes: list("meta_scopes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::SourceKind;
    use serde_json::json;

    fn src() -> Source {
        Source {
            kind: SourceKind::File,
            url: Some("workspace.json".into()),
            at_ms: 1,
        }
    }

    fn oauth(name: &str, client: &str) -> Value {
        json!({"id": format!("id-{name}"), "name": name, "integration_type": "oauth_server_to_server",
            "oauth_server_to_server": {"client_id": client, "client_secrets": ["p8e-SECRET"],
            "technical_account_email": "a@techacct.adobe.com", "technical_account_id": "B@techacct.adobe.com",
            "scopes": ["openid", "AdobeID", "target_sdk"]}})
    }

    fn jwt(name: &str) -> Value {
        json!({"id": "j1", "name": name, "integration_type": "service",
            "jwt": {"client_id": "0123456789abcdef0123456789abcdef", "client_secret": "s",
            "technical_account_email": "a@techacct.adobe.com", "technical_account_id": "B@techacct.adobe.com",
            "meta_scopes": ["ent_marketing_sdk"]}})
    }

    fn workspace(creds: Vec<Value>) -> String {
        json!({"project": {"name": "p", "org": {"id": "1", "ims_org_id": "ORG@AdobeOrg"},
            "workspace": {"name": "Production", "details": {"credentials": creds}}}})
        .to_string()
    }

    fn value(f: &Option<Sourced<String>>) -> Option<&str> {
        f.as_ref().map(|s| s.value.as_str())
    }

    #[test]
    fn nested_oauth_download() {
        let c = parse(&workspace(vec![oauth("Target", "abc")]), &src(), None).unwrap();
        let p = &c.profile;
        assert_eq!(value(&p.client_id), Some("abc"));
        assert_eq!(value(&p.client_secret), Some("p8e-SECRET"));
        assert_eq!(value(&p.org_id), Some("ORG@AdobeOrg"));
        assert_eq!(value(&p.technical_account_id), Some("B@techacct.adobe.com"));
        assert_eq!(p.auth_type.as_ref().map(|a| a.value), Some(AuthType::Oauth));
        assert_eq!(p.scopes.as_ref().map(|s| s.value.len()), Some(3));
        assert_eq!(p.client_id.as_ref().map(|s| &s.source), Some(&src()));
        assert!(c.missing.is_empty() && c.notices.is_empty());
    }

    #[test]
    fn flat_download_and_missing_fields() {
        let flat = json!({"client_id": "abc", "client_secrets": ["x"], "technical_account_email": "e",
            "technical_account_id": "t", "scopes": ["target_sdk"], "org": {"ims_org_id": "O@AdobeOrg"}});
        let c = parse(&flat.to_string(), &src(), None).unwrap();
        assert_eq!(value(&c.profile.org_id), Some("O@AdobeOrg"));
        assert_eq!(c.profile.auth_type.map(|a| a.value), Some(AuthType::Oauth));
        let c = parse(r#"{"client_id": "abc"}"#, &src(), None).unwrap();
        assert_eq!(
            c.missing,
            vec![
                Field::ClientSecret,
                Field::TechnicalAccountId,
                Field::TechnicalAccountEmail,
                Field::Scopes,
                Field::OrgId
            ]
        );
        let j = parse(
            r#"{"client_id": "abc", "client_secret": "s", "meta_scopes": ["ent_marketing_sdk"]}"#,
            &src(),
            None,
        )
        .unwrap();
        assert_eq!(j.profile.auth_type.map(|a| a.value), Some(AuthType::Jwt));
        assert_eq!(j.metascopes, vec!["ent_marketing_sdk".to_string()]);
        assert_eq!(value(&j.profile.client_secret), Some("s"));
    }

    #[test]
    fn oauth_preferred_over_jwt_with_a_notice() {
        let c = parse(&workspace(vec![jwt("Old"), oauth("New", "abc")]), &src(), None).unwrap();
        assert_eq!(value(&c.profile.client_id), Some("abc"));
        assert_eq!(c.notices.len(), 1);
        assert_eq!(
            c.notices[0].message,
            "This workspace has 2 credentials (\"Old\" (JWT), \"New\" (OAuth Server-to-Server)); IMS Link took \"New\" (OAuth Server-to-Server), because JWT credentials are at end of life. To use another one, choose it by name."
        );
        let chosen = parse(&workspace(vec![jwt("Old"), oauth("New", "abc")]), &src(), Some("Old")).unwrap();
        assert_eq!(chosen.profile.auth_type.map(|a| a.value), Some(AuthType::Jwt));
        let by_id = parse(
            &workspace(vec![jwt("Old"), oauth("New", "abc")]),
            &src(),
            Some("id-New"),
        )
        .unwrap();
        assert_eq!(value(&by_id.profile.client_id), Some("abc"));
    }

    fn err(text: &str, choice: Option<&str>) -> WorkspaceError {
        parse(text, &src(), choice).unwrap_err()
    }

    #[test]
    fn errors_name_the_cause_and_fix() {
        assert_eq!(err("  ", None).code(), "empty-input");
        assert_eq!(
            err("<!DOCTYPE html><html>", None).to_string(),
            "This is a web page (HTML), not the Developer Console's JSON file. In the Developer Console choose \"Download all\" on the workspace and give IMS Link the .json file it saves."
        );
        assert_eq!(
            err("{\"client_id\": ", None).to_string(),
            "This is not the Developer Console's JSON file (EOF while parsing a value at line 1 column 13). Download it again from the workspace (\"Download all\") and give IMS Link the whole file, unchanged."
        );
        assert_eq!(err("[1]", None).code(), "not-an-object");
        assert_eq!(
            err("{}", None).to_string(),
            "This JSON holds no OAuth Server-to-Server or JWT credential. In the Developer Console add an \"OAuth Server-to-Server\" credential with the Adobe Target API to the workspace, then download the JSON again."
        );
        let api_key_only = json!({"name": "Key", "integration_type": "apikey", "api_key": {"client_id": "k"}});
        assert_eq!(
            err(&workspace(vec![api_key_only]), None).to_string(),
            "This JSON holds no OAuth Server-to-Server or JWT credential, only: \"Key\" (apikey). In the Developer Console add an \"OAuth Server-to-Server\" credential with the Adobe Target API to the workspace, then download the JSON again."
        );
        let two = workspace(vec![oauth("A", "a"), oauth("B", "b")]);
        assert_eq!(
            err(&two, None).to_string(),
            "This workspace has several credentials of the same kind: \"A\" (OAuth Server-to-Server), \"B\" (OAuth Server-to-Server). Choose the one connected to Adobe Target."
        );
        assert_eq!(
            err(&two, Some("C")).to_string(),
            "No credential named \"C\" in this JSON; it holds: \"A\" (OAuth Server-to-Server), \"B\" (OAuth Server-to-Server). Choose one of these."
        );
    }
}
