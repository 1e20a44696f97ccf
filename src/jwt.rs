//! RS256 JSON Web Tokens for Adobe IMS's JWT (service account) exchange
//! (adobe-surfaces.md §3 and §6): the payload the Developer Console shows, signed with the
//! private key whose certificate is bound to the credential.

use crate::gather::Gather;
use std::fmt;

use crate::json_value::{Map, Value};

use crate::base64_text;
use crate::error::JsErrorInfo;
#[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
use crate::keys::RsaKey;
use crate::text::Search;

/// Token lifetime when the caller has no reason to choose: IMS only needs the JWT for the
/// one token exchange that follows, and a short life limits a leaked token's use.
pub const DEFAULT_LIFETIME_SECS: u64 = 300;
/// Longest lifetime accepted (one day).
pub const MAX_LIFETIME_SECS: u64 = 86_400;

/// The fixed header: RS256 is the only algorithm Adobe IMS accepts for these JWTs.
const HEADER_JSON: &str = r#"{"alg":"RS256","typ":"JWT"}"#;

/// One of the three dot-separated parts of a JWT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The first part.
    Header,
    /// The second part.
    Payload,
    /// The third part.
    Signature,
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Part::Header => "header",
            Part::Payload => "payload",
            Part::Signature => "signature",
        })
    }
}

/// Why a JWT could not be signed or decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwtError {
    /// The payload text is not JSON; holds the parser's message.
    PayloadNotJson(String),
    /// The payload is valid JSON but not an object; holds what it is instead.
    PayloadNotObject(&'static str),
    /// The lifetime is 0 or longer than a day.
    LifetimeOutOfRange(u64),
    /// Now plus the lifetime does not fit in a timestamp.
    TimeOutOfRange(u64),
    /// The RSA signature could not be made.
    SigningFailed(String),
    /// The token does not have exactly three dot-separated parts; holds how many it has.
    WrongPartCount(usize),
    /// A part is not base64url without padding.
    BadBase64(Part),
    /// The header or payload is not a JSON object.
    BadJson {
        /// Which part.
        part: Part,
        /// What the parser said.
        detail: String,
    },
}

impl JsErrorInfo for JwtError {
    fn js_name(&self) -> &'static str {
        "JwtError"
    }

    /// A stable machine-readable code, used by the UI and tests.
    fn code(&self) -> &'static str {
        match self {
            JwtError::PayloadNotJson(_) => "payload-not-json",
            JwtError::PayloadNotObject(_) => "payload-not-object",
            JwtError::LifetimeOutOfRange(_) => "lifetime-out-of-range",
            JwtError::TimeOutOfRange(_) => "time-out-of-range",
            JwtError::SigningFailed(_) => "signing-failed",
            JwtError::WrongPartCount(_) => "wrong-part-count",
            JwtError::BadBase64(_) => "bad-base64",
            JwtError::BadJson { .. } => "bad-json",
        }
    }
}

impl fmt::Display for JwtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JwtError::PayloadNotJson(e) => write!(
                f,
                "The JWT payload is not valid JSON ({e}). Copy the payload from the Developer Console's \"Generate JWT\" view again, including the braces."
            ),
            JwtError::PayloadNotObject(kind) => write!(
                f,
                "The JWT payload is {kind}, but it must be a JSON object like {{\"iss\": \"...@AdobeOrg\", \"sub\": \"...@techacct.adobe.com\", ...}}. Copy the whole payload from the Developer Console."
            ),
            JwtError::LifetimeOutOfRange(secs) => write!(
                f,
                "A JWT lifetime of {secs} seconds is not possible: choose between 1 and {MAX_LIFETIME_SECS} seconds ({DEFAULT_LIFETIME_SECS} is usual)."
            ),
            JwtError::TimeOutOfRange(now) => write!(
                f,
                "The time {now} (unix seconds) plus the lifetime does not fit in a JWT. Check the computer's clock."
            ),
            JwtError::SigningFailed(e) => write!(f, "Signing the JWT failed ({e}). Import the private key again."),
            JwtError::WrongPartCount(n) => write!(
                f,
                "A JWT has three parts separated by dots (header.payload.signature); this text has {n}. Copy the whole token."
            ),
            JwtError::BadBase64(part) => write!(
                f,
                "The JWT's {part} is not base64url text, so the token was changed or cut. Copy the whole token again."
            ),
            JwtError::BadJson { part, detail } => write!(
                f,
                "The JWT's {part} decodes, but is not a JSON object ({detail}). The token is damaged or not a JWT."
            ),
        }
    }
}

