//! The fill plan: for each spec of the detected form, the field found, the value it should
//! hold and what to do. A field that is empty (or off, or unselected) is filled; one that
//! already holds the value is left alone; one holding a different value the admin may have
//! typed is a conflict, applied only once its spec id is in `confirm`. What each spec wants
//! is in `resolve`, how a list option is picked in `choose`, how a fill is undone in `undo`.

use crate::from_json::FromJson;
use crate::gather::Gather;
use crate::text::Search;
use crate::text::{clipped, kept};
use crate::to_json::ToJson;

use super::choose::{choose, option_text};
use super::detect::{self, Address, FormKind};
use super::matching::{match_fields, Prepared, Tier};
use super::resolve::{choose_mode, resolve, Chooser, Wanted};
use super::snapshot::FormSnapshot;
use super::spec::{self, Spec, ValueSource};
use super::trust::{self, Consent};
use super::FillError;
use crate::profile::{AuthType, Field, Profile};

/// Most spec ids `confirm` may list.
pub const MAX_CONFIRM: usize = 64;

/// What the caller adds to the profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct PlanOptions {
    /// Spec ids of conflicts the admin confirmed: their values replace what the form holds.
    pub confirm: Vec<String>,
    /// The IMS configuration title to write in the wizard (default `Adobe Target (<tenant>, <auth>)`).
    pub title: Option<String>,
    /// The IMS configuration to pick in a Target form, by its title (default: `title`, then
    /// the default title, then the only configuration that looks like Target's).
    pub ims_config_title: Option<String>,
    /// Origins (`https://host[:port]`) the admin allowed to receive secrets
    /// (`fill::trust`); a secret for any other origin waits for the admin's yes.
    pub secret_origins: Vec<String>,
    /// IMS Link's key pair as AEM's keystore form takes it (absent: no key pair held).
    pub keystore: Option<KeystoreFiles>,
    /// The alias AEM showed IMS Link's key pair stored under, on this AEM: the wizard picks it.
    pub keypair_alias: Option<String>,
}

/// IMS Link's key pair for "Add Private Key from DER file".
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct KeystoreFiles {
    /// The alias IMS Link proposes (`keystore_alias`).
    pub alias: String,
    /// PKCS#8 DER, base64: a secret.
    pub private_key_der_base64: String,
    /// The certificate, DER, base64.
    pub certificate_der_base64: String,
}

/// The alias IMS Link proposes for its key pair in AEM's keystore: named for IMS Link and the
/// certificate's SHA-256 fingerprint, so another key pair never takes the same alias.
pub fn keystore_alias(sha256_fingerprint: &str) -> String {
    let hex = clipped(&kept(sha256_fingerprint, |c| c.is_ascii_hexdigit()), 12).to_ascii_lowercase();
    format!("ims-link-{hex}")
}

/// What an action does to its field.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum ActionKind {
    /// Set `value` on a text input or textarea, then dispatch `input` and `change`.
    // Only where the JSON reader starts (`derive(FromJson)` reads into a value of defaults).
    #[default]
    SetValue,
    /// Select the option whose value is `value` (Coral: set `value`; ExtJS combo: the hidden
    /// input's value, and `after` as the visible text), then dispatch `change`.
    SelectOption,
    /// Set `checked` to `value == "true"`, then dispatch `change`.
    SetChecked,
    /// Give a file input one file: `value` is its bytes (base64), `after` its name; then
    /// dispatch `input` and `change`. An empty `value` clears the input (undo).
    SetFile,
}

/// How the page script sets a field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum Via {
    /// The DOM: the element's value or `checked`, then the DOM events a user's input fires.
    #[default]
    Dom,
    /// The page's ExtJS component (`CQ.Ext.getCmp`): `setValue` and the events ExtJS fires
    /// (`select` and `change` for a combo, `change` for a text field; a checkbox's `setValue`
    /// fires `check` itself). Its listeners (e.g. Authentication showing the IMS fields) run
    /// only this way (adobe-surfaces.md §8).
    Component,
}

impl Via {
    /// The way to set a field as the snapshot describes it.
    pub fn of(field: &super::snapshot::FieldSnapshot) -> Via {
        if field.component.as_deref().is_some_and(|c| !c.trim().is_empty()) {
            Via::Component
        } else {
            Via::Dom
        }
    }
}

