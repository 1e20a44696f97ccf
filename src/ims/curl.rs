//! The IMS check and the Target check as cURL commands, for the www page: a plain web page
//! cannot make these calls, because IMS and mc.adobe.io answer no browser origin (CORS,
//! adobe-surfaces.md §6), so the admin runs them in a terminal instead.
//!
//! Secrets and tokens are never written into a command: they are shell variables the admin
//! exports first, so a command can go into a ticket or a chat without leaking anything.
//! Every other value is single-quoted, so no client id or scope can break out of its word.
//! Form fields use `--data-urlencode`, which encodes each value exactly as `request.rs`
//! does; plain `-d` would let a `&`, `+` or `%` in a secret change the request silently.

use crate::gather::Gather;
use crate::text::{join, Search};
use std::fmt;

use crate::from_json::FromJson;
use crate::to_json::ToJson;

use super::allow::AllowError;
use super::check::DEFAULT_AUTH_SERVER;
use super::request::{ims_origin, TARGET_ACCEPT};
use crate::error::JsErrorInfo;
use crate::profile::AuthType;
use crate::tenant::{self, TenantError};

/// The shell variable holding the client secret.
pub const SECRET_VAR: &str = "IMS_CLIENT_SECRET";
/// The shell variable holding a signed JWT (JWT flow).
pub const JWT_VAR: &str = "IMS_JWT";
/// The shell variable holding the access token the token request answers with.
pub const TOKEN_VAR: &str = "IMS_ACCESS_TOKEN";

/// What the commands are made from: the profile's values, never its secret.
#[derive(Debug, Clone, Default, FromJson)]
#[serde(rename_all = "camelCase", default)]
pub struct CurlInput {
    /// JWT or OAuth Server-to-Server.
    pub auth_type: Option<AuthType>,
    /// The Authorization Server; production IMS when absent.
    pub auth_server: Option<String>,
    /// Client ID (API key).
    pub client_id: Option<String>,
    /// OAuth scopes.
    pub scopes: Vec<String>,
    /// Target tenant id; without it there is no Target command.
    pub tenant: Option<String>,
}

/// The commands, in the order the admin runs them.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct CurlCommands {
    /// The flow the token request uses.
    pub auth_type: AuthType,
    /// `https://<ims host>`.
    pub ims_origin: String,
    /// `export IMS_CLIENT_SECRET='<...>'`: a placeholder the admin replaces.
    pub secret_export: String,
    /// `export IMS_JWT='<...>'` (JWT flow): a placeholder too.
    pub jwt_export: Option<String>,
    /// The token request.
    pub token: String,
    /// `export IMS_ACCESS_TOKEN='<...>'`, from the token request's answer.
    pub token_export: String,
    /// The Target Admin API call, when a tenant was given.
    pub target: Option<String>,
}

/// Why no commands could be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CurlError {
    /// Values the commands need; holds their names.
    Missing(Vec<&'static str>),
    /// The Authorization Server is refused.
    Host(AllowError),
    /// An allowed host that is not IMS (the Target API host).
    NotIms(String),
    /// The tenant id is unusable.
    Tenant(TenantError),
    /// A line break or other control character in a value; holds the value's name.
    ControlCharacter(&'static str),
}

impl JsErrorInfo for CurlError {
    fn js_name(&self) -> &'static str {
        "CurlError"
    }

    /// A stable machine-readable code.
    fn code(&self) -> &'static str {
        match self {
            CurlError::Missing(_) => "missing-value",
            CurlError::Host(e) => e.code(),
            CurlError::NotIms(_) => "host-not-allowed",
            CurlError::Tenant(_) => "invalid-tenant",
            CurlError::ControlCharacter(_) => "control-character",
        }
    }
}

impl fmt::Display for CurlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CurlError::Missing(names) => write!(
                f,
                "The cURL commands need the {}, which this credential lacks. Read the Developer Console's workspace JSON (or, for JWT, the JWT payload) to fill them.",
                and_list(names)
            ),
            CurlError::Host(e) => e.fmt(f),
            CurlError::NotIms(host) => write!(
                f,
                "{host} is the Target API, not Adobe IMS. Set the Authorization Server to https://ims-na1.adobelogin.com."
            ),
            CurlError::Tenant(e) => write!(f, "Tenant ID: {e}"),
            CurlError::ControlCharacter(name) => write!(
                f,
                "The {name} contains a line break or another control character, which real values never have. Copy it again from the Developer Console."
            ),
        }
    }
}

impl std::error::Error for CurlError {}

fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", join(init, ", ")),
    }
}

/// `value` as one POSIX shell word: single quotes keep everything literal, and a single
/// quote itself is closed, escaped and reopened (`'\''`).
pub fn shell_quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', r"'\''"))
}

