//! What every module's error tells JavaScript: a JS `Error` name (which module refused),
//! a stable kebab-case `code` (what the UI and tests match on) and, through `Display`, the
//! message for the admin. The wasm API turns any of them into a JS `Error` in one place
//! (`api::js_error`), so no export maps an error by hand.

use std::fmt;

/// An error that crosses to JavaScript. Implemented beside each error enum, so the name and
/// codes sit next to the variants they describe.
pub trait JsErrorInfo: fmt::Display {
    /// The JS `Error.name`, e.g. `TenantError`; listed in README "Core API".
    fn js_name(&self) -> &'static str;
    /// A stable machine-readable kebab-case code, used by the UI and tests.
    fn code(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use super::JsErrorInfo;
    use crate::fill::FillError;
    use crate::jwt::JwtError;
    use crate::keys::KeyError;
    use crate::message::MessageError;
    use crate::profile::console::WorkspaceError;
    use crate::profile::inspect::InspectError;
    use crate::profile::payload::PayloadError;
    use crate::profile::scopes::ScopesError;
    use crate::tenant::TenantError;

    fn is_kebab(s: &str) -> bool {
        !s.is_empty()
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--")
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }

    #[test]
    fn names_end_in_error_and_codes_are_kebab_case() {
        let samples: Vec<Box<dyn JsErrorInfo>> = vec![
            Box::new(TenantError::EmptyTenant),
            Box::new(MessageError::ForeignSender),
            Box::new(KeyError::EncryptedKey),
            Box::new(JwtError::WrongPartCount(2)),
            Box::new(FillError::TooManyConfirmed(65)),
            Box::new(WorkspaceError::Html),
            Box::new(PayloadError::NotObject),
            Box::new(ScopesError::Empty),
            Box::new(InspectError::UnknownObject),
            Box::new(InspectError::Payload(PayloadError::Empty)),
        ];
        for e in samples {
            assert!(e.js_name().ends_with("Error"), "{}", e.js_name());
            assert!(is_kebab(e.code()), "{}", e.code());
            assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn inspect_passes_the_parsers_own_name_through() {
        assert_eq!(InspectError::Empty.js_name(), "InspectError");
        assert_eq!(InspectError::Payload(PayloadError::Empty).js_name(), "PayloadError");
        assert_eq!(
            InspectError::Workspace(WorkspaceError::Html).js_name(),
            "WorkspaceError"
        );
    }
}
