//! Target's settings on a customer's site: at.js reads `window.targetGlobalSettings` (and
//! `window.adobe.target`), which live in the page's own world; the worker reads them there.

use serde::{Deserialize, Serialize};

use crate::profile::{Capture, Profile, Source, SourceKind, Sourced};
use crate::tenant;

/// What the page's world holds (strings, or empty when absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AtjsSettings {
    /// The page address.
    pub url: String,
    /// `targetGlobalSettings.clientCode`.
    pub client_code: String,
    /// `targetGlobalSettings.serverDomain`, e.g. `acme.tt.omtrdc.net`.
    pub server_domain: String,
    /// `targetGlobalSettings.imsOrgId`.
    pub ims_org_id: String,
    /// `adobe.target.VERSION`, when at.js has loaded.
    pub version: String,
}

/// The client code (and org) a site's at.js uses, or `None` when the page has no at.js.
pub fn capture(settings: &AtjsSettings, now_ms: u64) -> Option<Capture> {
    let source = Source {
        kind: SourceKind::Page,
        url: Some(settings.url.chars().take(2048).collect()),
        at_ms: now_ms,
    };
    // serverDomain `<clientCode>.tt.omtrdc.net` names the client code when clientCode is absent.
    let from_domain = settings
        .server_domain
        .trim()
        .strip_suffix(".tt.omtrdc.net")
        .unwrap_or_default();
    let code = [settings.client_code.trim(), from_domain]
        .into_iter()
        .find_map(|c| tenant::validate(c).ok())?;
    let org = settings.ims_org_id.trim();
    let profile = Profile {
        client_code: Some(Sourced {
            value: code,
            source: source.clone(),
        }),
        org_id: (org.ends_with("@AdobeOrg") && org.len() < 80).then(|| Sourced {
            value: org.to_string(),
            source,
        }),
        ..Profile::default()
    };
    Some(Capture {
        profile,
        ..Capture::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(code: &str, domain: &str) -> AtjsSettings {
        AtjsSettings {
            url: "https://www.acme-shop.test/".into(),
            client_code: code.into(),
            server_domain: domain.into(),
            ims_org_id: "0123456789ABCDEF01234567@AdobeOrg".into(),
            version: "2.11.4".into(),
        }
    }

    #[test]
    fn client_code_and_org_from_the_page() {
        let c = capture(&settings("AcmeCode", "acmecode.tt.omtrdc.net"), 5)
            .unwrap()
            .profile;
        assert_eq!(c.client_code.unwrap().value, "acmecode");
        assert_eq!(c.org_id.unwrap().value, "0123456789ABCDEF01234567@AdobeOrg");
        assert_eq!(
            capture(&settings("", "acme.tt.omtrdc.net"), 5)
                .unwrap()
                .profile
                .client_code
                .unwrap()
                .value,
            "acme"
        );
    }

    #[test]
    fn nothing_without_at_js_or_with_junk() {
        assert_eq!(capture(&AtjsSettings::default(), 1), None);
        assert_eq!(capture(&settings("<script>", "evil.example"), 1), None);
    }
}