/// One change to one field (or, in `unchanged`, one field already right).
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// The field's `key` from the snapshot.
    pub key: String,
    /// The spec this fills.
    pub spec_id: String,
    /// The label AEM documents for it.
    pub label: String,
    /// The label the page shows (label, `aria-label` or name), when it has one.
    #[serde(default)]
    pub field_label: Option<String>,
    /// What to do.
    pub action: ActionKind,
    /// How: through the DOM or the page's ExtJS component.
    #[serde(default)]
    pub via: Via,
    /// The value to set: text, option value, or `"true"`/`"false"`.
    pub value: String,
    /// The field's value before: what undo restores.
    pub before: String,
    /// `before` as the admin sees it (an option's text).
    #[serde(default)]
    pub before_text: String,
    /// `value` as the admin sees it (an option's text).
    pub after: String,
    /// Whether the field held a different non-empty value.
    pub conflict: bool,
    /// Whether the value is a secret to mask.
    pub secret: bool,
    /// Whether the field is not displayed (a wizard step not shown yet): fill it without focusing.
    #[serde(default)]
    pub hidden: bool,
    /// Whether the field is disabled now; an earlier action (the authentication type) may
    /// enable it, so apply actions in order and skip one still disabled.
    #[serde(default)]
    pub disabled: bool,
}

/// A field the form should have but IMS Link could not fill.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct MissingField {
    /// The spec.
    pub spec_id: String,
    /// The label AEM documents for it.
    pub label: String,
    /// The field's key when it was found but cannot take the value.
    pub key: Option<String>,
    /// The value to enter by hand, when known.
    pub value: Option<String>,
    /// Whether `value` is a secret to mask.
    pub secret: bool,
    /// Whether the form needs it.
    pub required: bool,
    /// Why, and what to do.
    pub why: String,
}

/// A value the profile lacks.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct MissingValue {
    /// The spec.
    pub spec_id: String,
    /// The label AEM documents for it.
    pub label: String,
    /// Why, and where to get it.
    pub why: String,
}

/// Something the admin should know about the form as a whole.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Notice {
    /// Stable code.
    pub code: String,
    /// What to do.
    pub message: String,
}

/// The plan the content script applies.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// The form detected.
    pub form: FormKind,
    /// The authentication type filled (IMS wizard only).
    pub mode: Option<AuthType>,
    /// Authentication types the wizard offers.
    pub available_modes: Vec<AuthType>,
    /// The authentication type the wizard has selected now.
    pub current_mode: Option<AuthType>,
    /// A page to open instead (the wizard, from the IMS console).
    pub open_url: Option<String>,
    /// Form-level advice.
    pub notices: Vec<Notice>,
    /// Apply these, in order.
    pub actions: Vec<Action>,
    /// Fields already right.
    pub unchanged: Vec<Action>,
    /// Fields holding another value: not applied until confirmed.
    pub conflicts: Vec<Action>,
    /// Fields not found or not fillable, with the value to enter by hand.
    pub missing_fields: Vec<MissingField>,
    /// Values the profile lacks.
    pub missing_values: Vec<MissingValue>,
    /// The origin this plan fills (`scheme://host[:port]`), for the popup to name.
    pub origin: String,
    /// Secrets held back until the admin allows this origin, and the question to ask.
    pub consent: Option<Consent>,
    /// Whether the form is a wizard with a step not shown now (`detect::has_hidden_step`):
    /// saving it takes Next before Create.
    #[serde(default)]
    pub hidden_step: bool,
}

fn notice(code: &str, message: String) -> Notice {
    Notice {
        code: code.to_string(),
        message,
    }
}

const FILLABLE: &str = "IMS Link fills the Adobe IMS Technical Account Configuration wizard (Tools > Security > Adobe IMS Configurations > Create), the AEM 6.5 Adobe Target dialog (Tools > Cloud Services > Legacy Cloud Services > Adobe Target, /etc/cloudservices/testandtarget/...), the AEM as a Cloud Service Adobe Target configuration (Tools > Cloud Services > Adobe Target) and AEM's keystore form \"Add Private Key from DER file\" (Tools > Security > Users > authentication-service > Keystore).";

/// Whether two texts are the same value for this spec.
fn same(spec: &Spec, current: &str, wanted: &str) -> bool {
    let (a, b) = (current.trim(), wanted.trim());
    match spec.source {
        ValueSource::Profile(Field::ClientSecret) => a == b,
        ValueSource::Profile(Field::Payload) => crate::profile::same_payload(a, b),
        ValueSource::Scopes => {
            // The words between commas and spaces.
            let set = |s: &str| {
                let mut words = Vec::new();
                for part in s.split_ascii(b',') {
                    for word in part.split_ascii(b' ').map(str::trim).filter(|w| !w.is_empty()) {
                        words.push(word.to_string());
                    }
                }
                crate::sorted::set(words)
            };
            set(a) == set(b)
        }
        _ => a.eq_ignore_ascii_case(b),
    }
}

