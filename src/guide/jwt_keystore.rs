//! JWT on AEM 6.5 with IMS Link's key pair (issue 13, route B): AEM signs its JWT with a
//! private key from the authentication-service user's keystore, so IMS Link's key must go
//! there first ("Add Private Key from DER file": the alias IMS Link proposes, its PKCS#8 DER
//! key, its DER certificate and the admin's own key store password), and the wizard then
//! picks that alias as its certificate. The route ends once AEM's keystore page lists the
//! alias; from there the usual IMS configuration steps follow (fill, Create, Check Health).

use super::next::{click, next};
use super::page::{Page, PageKind};
use super::stages::Facts;
use super::{Action, Link, Next, StageId, Step};
use crate::fill::detect::{Address, KEYSTORE_PATH};
use crate::fill::FormKind;
use crate::profile::AuthType;

/// Whether the route applies: a JWT credential IMS accepted with IMS Link's key pair (its
/// certificate held), on an AEM 6.5 author (AEM as a Cloud Service makes its own key pairs).
fn applies(f: &Facts) -> bool {
    f.auth == Some(AuthType::Jwt)
        && f.has_key_pair
        && f.keystore_alias.is_some()
        && f.ims.is_some_and(|c| c.ok)
        && !f.is_cloud_service()
}

/// The keystore as last read on the AEM in question (a page of another author says nothing).
fn seen_here<'a>(f: &Facts<'a>) -> Option<&'a super::KeystoreSeen> {
    let seen = f.keystore?;
    let origin = Address::parse(&seen.url).origin;
    f.aem
        .as_deref()
        .is_some_and(|a| a.eq_ignore_ascii_case(&origin))
        .then_some(seen)
}

/// Whether AEM listed IMS Link's alias in its keystore.
pub fn stored(f: &Facts) -> bool {
    match (seen_here(f), f.keystore_alias) {
        (Some(seen), Some(alias)) => seen.aliases.iter().any(|a| a == alias),
        _ => false,
    }
}

/// Whether the route still has steps to go.
fn pending(f: &Facts) -> bool {
    applies(f) && !stored(f)
}

/// The keystore page on the AEM author in question.
pub fn keystore_link(f: &Facts) -> Option<Link> {
    pending(f)
        .then(|| f.aem_link(KEYSTORE_PATH, "Open AEM's keystore of authentication-service"))
        .flatten()
}

/// Stage 3's detail while the key is not in AEM's keystore.
pub fn detail(f: &Facts) -> Option<String> {
    if !pending(f) {
        return None;
    }
    let alias = f.keystore_alias.unwrap_or_default();
    Some(match f.aem {
        Some(_) => format!(
            "AEM signs its JWT with a private key from its own keystore: add IMS Link's key pair to the keystore of authentication-service (alias \u{201c}{alias}\u{201d}), then create the IMS configuration with that certificate."
        ),
        None => format!(
            "Open your AEM author's keystore of authentication-service (Tools > Security > Users > authentication-service > Keystore, {KEYSTORE_PATH}): IMS Link's key pair goes there under the alias \u{201c}{alias}\u{201d}, then the IMS configuration uses that certificate."
        ),
    })
}

fn own(label: &str, what: &str) -> Step {
    Step::EnterOwn {
        label: label.into(),
        what: what.into(),
    }
}

/// The next step of the route, on whatever page the tab shows; none once AEM lists the alias.
pub fn next_step(f: &Facts, page: &Page) -> Option<Next> {
    if !pending(f) {
        return None;
    }
    if page.kind != PageKind::AemKeystore {
        let text = detail(f).unwrap_or_default();
        return Some(next(StageId::AemIms, text).link(keystore_link(f)));
    }
    // AEM's refusal of the last try (a wrong password, files that do not match), in its words.
    let said = seen_here(f)
        .and_then(|s| s.error.as_deref())
        .map(|e| format!("AEM said \u{201c}{e}\u{201d}. "))
        .unwrap_or_default();
    let n = match seen_here(f) {
        None => next(
            StageId::AemIms,
            format!(
                "{} AEM's keystore of authentication-service: whether it exists and which keys it holds.",
                if f.panel { "IMS Link reads" } else { "Let IMS Link read" }
            ),
        )
        .read_aem(f),
        Some(seen) if !seen.exists => next(
            StageId::AemIms,
            format!("{said}AEM has no key store for authentication-service yet: create it with a password of your own{}.",
                if f.panel { "; IMS Link reads the keystore again when AEM shows it" } else { ", then let IMS Link read the keystore again" }
            ),
        )
        .steps(vec![
            own("New Password", "a key store password of your own"),
            own("Confirm Password", "the same password"),
            click("Save"),
        ])
        .read_aem(f),
        Some(_) if f.filled_here == Some(FormKind::Keystore) => next(
            StageId::AemIms,
            format!(
                "{said}IMS Link filled the alias and its two files. Add your key store password and submit{}: AEM lists the key once it took it.",
                if f.panel { "; IMS Link reads the keystore when AEM shows it" } else { ", then let IMS Link read the keystore" }
            ),
        )
        .steps(vec![
            own("Key Store Password", "your key store password"),
            click("Submit"),
        ])
        .read_aem(f),
        Some(_) => next(
            StageId::AemIms,
            format!(
                "Let IMS Link fill AEM's form: the alias \u{201c}{}\u{201d}, its private key (PKCS#8 DER) and its certificate (DER).",
                f.keystore_alias.unwrap_or_default()
            ),
        )
        .steps(vec![click("Add Private Key from DER file")])
        .action(Action::FillForm),
    };
    Some(n)
}

/// What the consent question names for a fill on this page.
pub fn secret_label(page: &Page) -> &'static str {
    if page.kind == PageKind::AemKeystore {
        "Private Key File"
    } else {
        "Client Secret"
    }
}

#[cfg(test)]
#[path = "jwt_keystore_tests.rs"]
mod tests;
