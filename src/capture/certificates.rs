//! The public key certificates a Developer Console JWT credential lists ("Public key
//! certificates": one "Fingerprint" per certificate). The Console's fingerprint format is not
//! documented (PAGES.md: SHA-1 lower-case hex as Adobe's aio tooling prints it is I; colons,
//! upper case or SHA-256 are G), so every fingerprint is compared in one normal form.

use crate::from_json::FromJson;
use crate::text::{clipped, kept, Search};
use crate::to_json::ToJson;

use super::snapshot::PageSnapshot;

const CLIENT_ID_LABELS: [&str; 3] = ["Client ID", "API key (Client ID)", "API Key"];

/// What one credential page listed.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct CredentialCertificates {
    /// The page's address.
    pub url: String,
    /// The credential's client id, as the page showed it.
    pub client_id: Option<String>,
    /// The fingerprints listed, in normal form (`normalize`).
    pub fingerprints: Vec<String>,
}

/// Lower-case hex without separators; `None` unless it is a SHA-1 (40) or SHA-256 (64) digest.
pub fn normalize(fingerprint: &str) -> Option<String> {
    let hex = kept(fingerprint, |c| !matches!(c, ':' | ' ' | '-')).to_ascii_lowercase();
    let hex = hex
        .strip_prefix("sha1")
        .or_else(|| hex.strip_prefix("sha256"))
        .unwrap_or(&hex)
        .trim_start_chars(&['='])
        .to_string();
    (matches!(hex.len(), 40 | 64) && hex.chars().all(|c| c.is_ascii_hexdigit())).then_some(hex)
}

/// Whether a listed fingerprint is the certificate with these SHA-1 and SHA-256 fingerprints
/// (any separators or case).
pub fn same_certificate(listed: &str, sha1: &str, sha256: &str) -> bool {
    let Some(listed) = normalize(listed) else { return false };
    [sha1, sha256].iter().filter_map(|f| normalize(f)).any(|f| f == listed)
}

/// The certificate list of a Console credential page; `None` on other pages, or where the
/// page shows no "Public key certificates" section (an OAuth credential, a page still loading).
pub fn listed(snap: &PageSnapshot) -> Option<CredentialCertificates> {
    let u = crate::url::parse(&snap.url).ok()?;
    let on_credential =
        u.host == "developer.adobe.com" && u.path.starts_with("/console/") && u.path.contains_text("/credentials/");
    // The fake's section (a heading, "Fingerprint" labels), or the table Adobe's screenshots show
    // (V, 2022-2024: columns "Public key", "Expiration date"; the page reads its cells by column).
    let table = snap
        .pairs_for(&["Public key"])
        .iter()
        .any(|p| normalize(&p.value).is_some());
    let pairs = snap.pairs_for(&["Fingerprint", "Certificate fingerprint", "Public key"]);
    if !on_credential || !(table || snap.has_heading("Public key certificates")) {
        return None;
    }
    let mut fingerprints: Vec<String> = Vec::new();
    for pair in pairs {
        for f in std::iter::once(pair.value.as_str()).chain(pair.parts.iter().map(String::as_str)) {
            if let Some(f) = normalize(f) {
                if !fingerprints.contains(&f) {
                    fingerprints.push(f);
                }
            }
        }
    }
    Some(CredentialCertificates {
        url: clipped(&snap.url, 2048),
        client_id: snap.value(&CLIENT_ID_LABELS).map(str::to_string),
        fingerprints,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capture::snapshot::Pair;

    const SHA1: &str = "8C:59:D1:25:EA:D4:E2:33:C8:7C:92:47:70:FB:C4:15:00:BD:F0:27";
    const SHA256: &str =
        "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    fn pair(label: &str, value: &str) -> Pair {
        Pair {
            label: label.into(),
            value: value.into(),
            ..Pair::default()
        }
    }

    fn page(pairs: Vec<Pair>) -> PageSnapshot {
        PageSnapshot {
            url: "https://developer.adobe.com/console/projects/1/2/credentials/3/details/jwt".into(),
            headings: vec!["Service Account (JWT)".into(), "Public key certificates".into()],
            pairs,
        }
    }

    #[test]
    fn fingerprints_match_in_any_format_the_console_may_show() {
        for listed in [
            "8c59d125ead4e233c87c924770fbc41500bdf027",
            SHA1,
            "8c 59 d1 25 ea d4 e2 33 c8 7c 92 47 70 fb c4 15 00 bd f0 27",
            "SHA1=8C59D125EAD4E233C87C924770FBC41500BDF027",
            "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789",
        ] {
            assert!(same_certificate(listed, SHA1, SHA256), "{listed}");
        }
        assert!(!same_certificate(
            "0000000000000000000000000000000000000000",
            SHA1,
            SHA256
        ));
        assert!(
            !same_certificate("8c59d125", SHA1, SHA256),
            "a prefix is not a fingerprint"
        );
        assert!(!same_certificate("Expiring on 2027-12-01", SHA1, SHA256));
    }

    /// Adobe's screenshots: no heading, a table "Public key | Expiration date" read by column.
    #[test]
    fn the_public_key_table_adobe_shows_is_read_by_its_column() {
        let mut snap = page(vec![
            pair("Client ID", "abc123"),
            pair("Public key", "9db7162f10cb28fc9787ffa42d636b3e3d5bc69c"),
            pair("Expiration date", "Jan 21, 2025"),
        ]);
        snap.headings.clear();
        let listed = listed(&snap).unwrap();
        assert_eq!(listed.fingerprints, ["9db7162f10cb28fc9787ffa42d636b3e3d5bc69c"]);
        snap.pairs.retain(|p| p.label != "Public key");
        assert_eq!(super::listed(&snap), None, "no heading and no key: not (yet) a list");
    }

    #[test]
    fn the_credential_page_lists_its_certificates_with_its_client_id() {
        let snap = page(vec![
            pair("Client ID", "abc123"),
            pair("Fingerprint", "8c59d125ead4e233c87c924770fbc41500bdf027"),
            pair("Expiring on", "2027-12-01"),
            pair("Fingerprint", SHA1),
            pair("Fingerprint", "1111111111111111111111111111111111111111"),
        ]);
        let l = listed(&snap).expect("listed");
        assert_eq!(l.client_id.as_deref(), Some("abc123"));
        assert_eq!(
            l.fingerprints,
            vec![
                "8c59d125ead4e233c87c924770fbc41500bdf027".to_string(),
                "1111111111111111111111111111111111111111".to_string()
            ]
        );
        // An empty list is news too ("No public keys uploaded.").
        assert_eq!(listed(&page(vec![])).map(|l| l.fingerprints.len()), Some(0));
    }

    #[test]
    fn other_pages_list_nothing() {
        let mut snap = page(vec![pair("Fingerprint", SHA1)]);
        snap.headings = vec!["OAuth Server-to-Server".into()];
        assert!(listed(&snap).is_none(), "no certificates section");
        let mut snap = page(vec![pair("Fingerprint", SHA1)]);
        snap.url = "https://developer.adobe.com/docs/credentials/jwt".into();
        assert!(listed(&snap).is_none(), "not the Console app");
        snap.url = "https://evil.test/console/projects/1/2/credentials/3/details/jwt".into();
        assert!(listed(&snap).is_none(), "not Adobe");
    }
}
