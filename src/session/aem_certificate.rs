//! Route A of a JWT configuration on AEM 6.5: AEM makes the key pair ("Create new
//! certificate" in its IMS wizard) and IMS Link carries AEM's public key certificate to the
//! Developer Console credential. Everything here is public data: AEM keeps the private key,
//! IMS Link never sees it.

use crate::from_json::FromJson;
use crate::text::Search;
use crate::text::{clipped, folded};
use crate::to_json::ToJson;

use super::event::{AfterTab, Io, Step};
use super::reply::Reply;
use super::Session;
use crate::capture::certificates::{self, CredentialCertificates};
use crate::capture::snapshot::PageSnapshot;
use crate::fill::detect::Address;
use crate::ims::aem_verdict::AemResultPage;

/// What AEM names the file when none is given (the fake and AEM's docs' screenshots, I).
pub const DEFAULT_FILE_NAME: &str = "AEM-Adobe-IMS.crt";
/// The link AEM's wizard shows once the certificate exists (adobe-surfaces.md §4, V).
const DOWNLOAD_LINK: &str = "download public key";
/// The wizard's switch that makes AEM create the key pair (adobe-surfaces.md §4, V).
const CREATE_SWITCH: &str = "create new certificate";
/// A certificate is a few kilobytes; anything bigger is not one.
pub const MAX_CERTIFICATE_BYTES: usize = 64 * 1024;

/// AEM's own certificate, taken from its IMS wizard.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct AemCertificate {
    /// The AEM author that made it.
    pub origin: String,
    /// The key pair alias AEM stored it under, when the page says.
    pub alias: Option<String>,
    /// The file name AEM gave it (the popup's download keeps it).
    pub file_name: String,
    /// The certificate, PEM.
    pub pem: String,
    /// SHA-1 of the DER, upper-case hex with colons.
    pub sha1_fingerprint: String,
    /// SHA-256 of the DER, upper-case hex with colons.
    pub sha256_fingerprint: String,
    /// End of validity, unix seconds.
    pub not_after: u64,
    /// End of validity, RFC 3339.
    pub not_after_rfc3339: String,
    /// The RSA key size.
    pub key_bits: usize,
}

/// The file AEM's link answered with.
#[derive(Debug, Clone, Default, PartialEq, Eq, FromJson)]
#[serde(rename_all = "camelCase", default)]
pub struct FetchedFile {
    /// The HTTP status.
    pub status: u16,
    /// The body's bytes, base64: PEM or DER, as AEM sent them.
    pub body_base64: String,
    /// The `content-disposition` header, if any.
    pub content_disposition: Option<String>,
}

/// The certificate as the key reader takes it: PEM text, or DER as base64 text. `None` when
/// the file is far bigger than a certificate. (Bytes that are not base64 read as an empty file,
/// which the reader refuses as no certificate.)
fn certificate_text(body_base64: &str) -> Option<String> {
    let body_base64 = body_base64.trim();
    let bytes = crate::base64_text::decode(body_base64).unwrap_or_default();
    if bytes.len() > MAX_CERTIFICATE_BYTES {
        return None;
    }
    let pem = bytes.windows(10).any(|w| w == b"-----BEGIN");
    Some(if pem {
        crate::text::lossy(&bytes)
    } else {
        body_base64.to_string()
    })
}

/// A file name safe to offer as a download: letters, digits, `.`, `_`, `-`, a certificate
/// extension; anything else gives AEM's usual name.
pub fn safe_file_name(name: &str) -> String {
    let name = name.trim().trim_chars(&['"']);
    let lower = name.to_ascii_lowercase();
    let ok = !name.is_empty()
        && name.len() <= 100
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        && [".crt", ".cer", ".pem", ".der"].iter().any(|e| lower.ends_with(e));
    if ok {
        name.to_string()
    } else {
        DEFAULT_FILE_NAME.to_string()
    }
}

/// The `filename` of a `content-disposition` header.
fn disposition_name(header: &str) -> Option<&str> {
    header.split_ascii(b';').map(str::trim).find_map(|part| {
        let (k, v) = part.split_once_ascii(b'=')?;
        (k.trim().eq_ignore_ascii_case("filename")).then(|| v.trim().trim_chars(&['"']))
    })
}

/// The `alias` query parameter of AEM's public key link, if it carries one.
fn alias_of(href: &str) -> Option<String> {
    let query = href.split_once_ascii(b'?')?.1.before_any(b"#");
    crate::url::query_param(query, "alias")
        .map(|v| clipped(v.trim(), 100))
        .filter(|v| !v.is_empty())
}

