//! Reading the Target tenant id (and client code) from the addresses of Adobe pages.
//!
//! Sources follow adobe-surfaces.md §2: the Unified Shell hash route, the legacy
//! `*.experiencecloud.adobe.com` shell, Target's edge host and the Admin API host.

use std::fmt;

use crate::from_json::FromJson;
use crate::text::Search;
use crate::to_json::ToJson;

use crate::error::JsErrorInfo;
use crate::url::{self, UrlError};

/// Which kind of Adobe address the id was read from.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// `https://experience.adobe.com/#/@<tenant>/...`
    // Only where the JSON reader starts (`derive(FromJson)` reads into a value of defaults).
    #[default]
    UnifiedShell,
    /// `https://<t>.experiencecloud.adobe.com/content/mac/<t>/target/...`
    LegacyShell,
    /// `https://<clientCode>.tt.omtrdc.net/...?client=<clientCode>`
    EdgeHost,
    /// `https://mc.adobe.io/<tenant>/target/...`
    AdminApi,
    /// Typed or pasted by the admin.
    Typed,
}

/// What an Adobe address says about the Target account.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct PageIds {
    /// The tenant id AEM's "Tenant ID" field needs, when the address carries it.
    pub tenant: Option<String>,
    /// The client code, when the address carries it (edge host, at.js).
    pub client_code: Option<String>,
    /// Where it was read from.
    pub source: Source,
    /// Whether the address is a Target screen (not another Experience Cloud app).
    pub on_target: bool,
}

/// Why no tenant id could be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TenantError {
    /// The text is not a usable web address.
    Url(UrlError),
    /// The address belongs to a host that never carries a tenant id.
    NotAnAdobePage(String),
    /// A Unified Shell address whose route has no `@<tenant>` segment.
    NoTenantInRoute,
    /// The `@` is there but nothing follows it.
    EmptyTenant,
    /// An IMS Organization id (`...@AdobeOrg`) was given instead of the tenant.
    OrgIdInsteadOfTenant(String),
    /// A 32-hex-digit client id was given instead of the tenant.
    ClientIdInsteadOfTenant(String),
    /// The tenant holds characters tenant ids never have.
    InvalidCharacters(String),
    /// Longer than any tenant id.
    TooLong(usize),
}

const MAX_TENANT_LEN: usize = 64;

impl JsErrorInfo for TenantError {
    fn js_name(&self) -> &'static str {
        "TenantError"
    }

    /// A stable machine-readable code, used by the UI and tests.
    fn code(&self) -> &'static str {
        match self {
            TenantError::Url(UrlError::Empty) => "empty-input",
            TenantError::Url(_) => "not-a-url",
            TenantError::NotAnAdobePage(_) => "not-an-adobe-page",
            TenantError::NoTenantInRoute => "no-tenant-in-route",
            TenantError::EmptyTenant => "empty-tenant",
            TenantError::OrgIdInsteadOfTenant(_) => "org-id-instead-of-tenant",
            TenantError::ClientIdInsteadOfTenant(_) => "client-id-instead-of-tenant",
            TenantError::InvalidCharacters(_) => "invalid-characters",
            TenantError::TooLong(_) => "too-long",
        }
    }
}

impl fmt::Display for TenantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TenantError::Url(e) => e.fmt(f),
            TenantError::NotAnAdobePage(host) => write!(
                f,
                "{host} is not an Adobe Target page. Open Target at https://experience.adobe.com/ and go to Activities: the tenant id is in that address."
            ),
            TenantError::NoTenantInRoute => write!(
                f,
                "This Experience Cloud address has no \"@tenant\" part. Open Target from the Experience Cloud app switcher: the address then looks like https://experience.adobe.com/#/@yourtenant/target/activities."
            ),
            TenantError::EmptyTenant => write!(
                f,
                "The tenant id after \"@\" is empty. Reload the Target page and try again, or type the tenant id by hand."
            ),
            TenantError::OrgIdInsteadOfTenant(v) => write!(
                f,
                "\"{v}\" is an IMS Organization ID, not a tenant id. The tenant id is the short name after \"@\" in the Target address, like \"acme\" in https://experience.adobe.com/#/@acme/target."
            ),
            TenantError::ClientIdInsteadOfTenant(v) => write!(
                f,
                "\"{v}\" looks like a Client ID from the Developer Console, not a tenant id. The tenant id is the short name after \"@\" in the Target address."
            ),
            TenantError::InvalidCharacters(v) => write!(
                f,
                "\"{v}\" cannot be a tenant id: tenant ids are letters, digits, \"-\" or \"_\". Copy it again from the Target address, after \"@\"."
            ),
            TenantError::TooLong(n) => write!(
                f,
                "The tenant id is {n} characters long; tenant ids are short names (at most {MAX_TENANT_LEN}). Copy only the part after \"@\" up to the next \"/\"."
            ),
        }
    }
}

