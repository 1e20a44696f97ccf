//! The wasm API as JavaScript sees it, run in headless Chromium by wasm-bindgen-test:
//! JSON-shaped results, and failures that are real `Error`s with a `name` and a `code`.
#![cfg(target_arch = "wasm32")]

use ims_link::api;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn tenant_comes_back_as_a_plain_object() {
    let ids = api::tenant_from_url("https://experience.adobe.com/#/@acme/target/activities").unwrap();
    assert_eq!(get(&ids, "tenant").as_string().as_deref(), Some("acme"));
    assert_eq!(get(&ids, "source").as_string().as_deref(), Some("unified-shell"));
    assert_eq!(get(&ids, "onTarget").as_bool(), Some(true));
    assert!(get(&ids, "clientCode").is_null());
}

#[wasm_bindgen_test]
fn failures_are_named_errors_with_a_code() {
    let err = api::tenant_from_text("0123456789ABCDEF01234567@AdobeOrg").unwrap_err();
    let err: js_sys::Error = err.dyn_into().expect("a real Error");
    assert_eq!(err.name(), "TenantError");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("org-id-instead-of-tenant")
    );
    assert!(String::from(err.message()).contains("IMS Organization ID"));
}

#[wasm_bindgen_test]
fn messages_are_checked_against_their_sender() {
    let me = js_sys::JSON::parse(r#"{"id":"abc","origin":"chrome-extension://abc"}"#).unwrap();
    let msg = js_sys::JSON::parse(r#"{"type":"GetTabState","tabId":4}"#).unwrap();
    let popup = js_sys::JSON::parse(r#"{"id":"abc","url":"chrome-extension://abc/popup.html"}"#).unwrap();
    let page = js_sys::JSON::parse(r#"{"id":"abc","url":"https://experience.adobe.com/"}"#).unwrap();
    let ok = api::accept_message(msg.clone(), popup, me.clone()).unwrap();
    assert_eq!(get(&ok, "tabId").as_f64(), Some(4.0));
    let err: js_sys::Error = api::accept_message(msg, page, me).unwrap_err().dyn_into().unwrap();
    assert_eq!(err.name(), "MessageError");
    assert_eq!(
        get(&err, "code").as_string().as_deref(),
        Some("not-from-extension-page")
    );
}

#[wasm_bindgen_test]
fn tab_state_for_an_unreadable_tab() {
    let state = api::describe_tab(9, None).unwrap();
    assert_eq!(get(&state, "type").as_string().as_deref(), Some("TabState"));
    assert_eq!(
        get(&get(&state, "problem"), "code").as_string().as_deref(),
        Some("page-not-readable")
    );
}
