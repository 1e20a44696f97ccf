//! The JavaScript built-ins the bridge calls, declared here rather than through `js-sys`:
//! linked at all, js-sys exports a describer for every binding it has (1,800), and those of
//! bindings that take closures leave their closure shims in the module's function table, where
//! nothing can remove them (issue 17). The www page's module has js-sys for WebCrypto.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse(text)`.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    pub fn json_parse(text: &str) -> Result<JsValue, JsValue>;

    /// `JSON.stringify(value)`: a string, or `undefined` for a value JSON has no text for.
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    pub fn json_stringify(value: &JsValue) -> Result<JsValue, JsValue>;

    /// `console.error(text)`.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    pub fn console_error(text: &str);

    /// A JS `Error`.
    #[wasm_bindgen(js_name = Error)]
    pub type Error;

    /// `new Error(message)`.
    #[wasm_bindgen(constructor, js_class = "Error")]
    pub fn new(message: &str) -> Error;

    /// `error.name = name`.
    #[wasm_bindgen(method, setter, js_class = "Error")]
    pub fn set_name(this: &Error, name: &str);

    /// `error.code = code`: a plain data property on a fresh `Error`.
    #[wasm_bindgen(method, setter, js_class = "Error")]
    pub fn set_code(this: &Error, code: &str);
}