impl std::error::Error for TenantError {}

impl From<UrlError> for TenantError {
    fn from(e: UrlError) -> Self {
        TenantError::Url(e)
    }
}

/// Checks one tenant id (or client code) and returns it in canonical lower case.
pub fn validate(raw: &str) -> Result<String, TenantError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(TenantError::EmptyTenant);
    }
    if v.to_ascii_lowercase().ends_with("@adobeorg") {
        return Err(TenantError::OrgIdInsteadOfTenant(v.to_string()));
    }
    if v.len() == 32 && v.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(TenantError::ClientIdInsteadOfTenant(v.to_string()));
    }
    if !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(TenantError::InvalidCharacters(v.to_string()));
    }
    if v.len() > MAX_TENANT_LEN {
        return Err(TenantError::TooLong(v.len()));
    }
    Ok(v.to_ascii_lowercase())
}

/// Reads the tenant id and/or client code from the address of an Adobe page.
pub fn from_url(input: &str) -> Result<PageIds, TenantError> {
    let u = url::parse(input)?;
    let host = u.host.as_str();
    if host == "experience.adobe.com" {
        return from_unified_shell(u.fragment.unwrap_or_default());
    }
    if let Some(sub) = host.strip_suffix(".experiencecloud.adobe.com") {
        return from_legacy_shell(sub, u.path);
    }
    if let Some(sub) = host.strip_suffix(".tt.omtrdc.net") {
        let code = u
            .query
            .and_then(|q| url::query_param(q, "client"))
            .unwrap_or_else(|| sub.to_string());
        return Ok(PageIds {
            tenant: None,
            client_code: Some(validate(&code)?),
            source: Source::EdgeHost,
            on_target: true,
        });
    }
    if host == "mc.adobe.io" {
        let first = u.path.trim_start_chars(&['/']).before_any(b"/");
        let tenant = validate(&url::percent_decode(first))?;
        return Ok(PageIds {
            tenant: Some(tenant),
            client_code: None,
            source: Source::AdminApi,
            on_target: true,
        });
    }
    Err(TenantError::NotAnAdobePage(u.host.clone()))
}

/// Reads a tenant from whatever the admin pasted: an Adobe address or the bare id.
pub fn from_text(input: &str) -> Result<PageIds, TenantError> {
    if input.contains_text("://") {
        return from_url(input);
    }
    let bare = input.trim().trim_start_chars(&['@']);
    Ok(PageIds {
        tenant: Some(validate(bare)?),
        client_code: None,
        source: Source::Typed,
        on_target: false,
    })
}

fn from_unified_shell(fragment: &str) -> Result<PageIds, TenantError> {
    let decoded = url::percent_decode(fragment);
    // The shell's routes are `#/@tenant/app/...`; a query may follow inside the fragment.
    let route = decoded.before_any(b"?");
    let mut segments = route.trim_start_chars(&['/']).split_ascii(b'/');
    let first = segments.next().unwrap_or_default();
    let raw = first.strip_prefix('@').ok_or(TenantError::NoTenantInRoute)?;
    let tenant = validate(raw)?;
    let on_target = segments.any(|s| s == "target");
    Ok(PageIds {
        tenant: Some(tenant),
        client_code: None,
        source: Source::UnifiedShell,
        on_target,
    })
}