impl std::error::Error for JwtError {}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Signs `payload_json` (a JSON object) as an RS256 JWT. `exp` is set to `now_unix +
/// lifetime_secs`, replacing any `exp` in the payload, because a stale `exp` copied from the
/// Developer Console is the usual reason IMS rejects a token.
///
/// Signs with the `rsa` crate: native builds and the `portable` feature only (the shipped
/// module has WebCrypto sign, see `webcrypto::jwt::sign_jwt`).
#[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
pub fn sign_rs256(payload_json: &str, key: &RsaKey, now_unix: u64, lifetime_secs: u64) -> Result<String, JwtError> {
    use rsa::pkcs1v15::SigningKey;
    use rsa::signature::{SignatureEncoding, Signer};
    let signing_input = signing_input(payload_json, now_unix, lifetime_secs)?;
    let key = key.to_rsa().map_err(|e| JwtError::SigningFailed(e.to_string()))?;
    let signer = SigningKey::<sha2::Sha256>::new(key);
    let signature = signer
        .try_sign(signing_input.as_bytes())
        .map_err(|e| JwtError::SigningFailed(e.to_string()))?;
    Ok(assemble(&signing_input, &signature.to_bytes()))
}

/// `base64url(header).base64url(payload)` with the fresh `exp`: the bytes an RS256 signature
/// covers. Split from signing so the browser's WebCrypto can sign in wasm builds.
pub fn signing_input(payload_json: &str, now_unix: u64, lifetime_secs: u64) -> Result<String, JwtError> {
    if !(1..=MAX_LIFETIME_SECS).contains(&lifetime_secs) {
        return Err(JwtError::LifetimeOutOfRange(lifetime_secs));
    }
    let exp = now_unix
        .checked_add(lifetime_secs)
        .ok_or(JwtError::TimeOutOfRange(now_unix))?;
    let value = crate::json_text::parse(payload_json).map_err(|e| JwtError::PayloadNotJson(e.to_string()))?;
    let mut claims: Map = match value {
        Value::Object(map) => map,
        other => return Err(JwtError::PayloadNotObject(json_kind(&other))),
    };
    claims.insert("exp".to_string(), Value::from(exp));
    let payload = crate::to_json::to_string(&Value::Object(claims));
    Ok(format!(
        "{}.{}",
        base64_text::encode_url(HEADER_JSON),
        base64_text::encode_url(payload)
    ))
}

/// The finished token from its signing input and an RSASSA-PKCS1-v1_5 SHA-256 signature.
pub fn assemble(signing_input: &str, signature: &[u8]) -> String {
    format!("{signing_input}.{}", base64_text::encode_url(signature))
}

fn decode_json_part(b64: &str, part: Part) -> Result<Value, JwtError> {
    let bytes = base64_text::decode_url(b64).ok_or(JwtError::BadBase64(part))?;
    let text = String::from_utf8(bytes).map_err(|_| JwtError::BadJson {
        part,
        detail: "it is not UTF-8 text".into(),
    })?;
    let value = crate::json_text::parse(&text).map_err(|e| JwtError::BadJson {
        part,
        detail: e.to_string(),
    })?;
    if !value.is_object() {
        return Err(JwtError::BadJson {
            part,
            detail: format!("it is {}", json_kind(&value)),
        });
    }
    Ok(value)
}

