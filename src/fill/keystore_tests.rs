//! AEM's keystore form ("Add Private Key from DER file") and the wizard's certificate pick:
//! the alias and the two files from IMS Link's key pair, the private key under the same trust
//! rules as the client secret, the key store password never touched.

use serde_json::json;

use super::plan::{keystore_alias, KeystoreFiles};
use super::trust::Refusal;
use super::*;
use crate::profile::Profile;

const KEYSTORE: &str =
    "https://author.aem.test/libs/granite/security/content/keystore.html/home/users/system/authentication-service";
const KEY_B64: &str = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC";
const CERT_B64: &str = "MIIDazCCAlOgAwIBAgIU";

fn field(key: &str, kind: &str, name: &str, label: &str) -> serde_json::Value {
    json!({"key": key, "tag": "input", "kind": kind, "name": name, "label": label, "value": "", "visible": true})
}

/// The dialog as the content script snapshots it.
fn keystore_form(url: &str) -> FormSnapshot {
    crate::from_json::from_value(json!({
        "url": url,
        "markers": ["coral-select", "foundation-form"],
        "fields": [
            field("f0", "text", "newAlias", "New Alias"),
            field("f1", "file", "keyFile", "Private Key File"),
            field("f2", "file", "certChain", "Certificate Chain File"),
            field("f3", "password", "keyStorePass", "Key Store Password"),
        ],
    }))
    .expect("snapshot")
}

fn options(allowed: bool) -> PlanOptions {
    PlanOptions {
        secret_origins: if allowed {
            vec!["https://author.aem.test".into()]
        } else {
            Vec::new()
        },
        keystore: Some(KeystoreFiles {
            alias: "ims-link-0a1b2c3d4e5f".into(),
            private_key_der_base64: KEY_B64.into(),
            certificate_der_base64: CERT_B64.into(),
        }),
        ..PlanOptions::default()
    }
}

fn no_profile() -> Profile {
    Profile::default()
}

#[test]
fn the_alias_names_ims_link_and_the_certificate() {
    assert_eq!(keystore_alias("0A:1B:2C:3D:4E:5F:60:71:82:93"), "ims-link-0a1b2c3d4e5f");
}

#[test]
fn the_keystore_form_gets_the_alias_and_both_files_but_never_the_password() {
    let plan = plan(keystore_form(KEYSTORE), &no_profile(), &options(true)).expect("plan");
    assert_eq!(plan.form, FormKind::Keystore);
    let got: Vec<(&str, ActionKind, &str, &str)> = plan
        .actions
        .iter()
        .map(|a| (a.spec_id.as_str(), a.action, a.value.as_str(), a.after.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "alias",
                ActionKind::SetValue,
                "ims-link-0a1b2c3d4e5f",
                "ims-link-0a1b2c3d4e5f"
            ),
            ("privateKeyFile", ActionKind::SetFile, KEY_B64, "private_key.der"),
            ("certificateFile", ActionKind::SetFile, CERT_B64, "certificate.der"),
        ]
    );
    assert!(
        plan.actions.iter().all(|a| a.key != "f3"),
        "the key store password is the admin's"
    );
    assert!(plan.actions[1].secret && !plan.actions[2].secret);
    assert!(plan.missing_fields.is_empty() && plan.missing_values.is_empty());
}

#[test]
fn the_private_key_waits_for_the_admins_yes_to_the_origin() {
    let plan = plan(keystore_form(KEYSTORE), &no_profile(), &options(false)).expect("plan");
    assert_eq!(
        plan.actions.iter().map(|a| a.spec_id.as_str()).collect::<Vec<_>>(),
        ["alias", "certificateFile"]
    );
    let c = plan.consent.expect("a question");
    assert_eq!(c.held, ["privateKeyFile"]);
    assert!(c
        .question
        .starts_with("Send the private key file to https://author.aem.test?"));
}