fn shown_label(p: &Prepared) -> Option<String> {
    let f = p.field;
    [&f.label, &f.aria_label, &f.name]
        .into_iter()
        .flatten()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

/// Builds the plan for a snapshot; `confirm` ids must belong to the detected form.
pub fn plan(snapshot: FormSnapshot, profile: &Profile, options: &PlanOptions) -> Result<Plan, FillError> {
    let snapshot = snapshot.bounded();
    if options.confirm.len() > MAX_CONFIRM {
        return Err(FillError::TooManyConfirmed(options.confirm.len()));
    }
    if options.secret_origins.len() > trust::MAX_SECRET_ORIGINS {
        return Err(FillError::TooManySecretOrigins(options.secret_origins.len()));
    }
    let address = Address::parse(&snapshot.url);
    let page = trust::PageTrust::of(&snapshot, &options.secret_origins);
    let fields: Vec<Prepared> = snapshot.fields.iter().map(Prepared::new).gather();
    let detection = detect::detect(&address, &fields);
    let form = detection.form;
    let mut out = Plan {
        form,
        mode: None,
        available_modes: detection.available_modes.clone(),
        current_mode: detection.current_mode,
        open_url: None,
        notices: Vec::new(),
        actions: Vec::new(),
        unchanged: Vec::new(),
        conflicts: Vec::new(),
        missing_fields: Vec::new(),
        missing_values: Vec::new(),
        origin: address.origin.clone(),
        consent: None,
        hidden_step: detect::has_hidden_step(&fields),
    };
    for id in &options.confirm {
        if !form.specs().iter().any(|s| s.id == id) {
            return Err(FillError::UnknownConfirm {
                spec_id: id.clone(),
                form: form_name(form),
            });
        }
    }
    match form {
        FormKind::ImsConsole => {
            out.open_url = (!address.origin.is_empty())
                .then(|| format!("{}{}{}", address.origin, detect::IMS_WIZARD_PATH, address.query));
            out.notices.push(notice(
                "open-create",
                "This is the list of Adobe IMS configurations. Click Create to open the Adobe IMS Technical Account Configuration wizard; IMS Link fills it there.".into(),
            ));
            return Ok(out);
        }
        FormKind::Unknown => {
            out.notices.push(notice(
                "not-a-fillable-form",
                format!("IMS Link does not recognise a form it can fill on this page. {FILLABLE}"),
            ));
            return Ok(out);
        }
        _ => {}
    }
    if form == FormKind::ImsWizard {
        let mode = choose_mode(profile, detection.current_mode);
        out.mode = mode;
        if let Some(m) = mode {
            if !detection.available_modes.is_empty() && !detection.available_modes.contains(&m) {
                out.notices.push(notice(
                    "auth-type-unavailable",
                    match m {
                        AuthType::Oauth => "This AEM's IMS wizard only offers JWT (AEM 6.5 before Service Pack 20), but the profile holds an OAuth Server-to-Server credential. Update AEM to 6.5 SP20 or later, or add a JWT credential in the Adobe Developer Console.".into(),
                        AuthType::Jwt => "This AEM's IMS wizard does not offer JWT, but the profile holds a JWT credential, which Adobe retired. Add an OAuth Server-to-Server credential in the Adobe Developer Console.".into(),
                    },
                ));
            }
        }
    }
    let mode = out.mode;
    let specs: Vec<&Spec> = form
        .specs()
        .iter()
        // The wizard's certificate is picked only once AEM showed IMS Link's key pair stored.
        .filter(|s| s.source != ValueSource::KeypairAlias || options.keypair_alias.is_some())
        .filter(|s| match (s.mode, mode) {
            (None, _) => true,
            (Some(m), Some(current)) => m == current,
            // Mode unknown: fill what both modes share.
            (Some(_), None) => false,
        })
        .gather();
    let found = match_fields(&specs, &fields);
    // Classic UI builds the dialog's fields only when it opens, and an existing
    // configuration's page shows it closed (Adobe's 6.5 docs): nothing to fill until "Edit".
    let shown = |hit: &Option<(usize, _)>| hit.is_some_and(|(i, _)| fields.get(i).is_some_and(|f| f.field.visible));
    if form == FormKind::TargetClassic && !found.iter().any(shown) {
        out.notices.push(notice(
            "dialog-closed",
            "The Adobe Target dialog is not open. Click \u{201c}Edit\u{201d} on this page, then fill again.".into(),
        ));
        return Ok(out);
    }
    if let Some(other) = other_solution(&specs, &found, &fields) {
        out.notices.push(notice(
            "other-solution",
            format!(
                "This IMS configuration serves \u{201c}{other}\u{201d}, not Adobe Target: IMS Link does not fill it with the Target credential, which would break {other}. Go back to AEM's Adobe IMS Configurations and open the one Adobe Target uses."
            ),
        ));
        return Ok(out);
    }
    for (spec, hit) in specs.iter().zip(found) {
        plan_one(
            spec,
            hit.and_then(|(i, _)| fields.get(i)),
            profile,
            options,
            mode,
            &mut out,
        );
    }
    guard_secrets(&page, &snapshot, &mut out);
    Ok(out)
}

/// The cloud solution an existing IMS configuration serves, when it is not Adobe Target: its
/// Properties offer only that one solution (AEM keeps a configuration's solution), so filling
/// them would put Target's credential into another solution's configuration (a migration of
/// the wrong card: AEM's cards do not say which solution each serves).
fn other_solution(specs: &[&Spec], found: &[Option<(usize, Tier)>], fields: &[Prepared]) -> Option<String> {
    let at = specs.iter().position(|s| s.id == "cloudConfiguration")?;
    let spec = specs.get(at)?;
    let field = found.get(at).copied().flatten().and_then(|(i, _)| fields.get(i))?;
    let f = &field.field;
    let current = f.options.iter().find(|o| !f.value.is_empty() && o.value == f.value)?;
    let ValueSource::Option(shown, patterns) = spec.source else {
        return None;
    };
    let chooser = Chooser::Patterns(shown, patterns);
    // A form that offers Target (Create) is the admin's to choose on; one that does not and
    // holds another solution is another solution's configuration.
    choose(&chooser, spec, &f.options).is_err().then(|| {
        let text = current.text.trim();
        if text.is_empty() {
            current.value.clone()
        } else {
            text.to_string()
        }
    })
}

/// Applies `fill::trust` to every secret the plan would type: refused ones become values to
/// paste by hand (not shown, not copied: the page may be anyone's), and the ones waiting for
/// the admin's yes to this origin are held back with the question to ask.
fn guard_secrets(page: &trust::PageTrust, snapshot: &FormSnapshot, out: &mut Plan) {
    let field = |key: &str| snapshot.fields.iter().find(|f| f.key == key);
    let mut waiting: Vec<&'static str> = Vec::new();
    let mut held: Vec<String> = Vec::new();
    let mut refused: Vec<MissingField> = Vec::new();
    for list in [&mut out.actions, &mut out.conflicts] {
        list.retain(|a| {
            // The payload is guarded like the secret: it names the credential's organization
            // and technical account, and is what a stolen key is signed with.
            if !a.secret && a.spec_id != "payload" {
                return true;
            }
            let step = field(&a.key).is_some_and(|f| f.wizard_step);
            match page.secret(a.hidden, step) {
                trust::SecretVerdict::Fill => true,
                trust::SecretVerdict::AskOrigin => {
                    held.push(a.spec_id.clone());
                    let label = spec_label(&a.spec_id);
                    if !waiting.contains(&label) {
                        waiting.push(label);
                    }
                    false
                }
                trust::SecretVerdict::Refuse(r) => {
                    refused.push(MissingField {
                        spec_id: a.spec_id.clone(),
                        label: a.label.clone(),
                        key: Some(a.key.clone()),
                        value: None,
                        secret: a.secret,
                        required: true,
                        why: r.message(&a.label, &page.origin),
                    });
                    false
                }
            }
        });
    }
    out.missing_fields.extend(refused);
    if !waiting.is_empty() {
        out.consent = Some(trust::Consent {
            held,
            ..trust::consent(&page.origin, &waiting)
        });
    }
}

/// The label of a spec id in any form's table (the admin's words for the question).
pub(super) fn spec_label(spec_id: &str) -> &'static str {
    [
        spec::IMS_WIZARD,
        spec::TARGET_CLASSIC,
        spec::TARGET_CLOUD,
        spec::KEYSTORE,
    ]
    .iter()
    .flat_map(|t| t.iter())
    .find(|s| s.id == spec_id)
    .map_or("secret", |s| s.label)
}