/// Decodes a JWT's header and payload WITHOUT checking the signature, to show the admin
/// what a token says (issuer, audience, expiry). Never use the result to trust a token.
pub fn decode_unverified(jwt: &str) -> Result<(Value, Value), JwtError> {
    let parts: Vec<&str> = jwt.trim().split_ascii(b'.').gather();
    let [header, payload, signature] = parts.as_slice() else {
        return Err(JwtError::WrongPartCount(parts.len()));
    };
    let header = decode_json_part(header, Part::Header)?;
    let payload = decode_json_part(payload, Part::Payload)?;
    if signature.is_empty() || base64_text::decode_url(signature).is_none() {
        return Err(JwtError::BadBase64(Part::Signature));
    }
    Ok((header, payload))
}

#[cfg(test)]
mod tests {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use std::sync::OnceLock;

    use rsa::pkcs1v15::{Signature, VerifyingKey};
    use rsa::signature::{SignatureEncoding, Verifier};
    use serde_json::json;

    use super::*;
    use crate::keys::{self, KeyOptions};

    const NOW: u64 = 1_767_225_600;
    const PAYLOAD: &str = r#"{"exp": 1, "iss": "0123456789ABCDEF01234567@AdobeOrg",
        "sub": "ABCDEF0123456789ABCDEF01@techacct.adobe.com",
        "https://ims-na1.adobelogin.com/s/ent_marketing_sdk": true,
        "aud": "https://ims-na1.adobelogin.com/c/0123456789abcdef0123456789abcdef"}"#;

    fn key() -> &'static RsaKey {
        static KEY: OnceLock<RsaKey> = OnceLock::new();
        KEY.get_or_init(|| {
            let m = keys::generate(&KeyOptions::default(), NOW).unwrap();
            keys::parse_private_key(&m.key.private_key_pem).unwrap()
        })
    }

    #[test]
    fn signs_a_verifiable_token_with_a_fresh_exp() {
        let jwt = sign_rs256(PAYLOAD, key(), NOW, DEFAULT_LIFETIME_SECS).unwrap();
        let (header, payload) = decode_unverified(&jwt).unwrap();
        let (header, payload) = (serde_json::Value::from(header), serde_json::Value::from(payload));
        assert_eq!(header, json!({"alg": "RS256", "typ": "JWT"}));
        assert_eq!(payload["exp"], json!(NOW + 300));
        assert_eq!(payload["iss"], json!("0123456789ABCDEF01234567@AdobeOrg"));
        assert_eq!(
            payload["https://ims-na1.adobelogin.com/s/ent_marketing_sdk"],
            json!(true)
        );
        assert!(!jwt.contains('=') && !jwt.contains('+') && !jwt.contains('/'));

        let (input, sig) = jwt.rsplit_once('.').unwrap();
        let sig = Signature::try_from(URL_SAFE_NO_PAD.decode(sig).unwrap().as_slice()).unwrap();
        assert_eq!(sig.to_bytes().len(), 256);
        let verifier = VerifyingKey::<sha2::Sha256>::new(key().to_rsa().unwrap().to_public_key());
        verifier.verify(input.as_bytes(), &sig).unwrap();
        assert!(verifier.verify(b"tampered", &sig).is_err());
    }

    #[test]
    fn lifetime_is_applied_and_bounded() {
        let jwt = sign_rs256("{}", key(), NOW, 60).unwrap();
        assert_eq!(
            serde_json::Value::from(decode_unverified(&jwt).unwrap().1),
            json!({"exp": NOW + 60})
        );
        assert!(sign_rs256("{}", key(), NOW, MAX_LIFETIME_SECS).is_ok());
        for bad in [0, MAX_LIFETIME_SECS + 1] {
            assert_eq!(
                sign_rs256("{}", key(), NOW, bad).unwrap_err(),
                JwtError::LifetimeOutOfRange(bad)
            );
        }
        assert_eq!(
            sign_rs256("{}", key(), u64::MAX, 1).unwrap_err().code(),
            "time-out-of-range"
        );
    }

    #[test]
    fn payload_must_be_a_json_object() {
        let e = sign_rs256("[1, 2]", key(), NOW, 300).unwrap_err();
        assert_eq!(e, JwtError::PayloadNotObject("an array"));
        assert!(
            e.to_string()
                .starts_with("The JWT payload is an array, but it must be a JSON object"),
            "{e}"
        );
        assert_eq!(
            sign_rs256("\"x\"", key(), NOW, 300).unwrap_err().code(),
            "payload-not-object"
        );
        assert_eq!(
            sign_rs256("null", key(), NOW, 300).unwrap_err().code(),
            "payload-not-object"
        );
        let e = sign_rs256("{\"iss\": ", key(), NOW, 300).unwrap_err();
        assert_eq!(e.code(), "payload-not-json");
        assert!(e.to_string().contains("not valid JSON"), "{e}");
        assert_eq!(sign_rs256("", key(), NOW, 300).unwrap_err().code(), "payload-not-json");
    }

    #[test]
    fn decode_reports_each_kind_of_damage() {
        let jwt = sign_rs256(PAYLOAD, key(), NOW, 300).unwrap();
        assert_eq!(decode_unverified("a.b").unwrap_err(), JwtError::WrongPartCount(2));
        assert_eq!(decode_unverified("").unwrap_err(), JwtError::WrongPartCount(1));
        assert_eq!(
            decode_unverified(&format!("{jwt}.x")).unwrap_err(),
            JwtError::WrongPartCount(4)
        );
        let (h, rest) = jwt.split_once('.').unwrap();
        assert_eq!(
            decode_unverified(&format!("{h}!.{rest}")).unwrap_err(),
            JwtError::BadBase64(Part::Header)
        );
        assert_eq!(
            decode_unverified(&format!("{h}.%%.{rest}")).unwrap_err().code(),
            "wrong-part-count"
        );
        let not_json = URL_SAFE_NO_PAD.encode("not json");
        let e = decode_unverified(&format!("{h}.{not_json}.AAAA")).unwrap_err();
        assert!(
            matches!(
                e,
                JwtError::BadJson {
                    part: Part::Payload,
                    ..
                }
            ),
            "{e:?}"
        );
        let array = URL_SAFE_NO_PAD.encode("[1]");
        let e = decode_unverified(&format!("{array}.{array}.AAAA")).unwrap_err();
        assert!(matches!(e, JwtError::BadJson { part: Part::Header, .. }), "{e:?}");
        let (input, _) = jwt.rsplit_once('.').unwrap();
        assert_eq!(
            decode_unverified(&format!("{input}.***")).unwrap_err(),
            JwtError::BadBase64(Part::Signature)
        );
        assert_eq!(
            decode_unverified(&format!("{input}.")).unwrap_err(),
            JwtError::BadBase64(Part::Signature)
        );
        // Surrounding whitespace from copy and paste is fine.
        assert!(decode_unverified(&format!("  {jwt}\n")).is_ok());
    }

    #[test]
    fn every_code_is_distinct() {
        let all = [
            JwtError::PayloadNotJson("x".into()),
            JwtError::PayloadNotObject("a string"),
            JwtError::LifetimeOutOfRange(0),
            JwtError::TimeOutOfRange(0),
            JwtError::SigningFailed("x".into()),
            JwtError::WrongPartCount(2),
            JwtError::BadBase64(Part::Signature),
            JwtError::BadJson {
                part: Part::Header,
                detail: "x".into(),
            },
        ];
        let mut codes: Vec<&str> = all.iter().map(JwtError::code).collect();
        for e in &all {
            assert!(e.to_string().ends_with('.'), "{e}");
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
    }
}
