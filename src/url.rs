//! A deliberately small URL splitter for the handful of Adobe URL shapes IMS Link reads.
//!
//! The `url` crate would pull IDNA tables into the wasm module; we only need scheme,
//! host, path, query and fragment of https URLs, and every rejection must name its cause.

use crate::text::Search;
use std::fmt;

/// The parts of an absolute `http(s)` URL, borrowed from the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url<'a> {
    /// `https` or `http`, lower-cased by the caller's comparison.
    pub scheme: &'a str,
    /// The authority as written: user info, host and port, up to the first of `/`, `?`, `#`.
    pub authority: &'a str,
    /// Host name in lower case, without port or user info.
    pub host: String,
    /// Path, starting with `/` (or empty).
    pub path: &'a str,
    /// Query without the `?`.
    pub query: Option<&'a str>,
    /// Fragment without the `#`.
    pub fragment: Option<&'a str>,
}

/// Why a string is not a URL IMS Link can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// Nothing was given.
    Empty,
    /// The text has no `scheme://` in front.
    NotAUrl,
    /// The scheme is neither http nor https.
    UnsupportedScheme(String),
    /// There is no host after `://`.
    NoHost,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::Empty => write!(
                f,
                "The address is empty. Paste the full address from the browser's address bar."
            ),
            UrlError::NotAUrl => write!(
                f,
                "This is not a web address. Paste the full address, starting with https://."
            ),
            UrlError::UnsupportedScheme(s) => write!(
                f,
                "Addresses starting with \"{s}:\" are not Adobe pages. Use the https:// address of the page."
            ),
            UrlError::NoHost => write!(f, "The address has no host name after https://."),
        }
    }
}

impl std::error::Error for UrlError {}

/// Splits an absolute URL into its parts.
pub fn parse(input: &str) -> Result<Url<'_>, UrlError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(UrlError::Empty);
    }
    let (scheme, rest) = input.split_once_text("://").ok_or(UrlError::NotAUrl)?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains_char(c))
    {
        return Err(UrlError::NotAUrl);
    }
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return Err(UrlError::UnsupportedScheme(scheme.to_ascii_lowercase()));
    }
    let (before_fragment, fragment) = match rest.split_once_ascii(b'#') {
        Some((a, b)) => (a, Some(b)),
        None => (rest, None),
    };
    let (before_query, query) = match before_fragment.split_once_ascii(b'?') {
        Some((a, b)) => (a, Some(b)),
        None => (before_fragment, None),
    };
    let (authority, path) = match before_query.find_ascii(b'/') {
        Some(i) => before_query.split_at_checked(i).unwrap_or((before_query, "")),
        None => (before_query, ""),
    };
    let host_port = authority.after_last(b'@');
    let host = host_port.before_any(b":").to_ascii_lowercase();
    if host.is_empty() {
        return Err(UrlError::NoHost);
    }
    Ok(Url {
        scheme,
        authority,
        host,
        path,
        query,
        fragment,
    })
}

/// Decodes `%XX` escapes; invalid escapes are kept as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    crate::text::lossy(&out)
}

/// The value of `name` in a `a=b&c=d` query, percent-decoded.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query.split_ascii(b'&').find_map(|pair| {
        let (k, v) = pair.split_once_ascii(b'=').unwrap_or((pair, ""));
        (k == name).then(|| percent_decode(v))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_part() {
        let u = parse("https://user@Experience.Adobe.com:8443/a/b?x=1#/@acme/target").unwrap();
        assert_eq!(u.scheme, "https");
        assert_eq!(u.authority, "user@Experience.Adobe.com:8443");
        assert_eq!(u.host, "experience.adobe.com");
        assert_eq!(u.path, "/a/b");
        assert_eq!(u.query, Some("x=1"));
        assert_eq!(u.fragment, Some("/@acme/target"));
    }

    #[test]
    fn fragment_may_hold_question_marks() {
        let u = parse("https://experience.adobe.com/#/@acme/target?x=1").unwrap();
        assert_eq!(u.authority, "experience.adobe.com");
        assert_eq!(u.path, "/");
        assert_eq!(u.query, None);
        assert_eq!(u.fragment, Some("/@acme/target?x=1"));
    }

    #[test]
    fn rejections_name_their_cause() {
        assert_eq!(parse("  "), Err(UrlError::Empty));
        assert_eq!(parse("experience.adobe.com/#/@acme"), Err(UrlError::NotAUrl));
        assert_eq!(parse("ftp://x"), Err(UrlError::UnsupportedScheme("ftp".into())));
        assert_eq!(parse("https:///path"), Err(UrlError::NoHost));
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("%40acme%2"), "@acme%2");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(query_param("a=1&client=acme%20x", "client").as_deref(), Some("acme x"));
        assert_eq!(query_param("a=1", "client"), None);
    }
}
