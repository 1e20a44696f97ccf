//! Which page a tab shows, read from its address alone, so the guide can offer what that
//! page needs. AEM runs on any host, so AEM pages are told by their paths.

use crate::fill::detect::{form_from_path, in_ims_app, Address};
use crate::fill::FormKind;
use crate::gather::Gather;
use crate::tenant;
use crate::text::Search;
use crate::to_json::ToJson;

/// The Legacy Cloud Services console of AEM 6.5 (Tools > Cloud Services).
pub const CLOUD_SERVICES_PATH: &str = "/libs/cq/core/content/tools/cloudservices.html";
/// An IMS configuration's Properties (where a JWT configuration is migrated to OAuth).
pub const IMS_PROPERTIES_PATH: &str = crate::fill::detect::IMS_PROPERTIES_PATH;
/// AEM as a Cloud Service's Adobe Target configurations (inferred from the edit page's path).
pub const TARGET_CONSOLE_PATH: &str = "/libs/cq/personalization/touch-ui/content/v2/configurations.html";

/// Paths only AEM serves; any host showing one is taken for an AEM author.
const AEM_PATHS: &[&str] = &[
    "/aem/",
    "/sites.html",
    "/assets.html",
    "/libs/",
    "/mnt/",
    "/crx/",
    "/etc/",
    "/editor.html",
    "/conf/",
];

/// The kinds of page the guide tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// A Target screen in Experience Cloud, with the tenant in its address.
    Target,
    /// Experience Cloud outside Target, or before an organization is chosen.
    ExperienceCloud,
    /// A Developer Console credential page.
    ConsoleCredential,
    /// Any other Developer Console page (projects, a project's overview).
    Console,
    /// AEM's Adobe IMS Configurations console.
    AemImsConsole,
    /// AEM's IMS configuration wizard.
    AemImsWizard,
    /// An IMS configuration's Properties.
    AemImsProperties,
    /// AEM 6.5's Legacy Cloud Services console.
    AemCloudServices,
    /// AEM as a Cloud Service's Adobe Target configurations.
    AemTargetConsole,
    /// AEM 6.5's classic Target configuration page.
    AemTargetClassic,
    /// AEM as a Cloud Service's Target configuration form.
    AemTargetCloud,
    /// A user's keystore in AEM (the authentication-service one holds the IMS key pairs).
    AemKeystore,
    /// Another AEM page.
    Aem,
    /// A page IMS Link has nothing to do on.
    Other,
    /// The browser does not let IMS Link see the address.
    Unreadable,
}

impl PageKind {
    /// Whether the page belongs to an AEM author.
    pub fn is_aem(self) -> bool {
        matches!(
            self,
            PageKind::AemImsConsole
                | PageKind::AemImsWizard
                | PageKind::AemImsProperties
                | PageKind::AemCloudServices
                | PageKind::AemTargetConsole
                | PageKind::AemTargetClassic
                | PageKind::AemTargetCloud
                | PageKind::AemKeystore
                | PageKind::Aem
        )
    }

    /// The fill form this page is, if IMS Link fills it.
    pub fn form(self) -> Option<FormKind> {
        match self {
            PageKind::AemImsWizard | PageKind::AemImsProperties => Some(FormKind::ImsWizard),
            PageKind::AemTargetClassic => Some(FormKind::TargetClassic),
            PageKind::AemTargetCloud => Some(FormKind::TargetCloud),
            PageKind::AemKeystore => Some(FormKind::Keystore),
            _ => None,
        }
    }
}

/// A tab, as the guide sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// What the page is.
    pub kind: PageKind,
    /// The tenant its address carries (Target pages).
    pub tenant: Option<String>,
    /// `scheme://host[:port]` of an AEM page.
    pub aem_origin: Option<String>,
    /// Whether an AEM console shows one configuration folder (`.../conf/<site>`), not the list.
    pub in_conf_folder: bool,
    /// Whether the page is AEM as a Cloud Service's Create page of a Target configuration.
    pub target_create: bool,
}

