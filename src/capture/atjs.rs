//! Target's client code on a customer's site, from what at.js really exposes (adobe-surfaces.md
//! §8 "at.js on a customer site"):
//! - at.js carries its settings inside its own file, as the last argument of
//!   `window.adobe.target.init(window, document, {"clientCode": …, "imsOrgId": …,
//!   "serverDomain": …})`; once running, `adobe.target` keeps them private;
//! - `window.targetGlobalSettings`, when a site defines it, overrides those settings (most
//!   sites set none, or only timeouts);
//! - every delivery request names the client: `https://<serverDomain>/rest/v1/delivery?client=<clientCode>&…`,
//!   also when serverDomain is the site's own CNAME; the page's resource timing lists them.
//!
//! The page script (extension/worker/site-page.js) only gathers these raw facts; this module
//! decides. A Web SDK (alloy) page carries no client code at all: the reason says so.

use crate::from_json::FromJson;
use crate::json_value::Value;
use crate::text::{clipped, kept, Search};
use crate::to_json::ToJson;

use crate::message::Problem;
use crate::profile::{Capture, Profile, Source, SourceKind, Sourced};
use crate::tenant;
use crate::url;

/// How many resource addresses and scripts are looked at (a hostile page could send more).
const MAX_RESOURCES: usize = 1000;
const MAX_SCRIPTS: usize = 100;
/// How much of a script's text is searched for the init call (the tail holds it).
const MAX_TAIL: usize = 65_536;

/// One script of the page: its address (empty when inline) and the end of its text (empty
/// when it could not be read).
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct ScriptFact {
    /// `script.src`.
    pub src: String,
    /// The last part of the script's text.
    pub tail: String,
}

/// What the page's world holds (strings, or empty when absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct AtjsSettings {
    /// The page address.
    pub url: String,
    /// `targetGlobalSettings.clientCode` (an override).
    pub client_code: String,
    /// `targetGlobalSettings.serverDomain`.
    pub server_domain: String,
    /// `targetGlobalSettings.imsOrgId`.
    pub ims_org_id: String,
    /// `adobe.target.VERSION`, when at.js has loaded.
    pub version: String,
    /// The addresses the page loaded (`performance.getEntriesByType('resource')`).
    pub resources: Vec<String>,
    /// The page's scripts.
    pub scripts: Vec<ScriptFact>,
    /// Web SDK instance names (`window.__alloyNS`), when the page runs alloy.
    pub alloy: Vec<String>,
}

/// Settings at.js was given: the file's, or targetGlobalSettings.
#[derive(Debug, Default, PartialEq, Eq)]
struct Settings {
    client_code: String,
    server_domain: String,
    ims_org_id: String,
}

/// The length of the JSON object `text` starts with (braces counted outside strings).
fn object_end(text: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in text.bytes().enumerate() {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, false, _) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'{') => depth += 1,
            (false, _, b'}') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The settings object in a script's `adobe.target.init(window, document, {...})` call, if any.
fn init_settings(tail: &str) -> Option<Settings> {
    let at = tail.rfind_text("target.init(")?;
    let args = tail.get(at..)?;
    // The settings are the third argument: the first `{` after the call's two others.
    let brace = args.find_ascii(b'{')?;
    if args.get(..brace)?.bytes().filter(|&b| b == b',').count() != 2 {
        return None;
    }
    let object = args.get(brace..)?;
    let value = crate::json_text::parse(object.get(..object_end(object)?)?).ok()?;
    let text = |k: &str| value.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    Some(Settings {
        client_code: text("clientCode"),
        server_domain: text("serverDomain"),
        ims_org_id: text("imsOrgId"),
    })
}

/// The `client` of a Target delivery request (at.js 2.x `/rest/v1/delivery`; at.js 1.x
/// `/m2/<client>/mbox/json`, I), on any host: a CNAME serverDomain still names the client.
fn delivery_client(address: &str) -> Option<String> {
    let u = url::parse(address).ok()?;
    if u.scheme != "https" {
        return None;
    }
    let from_query = || u.query.and_then(|q| url::query_param(q, "client"));
    let code = if u.path == "/rest/v1/delivery" {
        from_query()?
    } else if let Some(rest) = u.path.strip_prefix("/m2/") {
        let (client, tail) = rest.split_once_ascii(b'/')?;
        tail.starts_with("mbox/").then(|| client.to_string())?
    } else {
        return None;
    };
    tenant::validate(&code).ok()
}

/// `<clientCode>.tt.omtrdc.net` names the client code; a CNAME does not.
fn code_from_domain(domain: &str) -> Option<String> {
    let sub = domain.trim().to_ascii_lowercase();
    let sub = sub.strip_suffix(".tt.omtrdc.net")?;
    if sub.starts_with("mboxedge") {
        return None; // Adobe's edge cluster, not a client
    }
    tenant::validate(sub).ok()
}

