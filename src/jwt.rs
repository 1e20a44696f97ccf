//! RS256 JSON Web Tokens for Adobe IMS's JWT (service account) exchange
//! (adobe-surfaces.md §3 and §6): the payload the Developer Console shows, signed with the
//! private key whose certificate is bound to the credential.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::PrivateKey;
use serde_json::{Map, Value};
use sha2::Sha256;

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

impl JwtError {
    /// A stable machine-readable code, used by the UI and tests.
    pub fn code(&self) -> &'static str {
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
pub fn sign_rs256(payload_json: &str, key: &PrivateKey, now_unix: u64, lifetime_secs: u64) -> Result<String, JwtError> {
    if !(1..=MAX_LIFETIME_SECS).contains(&lifetime_secs) {
        return Err(JwtError::LifetimeOutOfRange(lifetime_secs));
    }
    let exp = now_unix
        .checked_add(lifetime_secs)
        .ok_or(JwtError::TimeOutOfRange(now_unix))?;
    let value: Value = serde_json::from_str(payload_json).map_err(|e| JwtError::PayloadNotJson(e.to_string()))?;
    let mut claims: Map<String, Value> = match value {
        Value::Object(map) => map,
        other => return Err(JwtError::PayloadNotObject(json_kind(&other))),
    };
    claims.insert("exp".to_string(), Value::from(exp));
    let payload = Value::Object(claims).to_string();

    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(HEADER_JSON),
        URL_SAFE_NO_PAD.encode(payload)
    );
    let signer = SigningKey::<Sha256>::new(key.clone());
    let signature = signer
        .try_sign(signing_input.as_bytes())
        .map_err(|e| JwtError::SigningFailed(e.to_string()))?;
    Ok(format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature.to_bytes())
    ))
}

fn decode_json_part(b64: &str, part: Part) -> Result<Value, JwtError> {
    let bytes = URL_SAFE_NO_PAD.decode(b64).map_err(|_| JwtError::BadBase64(part))?;
    let value: Value = serde_json::from_slice(&bytes).map_err(|e| JwtError::BadJson {
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
    let parts: Vec<&str> = jwt.trim().split('.').collect();
    let [header, payload, signature] = parts.as_slice() else {
        return Err(JwtError::WrongPartCount(parts.len()));
    };
    let header = decode_json_part(header, Part::Header)?;
    let payload = decode_json_part(payload, Part::Payload)?;
    if signature.is_empty() || URL_SAFE_NO_PAD.decode(signature).is_err() {
        return Err(JwtError::BadBase64(Part::Signature));
    }
    Ok((header, payload))
}
