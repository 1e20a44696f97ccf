//! The IMS check and the Target connection check: requests, the host allow-list, and the
//! diagnosis of every answer. Pure code; the transport lives in the wasm-only `fetch`.

pub mod aem_configs;
pub mod aem_verdict;
pub mod allow;
pub mod check;
pub mod curl;
pub mod diagnose;
pub mod http;
pub mod request;
#[cfg(target_arch = "wasm32")]
pub mod run;
pub mod target_folder;
#[cfg(target_arch = "wasm32")]
pub mod transport;