#[test]
fn the_private_key_never_goes_to_a_page_that_is_not_aems_keystore() {
    let refused = |snap: FormSnapshot| {
        let p = plan(snap, &no_profile(), &options(true)).expect("plan");
        assert!(p.actions.iter().all(|a| a.spec_id != "privateKeyFile"));
        let m = p
            .missing_fields
            .iter()
            .find(|m| m.spec_id == "privateKeyFile")
            .expect("refused");
        assert_eq!(m.value, None, "the key is never shown to paste");
        m.why.clone()
    };
    // No AEM markers.
    let mut s = keystore_form(KEYSTORE);
    s.markers.clear();
    assert_eq!(
        refused(s),
        Refusal::NotAemPage.message("Private Key File", "https://author.aem.test")
    );
    // Plain http to another computer.
    let s = keystore_form(&KEYSTORE.replace("https://", "http://"));
    let p = plan(
        s,
        &no_profile(),
        &PlanOptions {
            secret_origins: vec!["http://author.aem.test".into()],
            ..options(true)
        },
    )
    .expect("plan");
    assert!(p.missing_fields.iter().any(|m| m.spec_id == "privateKeyFile"));
    // In a frame.
    let mut s = keystore_form(KEYSTORE);
    s.frame = true;
    assert!(refused(s).contains("frame"));
    // A hidden file input (the dialog is not open; no wizard step to excuse it).
    let mut s = keystore_form(KEYSTORE);
    s.fields[1].visible = false;
    s.fields[1].wizard_step = true;
    assert!(refused(s).contains("hides"));
    // The same fields on another path are not the keystore: nothing to fill.
    let s = keystore_form("https://author.aem.test/content/evil/keystore.html");
    let p = plan(s, &no_profile(), &options(true)).expect("plan");
    assert_eq!(p.form, FormKind::Unknown);
    assert!(p.actions.is_empty());
}

#[test]
fn without_a_key_pair_the_form_says_where_to_make_one() {
    let p = plan(keystore_form(KEYSTORE), &no_profile(), &PlanOptions::default()).expect("plan");
    assert!(p.actions.is_empty());
    assert!(p
        .missing_values
        .iter()
        .all(|m| m.why.contains("Generate one in the IMS Link popup")));
    assert_eq!(p.missing_values.len(), 3);
}

/// The 6.5 wizard's Certificate step with the keystore's certificates offered.
fn wizard_with_certificates() -> FormSnapshot {
    crate::from_json::from_value(json!({
        "url": "https://author.aem.test/libs/cq/adobeims-configuration/content/configurations/create.html",
        "markers": ["coral-wizardview", "foundation-wizard-step", "coral-select"],
        "fields": [
            {"key": "f0", "tag": "coral-select", "kind": "coral-select", "name": "cloudServiceName", "label": "Cloud Configuration",
             "options": [{"value": "Adobe Target", "text": "Adobe Target"}], "visible": true, "wizardStep": true},
            {"key": "f1", "tag": "coral-select", "kind": "coral-select", "name": "keypairAlias", "label": "Certificate",
             "options": [{"value": "other", "text": "other"}, {"value": "ims-link-0a1b2c3d4e5f", "text": "ims-link-0a1b2c3d4e5f"}],
             "visible": true, "wizardStep": true},
            {"key": "f2", "tag": "input", "kind": "text", "name": "title", "label": "Title", "visible": false, "wizardStep": true},
        ],
    }))
    .expect("snapshot")
}

fn jwt() -> Profile {
    crate::from_json::from_value(json!({"authType": {"value": "jwt", "source": {"kind": "paste", "atMs": 0}}}))
        .expect("profile")
}

#[test]
fn the_wizard_picks_the_alias_aem_showed_stored_and_only_then() {
    let with = PlanOptions {
        keypair_alias: Some("ims-link-0a1b2c3d4e5f".into()),
        ..PlanOptions::default()
    };
    let p = plan(wizard_with_certificates(), &jwt(), &with).expect("plan");
    let a = p.actions.iter().find(|a| a.spec_id == "keypairAlias").expect("picked");
    assert_eq!((a.value.as_str(), a.key.as_str()), ("ims-link-0a1b2c3d4e5f", "f1"));
    // Not stored yet: the certificate is left to AEM's own route (no question, nothing missing).
    let p = plan(wizard_with_certificates(), &jwt(), &PlanOptions::default()).expect("plan");
    assert!(p
        .actions
        .iter()
        .chain(&p.unchanged)
        .all(|a| a.spec_id != "keypairAlias"));
    assert!(p.missing_values.iter().all(|m| m.spec_id != "keypairAlias"));
    assert!(p.missing_fields.iter().all(|m| m.spec_id != "keypairAlias"));
    // Stored, but the list lacks it: said plainly.
    let gone = PlanOptions {
        keypair_alias: Some("ims-link-ffffffffffff".into()),
        ..PlanOptions::default()
    };
    let p = plan(wizard_with_certificates(), &jwt(), &gone).expect("plan");
    let m = p
        .missing_fields
        .iter()
        .find(|m| m.spec_id == "keypairAlias")
        .expect("missing");
    assert!(m.why.contains("does not offer \"ims-link-ffffffffffff\""), "{}", m.why);
}