fn org(raw: &str) -> Option<String> {
    let o = raw.trim();
    (o.ends_with("@AdobeOrg") && o.len() < 80 && o.chars().all(|c| c.is_ascii_alphanumeric() || c == '@'))
        .then(|| o.to_string())
}

fn problem(code: &str, message: String) -> Problem {
    Problem {
        code: code.into(),
        message,
    }
}

/// The client code (and org) the site's at.js uses, or why there is none.
pub fn capture(settings: &AtjsSettings, now_ms: u64) -> Result<Capture, Problem> {
    let source = Source {
        kind: SourceKind::Page,
        url: Some(clipped(&settings.url, 2048)),
        at_ms: now_ms,
    };
    let file = settings
        .scripts
        .iter()
        .take(MAX_SCRIPTS)
        .filter_map(|s| {
            let start = s.tail.len().saturating_sub(MAX_TAIL);
            let start = (start..=s.tail.len())
                .find(|i| s.tail.is_char_boundary(*i))
                .unwrap_or(0);
            init_settings(s.tail.get(start..)?)
        })
        .next_back()
        .unwrap_or_default();
    let global = Settings {
        client_code: settings.client_code.clone(),
        server_domain: settings.server_domain.clone(),
        ims_org_id: settings.ims_org_id.clone(),
    };
    let delivered = settings
        .resources
        .iter()
        .take(MAX_RESOURCES)
        .find_map(|r| delivery_client(r));
    // What at.js itself uses: targetGlobalSettings over the file's settings; then what its
    // delivery requests sent; last, a serverDomain on Adobe's edge.
    let code = [&global.client_code, &file.client_code]
        .into_iter()
        .find_map(|c| tenant::validate(c).ok())
        .or(delivered)
        .or_else(|| {
            [&global.server_domain, &file.server_domain]
                .into_iter()
                .find_map(|d| code_from_domain(d))
        })
        .or_else(|| {
            settings.resources.iter().take(MAX_RESOURCES).find_map(|r| {
                let u = url::parse(r).ok()?;
                (u.scheme == "https" && u.path.starts_with("/rest/v1/")).then(|| code_from_domain(&u.host))?
            })
        });
    let Some(code) = code else {
        return Err(why_none(settings));
    };
    let org_id = [&global.ims_org_id, &file.ims_org_id].into_iter().find_map(|o| org(o));
    let profile = Profile {
        client_code: Some(Sourced {
            value: code,
            source: source.clone(),
        }),
        org_id: org_id.map(|value| Sourced { value, source }),
        ..Profile::default()
    };
    Ok(Capture {
        profile,
        ..Capture::default()
    })
}

const WHERE_ELSE: &str =
    "Copy the client code from Target > Administration > Implementation (Account details) instead.";

