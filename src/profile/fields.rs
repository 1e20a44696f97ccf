//! How the profile's fields are shown: label, whether the value is a secret, and the order.
//! This is the one table: the www page reads it through `profileFields()`, the popup (which
//! does not load the wasm core, so that it opens fast) through
//! `extension/popup/profile-fields.js`, which a test below writes from it and checks.

use super::Field;
use crate::gather::Gather;
use crate::to_json::ToJson;

/// One profile field as the pages show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct FieldView {
    /// The field's JSON name.
    pub field: Field,
    /// What the admin reads next to the value.
    pub label: &'static str,
    /// Masked until the admin asks to see it.
    pub secret: bool,
}

impl Field {
    /// What the admin reads next to the value.
    pub fn label(self) -> &'static str {
        match self {
            Field::Tenant => "Tenant ID",
            Field::ClientCode => "Client Code",
            Field::AuthType => "Authentication",
            Field::ClientId => "Client ID",
            Field::ClientSecret => "Client secret",
            Field::OrgId => "Organization ID (AEM: Org ID)",
            Field::TechnicalAccountId => "Technical account ID",
            Field::TechnicalAccountEmail => "Technical account email",
            Field::Scopes => "Scopes",
            Field::Payload => "JWT payload",
            Field::AuthorizationServer => "Authorization server",
            Field::CertificateSha256 => "Certificate",
        }
    }

    /// Whether the value is masked until the admin asks to see it.
    pub fn secret(self) -> bool {
        matches!(self, Field::ClientSecret)
    }
}

/// Every field, in display order (`Field::ALL`), as the pages show it.
pub fn views() -> Vec<FieldView> {
    Field::ALL
        .iter()
        .map(|&field| FieldView {
            field,
            label: field.label(),
            secret: field.secret(),
        })
        .gather()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The popup's copy of `views()`, as an ES module.
    fn popup_module() -> String {
        let rows: Vec<String> = views()
            .iter()
            .map(|v| format!("  {},", serde_json::to_string(v).unwrap()))
            .collect();
        format!(
            "// Generated from src/profile/fields.rs, the core's one table of profile fields: do not edit.\n\
             // The popup does not load the wasm core, so it reads the table here; `cargo test` fails when\n\
             // this copy is stale, and `IMS_LINK_WRITE_FIELDS=1 cargo test profile::fields` rewrites it.\n\
             export const PROFILE_FIELDS = [\n{}\n];\n",
            rows.join("\n")
        )
    }

    #[test]
    fn every_field_once_in_display_order_with_its_label() {
        let v = views();
        let shown: Vec<(&str, &str)> = v.iter().map(|f| (f.field.name(), f.label)).collect();
        assert_eq!(
            shown,
            [
                ("tenant", "Tenant ID"),
                ("clientCode", "Client Code"),
                ("authType", "Authentication"),
                ("clientId", "Client ID"),
                ("clientSecret", "Client secret"),
                ("orgId", "Organization ID (AEM: Org ID)"),
                ("technicalAccountId", "Technical account ID"),
                ("technicalAccountEmail", "Technical account email"),
                ("scopes", "Scopes"),
                ("payload", "JWT payload"),
                ("authorizationServer", "Authorization server"),
                ("certificateSha256", "Certificate"),
            ]
        );
        let secret: Vec<&str> = v.iter().filter(|f| f.secret).map(|f| f.field.name()).collect();
        assert_eq!(secret, ["clientSecret"]);
    }

    #[test]
    fn views_serialize_as_the_pages_read_them() {
        assert_eq!(
            serde_json::to_string(&views()[4]).unwrap(),
            r#"{"field":"clientSecret","label":"Client secret","secret":true}"#
        );
    }

    #[test]
    fn the_popups_copy_is_generated_from_this_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/extension/popup/profile-fields.js");
        let want = popup_module();
        if std::env::var_os("IMS_LINK_WRITE_FIELDS").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == want,
            "{path} is stale: run `IMS_LINK_WRITE_FIELDS=1 cargo test profile::fields`"
        );
    }
}
