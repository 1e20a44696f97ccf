//! Which AEM form a snapshot shows: from the page address first, then from its fields (an
//! AEM behind a proxy or a customised console may use other paths).

use crate::from_json::FromJson;
use crate::gather::Gather;
use crate::text::Search;
use crate::to_json::ToJson;

use super::matching::{contains_words, Prepared};
use super::spec::{self, normalize_label, normalize_name};
use crate::profile::AuthType;

/// The IMS configuration wizard's path.
pub const IMS_WIZARD_PATH: &str = "/libs/cq/adobeims-configuration/content/configurations/create.html";
/// An IMS configuration's Properties (the JWT → OAuth migration form; its path is G): the
/// wizard's Account fields, so it is filled as the wizard is.
pub const IMS_PROPERTIES_PATH: &str = "/libs/cq/adobeims-configuration/content/configurations/properties.html";
/// The IMS configurations console's path.
pub const IMS_CONSOLE_PATH: &str = "/libs/cq/adobeims-configuration/content/configurations.html";
/// Where AEM's user keystores are managed (adobe-surfaces.md §8; the exact UI path is I, the
/// address G): `/libs/granite/security/content/keystore.html/<user path>`. Any path under
/// Granite's security console that names the keystore is taken for it.
pub const KEYSTORE_MARK: &str = "/granite/security/content/";
/// The keystore page of the user AEM's IMS configurations sign with.
pub const KEYSTORE_PATH: &str = "/libs/granite/security/content/keystore.html/home/users/system/authentication-service";
/// AEM's IMS configuration app, as `/libs/` holds it and as the `/mnt/overlay/` view serves it
/// (the Create page's own address is in no public source, adobe-surfaces.md §8 and
/// tests/fake-cloud/PAGES.md: G). Only the console's address is V.
pub const IMS_APP_ROOTS: [&str; 2] = [
    "/libs/cq/adobeims-configuration/",
    "/mnt/overlay/cq/adobeims-configuration/",
];
const TARGET_CLASSIC_PREFIX: &str = "/etc/cloudservices/testandtarget/";
const TARGET_CLOUD_MARK: &str = "/settings/cloudconfigs/target";
/// Where AEM as a Cloud Service's Target configuration pages live: the edit page is
/// `.../v2/configurations/edit.html/conf/...` (V); its Create page, whose address no public
/// source gives, by inference beside it (PAGES.md).
pub const TARGET_CLOUD_PAGES: &str = "/cq/personalization/touch-ui/content/v2/configurations/";

/// The kinds of page IMS Link tells apart.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum FormKind {
    /// Adobe IMS Technical Account Configuration wizard (Create in the IMS console).
    // Only where the JSON reader starts (`derive(FromJson)` reads into a value of defaults).
    #[default]
    ImsWizard,
    /// AEM 6.5 Legacy Cloud Services Adobe Target dialog (ExtJS).
    TargetClassic,
    /// AEM as a Cloud Service Adobe Target configuration (Coral form).
    TargetCloud,
    /// The Adobe IMS Configurations console: nothing to fill, Create opens the wizard.
    ImsConsole,
    /// A user's keystore in AEM: "Add Private Key from DER file" (alias and the two files).
    Keystore,
    /// Any other page.
    Unknown,
}

impl FormKind {
    /// The spec table of a fillable form; empty for the others.
    pub fn specs(self) -> &'static [spec::Spec] {
        match self {
            FormKind::ImsWizard => spec::IMS_WIZARD,
            FormKind::TargetClassic => spec::TARGET_CLASSIC,
            FormKind::TargetCloud => spec::TARGET_CLOUD,
            FormKind::Keystore => spec::KEYSTORE,
            FormKind::ImsConsole | FormKind::Unknown => &[],
        }
    }
}

/// The page's address split into origin, path and query (all empty when unreadable).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Address {
    /// `scheme://host[:port]`.
    pub origin: String,
    /// The path, decoded.
    pub path: String,
    /// The query with its `?`, or empty.
    pub query: String,
}