fn why_none(settings: &AtjsSettings) -> Problem {
    let version = clipped(&kept(&settings.version, |c| c.is_ascii_alphanumeric() || c == '.'), 16);
    if !version.is_empty() {
        return problem(
            "at-js-unread",
            format!("at.js {version} runs on this page, but its settings are not in a file IMS Link could read and it has sent no Target request yet. Reload the page, wait until it has loaded, and try again; or {}", lower_first(WHERE_ELSE)),
        );
    }
    if !settings.alloy.is_empty() || settings.scripts.iter().any(|s| is_alloy_script(&s.src)) {
        return problem(
            "web-sdk",
            format!("This site runs Adobe's Web SDK (alloy), not at.js. The Web SDK sends a datastream ID and keeps Target's client code on Adobe's side, so the page does not show it. {WHERE_ELSE}"),
        );
    }
    problem(
        "no-at-js",
        format!("This page runs no Adobe Target at.js (no at.js settings and no Target request). Open a page of your site that runs Target, or {}", lower_first(WHERE_ELSE)),
    )
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_lowercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// The Web SDK's library file (`alloy.js`, `alloy.min.js`, on Adobe's CDN or self-hosted).
fn is_alloy_script(src: &str) -> bool {
    let file = src.before_any(b"?#").after_last(b'/');
    file == "alloy.js" || file == "alloy.min.js"
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORG: &str = "0123456789ABCDEF01234567@AdobeOrg";
    const PAGE: &str = "https://www.acme-shop.test/";

    fn page() -> AtjsSettings {
        AtjsSettings {
            url: PAGE.into(),
            ..AtjsSettings::default()
        }
    }

    fn atjs_file(settings: &str) -> ScriptFact {
        ScriptFact {
            src: "https://www.acme-shop.test/at.js".into(),
            tail: format!("…library…}}(window,document);\nwindow.adobe.target.init(window, document, {settings});\n//# sourceMappingURL=at.js.map"),
        }
    }

    fn code(s: &AtjsSettings) -> Result<String, String> {
        capture(s, 5)
            .map(|c| c.profile.client_code.map(|c| c.value).unwrap_or_default())
            .map_err(|p| p.code)
    }

    #[test]
    fn settings_inside_the_at_js_file() {
        let mut s = page();
        s.version = "2.11.4".into();
        s.scripts = vec![
            ScriptFact {
                src: "https://www.acme-shop.test/app.js".into(),
                tail: "init(a, b, {\"clientCode\": \"nope\"})".into(),
            },
            atjs_file(&format!(
                r#"{{"clientCode": "AcmeCode", "imsOrgId": "{ORG}", "serverDomain": "acmecode.tt.omtrdc.net", "timeout": 3000, "serverState": {{}}}}"#
            )),
        ];
        let c = capture(&s, 5).unwrap().profile;
        assert_eq!(c.client_code.unwrap().value, "acmecode");
        let org = c.org_id.unwrap();
        assert_eq!((org.value.as_str(), org.source.url.as_deref()), (ORG, Some(PAGE)));
    }

    #[test]
    fn target_global_settings_override_the_file() {
        let mut s = page();
        s.scripts = vec![atjs_file(
            r#"{"clientCode": "filecode", "serverDomain": "filecode.tt.omtrdc.net"}"#,
        )];
        s.client_code = "override".into();
        assert_eq!(code(&s), Ok("override".into()));
        // An override with only timeouts leaves the file's client code.
        s.client_code.clear();
        assert_eq!(code(&s), Ok("filecode".into()));
    }

    #[test]
    fn delivery_requests_name_the_client_on_any_host() {
        let mut s = page();
        s.version = "2.11.4".into();
        s.resources = vec![
            "https://www.acme-shop.test/shop.css".into(),
            "https://assets.adobedtm.com/launch-EN123.min.js".into(),
            "https://target.acme-shop.test/rest/v1/delivery?client=acme&sessionId=abc&version=2.11.4".into(),
        ];
        assert_eq!(code(&s), Ok("acme".into()));
        s.resources = vec!["https://mboxedge35.tt.omtrdc.net/rest/v1/delivery?client=weretailprod&sessionId=x".into()];
        assert_eq!(code(&s), Ok("weretailprod".into()));
        s.resources = vec!["https://acme.tt.omtrdc.net/m2/acme/mbox/json?mbox=target-global-mbox".into()];
        assert_eq!(code(&s), Ok("acme".into()));
    }

    #[test]
    fn server_domain_on_adobes_edge_is_the_last_resort() {
        let mut s = page();
        s.server_domain = "acme.tt.omtrdc.net".into();
        assert_eq!(code(&s), Ok("acme".into()));
        s.server_domain = "target.acme-shop.test".into();
        assert_eq!(code(&s), Err("no-at-js".into()));
    }

    #[test]
    fn junk_is_never_a_client_code() {
        let mut s = page();
        s.client_code = "<script>".into();
        s.server_domain = "evil.example".into();
        s.resources = vec![
            "https://evil.example/rest/v1/delivery?client=%3Cscript%3E".into(),
            "http://acme.tt.omtrdc.net/rest/v1/delivery?client=plain".into(),
            "https://x.test/rest/v1/deliveryx?client=nope".into(),
            "not a url".into(),
        ];
        s.scripts = vec![ScriptFact {
            src: String::new(),
            tail: "adobe.target.init(window, document, {\"clientCode\": 3".into(),
        }];
        assert_eq!(code(&s), Err("no-at-js".into()));
        assert_eq!(code(&AtjsSettings::default()), Err("no-at-js".into()));
    }

    #[test]
    fn web_sdk_and_unread_at_js_say_why() {
        let mut s = page();
        s.alloy = vec!["alloy".into()];
        s.resources = vec!["https://edge.adobedc.net/ee/v1/interact?configId=3f0b".into()];
        let p = capture(&s, 1).unwrap_err();
        assert_eq!(p.code, "web-sdk");
        assert!(p.message.contains("Administration > Implementation"), "{}", p.message);
        let mut s = page();
        s.scripts = vec![ScriptFact {
            src: "https://cdn1.adoberesources.net/alloy/2.14.0/alloy.min.js".into(),
            tail: String::new(),
        }];
        assert_eq!(code(&s), Err("web-sdk".into()));
        let mut s = page();
        s.version = "2.11.4".into();
        let p = capture(&s, 1).unwrap_err();
        assert_eq!(p.code, "at-js-unread");
        assert!(p.message.starts_with("at.js 2.11.4 runs on this page"), "{}", p.message);
    }

    #[test]
    fn braces_inside_strings_do_not_end_the_settings() {
        let mut s = page();
        s.scripts = vec![atjs_file(
            r#"{"bodyHiddenStyle": "body {opacity: 0 !important}", "note": "a \"}\" b", "serverState": {}, "clientCode": "acme"}"#,
        )];
        assert_eq!(code(&s), Ok("acme".into()));
    }

    #[test]
    fn a_huge_script_tail_is_cut_on_a_character_boundary() {
        let mut s = page();
        let settings = r#"{"clientCode": "acme"}"#;
        let mut fact = atjs_file(settings);
        fact.tail = format!("{}{}", "é".repeat(MAX_TAIL), fact.tail);
        s.scripts = vec![fact];
        assert_eq!(code(&s), Ok("acme".into()));
    }
}