/// Whether an AEM origin is AEM as a Cloud Service (its authors live under adobeaemcloud.com).
pub fn is_cloud_service(origin: &str) -> bool {
    let host = origin.split_once_text("://").map_or(origin, |(_, rest)| rest);
    let host = host.before_any(b":");
    host.ends_with(".adobeaemcloud.com")
}

/// The AEM author's address as the admin typed it, reduced to its origin: `https://` (a bare
/// host gets it), or `http://` on this machine only (a local author, `localhost:4502`); never
/// one of Adobe's own hosts. Secrets go only to origins the admin confirms, so a typo must not
/// become a link the guide sends them to.
pub fn aem_author_origin(text: &str) -> Result<String, String> {
    let text = text.trim();
    let say = |why: &str| {
        format!("{why} Give your AEM author's address as it shows in the address bar, e.g. https://author-p12345-e67890.adobeaemcloud.com or http://localhost:4502.")
    };
    if text.is_empty() {
        return Err(say("The address is empty."));
    }
    let full = if text.contains_text("://") {
        text.to_string()
    } else {
        format!("https://{text}")
    };
    let url = crate::url::parse(&full).map_err(|e| say(&e.to_string()))?;
    if url.authority.contains_char('@') {
        return Err(say("The address holds a user name."));
    }
    let scheme = url.scheme.to_ascii_lowercase();
    let local = matches!(url.host.as_str(), "localhost" | "127.0.0.1");
    if scheme != "https" && !(scheme == "http" && local) {
        return Err(say("Only a local author (localhost) may use http://."));
    }
    let origin = format!("{scheme}://{}", url.authority.to_ascii_lowercase());
    aem_origin_of_permission(&origin).ok_or_else(|| say("That is not an AEM author's address."))
}

/// The Developer Console page of the profile's credential, from the address the client id (or
/// secret) was read on: `.../projects/<org>/<project>/credentials/<id>/details/<kind>`.
pub fn credential_page(profile: &crate::profile::Profile) -> Option<String> {
    let read_on = |f: &Option<crate::profile::Sourced<String>>| f.as_ref().and_then(|s| s.source.url.clone());
    [read_on(&profile.client_id), read_on(&profile.client_secret)]
        .into_iter()
        .flatten()
        .find_map(|url| {
            let parsed = crate::url::parse(&url).ok()?;
            if parsed.scheme != "https" || parsed.host != "developer.adobe.com" {
                return None;
            }
            let (before, after) = parsed.path.split_once_text("/credentials/")?;
            if !before.starts_with("/console/projects/") {
                return None;
            }
            let parts: Vec<&str> = after.split_ascii(b'/').filter(|p| !p.is_empty()).gather();
            let tail = match parts.as_slice() {
                [id, "details", kind, ..] => format!("{id}/details/{kind}"),
                [id, ..] => (*id).to_string(),
                [] => return None,
            };
            Some(format!("https://developer.adobe.com{before}/credentials/{tail}"))
        })
}

/// A host for the admin to read: `author.example`, without the scheme.
pub fn host_of(origin: &str) -> &str {
    origin.split_once_text("://").map_or(origin, |(_, h)| h)
}