fn form_name(form: FormKind) -> String {
    crate::to_json::to_string(&form).trim_chars(&['"']).to_string()
}

fn plan_one(
    spec: &Spec,
    field: Option<&Prepared>,
    profile: &Profile,
    options: &PlanOptions,
    mode: Option<AuthType>,
    out: &mut Plan,
) {
    let wanted = match resolve(spec, profile, options, mode) {
        Ok(w) => w,
        Err(why) => {
            // An optional field the form lacks needs nothing from the profile either.
            if field.is_some() || spec.required {
                out.missing_values.push(MissingValue {
                    spec_id: spec.id.into(),
                    label: spec.label.into(),
                    why,
                });
            }
            if field.is_none() && spec.required {
                out.missing_fields.push(missing(spec, None, None, not_found(spec)));
            }
            return;
        }
    };
    let Some(p) = field else {
        if spec.required {
            out.missing_fields
                .push(missing(spec, None, Some(wanted.shown()), not_found(spec)));
        }
        return;
    };
    let f = p.field;
    let (action, value, after, before, before_text) = match &wanted {
        Wanted::Text(t) => (
            ActionKind::SetValue,
            t.clone(),
            t.clone(),
            f.value.clone(),
            f.value.clone(),
        ),
        Wanted::File { name, base64 } => (
            ActionKind::SetFile,
            base64.clone(),
            name.to_string(),
            String::new(),
            String::new(),
        ),
        Wanted::Check(on) => {
            let before = f.checked.unwrap_or_else(|| f.value.trim().eq_ignore_ascii_case("true"));
            let b = before.to_string();
            (ActionKind::SetChecked, on.to_string(), on.to_string(), b.clone(), b)
        }
        Wanted::Choice(chooser) => match choose(chooser, spec, &f.options) {
            Ok(o) => (
                ActionKind::SelectOption,
                o.value.clone(),
                o.text.trim().to_string(),
                f.value.clone(),
                option_text(&f.options, &f.value),
            ),
            Err(no) => {
                if !f.value.is_empty() && no.accept.contains(&f.value) {
                    // Ambiguous, but the admin already picked one of the candidates.
                    out.unchanged.push(Action {
                        key: f.key.clone(),
                        spec_id: spec.id.into(),
                        label: spec.label.into(),
                        field_label: shown_label(p),
                        action: ActionKind::SelectOption,
                        via: Via::of(f),
                        value: f.value.clone(),
                        before: f.value.clone(),
                        before_text: option_text(&f.options, &f.value),
                        after: option_text(&f.options, &f.value),
                        conflict: false,
                        secret: spec.secret,
                        hidden: !f.visible,
                        disabled: f.disabled,
                    });
                } else {
                    out.missing_fields
                        .push(missing(spec, Some(f.key.clone()), Some(wanted.shown()), no.why));
                }
                return;
            }
        },
    };
    let is_same = match &wanted {
        Wanted::Text(_) => same(spec, &before, &value),
        _ => before == value,
    };
    let empty = match &wanted {
        Wanted::Check(_) => before != "true",
        // A file input shows no value worth keeping: the file is always given anew.
        Wanted::File { .. } => true,
        _ => before.trim().is_empty(),
    };
    let mut act = Action {
        key: f.key.clone(),
        spec_id: spec.id.into(),
        label: spec.label.into(),
        field_label: shown_label(p),
        action,
        via: Via::of(f),
        value,
        before,
        before_text,
        after,
        conflict: false,
        secret: spec.secret,
        hidden: !f.visible,
        disabled: f.disabled,
    };
    if is_same || (spec.keep && !empty) {
        if !is_same {
            // Kept as the admin has it.
            act.value = act.before.clone();
            act.after = act.before_text.clone();
        }
        out.unchanged.push(act);
        return;
    }
    // A JWT configuration's Properties open read-only until Authentication Type is switched
    // (Adobe's migration steps): a field behind the plan's own switch is written after it,
    // like a disabled one, and skipped if the page still refuses it then.
    let switched = out.actions.iter().any(|a| a.spec_id == "authType");
    if matches!(wanted, Wanted::Text(_)) && f.read_only && !switched {
        out.missing_fields.push(missing(
            spec,
            Some(f.key.clone()),
            Some(act.value),
            format!(
                "The {} field is read-only on this page, so IMS Link cannot fill it. Enter the value by hand if AEM lets you, or check that this is the right form.",
                spec.label
            ),
        ));
        return;
    }
    act.conflict = spec.ask && !empty;
    if act.conflict && !options.confirm.iter().any(|c| c == spec.id) {
        out.conflicts.push(act);
    } else {
        out.actions.push(act);
    }
}

fn not_found(spec: &Spec) -> String {
    format!(
        "IMS Link could not find the {} field on this page (by name or label). Enter the value by hand; if the field is on another tab or step, open it and try again.",
        spec.label
    )
}

fn missing(spec: &Spec, key: Option<String>, value: Option<String>, why: String) -> MissingField {
    MissingField {
        spec_id: spec.id.into(),
        label: spec.label.into(),
        key,
        value,
        secret: spec.secret,
        required: spec.required,
        why,
    }
}