impl Address {
    /// Reads an address; anything unreadable gives empty parts (detection then uses fields).
    pub fn parse(raw: &str) -> Address {
        let Ok(u) = crate::url::parse(raw) else {
            return Address::default();
        };
        // The origin keeps the port the host part had (`host` has none), not the user info.
        let host_port = u.authority.after_last(b'@');
        Address {
            origin: format!("{}://{}", u.scheme.to_ascii_lowercase(), host_port.to_ascii_lowercase()),
            path: crate::url::percent_decode(u.path),
            query: u.query.map(|q| format!("?{q}")).unwrap_or_default(),
        }
    }
}

/// What detection found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// The form.
    pub form: FormKind,
    /// Authentication types the IMS wizard offers (empty for other forms).
    pub available_modes: Vec<AuthType>,
    /// The authentication type the wizard has selected now.
    pub current_mode: Option<AuthType>,
}

fn has_label(fields: &[Prepared], patterns: &[&str]) -> bool {
    fields
        .iter()
        .any(|f| patterns.iter().any(|p| f.label == *p || f.aria == *p))
}

fn has_name(fields: &[Prepared], names: &[&str]) -> bool {
    let names: Vec<String> = names.iter().map(|n| normalize_name(n)).gather();
    fields.iter().any(|f| names.contains(&f.name))
}

/// Whether a decoded path lies in AEM's IMS configuration app (`IMS_APP_ROOTS`).
pub fn in_ims_app(path: &str) -> bool {
    IMS_APP_ROOTS.iter().any(|root| path.contains_text(root))
}

/// The IMS configuration form at an address IMS Link does not know, when the page is in AEM's
/// IMS configuration app and its fields are the form's own (the cloud solution select and the
/// Authorization Server): AEM may serve Create under another name than `IMS_WIZARD_PATH`.
pub fn ims_form_in_app(path: &str, fields: &[Prepared]) -> Option<FormKind> {
    (in_ims_app(path) && form_from_fields(fields) == FormKind::ImsWizard).then_some(FormKind::ImsWizard)
}

/// Whether the form is a wizard with a step not shown now (a fillable field inside a wizard
/// step is hidden): the admin goes on with Next before Create. A one-page Create form, or a
/// wizard of one step, has none.
pub fn has_hidden_step(fields: &[Prepared]) -> bool {
    fields
        .iter()
        .any(|f| f.field.wizard_step && !f.field.visible && f.control().is_some())
}

fn form_from_fields(fields: &[Prepared]) -> FormKind {
    let cloud_select = has_label(fields, spec::CLOUD_CONFIGURATION_LABELS) || has_name(fields, &["cloudServiceName"]);
    let auth_server = has_label(fields, &["authorization server"]) || has_name(fields, &["authServerUrl"]);
    if cloud_select && auth_server {
        return FormKind::ImsWizard;
    }
    // AEM's own wordings vary ("Client Code", "Adobe Target Client Code"), and a Create page
    // of AEM as a Cloud Service showed no Client Code at all (V, 2020): its Tenant ID will do.
    let words = |w: &str| {
        fields
            .iter()
            .any(|f| contains_words(&f.label, w) || contains_words(&f.aria, w))
    };
    let target_ids = words("client code") || words("tenant id") || has_name(fields, &["clientcode", "tenant"]);
    let ims_config = words("ims configuration") || has_name(fields, &["imsConfigId"]);
    if target_ids && ims_config {
        if fields.iter().any(|f| f.field.tag.starts_with("coral-")) {
            return FormKind::TargetCloud;
        }
        return FormKind::TargetClassic;
    }
    FormKind::Unknown
}