/// One command over several lines, each option on its own, as Adobe's docs print them.
fn lines(parts: &[String]) -> String {
    join(parts, " \\\n  ")
}

fn no_control(name: &'static str, value: &str) -> Result<(), CurlError> {
    if value.chars().any(char::is_control) {
        return Err(CurlError::ControlCharacter(name));
    }
    Ok(())
}

/// The commands for `input`, or every value they lack.
pub fn commands(input: &CurlInput) -> Result<CurlCommands, CurlError> {
    let client_id = input.client_id.as_deref().map(str::trim).unwrap_or_default();
    let scopes: Vec<&str> = input.scopes.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).gather();
    let mut missing = Vec::new();
    if input.auth_type.is_none() {
        missing.push("authentication type (JWT or OAuth Server-to-Server)");
    }
    if client_id.is_empty() {
        missing.push("client ID");
    }
    if input.auth_type == Some(AuthType::Oauth) && scopes.is_empty() {
        missing.push("scopes");
    }
    let Some(auth_type) = input.auth_type.filter(|_| missing.is_empty()) else {
        return Err(CurlError::Missing(missing));
    };
    no_control("client ID", client_id)?;
    let scope = join(&scopes, ",");
    no_control("scopes", &scope)?;

    let server = input
        .auth_server
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(DEFAULT_AUTH_SERVER);
    let origin = ims_origin(server).map_err(CurlError::Host)?;
    // The allow-list also holds mc.adobe.io, which must never get the client secret.
    if !origin.ends_with(".adobelogin.com") {
        return Err(CurlError::NotIms(origin.trim_start_text("https://").to_string()));
    }

    let field = |name: &str, value: &str| format!("--data-urlencode {}", shell_quote(&format!("{name}={value}")));
    // Double quotes so the shell expands the variable; the name itself needs no quoting.
    let variable = |name: &str, var: &str| format!("--data-urlencode \"{name}=${var}\"");
    let mut token = vec![
        format!(
            "curl -X POST {}",
            shell_quote(&format!("{origin}{}", token_path(auth_type)))
        ),
        format!("-H {}", shell_quote("Content-Type: application/x-www-form-urlencoded")),
    ];
    match auth_type {
        AuthType::Oauth => token.extend([
            format!("-d {}", shell_quote("grant_type=client_credentials")),
            field("client_id", client_id),
            variable("client_secret", SECRET_VAR),
            field("scope", &scope),
        ]),
        AuthType::Jwt => token.extend([
            field("client_id", client_id),
            variable("client_secret", SECRET_VAR),
            variable("jwt_token", JWT_VAR),
        ]),
    }

    let target = match input.tenant.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(t) => {
            let tenant = tenant::validate(t.trim_start_chars(&['@'])).map_err(CurlError::Tenant)?;
            Some(lines(&[
                format!(
                    "curl {}",
                    shell_quote(&format!("https://mc.adobe.io/{tenant}/target/activities?limit=1"))
                ),
                format!("-H \"Authorization: Bearer ${TOKEN_VAR}\""),
                format!("-H {}", shell_quote(&format!("X-Api-Key: {client_id}"))),
                format!("-H {}", shell_quote(&format!("Accept: {TARGET_ACCEPT}"))),
            ]))
        }
    };

    Ok(CurlCommands {
        auth_type,
        secret_export: format!("export {SECRET_VAR}='<client secret from the Developer Console>'"),
        jwt_export: (auth_type == AuthType::Jwt)
            .then(|| format!("export {JWT_VAR}='<a JWT signed with your private key>'")),
        token: lines(&token),
        token_export: format!("export {TOKEN_VAR}='<access_token from the answer>'"),
        target,
        ims_origin: origin,
    })
}

