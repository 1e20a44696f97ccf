//! IMS Link's key pair and AEM's keystore (issue 13, JWT route B): the files the keystore form
//! takes, the alias IMS Link proposes, and what AEM's keystore page showed. The alias counts
//! as stored only once AEM listed it, on that AEM author.

use super::{KeystoreList, Session};
use crate::fill::detect::Address;
use crate::fill::plan::{keystore_alias, KeystoreFiles};
use crate::gather::Gather;
use crate::ims::aem_verdict::AemResultPage;
use crate::text::{clipped, Search};

/// Most aliases kept from one page.
const MAX_ALIASES: usize = 200;

/// IMS Link's key pair as "Add Private Key from DER file" takes it; none without a certificate.
pub(super) fn files(s: &Session) -> Option<KeystoreFiles> {
    let pair = s.key_pair.as_ref()?;
    let cert = pair.certificate.as_ref()?;
    Some(KeystoreFiles {
        alias: keystore_alias(&cert.sha256_fingerprint),
        private_key_der_base64: pair.key.private_key_der_base64.clone(),
        certificate_der_base64: cert.der_base64.clone(),
    })
}

/// The alias of IMS Link's key pair, when AEM at `origin` listed it in its keystore.
pub(super) fn stored_alias(s: &Session, origin: &str) -> Option<String> {
    let alias = files(s)?.alias;
    let list = s.aem.keystore.as_ref()?;
    let on = Address::parse(&list.url).origin;
    (on.eq_ignore_ascii_case(origin) && list.aliases.contains(&alias)).then_some(alias)
}

/// What the keystore page shows: the table of aliases (its header cell "Alias") means the key
/// store exists; each row under it starts with an alias.
pub(super) fn read(page: &AemResultPage) -> KeystoreList {
    let header = page
        .rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c.trim().eq_ignore_ascii_case("alias")));
    let aliases = header
        .map(|h| {
            page.rows
                .iter()
                .skip(h + 1)
                .filter_map(|r| r.first().map(|c| c.trim().to_string()))
                .filter(|a| !a.is_empty())
                .take(MAX_ALIASES)
                .gather()
        })
        .unwrap_or_default();
    // AEM's refusal of the last submit, shown in the form (its words are G, so any "Error").
    let error = page
        .messages
        .iter()
        .filter(|m| !m.dialog)
        .map(|m| m.text.trim())
        .find(|t| t.to_ascii_lowercase().contains_text("error"))
        .map(|t| clipped(t, 300));
    KeystoreList {
        url: clipped(&page.url, 2048),
        exists: header.is_some(),
        aliases,
        error,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::session::{step, Event};

    const KEYSTORE: &str =
        "https://author.aem.test/libs/granite/security/content/keystore.html/home/users/system/authentication-service";

    fn with_key_pair() -> Session {
        let pair = json!({
            "privateKeyPem": "-----BEGIN PRIVATE KEY-----", "privateKeyDerBase64": "S0VZ", "publicKeyPem": "", "keyBits": 2048,
            "certificate": { "pem": "", "derBase64": "Q0VSVA==", "sha1Fingerprint": "", "sha256Fingerprint": "AB:CD:EF:01:23:45:67:89",
                "notBefore": 0, "notAfter": 0, "notBeforeRfc3339": "", "notAfterRfc3339": "", "subject": "", "serialHex": "" },
        });
        Session {
            key_pair: Some(crate::from_json::from_value(pair).expect("key pair")),
            ..Session::default()
        }
    }

    fn read_page(s: &mut Session, rows: Value) -> Value {
        let e: Event = crate::from_json::from_value(
            json!({"type": "AemResultRead", "tabId": 7, "page": {"url": KEYSTORE, "messages": [], "rows": rows}}),
        )
        .expect("event");
        let out = step(s.clone(), e, 1_796_000_000_000);
        if let Some(next) = &out.session {
            *s = next.clone();
        }
        serde_json::to_value(&out).expect("step")
    }

    #[test]
    fn aems_refusal_in_the_form_is_kept_with_the_list() {
        let mut s = with_key_pair();
        let e: Event = crate::from_json::from_value(json!({"type": "AemResultRead", "tabId": 7, "page": {"url": KEYSTORE,
            "messages": [{"text": "Error Error: The key store password is incorrect.", "context": "Add Private Key from DER file"}],
            "rows": [["Alias", "Entry"]]}}))
        .expect("event");
        let out = step(s.clone(), e, 1_796_000_000_000);
        s = out.session.expect("kept");
        let k = s.aem.keystore.expect("read");
        assert!(k.exists && k.aliases.is_empty());
        assert_eq!(
            k.error.as_deref(),
            Some("Error Error: The key store password is incorrect.")
        );
    }

    #[test]
    fn the_key_pair_becomes_the_keystore_files_with_its_alias() {
        let f = files(&with_key_pair()).expect("files");
        assert_eq!(
            (
                f.alias.as_str(),
                f.private_key_der_base64.as_str(),
                f.certificate_der_base64.as_str()
            ),
            ("ims-link-abcdef012345", "S0VZ", "Q0VSVA==")
        );
        assert_eq!(files(&Session::default()), None);
    }

    #[test]
    fn the_keystore_page_is_read_and_the_alias_counts_only_on_that_author() {
        let mut s = with_key_pair();
        // No table: the key store does not exist yet.
        let out = read_page(&mut s, json!([]));
        assert_eq!(out["io"], json!({"do": "tab-facts", "tabId": 7, "then": "guide"}));
        assert_eq!(s.aem.keystore.as_ref().map(|k| k.exists), Some(false));
        assert_eq!(s.aem.keystore.as_ref().and_then(|k| k.error.clone()), None);
        assert_eq!(stored_alias(&s, "https://author.aem.test"), None);
        read_page(
            &mut s,
            json!([
                ["Alias", "Entry"],
                ["ims-link-abcdef012345", "Private Key"],
                ["other", "Private Key"]
            ]),
        );
        let k = s.aem.keystore.clone().expect("read");
        assert!(k.exists);
        assert_eq!(k.aliases, ["ims-link-abcdef012345", "other"]);
        assert_eq!(
            stored_alias(&s, "https://author.aem.test").as_deref(),
            Some("ims-link-abcdef012345")
        );
        assert_eq!(stored_alias(&s, "https://other.aem.test"), None);
        // Another key pair: its alias is not the one AEM holds.
        s.key_pair = None;
        assert_eq!(stored_alias(&s, "https://author.aem.test"), None);
    }
}
