//! Plain descriptions of HTTP requests and responses, so every call IMS Link makes is
//! built and judged by pure, natively tested code; only the transport touches the network.

use crate::calendar::days_from_civil;
use crate::from_json::FromJson;
use crate::gather::Gather;
use crate::text::{join, Search};
use crate::to_json::ToJson;

/// A request to send; `url` has passed the allow-list (`allow::check`).
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct HttpRequest {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// Absolute https URL on an allowed host.
    pub url: String,
    /// Header name and value pairs.
    pub headers: Vec<(String, String)>,
    /// Form-encoded body, for POST.
    pub body: Option<String>,
}

/// What came back, reduced to what the diagnoses read.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct HttpResponse {
    /// HTTP status code.
    pub status: u16,
    /// The `Date` header, for clock-skew detection.
    pub date: Option<String>,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The body as text (truncated by the transport to a sane size).
    pub body: String,
}

/// Encodes name/value pairs as `application/x-www-form-urlencoded`.
pub fn form_encode(pairs: &[(&str, &str)]) -> String {
    let encoded = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
        .gather();
    join(&encoded, "&")
}

fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => out.push(b as char),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push_str(&crate::text::hex(&[b], true, ""));
            }
        }
    }
    out
}

/// Parses an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`) into unix milliseconds.
pub fn parse_http_date(s: &str) -> Option<i64> {
    let mut parts = s.split_whitespace();
    let _weekday = parts.next()?;
    let day = number(parts.next()?)?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year = number(parts.next()?)?;
    let mut hms = parts.next()?.split_ascii(b':').map(number);
    let (h, m, sec) = (hms.next()??, hms.next()??, hms.next()??);
    if parts.next()? != "GMT" || !(1..=31).contains(&day) || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    Some((days_from_civil(year, month, u32::try_from(day).ok()?) * 86_400 + h * 3600 + m * 60 + sec) * 1000)
}

/// A date's digits as a number.
fn number(digits: &str) -> Option<i64> {
    i64::try_from(crate::text::whole_number(digits.as_bytes())?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_encoding_escapes_reserved_characters() {
        assert_eq!(
            form_encode(&[("client_id", "abc"), ("scope", "openid,AdobeID"), ("x", "a b+c/=&")]),
            "client_id=abc&scope=openid%2CAdobeID&x=a+b%2Bc%2F%3D%26"
        );
    }

    #[test]
    fn http_dates() {
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777_000));
        assert_eq!(
            parse_http_date("Sun, 29 Nov 2026 03:04:35 GMT"),
            Some(1_795_921_475_000)
        );
        for bad in [
            "",
            "yesterday",
            "Sun, 06 Nov 1994 08:49:37 PST",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 1:2:3 GMT",
        ] {
            assert_eq!(parse_http_date(bad), None, "{bad}");
        }
    }
}