/// Which option text or value means which authentication type.
pub fn auth_type_of_option(value: &str, text: &str) -> Option<AuthType> {
    let v = normalize_label(value);
    let t = normalize_label(text);
    let has = |w: &str| v == w || format!(" {t} ").contains_text(&format!(" {w} "));
    if has("jwt") || has("service account") {
        Some(AuthType::Jwt)
    } else if has("oauth") || t.contains_text("server to server") {
        Some(AuthType::Oauth)
    } else {
        None
    }
}

/// The AEM page a decoded path names, when it is one of the known ones.
pub fn form_from_path(path: &str) -> Option<FormKind> {
    let path = path.trim_end_chars(&['/']);
    if path.ends_with(IMS_WIZARD_PATH) || path.ends_with(IMS_PROPERTIES_PATH) {
        Some(FormKind::ImsWizard)
    } else if path.ends_with(IMS_CONSOLE_PATH) {
        Some(FormKind::ImsConsole)
    } else if path.contains_text(KEYSTORE_MARK) && path.to_ascii_lowercase().contains_text("keystore") {
        Some(FormKind::Keystore)
    } else if path.contains_text(TARGET_CLASSIC_PREFIX) {
        Some(FormKind::TargetClassic)
    } else if (path.contains_text(TARGET_CLOUD_MARK) && !path.contains_text("/cloudconfigs.html"))
        || path.contains_text(TARGET_CLOUD_PAGES)
    {
        Some(FormKind::TargetCloud)
    } else {
        None
    }
}

/// Detects the form and, for the IMS wizard, its authentication types.
pub fn detect(address: &Address, fields: &[Prepared]) -> Detection {
    let form = form_from_path(&address.path).unwrap_or_else(|| form_from_fields(fields));
    let mut detection = Detection {
        form,
        available_modes: Vec::new(),
        current_mode: None,
    };
    if form != FormKind::ImsWizard {
        return detection;
    }
    let names: Vec<String> = spec::AUTH_TYPE_NAMES.iter().map(|n| normalize_name(n)).gather();
    let select = fields.iter().find(|f| {
        f.control() == Some(spec::Control::Choice)
            && (names.contains(&f.name) || spec::AUTH_TYPE_LABELS.iter().any(|p| f.label == *p || f.aria == *p))
    });
    match select {
        Some(s) => {
            for o in &s.field.options {
                if let Some(m) = auth_type_of_option(&o.value, &o.text) {
                    if !detection.available_modes.contains(&m) {
                        detection.available_modes.push(m);
                    }
                }
            }
            detection.current_mode = s
                .field
                .options
                .iter()
                .find(|o| o.value == s.field.value)
                .and_then(|o| auth_type_of_option(&o.value, &o.text));
        }
        None => {
            // No select: the fields present tell the mode (adobe-surfaces.md §8: whether the
            // SP20+ / AEMaaCS Create form still offers the select is unknown). A Payload
            // field means JWT (AEM 6.5 before SP20); Scope or Org ID mean OAuth (a wizard
            // that no longer creates JWT configurations); neither: the old JWT-only wizard.
            let jwt = has_spec_field(fields, "payload");
            let oauth = has_spec_field(fields, "scope") || has_spec_field(fields, "orgId");
            if jwt || !oauth {
                detection.available_modes.push(AuthType::Jwt);
            }
            if oauth {
                detection.available_modes.push(AuthType::Oauth);
            }
            if let [only] = detection.available_modes[..] {
                detection.current_mode = Some(only);
            }
        }
    }
    detection
}

/// Whether a field of the wizard's spec `id` is on the page, by name or exact label.
fn has_spec_field(fields: &[Prepared], id: &str) -> bool {
    spec::IMS_WIZARD.iter().filter(|s| s.id == id).any(|s| {
        let names: Vec<String> = s.names.iter().map(|n| normalize_name(n)).gather();
        fields.iter().any(|f| {
            f.control() == Some(s.control)
                && (names.contains(&f.name) || s.labels.iter().any(|l| f.label == *l || f.aria == *l))
        })
    })
}
