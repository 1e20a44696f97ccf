//! What each spec of the form wants from the profile, before it meets a field: a text, a
//! check box state, or a rule for choosing a list option; or why the profile cannot say.

use super::plan::PlanOptions;
use super::spec::{Spec, ValueSource, DEFAULT_AUTH_SERVER};
use crate::gather::Gather;
use crate::profile::{AuthType, Field, Profile, Sourced};
use crate::text::join;

/// The name of the private key file IMS Link puts into AEM's keystore form.
pub const PRIVATE_KEY_FILE: &str = "private_key.der";
/// The name of the certificate file.
pub const CERTIFICATE_FILE: &str = "certificate.der";

fn text(field: &Option<Sourced<String>>) -> Option<String> {
    field
        .as_ref()
        .map(|s| s.value.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The title IMS Link gives the IMS configuration it creates. It names the tenant and the
/// authentication type, so that the Target configuration later picks this one and not an
/// older configuration of the same tenant (a JWT one being migrated, say).
pub fn default_title(profile: &Profile) -> String {
    let auth = profile.auth_type.as_ref().map(|a| match a.value {
        AuthType::Jwt => "JWT",
        AuthType::Oauth => "OAuth",
    });
    match (text(&profile.tenant).or_else(|| text(&profile.client_code)), auth) {
        (Some(t), Some(a)) => format!("Adobe Target ({t}, {a})"),
        (Some(t), None) => format!("Adobe Target ({t})"),
        (None, Some(a)) => format!("Adobe Target ({a})"),
        (None, None) => "Adobe Target".to_string(),
    }
}

/// The authentication type to fill: the profile's, else what its values imply, else the form's.
pub(super) fn choose_mode(profile: &Profile, current: Option<AuthType>) -> Option<AuthType> {
    if let Some(a) = &profile.auth_type {
        return Some(a.value);
    }
    if text(&profile.payload).is_some() {
        return Some(AuthType::Jwt);
    }
    if profile.scopes.as_ref().is_some_and(|s| !s.value.is_empty()) || text(&profile.org_id).is_some() {
        return Some(AuthType::Oauth);
    }
    current
}

/// A value as resolved from the profile, before it meets a field.
pub(super) enum Wanted {
    Text(String),
    /// A file: its name and its bytes, base64.
    File {
        name: &'static str,
        base64: String,
    },
    Choice(Chooser),
    Check(bool),
}

/// How to pick a list option.
pub(super) enum Chooser {
    Patterns(&'static str, &'static [&'static str]),
    Auth(AuthType),
    ImsConfig(Vec<String>),
    /// The option with exactly this value (a key pair alias).
    Exact(String),
}

impl Wanted {
    /// What the admin would type or pick by hand.
    pub(super) fn shown(&self) -> String {
        match self {
            Wanted::Text(t) => t.clone(),
            // Never the bytes: the name of the file IMS Link would give.
            Wanted::File { name, .. } => name.to_string(),
            Wanted::Choice(Chooser::Exact(alias)) => alias.clone(),
            Wanted::Check(true) => "checked".into(),
            Wanted::Check(false) => "unchecked".into(),
            Wanted::Choice(Chooser::Patterns(shown, _)) => shown.to_string(),
            Wanted::Choice(Chooser::Auth(AuthType::Jwt)) => "JWT".into(),
            Wanted::Choice(Chooser::Auth(AuthType::Oauth)) => "OAuth".into(),
            Wanted::Choice(Chooser::ImsConfig(titles)) => titles.first().cloned().unwrap_or_default(),
        }
    }
}

fn profile_text(profile: &Profile, field: Field) -> Option<String> {
    match field {
        Field::Tenant => text(&profile.tenant),
        Field::ClientCode => text(&profile.client_code),
        Field::OrgId => text(&profile.org_id),
        Field::TechnicalAccountId => text(&profile.technical_account_id),
        Field::TechnicalAccountEmail => text(&profile.technical_account_email),
        Field::ClientId => text(&profile.client_id),
        Field::ClientSecret => text(&profile.client_secret),
        Field::Payload => text(&profile.payload),
        Field::AuthorizationServer => text(&profile.authorization_server),
        Field::CertificateSha256 => text(&profile.certificate_sha256),
        Field::AuthType => profile.auth_type.as_ref().map(|a| a.value.as_str().to_string()),
        Field::Scopes => profile.scopes.as_ref().map(|s| join(&s.value, ",")),
    }
}

fn why_missing(field: Field) -> String {
    let how = match field {
        Field::ClientId => "Copy the Client ID from the credential in the Adobe Developer Console, or load the project's JSON download",
        Field::ClientSecret => "Click Retrieve client secret on the credential in the Adobe Developer Console and paste it into IMS Link",
        Field::Payload => "Copy the payload from Generate JWT on the Service Account (JWT) credential in the Adobe Developer Console and paste it into IMS Link",
        Field::OrgId => "Load the Developer Console project's JSON download, or paste the Organization ID (...@AdobeOrg) into IMS Link",
        Field::Scopes => "Copy the scopes from the OAuth Server-to-Server credential in the Adobe Developer Console and paste them into IMS Link",
        Field::Tenant | Field::ClientCode => "Open Adobe Target (Activities) with IMS Link active: the tenant id is in its address, after \"@\"",
        _ => "Add it to the profile in the IMS Link popup",
    };
    format!("The profile has no {}. {how}.", field.name())
}

/// The value `spec` wants, or why the profile cannot give it (shown to the admin).
pub(super) fn resolve(
    spec: &Spec,
    profile: &Profile,
    options: &PlanOptions,
    mode: Option<AuthType>,
) -> Result<Wanted, String> {
    let need = |field: Field| profile_text(profile, field).ok_or_else(|| why_missing(field));
    match spec.source {
        ValueSource::Profile(field) => need(field).map(Wanted::Text),
        ValueSource::Tenant => need(Field::Tenant).or_else(|e| need(Field::ClientCode).map_err(|_| e)).map(Wanted::Text),
        ValueSource::ClientCode => need(Field::ClientCode)
            .or_else(|e| need(Field::Tenant).map_err(|_| e))
            .map(Wanted::Text),
        ValueSource::Scopes => {
            let scopes: Vec<String> = profile
                .scopes
                .as_ref()
                .map(|s| s.value.iter().map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).gather())
                .unwrap_or_default();
            if scopes.is_empty() {
                Err(why_missing(Field::Scopes))
            } else {
                Ok(Wanted::Text(join(&scopes, ",")))
            }
        }
        ValueSource::AuthServer => match text(&profile.authorization_server) {
            // AEM sends the client secret to this address: only ever an Adobe IMS host.
            Some(server) => match crate::ims::allow::check_ims_server(&server) {
                Ok(()) => Ok(Wanted::Text(server)),
                Err(e) => Err(format!(
                    "IMS Link does not fill {server} as the Authorization Server: {e} Correct or clear the Authorization Server in the IMS Link popup."
                )),
            },
            None => Ok(Wanted::Text(DEFAULT_AUTH_SERVER.to_string())),
        },
        ValueSource::ImsTitle => Ok(Wanted::Text(
            options
                .title
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .unwrap_or_else(|| default_title(profile)),
        )),
        ValueSource::Constant(c) => Ok(Wanted::Text(c.to_string())),
        ValueSource::Option(shown, patterns) => Ok(Wanted::Choice(Chooser::Patterns(shown, patterns))),
        ValueSource::AuthTypeOption => mode.map(|m| Wanted::Choice(Chooser::Auth(m))).ok_or_else(|| {
            "The profile does not say whether the credential is JWT or OAuth Server-to-Server. Load the Developer Console project's JSON download, or choose the type in the IMS Link popup.".to_string()
        }),
        ValueSource::ImsConfig => {
            let mut titles = Vec::new();
            for t in [options.ims_config_title.clone(), options.title.clone(), Some(default_title(profile))]
                .into_iter()
                .flatten()
            {
                let t = t.trim().to_string();
                if !t.is_empty() && !titles.contains(&t) {
                    titles.push(t);
                }
            }
            Ok(Wanted::Choice(Chooser::ImsConfig(titles)))
        }
        ValueSource::Checked(on) => Ok(Wanted::Check(on)),
        ValueSource::KeystoreAlias | ValueSource::PrivateKeyDer | ValueSource::CertificateDer => {
            let files = options.keystore.as_ref().ok_or_else(|| {
                "IMS Link holds no key pair in this browser session. Generate one in the IMS Link popup (stage 2), upload its certificate to the credential, then fill this form.".to_string()
            })?;
            Ok(match spec.source {
                ValueSource::KeystoreAlias => Wanted::Text(files.alias.clone()),
                ValueSource::PrivateKeyDer => Wanted::File {
                    name: PRIVATE_KEY_FILE,
                    base64: files.private_key_der_base64.clone(),
                },
                _ => Wanted::File {
                    name: CERTIFICATE_FILE,
                    base64: files.certificate_der_base64.clone(),
                },
            })
        }
        ValueSource::KeypairAlias => options
            .keypair_alias
            .clone()
            .map(|a| Wanted::Choice(Chooser::Exact(a)))
            .ok_or_else(|| "AEM has not shown IMS Link's key pair in its keystore yet.".to_string()),
    }
}
