//! IMS Link's core: everything the extension decides, compiled natively for tests and
//! to WebAssembly for the browser. JavaScript only touches pages and browser APIs.
#![forbid(unsafe_code)]
// Outside tests a panic would break the admin's browser session: clippy (run by ./build.sh test
// for both targets) refuses unwrap() and expect() anywhere but test code.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
// A text is cut with `str::get` (or `split_once_text`, `split_at_checked`), never `&s[a..b]`:
// a panicking cut brings in the standard library's text of the panic, which shows the text with
// `{:?}`, with Unicode's tables for which characters print (7.5 KB of the module, issue 17).
#![cfg_attr(not(test), deny(clippy::string_slice))]

pub mod base64_text;
pub mod calendar;
pub mod capture;
pub mod error;
pub mod fill;
pub mod from_json;
pub mod gather;
pub mod guide;
pub mod ims;
pub mod json_text;
pub mod json_value;
pub mod jwt;
pub mod keys;
pub mod message;
pub mod origins;
pub mod profile;
pub mod session;
pub mod sorted;
pub mod tab;
pub mod tenant;
pub mod text;
pub mod to_json;
pub mod url;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
#[cfg(feature = "www")]
mod webcrypto;

// Talc in place of the standard library's dlmalloc: the same job in less code (Cargo.toml),
// built from safe calls; single-threaded, as the module is.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