/// "Take AEM's certificate" on the wizard: the Download Public Key link, fetched from the
/// page's own origin only; without it, whether "Create new certificate" is on (the admin
/// chose this route).
pub(super) fn wizard_read(mut s: Session, tab_id: u32, page: AemResultPage) -> Step {
    let origin = Address::parse(&page.url).origin;
    let link = page
        .links
        .iter()
        .find(|l| folded(&l.text) == DOWNLOAD_LINK && !l.href.trim().is_empty());
    let Some(link) = link else {
        let on = page
            .switches
            .iter()
            .any(|w| folded(&w.label) == CREATE_SWITCH && w.checked);
        let message = if on {
            "AEM has not made the certificate yet: type an alias and click \u{201c}Create certificate\u{201d}, then take it."
        } else {
            "This wizard shows no certificate yet: turn on \u{201c}Create new certificate\u{201d}, type an alias and click \u{201c}Create certificate\u{201d}."
        };
        let changed = on && s.aem_new_certificate.as_deref() != Some(origin.as_str());
        let reply = Reply::refused("no-aem-certificate", message);
        if changed {
            s.aem_new_certificate = Some(origin);
            return Step::changed(s, Some(reply));
        }
        return Step::reply(reply);
    };
    // Only AEM itself may hand over its certificate: a link to another origin is not followed.
    if Address::parse(&link.href).origin != origin || origin.is_empty() {
        return Step::reply(Reply::refused(
            "aem-certificate-elsewhere",
            "The wizard's Download Public Key link points away from this AEM author: IMS Link takes AEM's certificate only from AEM itself.",
        ));
    }
    Step::io(Io::FetchAemCertificate {
        tab_id,
        url: clipped(&link.href, 2048),
        file_name: safe_file_name(&link.download),
    })
}

/// AEM's public key arrived: checked (X.509, RSA ≥ 2048, valid now) and kept.
pub(super) fn fetched(
    mut s: Session,
    tab_id: u32,
    url: String,
    file_name: String,
    file: Option<FetchedFile>,
    error: Option<String>,
    now_ms: u64,
) -> Step {
    let file = match (file, error) {
        (Some(f), None) if (200..300).contains(&f.status) => f,
        (Some(f), None) => {
            return Step::reply(Reply::refused(
                "aem-certificate-unavailable",
                format!(
                    "AEM answered {} for its public key: click \u{201c}Create certificate\u{201d} again, then take it.",
                    // As a `u32`: the module has no formatter of `u16`s.
                    u32::from(f.status)
                ),
            ))
        }
        _ => {
            return Step::reply(Reply::refused(
                "aem-certificate-unavailable",
                "IMS Link could not read AEM's public key from this page. Click the IMS Link icon while the wizard is open, then try again.",
            ))
        }
    };
    let Some(text) = certificate_text(&file.body_base64) else {
        return Step::reply(Reply::refused(
            "aem-certificate-invalid",
            "AEM's Download Public Key gave a file far bigger than a certificate.",
        ));
    };
    let (info, key_bits) = match crate::keys::public_certificate(&text) {
        Ok(c) => c,
        Err(e) => {
            return Step::reply(Reply::refused(
                "aem-certificate-invalid",
                format!("AEM's Download Public Key did not give a certificate the Developer Console takes: {e}"),
            ))
        }
    };
    let now = now_ms / 1000;
    if info.not_after <= now || info.not_before > now + 300 {
        return Step::reply(Reply::refused(
            "aem-certificate-expired",
            format!(
                "AEM's certificate is valid from {} to {}, not now: create a new one in the wizard.",
                info.not_before_rfc3339, info.not_after_rfc3339
            ),
        ));
    }
    let file_name = file
        .content_disposition
        .as_deref()
        .and_then(disposition_name)
        .map(safe_file_name)
        .filter(|n| n != DEFAULT_FILE_NAME)
        .unwrap_or(file_name);
    s.aem_certificate = Some(AemCertificate {
        origin: Address::parse(&url).origin,
        alias: alias_of(&url),
        file_name: safe_file_name(&file_name),
        pem: info.pem,
        sha1_fingerprint: info.sha1_fingerprint,
        sha256_fingerprint: info.sha256_fingerprint,
        not_after: info.not_after,
        not_after_rfc3339: info.not_after_rfc3339,
        key_bits,
    });
    let mut step = Step::changed(s, None);
    step.io = Some(Io::TabFacts {
        tab_id,
        then: AfterTab::Guide,
    });
    step
}

/// A Console credential page's certificate list, kept when it changed.
pub(super) fn credential_listed(s: &mut Session, snap: &PageSnapshot) -> bool {
    let Some(listed) = certificates::listed(snap) else {
        return false;
    };
    let same = s
        .credential_certificates
        .as_ref()
        .is_some_and(|c: &CredentialCertificates| {
            c.fingerprints == listed.fingerprints && c.client_id == listed.client_id
        });
    s.credential_certificates = Some(listed);
    !same
}

#[cfg(test)]
#[path = "aem_certificate_tests.rs"]
mod tests;