/// The AEM author a granted host permission names (`https://aem.corp.example/*` →
/// `https://aem.corp.example`): one exact host, not a wildcard, and not one of Adobe's own
/// hosts, which the manifest and content scripts also hold.
pub fn aem_origin_of_permission(pattern: &str) -> Option<String> {
    let origin = pattern.strip_suffix("/*").unwrap_or(pattern);
    let (scheme, authority) = origin.split_once_text("://")?;
    let (host, port) = match authority.split_once_ascii(b':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    // adobe.net: the Unified Shell's solution frames (origins.rs), whose content script match
    // the browser also lists as a granted origin.
    let adobe = ["adobe.com", "adobelogin.com", "adobe.io", "adobe.net"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")));
    (matches!(scheme, "https" | "http") && host_ok && port_ok && !adobe).then(|| origin.to_string())
}

/// Reads a tab's address; `None` means the browser hides it.
pub fn classify(url: Option<&str>) -> Page {
    let page = |kind| Page {
        kind,
        tenant: None,
        aem_origin: None,
        in_conf_folder: false,
        target_create: false,
    };
    let Some(url) = url else {
        return page(PageKind::Unreadable);
    };
    let Ok(parsed) = crate::url::parse(url) else {
        return page(PageKind::Other);
    };
    let host = parsed.host.clone();
    if host == "developer.adobe.com" {
        let kind = if parsed.path.contains_text("/credentials/") {
            PageKind::ConsoleCredential
        } else if parsed.path.starts_with("/console") {
            PageKind::Console
        } else {
            PageKind::Other
        };
        return page(kind);
    }
    if host == "experience.adobe.com" || host.ends_with(".experiencecloud.adobe.com") {
        return match tenant::from_url(url) {
            Ok(ids) if ids.on_target && ids.tenant.is_some() => Page {
                kind: PageKind::Target,
                tenant: ids.tenant,
                aem_origin: None,
                in_conf_folder: false,
                target_create: false,
            },
            _ => page(PageKind::ExperienceCloud),
        };
    }
    let address = Address::parse(url);
    let path = address.path.as_str();
    let kind = match form_from_path(path) {
        Some(FormKind::ImsWizard) if path.trim_end_chars(&['/']).ends_with(IMS_PROPERTIES_PATH) => {
            PageKind::AemImsProperties
        }
        Some(FormKind::ImsWizard) => PageKind::AemImsWizard,
        Some(FormKind::ImsConsole) => PageKind::AemImsConsole,
        Some(FormKind::TargetClassic) => PageKind::AemTargetClassic,
        Some(FormKind::TargetCloud) => PageKind::AemTargetCloud,
        Some(FormKind::Keystore) => PageKind::AemKeystore,
        // Another page of AEM's IMS configuration app than the console: the Create form at an
        // address IMS Link does not know (its address is in no public source). The address
        // alone decides only what the guide offers; the secret still waits for the page's
        // fields and AEM's markers (`fill::trust::recognised`).
        None if in_ims_app(path) && !path.trim_end_chars(&['/']).ends_with("/configurations.html") => {
            PageKind::AemImsWizard
        }
        Some(FormKind::Unknown) | None if path.starts_with(CLOUD_SERVICES_PATH) => PageKind::AemCloudServices,
        Some(FormKind::Unknown) | None if path.starts_with(TARGET_CONSOLE_PATH) => PageKind::AemTargetConsole,
        Some(FormKind::Unknown) | None
            if AEM_PATHS.iter().any(|p| path.starts_with(p)) || is_cloud_service(&address.origin) =>
        {
            PageKind::Aem
        }
        _ => PageKind::Other,
    };
    Page {
        kind,
        tenant: None,
        aem_origin: kind.is_aem().then_some(address.origin),
        in_conf_folder: path.contains_text("/conf/"),
        // AEM as a Cloud Service's Create page for a Target configuration saves with "Save"
        // (V, Adobe's screenshot); its edit page with "Save & Close".
        target_create: kind == PageKind::AemTargetCloud && !path.contains_text("/edit.html"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(url: &str) -> PageKind {
        classify(Some(url)).kind
    }

    #[test]
    fn target_create_page_beside_the_edit_page() {
        let at = |path: &str| classify(Some(&format!("https://author-p1-e2.adobeaemcloud.com{path}")));
        let create = at("/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/create.html/conf/wknd");
        assert_eq!((create.kind, create.target_create), (PageKind::AemTargetCloud, true));
        let edit = at("/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/edit.html/conf/wknd/settings/cloudconfigs/target");
        assert_eq!((edit.kind, edit.target_create), (PageKind::AemTargetCloud, false));
        let console = at("/libs/cq/personalization/touch-ui/content/v2/configurations.html/conf/wknd");
        assert_eq!(console.kind, PageKind::AemTargetConsole);
    }

    #[test]
    fn adobe_pages() {
        let target = classify(Some("https://experience.adobe.com/#/@acme/target/activities"));
        assert_eq!(
            (target.kind, target.tenant.as_deref()),
            (PageKind::Target, Some("acme"))
        );
        assert_eq!(
            kind("https://experience.adobe.com/#/target/activities"),
            PageKind::ExperienceCloud
        );
        assert_eq!(
            kind("https://experience.adobe.com/#/@acme/home"),
            PageKind::ExperienceCloud
        );
        assert_eq!(
            kind("https://developer.adobe.com/console/projects/1/2/credentials/3/details/oauthservertoserver"),
            PageKind::ConsoleCredential
        );
        assert_eq!(kind("https://developer.adobe.com/console/projects"), PageKind::Console);
        assert_eq!(kind("https://developer.adobe.com/apis"), PageKind::Other);
    }

    #[test]
    fn aem_pages_on_any_host() {
        let wizard = classify(Some(
            "http://localhost:4502/libs/cq/adobeims-configuration/content/configurations/create.html",
        ));
        assert_eq!(wizard.kind, PageKind::AemImsWizard);
        assert_eq!(wizard.aem_origin.as_deref(), Some("http://localhost:4502"));
        assert_eq!(
            kind("https://aem.corp.example/libs/cq/adobeims-configuration/content/configurations.html"),
            PageKind::AemImsConsole
        );
        // The Create form at another address of AEM's IMS configuration app.
        for other in [
            "https://aem.corp.example/mnt/overlay/cq/adobeims-configuration/content/configurations/wizard.html",
            "https://aem.corp.example/libs/cq/adobeims-configuration/content/createwizard.html",
        ] {
            assert_eq!(kind(other), PageKind::AemImsWizard, "{other}");
        }
        assert_eq!(
            kind("https://aem.corp.example/mnt/overlay/cq/adobeims-configuration/content/configurations.html"),
            PageKind::Aem
        );
        assert_eq!(
            kind("https://aem.corp.example/content/cq/adobeims-configuration/wizard.html"),
            PageKind::Other
        );
        assert_eq!(
            kind("https://aem.corp.example/etc/cloudservices/testandtarget/acme.html"),
            PageKind::AemTargetClassic
        );
        assert_eq!(
            kind("https://author-p1-e2.adobeaemcloud.com/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/edit.html/conf/wknd/settings/cloudconfigs/target"),
            PageKind::AemTargetCloud
        );
        assert_eq!(
            kind("https://aem.corp.example/libs/cq/core/content/tools/cloudservices.html"),
            PageKind::AemCloudServices
        );
        assert_eq!(
            kind("https://author-p1-e2.adobeaemcloud.com/libs/cq/personalization/touch-ui/content/v2/configurations.html/conf/wknd"),
            PageKind::AemTargetConsole
        );
        assert_eq!(
            kind(
                "https://aem.corp.example/libs/cq/adobeims-configuration/content/configurations/properties.html?item=x"
            ),
            PageKind::AemImsProperties
        );
        assert_eq!(kind("https://aem.corp.example/aem/start.html"), PageKind::Aem);
        let keystore = classify(Some(
            "https://aem.corp.example/libs/granite/security/content/keystore.html/home/users/system/authentication-service",
        ));
        assert_eq!(
            (keystore.kind, keystore.aem_origin.as_deref()),
            (PageKind::AemKeystore, Some("https://aem.corp.example"))
        );
        // Granite's security console elsewhere (users, groups) is not the keystore.
        assert_eq!(
            kind("https://aem.corp.example/libs/granite/security/content/useradmin.html"),
            PageKind::Aem
        );
        assert_eq!(kind("https://author-p1-e2.adobeaemcloud.com/ui#/aem/"), PageKind::Aem);
    }

    #[test]
    fn aem_authors_from_granted_permissions() {
        let of = aem_origin_of_permission;
        assert_eq!(
            of("https://author.aem.test/*").as_deref(),
            Some("https://author.aem.test")
        );
        assert_eq!(of("http://localhost:4502/*").as_deref(), Some("http://localhost:4502"));
        for not_aem in [
            "https://*/*",
            "http://*/*",
            "https://*.experiencecloud.adobe.com/*",
            "https://developer.adobe.com/console/*",
            "https://experience.adobe.com/*",
            "https://ims-na1.adobelogin.com/*",
            "https://mc.adobe.io/*",
            "https://experience.adobe.net/*",
            "https://exc-unifiedcontent.experience.adobe.net/*",
            "<all_urls>",
            "https://localhost:/*",
        ] {
            assert_eq!(of(not_aem), None, "{not_aem}");
        }
    }

    #[test]
    fn everything_else() {
        assert_eq!(classify(None).kind, PageKind::Unreadable);
        assert_eq!(kind("https://www.example.com/"), PageKind::Other);
        assert_eq!(kind("chrome://extensions"), PageKind::Other);
        assert_eq!(kind("not a url"), PageKind::Other);
        assert!(is_cloud_service("https://author-p1-e2.adobeaemcloud.com"));
        assert!(!is_cloud_service("http://localhost:4502"));
    }

    #[test]
    fn the_aem_author_typed_by_the_admin() {
        let ok = |t: &str| aem_author_origin(t).ok();
        assert_eq!(
            ok(" https://Author-P1-E2.adobeaemcloud.com/aem/start.html?x#y ").as_deref(),
            Some("https://author-p1-e2.adobeaemcloud.com")
        );
        assert_eq!(
            ok("author.corp.example").as_deref(),
            Some("https://author.corp.example")
        );
        assert_eq!(ok("http://localhost:4502/").as_deref(), Some("http://localhost:4502"));
        assert_eq!(ok("https://aem.test:8443").as_deref(), Some("https://aem.test:8443"));
        for bad in [
            "",
            "http://author.corp.example",
            "ftp://author.corp.example",
            "https://user@author.corp.example",
            "https://ims-na1.adobelogin.com",
            "https://experience.adobe.com",
            "https://*.example",
            "not an address",
        ] {
            let e = aem_author_origin(bad).expect_err(bad);
            assert!(e.contains("e.g. https://"), "{bad}: {e}");
        }
    }

    #[test]
    fn the_credential_page_from_where_the_client_id_was_read() {
        let with = |url: Option<&str>| {
            let p = crate::profile::Profile {
                client_id: Some(crate::profile::Sourced {
                    value: "abc".into(),
                    source: crate::profile::Source {
                        kind: crate::profile::SourceKind::Page,
                        url: url.map(str::to_string),
                        at_ms: 1,
                    },
                }),
                ..crate::profile::Profile::default()
            };
            credential_page(&p)
        };
        assert_eq!(
            with(Some(
                "https://developer.adobe.com/console/projects/1/2/credentials/3/details/jwt/generatejwt"
            ))
            .as_deref(),
            Some("https://developer.adobe.com/console/projects/1/2/credentials/3/details/jwt")
        );
        assert_eq!(
            with(Some(
                "https://developer.adobe.com/console/projects/1/2/credentials/3/details/oauthservertoserver"
            ))
            .as_deref(),
            Some("https://developer.adobe.com/console/projects/1/2/credentials/3/details/oauthservertoserver")
        );
        assert_eq!(
            with(Some("https://evil.test/console/projects/1/2/credentials/3/details/jwt")),
            None
        );
        assert_eq!(with(Some("workspace.json")), None);
        assert_eq!(with(None), None);
        assert_eq!(credential_page(&crate::profile::Profile::default()), None);
    }
}
