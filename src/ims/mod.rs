//! The IMS check and the Target connection check: requests, the host allow-list, and the
//! diagnosis of every answer, and each check as the calls it needs (`run`). Pure code: the
//! worker makes the calls.

pub mod aem_configs;
pub mod aem_verdict;
pub mod allow;
pub mod check;
pub mod curl;
pub mod diagnose;
pub mod http;
pub mod request;
pub mod run;
pub mod target_folder;
