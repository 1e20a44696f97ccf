//! Choosing a list option for what the profile wants (an option named by patterns, the
//! authentication type, the IMS configuration made for this profile), and why none fits.

use super::detect;
use super::resolve::Chooser;
use super::snapshot::FieldOption;
use super::spec::{normalize_label, Spec};
use crate::gather::Gather;
use crate::profile::AuthType;
use crate::text::{join, Search};

/// Why no option fits; `accept` lists option values that would be right, if any is current.
pub(super) struct NoOption {
    pub(super) why: String,
    pub(super) accept: Vec<String>,
}

fn option_list(options: &[FieldOption]) -> String {
    let texts: Vec<&str> = options
        .iter()
        .filter(|o| !o.value.is_empty())
        .map(|o| {
            if o.text.trim().is_empty() {
                o.value.as_str()
            } else {
                o.text.trim()
            }
        })
        .take(12)
        .gather();
    if texts.is_empty() {
        "none".to_string()
    } else {
        join(&texts, ", ")
    }
}

/// The option `chooser` picks among `options`, or why none fits.
pub(super) fn choose<'o>(
    chooser: &Chooser,
    spec: &Spec,
    options: &'o [FieldOption],
) -> Result<&'o FieldOption, NoOption> {
    let norm: Vec<(String, String)> = options
        .iter()
        .map(|o| (normalize_label(&o.value), normalize_label(&o.text)))
        .gather();
    let first = |pred: &dyn Fn(&(String, String)) -> bool| norm.iter().position(pred).and_then(|i| options.get(i));
    match chooser {
        Chooser::Patterns(shown, patterns) => {
            for p in patterns.iter() {
                if let Some(o) = first(&|(v, t)| v == p || t == p) {
                    return Ok(o);
                }
            }
            for p in patterns.iter() {
                let p = format!(" {p} ");
                if let Some(o) = first(&|(v, t)| !v.is_empty() && format!(" {t} ").contains_text(&p)) {
                    return Ok(o);
                }
            }
            Err(NoOption {
                why: format!(
                    "The {} list has no \"{}\" option (it offers: {}). Pick it by hand if it is there under another name.",
                    spec.label,
                    shown,
                    option_list(options)
                ),
                accept: Vec::new(),
            })
        }
        Chooser::Auth(mode) => options
            .iter()
            .find(|o| detect::auth_type_of_option(&o.value, &o.text) == Some(*mode))
            .ok_or_else(|| NoOption {
                why: format!(
                    "The Authentication Type list has no {} option (it offers: {}). {}",
                    mode.as_str().to_ascii_uppercase(),
                    option_list(options),
                    match mode {
                        AuthType::Oauth => "This AEM cannot use OAuth Server-to-Server credentials: update it (AEM 6.5 SP20 or later) or use a JWT credential.",
                        AuthType::Jwt => "This AEM no longer offers JWT: create an OAuth Server-to-Server credential in the Adobe Developer Console.",
                    }
                ),
                accept: Vec::new(),
            }),
        Chooser::Exact(alias) => options
            .iter()
            .find(|o| o.value == *alias || o.text.trim() == alias)
            .ok_or_else(|| NoOption {
                why: format!(
                    "The {} list does not offer \"{alias}\" (it offers: {}). Add IMS Link's key pair to AEM's keystore under that alias first, then reopen the wizard.",
                    spec.label,
                    option_list(options)
                ),
                accept: Vec::new(),
            }),
        Chooser::ImsConfig(titles) => {
            for t in titles {
                let t = normalize_label(t);
                if let Some(o) = first(&|(v, x)| !v.is_empty() && *x == t) {
                    return Ok(o);
                }
            }
            let targets: Vec<&FieldOption> = options
                .iter()
                .zip(&norm)
                .filter(|(_, (v, t))| !v.is_empty() && (contains_word(t, "target") || contains_word(v, "target")))
                .map(|(o, _)| o)
                .gather();
            if let [only] = targets.as_slice() {
                return Ok(only);
            }
            let wanted = titles.first().cloned().unwrap_or_default();
            if targets.is_empty() {
                Err(NoOption {
                    why: format!(
                        "No IMS configuration for Adobe Target is listed (the list offers: {}). Create \"{wanted}\" in Tools > Security > Adobe IMS Configurations first, then reload this page.",
                        option_list(options)
                    ),
                    accept: Vec::new(),
                })
            } else {
                Err(NoOption {
                    why: format!(
                        "Several IMS configurations could be Adobe Target's ({}) and none is titled \"{wanted}\". Pick the one made for this Target account by hand.",
                        join(&targets.iter().map(|o| o.text.trim()).gather(), ", ")
                    ),
                    accept: targets.iter().map(|o| o.value.clone()).gather(),
                })
            }
        }
    }
}

fn contains_word(text: &str, word: &str) -> bool {
    format!(" {text} ").contains_text(&format!(" {word} "))
}

/// The text an option shows for `value`, or the value itself.
pub(super) fn option_text(options: &[FieldOption], value: &str) -> String {
    options
        .iter()
        .find(|o| o.value == value)
        .map(|o| o.text.trim().to_string())
        .unwrap_or_else(|| value.to_string())
}
