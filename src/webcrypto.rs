//! The browser's WebCrypto for the two heavy RSA primitives, key generation and signing.
//!
//! Measured in Chromium, WebCrypto generates an RSA-2048 key about 4x faster than the `rsa`
//! crate in wasm and signs about 20x faster (PERFORMANCE.md). Everything else (the
//! certificate's layout, the JWT's claims) stays in Rust, and the pure-Rust path
//! is used in native builds and tests, and where WebCrypto is absent in builds with the
//! `portable` feature (the bench's).

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::keys::{self, KeyError, KeyMaterial, KeyPlan};

#[cfg(feature = "www")]
pub mod jwt;

const ALGORITHM: &str = keys::WEBCRYPTO_ALGORITHM;

/// Every browser IMS Link supports has WebCrypto in the worker, the popup and the www page
/// (a secure context, file:// included); the pure-Rust RSA that would stand in is only in
/// builds with the `portable` feature, so it does not weigh on the shipped module.
#[cfg(not(feature = "portable"))]
const NO_WEBCRYPTO: &str = "this browser offers no WebCrypto (crypto.subtle); open the page over https or from a file";

/// `crypto.subtle` of the current global (window or worker), when the browser offers it.
fn subtle() -> Option<JsValue> {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into()).ok()?;
    let subtle = Reflect::get(&crypto, &"subtle".into()).ok()?;
    (!subtle.is_undefined() && !subtle.is_null()).then_some(subtle)
}

/// What WebCrypto's refusal says (a `DOMException` is an `Error`). Not `{err:?}`, whose
/// JS side (wasm-bindgen's `debugString`) was 2.4 KB of the worker's script.
fn describe(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "WebCrypto refused without saying why".to_string())
}

async fn call(subtle: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let f: Function = Reflect::get(subtle, &method.into())
        .and_then(|f| f.dyn_into())
        .map_err(describe)?;
    let promise: Promise = f
        .apply(subtle, &args.iter().collect::<Array>())
        .and_then(|p| p.dyn_into())
        .map_err(describe)?;
    JsFuture::from(promise).await.map_err(describe)
}

fn object(pairs: &[(&str, JsValue)]) -> Result<JsValue, String> {
    let obj = Object::new();
    for (k, v) in pairs {
        Reflect::set(&obj, &(*k).into(), v).map_err(describe)?;
    }
    Ok(obj.into())
}

#[wasm_bindgen]
extern "C" {
    /// WebCrypto's `ArrayBuffer` as a `Uint8Array`, read whole by `bytes` (copied into the
    /// module by wasm-bindgen's glue). `js_sys::Uint8Array::to_vec` asserts that two lengths
    /// match, and its `assert_eq!` formatted them with `{:?}`: the only use of `usize`'s Debug
    /// formatting in the module.
    #[wasm_bindgen(js_name = Uint8Array)]
    type ByteArray;
    #[wasm_bindgen(constructor, js_class = "Uint8Array")]
    fn new(buffer: &JsValue) -> ByteArray;
    #[wasm_bindgen(method, js_class = "Uint8Array", js_name = subarray)]
    fn bytes(this: &ByteArray) -> Vec<u8>;
}

fn usages(list: &[&str]) -> JsValue {
    list.iter().map(|u| JsValue::from_str(u)).collect::<Array>().into()
}

/// A new key pair's private key: its PKCS#8 DER and the WebCrypto key itself, which signs the
/// certificate without importing the DER again.
async fn generate_pkcs8(subtle: &JsValue) -> Result<(Vec<u8>, JsValue), String> {
    let params = object(&[
        ("name", ALGORITHM.into()),
        ("modulusLength", (keys::KEY_BITS as u32).into()),
        ("publicExponent", Uint8Array::from(&keys::PUBLIC_EXPONENT[..]).into()),
        ("hash", keys::WEBCRYPTO_HASH.into()),
    ])?;
    let pair = call(
        subtle,
        "generateKey",
        &[params, true.into(), usages(&["sign", "verify"])],
    )
    .await?;
    let private = Reflect::get(&pair, &"privateKey".into()).map_err(describe)?;
    let der = call(subtle, "exportKey", &["pkcs8".into(), private.clone()]).await?;
    Ok((ByteArray::new(&der).bytes(), private))
}

async fn sign_with(subtle: &JsValue, key: JsValue, data: &[u8]) -> Result<Vec<u8>, String> {
    let sig = call(subtle, "sign", &[ALGORITHM.into(), key, Uint8Array::from(data).into()]).await?;
    Ok(ByteArray::new(&sig).bytes())
}

/// A key pair and certificate for `plan`: WebCrypto makes the key and the signature when the
/// browser has it, this crate does otherwise.
pub async fn generate(plan: KeyPlan) -> Result<KeyMaterial, KeyError> {
    let Some(subtle) = subtle() else {
        #[cfg(feature = "portable")]
        return keys::generate_with(plan);
        #[cfg(not(feature = "portable"))]
        return Err(KeyError::KeyGenerationFailed(NO_WEBCRYPTO.into()));
    };
    let failed = |e: String| KeyError::KeyGenerationFailed(format!("the browser's WebCrypto: {e}"));
    let (der, private) = generate_pkcs8(&subtle).await.map_err(failed)?;
    let key = keys::parse_private_key_bytes(&der)?;
    let unsigned = plan.unsigned_certificate(&key)?;
    let signature = sign_with(&subtle, private, unsigned.tbs_der()).await.map_err(failed)?;
    keys::material(&key, &unsigned.with_signature(&signature)?)
}