fn from_legacy_shell(subdomain: &str, path: &str) -> Result<PageIds, TenantError> {
    let from_path = path
        .strip_prefix("/content/mac/")
        .map(|rest| rest.before_any(b"/"))
        .filter(|s| !s.is_empty());
    let raw = from_path.unwrap_or(subdomain);
    let tenant = validate(&url::percent_decode(raw))?;
    Ok(PageIds {
        tenant: Some(tenant),
        client_code: None,
        source: Source::LegacyShell,
        on_target: path.contains_text("/target/"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tenant(url: &str) -> String {
        from_url(url).unwrap().tenant.unwrap()
    }

    #[test]
    fn unified_shell_forms() {
        assert_eq!(tenant("https://experience.adobe.com/#/@acme/target/activities"), "acme");
        assert_eq!(
            tenant("https://experience.adobe.com/#/@weretailprod/sname:prod/target/activities"),
            "weretailprod"
        );
        assert_eq!(tenant("https://experience.adobe.com/#/@acme"), "acme");
        assert_eq!(tenant("https://experience.adobe.com/#/@acme/"), "acme");
        assert_eq!(tenant("https://experience.adobe.com/#/@acme?lang=en"), "acme");
        assert_eq!(
            tenant("https://experience.adobe.com/?lang=de#/@aemsupport/target/setup/implementation"),
            "aemsupport"
        );
        assert_eq!(
            tenant("https://experience.adobe.com/#/%40acme/target/activities"),
            "acme"
        );
        assert_eq!(tenant("  HTTPS://EXPERIENCE.ADOBE.COM/#/@Acme/target  "), "acme");
        let ids = from_url("https://experience.adobe.com/#/@acme/target/activities").unwrap();
        assert_eq!(ids.source, Source::UnifiedShell);
        assert!(ids.on_target);
        assert!(!from_url("https://experience.adobe.com/#/@acme/home").unwrap().on_target);
    }

    #[test]
    fn legacy_shell_edge_and_admin_api() {
        let legacy =
            from_url("https://acme.experiencecloud.adobe.com/content/mac/acme/target/activities.html").unwrap();
        assert_eq!(
            (legacy.tenant.as_deref(), legacy.source, legacy.on_target),
            (Some("acme"), Source::LegacyShell, true)
        );
        assert_eq!(tenant("https://acme.experiencecloud.adobe.com/"), "acme");
        let edge = from_url("https://acmecode.tt.omtrdc.net/rest/v1/delivery?client=acmecode&sessionId=1").unwrap();
        assert_eq!((edge.tenant, edge.client_code.as_deref()), (None, Some("acmecode")));
        assert_eq!(
            from_url("https://acmecode.tt.omtrdc.net/m2/acmecode/mbox/json")
                .unwrap()
                .client_code
                .as_deref(),
            Some("acmecode")
        );
        let api = from_url("https://mc.adobe.io/acme/target/activities?limit=1").unwrap();
        assert_eq!((api.tenant.as_deref(), api.source), (Some("acme"), Source::AdminApi));
    }

    #[test]
    fn typed_text() {
        assert_eq!(from_text("@acme").unwrap().tenant.as_deref(), Some("acme"));
        assert_eq!(from_text(" acme ").unwrap().source, Source::Typed);
        assert_eq!(
            from_text("https://experience.adobe.com/#/@acme/target").unwrap().source,
            Source::UnifiedShell
        );
    }

    fn code(url: &str) -> &'static str {
        from_url(url).unwrap_err().code()
    }

    #[test]
    fn each_bad_input_has_its_own_message() {
        assert_eq!(code(""), "empty-input");
        assert_eq!(code("acme"), "not-a-url");
        assert_eq!(code("javascript://alert(1)"), "not-a-url");
        assert_eq!(code("https://example.com/#/@acme/target"), "not-an-adobe-page");
        assert_eq!(
            code("https://experience.adobe.com/#/target/activities"),
            "no-tenant-in-route"
        );
        assert_eq!(code("https://experience.adobe.com/"), "no-tenant-in-route");
        assert_eq!(code("https://experience.adobe.com/#/@/target"), "empty-tenant");
        assert_eq!(
            code("https://experience.adobe.com/#/@0123456789ABCDEF01234567@AdobeOrg/target"),
            "org-id-instead-of-tenant"
        );
        assert_eq!(
            code("https://experience.adobe.com/#/@0123456789abcdef0123456789abcdef/target"),
            "client-id-instead-of-tenant"
        );
        assert_eq!(
            code("https://experience.adobe.com/#/@ac<me>/target"),
            "invalid-characters"
        );
        assert_eq!(
            code(&format!("https://experience.adobe.com/#/@{}/target", "a".repeat(65))),
            "too-long"
        );
        assert_eq!(
            from_text("0123456789ABCDEF01234567@AdobeOrg").unwrap_err().code(),
            "org-id-instead-of-tenant"
        );
    }

    #[test]
    fn messages_name_the_problem_and_the_fix() {
        let org = from_text("0123456789ABCDEF01234567@AdobeOrg").unwrap_err().to_string();
        assert_eq!(
            org,
            "\"0123456789ABCDEF01234567@AdobeOrg\" is an IMS Organization ID, not a tenant id. The tenant id is the short name after \"@\" in the Target address, like \"acme\" in https://experience.adobe.com/#/@acme/target."
        );
        let client = from_text("0123456789abcdef0123456789abcdef").unwrap_err().to_string();
        assert!(client.starts_with("\"0123456789abcdef0123456789abcdef\" looks like a Client ID"));
        let route = code_msg("https://experience.adobe.com/#/home");
        assert!(route.contains("has no \"@tenant\" part"), "{route}");
    }

    fn code_msg(url: &str) -> String {
        from_url(url).unwrap_err().to_string()
    }

    #[test]
    fn never_panics_on_junk() {
        let junk = [
            "%",
            "%%%",
            "https://",
            "https://#",
            "https://experience.adobe.com/#%",
            "https://experience.adobe.com/#/@%E2%82",
            "://",
            "é://x",
            "https://[::1]/",
            "https://experience.adobe.com/#/@acme%00",
        ];
        for j in junk {
            let _ = from_url(j);
            let _ = from_text(j);
        }
    }
}