fn token_path(auth_type: AuthType) -> &'static str {
    match auth_type {
        AuthType::Oauth => "/ims/token/v3",
        AuthType::Jwt => "/ims/exchange/jwt",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ims::http::form_encode;
    use crate::ims::request;

    const ID: &str = "0123456789abcdef0123456789abcdef";

    fn oauth(client_id: &str, scopes: &[&str], tenant: Option<&str>) -> CurlInput {
        CurlInput {
            auth_type: Some(AuthType::Oauth),
            auth_server: None,
            client_id: Some(client_id.to_string()),
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
            tenant: tenant.map(str::to_string),
        }
    }

    #[test]
    fn oauth_token_and_target_commands() {
        let c = commands(&oauth(ID, &["openid", "AdobeID", "target_sdk"], Some("acme"))).unwrap();
        assert_eq!(
            c.token,
            format!(
                "curl -X POST 'https://ims-na1.adobelogin.com/ims/token/v3' \\\n  \
                 -H 'Content-Type: application/x-www-form-urlencoded' \\\n  \
                 -d 'grant_type=client_credentials' \\\n  \
                 --data-urlencode 'client_id={ID}' \\\n  \
                 --data-urlencode \"client_secret=$IMS_CLIENT_SECRET\" \\\n  \
                 --data-urlencode 'scope=openid,AdobeID,target_sdk'"
            )
        );
        assert_eq!(
            c.target.as_deref(),
            Some(
                format!(
                    "curl 'https://mc.adobe.io/acme/target/activities?limit=1' \\\n  \
                     -H \"Authorization: Bearer $IMS_ACCESS_TOKEN\" \\\n  \
                     -H 'X-Api-Key: {ID}' \\\n  \
                     -H 'Accept: application/vnd.adobe.target.v1+json'"
                )
                .as_str()
            )
        );
        assert_eq!(
            c.secret_export,
            "export IMS_CLIENT_SECRET='<client secret from the Developer Console>'"
        );
        assert_eq!(
            c.token_export,
            "export IMS_ACCESS_TOKEN='<access_token from the answer>'"
        );
        assert_eq!(
            (c.jwt_export, c.ims_origin.as_str()),
            (None, "https://ims-na1.adobelogin.com")
        );
    }

    #[test]
    fn jwt_exchange_command_takes_the_jwt_from_a_variable() {
        let input = CurlInput {
            auth_type: Some(AuthType::Jwt),
            // As a JWT payload's aud gives it: a path after the host, stage IMS.
            auth_server: Some(format!("https://ims-na1-stg1.adobelogin.com/c/{ID}")),
            client_id: Some(ID.to_string()),
            ..CurlInput::default()
        };
        let c = commands(&input).unwrap();
        assert_eq!(
            c.token,
            format!(
                "curl -X POST 'https://ims-na1-stg1.adobelogin.com/ims/exchange/jwt' \\\n  \
                 -H 'Content-Type: application/x-www-form-urlencoded' \\\n  \
                 --data-urlencode 'client_id={ID}' \\\n  \
                 --data-urlencode \"client_secret=$IMS_CLIENT_SECRET\" \\\n  \
                 --data-urlencode \"jwt_token=$IMS_JWT\""
            )
        );
        assert_eq!(
            c.jwt_export.as_deref(),
            Some("export IMS_JWT='<a JWT signed with your private key>'")
        );
        assert_eq!(c.target, None, "no tenant, no Target command");
    }

    #[test]
    fn quoting_escapes_single_quotes() {
        assert_eq!(shell_quote("abc"), "'abc'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("$(id) `id` \"x\" \\"), r#"'$(id) `id` "x" \'"#);
    }

    /// Runs `command` in a real POSIX shell with `curl` replaced by a function that prints
    /// each argument it receives, and the variables set to awkward values.
    #[cfg(unix)]
    fn argv(command: &str) -> Vec<String> {
        let script = format!("curl() {{ for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }}\n{command}\n");
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(script)
            .env("IMS_CLIENT_SECRET", "p8e-s3cr&t+%25 'q'")
            .env("IMS_JWT", "h.p.s")
            .env("IMS_ACCESS_TOKEN", "TOKEN")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        text.split_terminator('\0').map(str::to_string).collect()
    }

    /// The form body curl would send, encoded as `request.rs` encodes it.
    #[cfg(unix)]
    fn body(args: &[String]) -> String {
        let mut parts = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let next = it.clone().next().cloned().unwrap_or_default();
            match a.as_str() {
                "-d" => parts.push(next),
                "--data-urlencode" => {
                    let (k, v) = next.split_once('=').unwrap();
                    parts.push(form_encode(&[(k, v)]));
                }
                _ => continue,
            }
            it.next();
        }
        parts.join("&")
    }

    #[cfg(unix)]
    #[test]
    fn hostile_values_stay_one_literal_word_each() {
        let nasty = "a'b \"c\" $(touch /tmp/ims-link-pwned) `id` $HOME \\ ; & | > x";
        let c = commands(&oauth(nasty, &[nasty, "target_sdk"], Some("acme"))).unwrap();
        let args = argv(&c.token);
        assert_eq!(
            args,
            [
                "-X",
                "POST",
                "https://ims-na1.adobelogin.com/ims/token/v3",
                "-H",
                "Content-Type: application/x-www-form-urlencoded",
                "-d",
                "grant_type=client_credentials",
                "--data-urlencode",
                &format!("client_id={nasty}"),
                "--data-urlencode",
                "client_secret=p8e-s3cr&t+%25 'q'",
                "--data-urlencode",
                &format!("scope={nasty},target_sdk"),
            ]
        );
        assert!(!std::path::Path::new("/tmp/ims-link-pwned").exists());
        let target = argv(c.target.as_deref().unwrap());
        assert_eq!(target[2], "Authorization: Bearer TOKEN");
        assert_eq!(target[4], format!("X-Api-Key: {nasty}"));
    }

    #[cfg(unix)]
    #[test]
    fn curl_sends_what_the_extension_sends() {
        let secret = "p8e-s3cr&t+%25 'q'";
        let scopes = ["openid".to_string(), "AdobeID".to_string(), "target_sdk".to_string()];
        let c = commands(&oauth(ID, &["openid", "AdobeID", "target_sdk"], None)).unwrap();
        let sent = request::oauth_token(DEFAULT_AUTH_SERVER, ID, secret, &scopes).unwrap();
        assert_eq!(Some(body(&argv(&c.token))), sent.body);
        assert_eq!(argv(&c.token)[2], sent.url);

        let jwt = CurlInput {
            auth_type: Some(AuthType::Jwt),
            client_id: Some(ID.into()),
            ..CurlInput::default()
        };
        let c = commands(&jwt).unwrap();
        let sent = request::jwt_exchange(DEFAULT_AUTH_SERVER, ID, secret, "h.p.s").unwrap();
        assert_eq!(Some(body(&argv(&c.token))), sent.body);
    }

    #[test]
    fn a_secret_given_by_mistake_is_ignored() {
        let input: CurlInput = crate::from_json::from_value(crate::json_text::parse(&format!(
            r#"{{"authType":"oauth","clientId":"{ID}","clientSecret":"TOPSECRET","scopes":["target_sdk"],"tenant":"acme"}}"#
        ))
        .unwrap())
        .unwrap();
        let c = commands(&input).unwrap();
        let all = format!("{c:?}");
        assert!(!all.contains("TOPSECRET"));
    }

    #[test]
    fn credentials_go_only_to_adobe_ims() {
        let code = |server: &str| {
            let mut i = oauth(ID, &["target_sdk"], None);
            i.auth_server = Some(server.to_string());
            commands(&i).unwrap_err().code()
        };
        assert_eq!(code("https://evil.test"), "host-not-allowed");
        assert_eq!(code("https://ims-na1.adobelogin.com.evil.test/"), "host-not-allowed");
        assert_eq!(code("https://mc.adobe.io"), "host-not-allowed");
        assert_eq!(code("http://ims-na1.adobelogin.com"), "not-https");
        assert_eq!(code("https://ims-na1.adobelogin.com:8443"), "unexpected-authority");
        let mut i = oauth(ID, &["target_sdk"], None);
        i.auth_server = Some("https://mc.adobe.io/".into());
        assert!(commands(&i).unwrap_err().to_string().contains("not Adobe IMS"));
        // Blank means production IMS.
        i.auth_server = Some("  ".into());
        assert_eq!(commands(&i).unwrap().ims_origin, DEFAULT_AUTH_SERVER);
    }

    #[test]
    fn names_every_missing_value() {
        let e = commands(&CurlInput::default()).unwrap_err();
        assert_eq!(e.code(), "missing-value");
        assert_eq!(
            e.to_string(),
            "The cURL commands need the authentication type (JWT or OAuth Server-to-Server) and client ID, which this credential lacks. Read the Developer Console's workspace JSON (or, for JWT, the JWT payload) to fill them."
        );
        let e = commands(&oauth(" ", &[" "], None)).unwrap_err();
        assert_eq!(e, CurlError::Missing(vec!["client ID", "scopes"]));
        let jwt = CurlInput {
            auth_type: Some(AuthType::Jwt),
            client_id: Some(ID.into()),
            ..CurlInput::default()
        };
        assert!(commands(&jwt).is_ok(), "JWT needs no scopes");
    }

    #[test]
    fn refuses_control_characters_and_bad_tenants() {
        let e = commands(&oauth("abc\r\nX-Evil: 1", &["target_sdk"], None)).unwrap_err();
        assert_eq!(
            (e.code(), e.to_string().contains("client ID")),
            ("control-character", true)
        );
        let e = commands(&oauth(ID, &["target_sdk\n"], None));
        // Trimmed away: a trailing line break is a copy-and-paste slip, not an attack.
        assert!(e.is_ok());
        let e = commands(&oauth(ID, &["a\u{7}b"], None)).unwrap_err();
        assert_eq!(e, CurlError::ControlCharacter("scopes"));
        let e = commands(&oauth(ID, &["target_sdk"], Some("ORG@AdobeOrg"))).unwrap_err();
        assert_eq!(e.code(), "invalid-tenant");
        assert!(e
            .to_string()
            .starts_with("Tenant ID: \"ORG@AdobeOrg\" is an IMS Organization ID"));
        assert_eq!(
            commands(&oauth(ID, &["target_sdk"], Some("x/../evil")))
                .unwrap_err()
                .code(),
            "invalid-tenant"
        );
        let c = commands(&oauth(ID, &["target_sdk"], Some(" @acme "))).unwrap();
        assert!(c.target.unwrap().starts_with("curl 'https://mc.adobe.io/acme/target/"));
    }
}
