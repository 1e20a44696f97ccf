//! Tests of form detection, field matching and fill plans against snapshots of the fake AEM
//! pages (tests/fake-cloud/sites/aem), as the content script would capture them.

use proptest::prelude::*;
use serde_json::json;

use super::*;
use crate::profile::{AuthType, Profile};

fn fixture(name: &str) -> FormSnapshot {
    let text = match name {
        "ims-wizard-65" => include_str!("testdata/ims-wizard-65.json"),
        "ims-wizard-65-jwt" => include_str!("testdata/ims-wizard-65-jwt.json"),
        "ims-wizard-cloud" => include_str!("testdata/ims-wizard-cloud.json"),
        "ims-wizard-labels" => include_str!("testdata/ims-wizard-labels.json"),
        "ims-console" => include_str!("testdata/ims-console.json"),
        "target-classic" => include_str!("testdata/target-classic.json"),
        "target-cloud" => include_str!("testdata/target-cloud.json"),
        "target-classic-extjs" => include_str!("testdata/target-classic-extjs.json"),
        "target-cloud-documented" => include_str!("testdata/target-cloud-documented.json"),
        "ims-wizard-oauth-only" => include_str!("testdata/ims-wizard-oauth-only.json"),
        "ims-create-single" => include_str!("testdata/ims-create-single.json"),
        other => panic!("no fixture {other}"),
    };
    let mut snap: FormSnapshot =
        crate::from_json::from_value(crate::json_text::parse(text).expect("fixture is JSON")).expect("fixture parses");
    // What the worker's snapshot adds on the fake AEM pages: AEM's own markers, and for the
    // IMS wizard every field inside a `.foundation-wizard-step`.
    snap.markers = match name {
        "target-classic" => vec!["x-form-item".into()],
        "target-classic-extjs" => vec!["x-form-item".into(), "cq-ext".into()],
        "ims-wizard-65" | "ims-wizard-65-jwt" | "ims-wizard-cloud" | "ims-wizard-labels" | "ims-wizard-oauth-only" => {
            vec![
                "coral-wizardview".into(),
                "foundation-wizard-step".into(),
                "coral-select".into(),
            ]
        }
        _ => vec!["coral-select".into(), "foundation-form".into()],
    };
    // The one-page Create form: Granite's form and a Coral select, no wizard steps.
    if name.starts_with("ims-wizard") {
        snap.fields.iter_mut().for_each(|f| f.wizard_step = true);
    }
    snap
}

/// The options of a fill on an origin the admin already allowed to receive secrets.
fn trusted(snapshot: &FormSnapshot) -> PlanOptions {
    PlanOptions {
        secret_origins: vec![detect::Address::parse(&snapshot.url).origin],
        ..PlanOptions::default()
    }
}

const PAYLOAD: &str = r#"{"exp":1700000000,"iss":"0123456789ABCDEF01234567@AdobeOrg","sub":"ABCDEF0123456789ABCDEF01@techacct.adobe.com","https://ims-na1.adobelogin.com/s/ent_marketing_sdk":true,"aud":"https://ims-na1.adobelogin.com/c/a1b2c3d4e5f60718293a4b5c6d7e8f90"}"#;
const JWT_SECRET: &str = "p8e-JWTsecret9876543210fedcbaABC";
const OAUTH_SECRET: &str = "p8e-OAUTHsecret0123456789abcdefXYZ";

fn sourced(v: serde_json::Value) -> serde_json::Value {
    json!({"value": v, "source": {"kind": "paste", "atMs": 0}})
}

fn jwt_profile() -> Profile {
    crate::from_json::from_value(json!({
        "tenant": sourced(json!("acme")),
        "clientCode": sourced(json!("acme")),
        "orgId": sourced(json!("0123456789ABCDEF01234567@AdobeOrg")),
        "clientId": sourced(json!("a1b2c3d4e5f60718293a4b5c6d7e8f90")),
        "clientSecret": sourced(json!(JWT_SECRET)),
        "authType": sourced(json!("jwt")),
        "payload": sourced(json!(PAYLOAD)),
    }))
    .expect("profile")
}

fn oauth_profile() -> Profile {
    crate::from_json::from_value(json!({
        "tenant": sourced(json!("acme")),
        "clientCode": sourced(json!("acme")),
        "orgId": sourced(json!("0123456789ABCDEF01234567@AdobeOrg")),
        "clientId": sourced(json!("5f0a1b2c3d4e5f60718293a4b5c6d7e8")),
        "clientSecret": sourced(json!(OAUTH_SECRET)),
        "authType": sourced(json!("oauth")),
        "scopes": sourced(json!(["openid", "AdobeID", "target_sdk"])),
    }))
    .expect("profile")
}

fn run(snapshot: FormSnapshot, profile: &Profile) -> Plan {
    let options = trusted(&snapshot);
    let out = plan(snapshot, profile, &options).expect("plan");
    crate::to_json::assert_same(&out);
    out
}

fn ids(actions: &[Action]) -> Vec<&str> {
    actions.iter().map(|a| a.spec_id.as_str()).collect()
}

fn find<'a>(actions: &'a [Action], spec_id: &str) -> &'a Action {
    actions
        .iter()
        .find(|a| a.spec_id == spec_id)
        .unwrap_or_else(|| panic!("no action for {spec_id}"))
}

/// The `id` attribute of the field an action targets.
fn field_id<'a>(snapshot: &'a FormSnapshot, key: &str) -> &'a str {
    snapshot
        .fields
        .iter()
        .find(|f| f.key == key)
        .and_then(|f| f.id.as_deref())
        .unwrap_or_default()
}

fn field_mut<'a>(snapshot: &'a mut FormSnapshot, name: &str) -> &'a mut FieldSnapshot {
    snapshot
        .fields
        .iter_mut()
        .find(|f| f.name.as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no field {name}"))
}

/// What the content script does with the actions.
fn apply(mut snapshot: FormSnapshot, actions: &[Action]) -> FormSnapshot {
    for a in actions {
        let f = snapshot
            .fields
            .iter_mut()
            .find(|f| f.key == a.key)
            .expect("action key exists");
        f.value = a.value.clone();
        if a.action == ActionKind::SetChecked {
            f.checked = Some(a.value == "true");
        }
    }
    snapshot
}

#[test]
fn jwt_fill_of_the_65_wizard_switches_the_authentication_type_and_fills_the_account_step() {
    let snap = fixture("ims-wizard-65");
    let p = run(snap.clone(), &jwt_profile());
    assert_eq!(p.form, FormKind::ImsWizard);
    assert_eq!(p.mode, Some(AuthType::Jwt));
    assert_eq!(p.available_modes, vec![AuthType::Oauth, AuthType::Jwt]);
    assert_eq!(p.current_mode, Some(AuthType::Oauth));
    assert_eq!(
        ids(&p.actions),
        [
            "cloudConfiguration",
            "authType",
            "title",
            "authorizationServer",
            "apiKey",
            "clientSecret",
            "payload"
        ]
    );
    assert!(p.conflicts.is_empty() && p.missing_fields.is_empty() && p.missing_values.is_empty());
    let cloud = find(&p.actions, "cloudConfiguration");
    assert_eq!(
        (cloud.action, cloud.value.as_str()),
        (ActionKind::SelectOption, "Adobe Target")
    );
    let auth = find(&p.actions, "authType");
    assert_eq!(
        (auth.value.as_str(), auth.before.as_str(), auth.after.as_str()),
        ("jwt", "oauth", "JWT (deprecated)")
    );
    assert!(!auth.conflict, "the authentication type is a setting, not admin text");
    assert_eq!(find(&p.actions, "title").value, "Adobe Target (acme, JWT)");
    assert_eq!(
        find(&p.actions, "authorizationServer").value,
        "https://ims-na1.adobelogin.com"
    );
    let api = find(&p.actions, "apiKey");
    assert_eq!(field_id(&snap, &api.key), "ims-apiKey");
    assert!(
        api.hidden && api.disabled,
        "JWT fields are hidden and disabled until the type switches"
    );
    let secret = find(&p.actions, "clientSecret");
    assert!(secret.secret && secret.value == JWT_SECRET);
    assert_eq!(find(&p.actions, "payload").value, PAYLOAD);
    assert!(!find(&p.actions, "cloudConfiguration").hidden);
}

/// A JWT configuration's Properties open read-only until Authentication Type is switched
/// (Adobe's migration steps): the fields behind the plan's own switch are written after it;
/// without a switch, a read-only field is one to enter by hand.
#[test]
fn read_only_fields_behind_the_plans_authentication_switch_are_filled_after_it() {
    let mut snap = fixture("ims-wizard-65");
    field_mut(&mut snap, "authType").value = "jwt".into();
    for name in ["title", "authServerUrl", "apiKey", "clientSecret", "jwtClaims"] {
        field_mut(&mut snap, name).read_only = true;
    }
    let p = run(snap.clone(), &oauth_profile());
    assert!(ids(&p.actions).contains(&"authType"), "{:?}", ids(&p.actions));
    for id in ["clientId", "clientSecret", "scope", "orgId"] {
        assert!(
            ids(&p.actions).contains(&id),
            "{id} is filled after the switch: {:?}",
            p.missing_fields
        );
    }
    assert!(
        !p.missing_fields.iter().any(|m| m.why.contains("read-only")),
        "{:?}",
        p.missing_fields
    );
    // Already OAuth: nothing switches, and the read-only field is the admin's to enter.
    let mut still = snap;
    field_mut(&mut still, "authType").value = "oauth".into();
    let p = run(still, &oauth_profile());
    let secret = p.missing_fields.iter().find(|m| m.spec_id == "clientSecret");
    assert!(
        secret.is_some_and(|m| m.why.contains("read-only")),
        "{:?}",
        p.missing_fields
    );
}

/// What an OAuth fill of the IMS form writes, in order, on the wizard and the one-page form alike.
const OAUTH_FORM_FIELDS: [&str; 7] = [
    "cloudConfiguration",
    "title",
    "authorizationServer",
    "clientId",
    "clientSecret",
    "scope",
    "orgId",
];

#[test]
fn oauth_fill_of_the_cloud_wizard_uses_dot_slash_names_and_the_cloud_solution_label() {
    let snap = fixture("ims-wizard-cloud");
    let p = run(snap.clone(), &oauth_profile());
    assert_eq!(p.form, FormKind::ImsWizard);
    assert_eq!(p.mode, Some(AuthType::Oauth));
    assert_eq!(ids(&p.actions), OAUTH_FORM_FIELDS);
    assert_eq!(ids(&p.unchanged), ["authType"]);
    assert_eq!(find(&p.actions, "scope").value, "openid,AdobeID,target_sdk");
    assert_eq!(find(&p.actions, "orgId").value, "0123456789ABCDEF01234567@AdobeOrg");
    assert_eq!(field_id(&snap, &find(&p.actions, "clientId").key), "ims-clientId");
    assert!(p.actions.iter().skip(1).all(|a| a.hidden && !a.disabled));
    assert!(p.conflicts.is_empty() && p.missing_fields.is_empty() && p.missing_values.is_empty());
}

#[test]
fn the_65_wizard_before_sp20_is_jwt_only() {
    let p = run(fixture("ims-wizard-65-jwt"), &jwt_profile());
    assert_eq!(p.available_modes, vec![AuthType::Jwt]);
    assert_eq!(
        ids(&p.actions),
        [
            "cloudConfiguration",
            "title",
            "authorizationServer",
            "apiKey",
            "clientSecret",
            "payload"
        ]
    );
    assert!(
        p.missing_fields.is_empty(),
        "the absent Authentication Type is optional"
    );
    assert!(p.actions.iter().all(|a| !a.disabled));

    let p = run(fixture("ims-wizard-65-jwt"), &oauth_profile());
    assert_eq!(p.notices[0].code, "auth-type-unavailable");
    let missing: Vec<&str> = p.missing_fields.iter().map(|m| m.spec_id.as_str()).collect();
    assert_eq!(missing, ["scope", "orgId"], "the client id still goes into API Key");
}

#[test]
fn opaque_names_are_found_by_label_in_both_modes() {
    let snap = fixture("ims-wizard-labels");
    for (profile, expect) in [
        (
            jwt_profile(),
            vec![("apiKey", "ims-apiKey"), ("payload", "ims-jwtClaims")],
        ),
        (
            oauth_profile(),
            vec![
                ("clientId", "ims-clientId"),
                ("scope", "ims-scope"),
                ("orgId", "ims-orgId"),
            ],
        ),
    ] {
        let p = run(snap.clone(), &profile);
        assert!(p.missing_fields.is_empty(), "{:?}", p.missing_fields);
        for (spec, id) in expect {
            assert_eq!(field_id(&snap, &find(&p.actions, spec).key), id, "{spec}");
        }
        assert_eq!(field_id(&snap, &find(&p.actions, "title").key), "ims-title");
        assert_eq!(
            field_id(&snap, &find(&p.actions, "clientSecret").key),
            "ims-clientSecret"
        );
        assert_eq!(
            field_id(&snap, &find(&p.actions, "cloudConfiguration").key),
            "ims-cloudServiceName"
        );
    }
}

#[test]
fn label_case_and_wording_variants_are_matched() {
    let mut snap = fixture("ims-wizard-labels");
    let relabel = |snap: &mut FormSnapshot, id: &str, label: &str| {
        let f = snap
            .fields
            .iter_mut()
            .find(|f| f.id.as_deref() == Some(id))
            .expect("field");
        f.label = Some(label.into());
    };
    relabel(&mut snap, "ims-scope", "Scopes");
    relabel(&mut snap, "ims-orgId", "IMS Organization ID:");
    relabel(&mut snap, "ims-authServerUrl", "AUTHORIZATION  SERVER");
    relabel(&mut snap, "ims-authType", "authentication-type");
    relabel(&mut snap, "ims-cloudServiceName", "Cloud Solution");
    let p = run(snap.clone(), &oauth_profile());
    assert!(p.missing_fields.is_empty(), "{:?}", p.missing_fields);
    assert_eq!(field_id(&snap, &find(&p.actions, "scope").key), "ims-scope");
    assert_eq!(field_id(&snap, &find(&p.actions, "orgId").key), "ims-orgId");
    assert_eq!(
        field_id(&snap, &find(&p.actions, "authorizationServer").key),
        "ims-authServerUrl"
    );

    // JWT with the key field labelled "Client ID" and no OAuth field: still the API key.
    let mut jwt = fixture("ims-wizard-labels");
    jwt.fields.retain(|f| f.id.as_deref() != Some("ims-clientId"));
    relabel(&mut jwt, "ims-apiKey", "Client Id");
    relabel(&mut jwt, "ims-jwtClaims", "JWT Payload");
    let p = run(jwt.clone(), &jwt_profile());
    assert!(p.missing_fields.is_empty(), "{:?}", p.missing_fields);
    assert_eq!(field_id(&jwt, &find(&p.actions, "apiKey").key), "ims-apiKey");
    assert_eq!(field_id(&jwt, &find(&p.actions, "payload").key), "ims-jwtClaims");

    // A Target form with opaque names, "Tenant Id" and labels as aria-labels only.
    let mut target = fixture("target-cloud");
    for f in &mut target.fields {
        f.name = Some(format!("x-{}", f.key));
    }
    relabel(&mut target, "tt-tenant", "Tenant Id");
    let cc = target
        .fields
        .iter_mut()
        .find(|f| f.id.as_deref() == Some("tt-clientcode"))
        .expect("cc");
    cc.aria_label = cc.label.take();
    let p = run(target.clone(), &jwt_profile());
    assert_eq!(p.form, FormKind::TargetCloud, "found by fields: the URL says so too");
    assert!(p.missing_fields.is_empty(), "{:?}", p.missing_fields);
    assert_eq!(field_id(&target, &find(&p.actions, "tenant").key), "tt-tenant");
    assert_eq!(field_id(&target, &find(&p.actions, "clientCode").key), "tt-clientcode");
}

#[test]
fn a_field_is_never_matched_twice_and_names_beat_labels() {
    // A field named apiKey labelled "Client ID" and a field named clientId labelled "API Key".
    let mut snap = fixture("ims-wizard-65");
    field_mut(&mut snap, "apiKey").label = Some("Client ID".into());
    field_mut(&mut snap, "clientId").label = Some("API Key".into());
    let p = run(snap.clone(), &jwt_profile());
    assert_eq!(field_id(&snap, &find(&p.actions, "apiKey").key), "ims-apiKey");
    let keys: Vec<&str> = p.actions.iter().map(|a| a.key.as_str()).collect();
    let mut dedup = keys.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(keys.len(), dedup.len());
}

#[test]
fn fields_are_detected_without_a_known_address() {
    let mut snap = fixture("ims-wizard-cloud");
    snap.url = "https://proxy.example.com/aem/ims/new".into();
    assert_eq!(run(snap, &oauth_profile()).form, FormKind::ImsWizard);
    let mut snap = fixture("target-classic");
    snap.url = "not a url".into();
    assert_eq!(run(snap, &oauth_profile()).form, FormKind::TargetClassic);
}

#[test]
fn classic_target_dialog_fills_tenant_client_code_ims_configuration_and_segments() {
    let snap = fixture("target-classic");
    let p = run(snap.clone(), &jwt_profile());
    assert_eq!(p.form, FormKind::TargetClassic);
    assert_eq!(p.mode, None);
    assert_eq!(
        ids(&p.actions),
        ["tenant", "clientCode", "imsConfiguration", "syncSegments"]
    );
    assert_eq!(
        ids(&p.unchanged),
        ["authentication", "apiType", "accurateTargeting", "clientLibrary"]
    );
    let ims = find(&p.actions, "imsConfiguration");
    assert_eq!(
        (ims.action, ims.value.as_str(), ims.after.as_str()),
        (ActionKind::SelectOption, "target-ims-2", "Adobe Target (acme)")
    );
    let sync = find(&p.actions, "syncSegments");
    assert_eq!(
        (sync.action, sync.value.as_str(), sync.before.as_str()),
        (ActionKind::SetChecked, "true", "false")
    );
    assert_eq!(find(&p.actions, "tenant").value, "acme");
    assert_eq!(field_id(&snap, &find(&p.actions, "clientCode").key), "ext-comp-1003");
    assert!(p.conflicts.is_empty() && p.missing_fields.is_empty() && p.missing_values.is_empty());
}

#[test]
fn cloud_target_form_keeps_the_title_and_picks_the_target_ims_configuration() {
    let p = run(fixture("target-cloud"), &oauth_profile());
    assert_eq!(p.form, FormKind::TargetCloud);
    assert_eq!(
        ids(&p.actions),
        ["tenant", "clientCode", "imsConfiguration", "syncSegments"]
    );
    assert_eq!(find(&p.unchanged, "title").value, "Adobe Target");
    assert_eq!(find(&p.actions, "imsConfiguration").value, "target-oauth-2");
    assert!(p.missing_fields.is_empty());
}

#[test]
fn ims_configuration_by_title_option_or_ambiguity() {
    let mut snap = fixture("target-cloud");
    field_mut(&mut snap, "./imsConfigId").options = vec![
        FieldOption {
            value: "a".into(),
            text: "Adobe Target".into(),
        },
        FieldOption {
            value: "b".into(),
            text: "Target OAuth".into(),
        },
    ];
    let p = run(snap.clone(), &oauth_profile());
    let m = &p.missing_fields[0];
    assert_eq!((m.spec_id.as_str(), m.key.is_some()), ("imsConfiguration", true));
    assert!(m.why.contains("Several IMS configurations"), "{}", m.why);

    let opts = PlanOptions {
        ims_config_title: Some("target oauth".into()),
        ..Default::default()
    };
    let p = plan(snap.clone(), &oauth_profile(), &opts).expect("plan");
    assert_eq!(find(&p.actions, "imsConfiguration").value, "b");

    // The admin already picked one of the candidates: kept.
    field_mut(&mut snap, "./imsConfigId").value = "a".into();
    let p = run(snap, &oauth_profile());
    assert_eq!(find(&p.unchanged, "imsConfiguration").value, "a");
    assert!(p.missing_fields.is_empty());
}

#[test]
fn a_select_without_a_matching_option_is_reported_with_the_reason() {
    let mut snap = fixture("target-cloud");
    field_mut(&mut snap, "./imsConfigId")
        .options
        .retain(|o| o.value == "analytics-ims-1");
    let p = run(snap, &oauth_profile());
    let m = p
        .missing_fields
        .iter()
        .find(|m| m.spec_id == "imsConfiguration")
        .expect("missing");
    assert!(m.why.contains("No IMS configuration for Adobe Target"), "{}", m.why);
    assert_eq!(m.value.as_deref(), Some("Adobe Target (acme, OAuth)"));
    assert!(
        !p.actions.iter().any(|a| a.spec_id == "imsConfiguration"),
        "Adobe Analytics is never picked"
    );

    let mut wiz = fixture("ims-wizard-65");
    field_mut(&mut wiz, "cloudServiceName")
        .options
        .retain(|o| o.value != "Adobe Target");
    let p = run(wiz, &jwt_profile());
    let m = &p.missing_fields[0];
    assert_eq!(
        (m.spec_id.as_str(), m.value.as_deref()),
        ("cloudConfiguration", Some("Adobe Target"))
    );
    assert!(
        m.why.contains("no \"Adobe Target\" option") && m.why.contains("Adobe Analytics"),
        "{}",
        m.why
    );
}

#[test]
fn different_values_are_conflicts_until_confirmed_and_equal_values_are_unchanged() {
    let mut snap = fixture("target-classic");
    field_mut(&mut snap, "./tenant").value = "acmecorp".into();
    field_mut(&mut snap, "./clientcode").value = "ACME".into();
    field_mut(&mut snap, "./imsConfigId").value = "analytics-ims-1".into();
    let p = run(snap.clone(), &jwt_profile());
    assert_eq!(ids(&p.conflicts), ["tenant", "imsConfiguration"]);
    let t = find(&p.conflicts, "tenant");
    assert!(t.conflict && t.before == "acmecorp" && t.value == "acme");
    let ims = find(&p.conflicts, "imsConfiguration");
    assert_eq!(
        (ims.before_text.as_str(), ims.after.as_str()),
        ("Adobe Analytics", "Adobe Target (acme)")
    );
    assert!(
        find(&p.unchanged, "clientCode").before == "ACME",
        "ids compare without case"
    );
    assert_eq!(ids(&p.actions), ["syncSegments"]);

    let opts = PlanOptions {
        confirm: vec!["tenant".into()],
        ..Default::default()
    };
    let p = plan(snap, &jwt_profile(), &opts).expect("plan");
    assert_eq!(ids(&p.actions), ["tenant", "syncSegments"]);
    assert!(find(&p.actions, "tenant").conflict);
    assert_eq!(ids(&p.conflicts), ["imsConfiguration"]);
}

#[test]
fn scopes_in_another_order_or_spacing_are_unchanged_and_a_missing_one_is_a_conflict() {
    let mut snap = fixture("ims-wizard-cloud");
    field_mut(&mut snap, "./scope").value = " target_sdk,AdobeID  openid, ".into();
    let p = run(snap.clone(), &oauth_profile());
    assert_eq!(find(&p.unchanged, "scope").before, " target_sdk,AdobeID  openid, ");
    field_mut(&mut snap, "./scope").value = "openid,AdobeID".into();
    let p = run(snap, &oauth_profile());
    assert_eq!(find(&p.conflicts, "scope").value, "openid,AdobeID,target_sdk");
}

#[test]
fn wizard_conflicts_secret_case_and_payload_exp() {
    let mut snap = fixture("ims-wizard-65-jwt");
    field_mut(&mut snap, "clientSecret").value = JWT_SECRET.to_lowercase();
    field_mut(&mut snap, "jwtClaims").value = PAYLOAD.replace("1700000000", "1800000000");
    field_mut(&mut snap, "title").value = "My IMS".into();
    let p = run(snap, &jwt_profile());
    assert_eq!(ids(&p.conflicts), ["clientSecret"], "secrets are case-sensitive");
    assert!(find(&p.conflicts, "clientSecret").secret);
    assert_eq!(
        ids(&p.unchanged),
        ["title", "payload"],
        "titles are kept; exp does not count"
    );
    assert_eq!(find(&p.unchanged, "title").value, "My IMS");
}

#[test]
fn missing_fields_carry_the_value_to_paste_and_missing_values_say_why() {
    let mut snap = fixture("ims-wizard-65-jwt");
    snap.fields.retain(|f| f.name.as_deref() != Some("clientSecret"));
    let p = run(snap, &jwt_profile());
    let m = &p.missing_fields[0];
    assert_eq!(
        (m.spec_id.as_str(), m.value.as_deref(), m.secret, m.required),
        ("clientSecret", Some(JWT_SECRET), true, true)
    );
    assert!(m.why.contains("Client Secret"));

    let mut profile = jwt_profile();
    profile.client_secret = None;
    profile.payload = None;
    let p = run(fixture("ims-wizard-65-jwt"), &profile);
    let why: Vec<&str> = p.missing_values.iter().map(|m| m.spec_id.as_str()).collect();
    assert_eq!(why, ["clientSecret", "payload"]);
    assert!(p.missing_values[1].why.contains("Generate JWT"));
    assert!(!p.actions.iter().any(|a| a.spec_id == "clientSecret"));

    // Tenant falls back to the client code, and the other way round.
    let mut profile = oauth_profile();
    profile.tenant = None;
    let p = run(fixture("target-classic"), &profile);
    assert_eq!(find(&p.actions, "tenant").value, "acme");
}

#[test]
fn console_points_to_create_and_other_pages_list_the_fillable_forms() {
    let p = run(fixture("ims-console"), &jwt_profile());
    assert_eq!(p.form, FormKind::ImsConsole);
    assert_eq!(
        p.open_url.as_deref(),
        Some("http://localhost:4502/libs/cq/adobeims-configuration/content/configurations/create.html?variant=65")
    );
    assert_eq!(p.notices[0].code, "open-create");
    assert!(p.actions.is_empty() && p.missing_fields.is_empty());

    let p = run(
        FormSnapshot {
            url: "https://author.example.com/sites.html/content".into(),
            fields: vec![],
            ..Default::default()
        },
        &jwt_profile(),
    );
    assert_eq!(p.form, FormKind::Unknown);
    assert!(p.notices[0]
        .message
        .contains("Adobe IMS Technical Account Configuration wizard"));
}

#[test]
fn applying_the_plan_leaves_nothing_to_do_and_undo_restores_it() {
    for (name, profile) in [
        ("ims-wizard-65", jwt_profile()),
        ("ims-wizard-cloud", oauth_profile()),
        ("ims-wizard-labels", jwt_profile()),
        ("target-classic", jwt_profile()),
        ("target-cloud", oauth_profile()),
    ] {
        let snap = fixture(name);
        let p = run(snap.clone(), &profile);
        let filled = apply(snap.clone(), &p.actions);
        let again = run(filled.clone(), &profile);
        assert!(
            again.actions.is_empty() && again.conflicts.is_empty(),
            "{name}: {:?}",
            again.actions
        );
        assert_eq!(again.unchanged.len(), p.actions.len() + p.unchanged.len(), "{name}");

        // Undo from each action's `before`, last applied first, as the session's Undo puts the
        // page back (`session::fills::undo_here`, which also keeps no secret a field held).
        let back: Vec<Action> = p
            .actions
            .iter()
            .rev()
            .map(|a| Action {
                value: a.before.clone(),
                ..a.clone()
            })
            .collect();
        assert_eq!(apply(filled, &back), snap, "{name}: undo restores every field");
    }
}

#[test]
fn unknown_confirm_ids_and_oversized_inputs_are_errors() {
    let opts = PlanOptions {
        confirm: vec!["payload".into()],
        ..Default::default()
    };
    let e = plan(fixture("target-classic"), &jwt_profile(), &opts).expect_err("unknown id");
    assert_eq!(e.code(), "unknown-confirm");
    assert!(e.to_string().contains("\"payload\"") && e.to_string().contains("target-classic"));

    let opts = PlanOptions {
        confirm: vec!["tenant".into(); 65],
        ..Default::default()
    };
    assert_eq!(
        plan(fixture("target-classic"), &jwt_profile(), &opts)
            .map(|_| ())
            .map_err(|e| e.code()),
        Err("too-many-confirmed")
    );
}

#[test]
fn plans_serialize_to_the_documented_json_shape() {
    let mut snap = fixture("target-classic");
    field_mut(&mut snap, "./tenant").value = "other".into();
    let v = serde_json::to_value(run(snap, &jwt_profile())).expect("json");
    assert_eq!(v["form"], "target-classic");
    assert_eq!(v["mode"], serde_json::Value::Null);
    assert_eq!(v["conflicts"][0]["specId"], "tenant");
    assert_eq!(v["conflicts"][0]["conflict"], true);
    assert_eq!(v["actions"][0]["action"], "set-value");
    assert_eq!(v["actions"][1]["action"], "select-option");
    assert_eq!(v["actions"][2]["action"], "set-checked");
    for key in [
        "availableModes",
        "currentMode",
        "openUrl",
        "notices",
        "unchanged",
        "missingFields",
        "missingValues",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    for key in [
        "key",
        "fieldLabel",
        "value",
        "before",
        "beforeText",
        "after",
        "secret",
        "hidden",
        "disabled",
        "label",
    ] {
        assert!(v["actions"][0].get(key).is_some(), "{key}");
    }
    // Actions round-trip: the worker hands the applied ones back with their results.
    let back: Vec<Action> = crate::from_json::from_value(v["actions"].clone()).expect("actions parse");
    assert_eq!(back.len(), 3);
}

fn hostile_field(i: usize, text: &str) -> FieldSnapshot {
    FieldSnapshot {
        key: format!("k{}", i % 7_000),
        tag: if i.is_multiple_of(3) {
            "coral-select".into()
        } else {
            "input".into()
        },
        kind: "text".into(),
        name: Some(format!("./{text}")),
        label: Some(text.into()),
        aria_label: Some(text.into()),
        placeholder: Some(text.into()),
        value: text.into(),
        checked: Some(i.is_multiple_of(2)),
        options: vec![
            FieldOption {
                value: text.into(),
                text: text.into()
            };
            3
        ],
        visible: i.is_multiple_of(2),
        ..Default::default()
    }
}

#[test]
fn hostile_snapshots_are_bounded_and_never_panic() {
    let huge = "\u{202e}Tenant\u{0}ID\u{fe0f}é".repeat(10_000);
    let mut snap = fixture("target-cloud");
    snap.url.push_str(&huge);
    snap.fields
        .extend((0..10_000).map(|i| hostile_field(i, if i.is_multiple_of(10) { &huge } else { "Tenant ID" })));
    let bounded = snap.clone().bounded();
    assert!(bounded.fields.len() <= snapshot::MAX_FIELDS);
    assert!(bounded.fields.iter().all(
        |f| f.value.len() <= snapshot::MAX_VALUE && f.label.as_ref().is_none_or(|l| l.len() <= snapshot::MAX_SHORT)
    ));
    let p = run(snap, &jwt_profile());
    assert_eq!(p.form, FormKind::TargetCloud);
    // The real fields come first, so they still win.
    assert_eq!(find(&p.actions, "tenant").key, "k3");
    // Duplicate keys keep the first field only.
    let dup = FormSnapshot {
        url: String::new(),
        fields: vec![hostile_field(1, "a"), hostile_field(7_001, "b")],
        ..Default::default()
    }
    .bounded();
    assert_eq!(dup.fields.len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_snapshot_plans_without_panicking(
        url in ".{0,80}",
        texts in proptest::collection::vec(".{0,40}", 0..40),
        tags in proptest::collection::vec(prop_oneof![
            Just("input"), Just("textarea"), Just("coral-select"), Just("coral-switch"), Just("select"), Just("x")
        ], 1..5),
        confirm_wizard in any::<bool>(),
    ) {
        let fields: Vec<FieldSnapshot> = texts.iter().enumerate().map(|(i, t)| FieldSnapshot {
            key: format!("k{i}"),
            tag: tags[i % tags.len()].to_string(),
            kind: if i.is_multiple_of(4) { "checkbox".into() } else { "text".into() },
            name: Some(t.clone()),
            label: Some(t.chars().rev().collect()),
            value: t.clone(),
            options: vec![FieldOption { value: t.clone(), text: t.to_uppercase() }],
            visible: i.is_multiple_of(2),
            ..Default::default()
        }).collect();
        for base in [url.clone(), format!("https://a{}", detect::IMS_WIZARD_PATH), format!("https://a/etc/cloudservices/testandtarget/x.html{url}")] {
            let snap = FormSnapshot { url: base, fields: fields.clone(), ..Default::default() };
            for profile in [jwt_profile(), oauth_profile(), Profile::default()] {
                let opts = PlanOptions { confirm: if confirm_wizard { vec![] } else { vec!["x".into()] }, ..Default::default() };
                if let Ok(p) = plan(snap.clone(), &profile, &opts) {
                    let mut keys: Vec<&String> = p.actions.iter().chain(&p.conflicts).chain(&p.unchanged).map(|a| &a.key).collect();
                    let n = keys.len();
                    keys.sort();
                    keys.dedup();
                    prop_assert_eq!(n, keys.len());
                }
            }
        }
    }
}

// ---- Issue 14: the secret goes only where the admin said ----

fn spec_ids(list: &[MissingField]) -> Vec<&str> {
    list.iter().map(|m| m.spec_id.as_str()).collect()
}

#[test]
fn a_look_alike_wizard_on_another_host_gets_no_secret_until_the_admin_names_it() {
    let mut snap = fixture("ims-wizard-65-jwt");
    snap.url = format!("https://evil.test{}", detect::IMS_WIZARD_PATH);
    let allowed = PlanOptions {
        secret_origins: vec!["https://author.aem.test".into()],
        ..Default::default()
    };
    let p = plan(snap.clone(), &jwt_profile(), &allowed).expect("plan");
    assert!(p
        .actions
        .iter()
        .all(|a| a.spec_id != "clientSecret" && a.spec_id != "payload"));
    let c = p.consent.expect("asks first");
    assert_eq!(c.origin, "https://evil.test");
    assert!(
        c.question
            .starts_with("Send the client secret and payload to https://evil.test?"),
        "{}",
        c.question
    );
    assert_eq!(p.origin, "https://evil.test");
    // Once the admin says yes for that origin, the same page gets them.
    let yes = PlanOptions {
        secret_origins: vec!["https://evil.test".into()],
        ..Default::default()
    };
    let p = plan(snap, &jwt_profile(), &yes).expect("plan");
    assert!(p.consent.is_none());
    assert!(p.actions.iter().any(|a| a.spec_id == "clientSecret"));
}

#[test]
fn a_form_with_only_the_two_labels_gets_no_secret_even_if_allowed() {
    let mut snap = fixture("ims-wizard-labels");
    snap.url = "https://evil.test/totally/not/aem/form.html".into();
    let options = trusted(&snap);
    let p = plan(snap, &jwt_profile(), &options).expect("plan");
    assert_eq!(p.form, FormKind::ImsWizard, "still told by its fields");
    assert!(p.actions.iter().all(|a| !a.secret && a.spec_id != "payload"));
    assert!(p.consent.is_none(), "nothing to ask: never");
    let refused: Vec<&MissingField> = p
        .missing_fields
        .iter()
        .filter(|m| m.spec_id == "clientSecret")
        .collect();
    assert_eq!(refused.len(), 1);
    assert!(refused[0].value.is_none(), "the secret is not even offered for pasting");
    assert!(
        refused[0].why.contains("does not show one of AEM's own pages"),
        "{}",
        refused[0].why
    );
}

#[test]
fn a_hidden_secret_field_outside_a_wizard_step_gets_nothing() {
    let mut snap = fixture("ims-wizard-cloud");
    snap.fields.iter_mut().for_each(|f| f.wizard_step = false);
    let options = trusted(&snap);
    let p = plan(snap, &oauth_profile(), &options).expect("plan");
    assert!(p.actions.iter().all(|a| a.spec_id != "clientSecret"));
    assert!(spec_ids(&p.missing_fields).contains(&"clientSecret"));
    // Inside the wizard's steps (the fixture as captured) it is filled.
    let snap = fixture("ims-wizard-cloud");
    let options = trusted(&snap);
    let p = plan(snap, &oauth_profile(), &options).expect("plan");
    assert!(p.actions.iter().any(|a| a.spec_id == "clientSecret" && a.hidden));
}

#[test]
fn plain_http_aem_and_frames_get_no_secret() {
    let mut snap = fixture("ims-wizard-65-jwt");
    snap.url = format!("http://author.aem.test{}", detect::IMS_WIZARD_PATH);
    let options = trusted(&snap);
    let p = plan(snap, &jwt_profile(), &options).expect("plan");
    assert!(p.actions.iter().all(|a| a.spec_id != "clientSecret"));
    assert!(p.missing_fields.iter().any(|m| m.why.contains("plain http")));

    let mut snap = fixture("ims-wizard-65-jwt");
    snap.frame = true;
    let options = trusted(&snap);
    let p = plan(snap, &jwt_profile(), &options).expect("plan");
    assert!(p.actions.iter().all(|a| a.spec_id != "clientSecret"));
}

#[test]
fn a_look_alike_ims_host_is_never_filled_as_the_authorization_server() {
    let mut profile = jwt_profile();
    profile.authorization_server =
        crate::from_json::from_value(sourced(json!("https://ims-na1.adobelogin.com.evil.test"))).expect("sourced");
    let snap = fixture("ims-wizard-65-jwt");
    let options = trusted(&snap);
    let p = plan(snap, &profile, &options).expect("plan");
    assert!(p.actions.iter().all(|a| a.spec_id != "authorizationServer"));
    let m = p
        .missing_values
        .iter()
        .find(|m| m.spec_id == "authorizationServer")
        .expect("explained");
    assert!(m.why.contains("ims-na1.adobelogin.com.evil.test"), "{}", m.why);
}

/// The classic dialog's snapshot on the fake AEM: ExtJS components (`CQ.Ext`), options from
/// the stores, the IMS fields hidden and disabled until Authentication is IMS.
fn classic_extjs() -> FormSnapshot {
    fixture("target-classic-extjs")
}

#[test]
fn the_extjs_dialog_is_filled_through_its_components_authentication_first() {
    let snap = classic_extjs();
    let p = run(snap.clone(), &oauth_profile());
    assert_eq!(p.form, FormKind::TargetClassic);
    assert_eq!(
        ids(&p.actions),
        [
            "authentication",
            "tenant",
            "clientCode",
            "imsConfiguration",
            "apiType",
            "syncSegments",
            "clientLibrary"
        ]
    );
    assert!(p.actions.iter().all(|a| a.via == Via::Component), "{:?}", p.actions);
    let value = |id: &str| find(&p.actions, id).value.as_str();
    assert_eq!(
        [
            value("authentication"),
            value("imsConfiguration"),
            value("apiType"),
            value("clientLibrary")
        ],
        ["ims", "target-oauth-9", "rest", "atjs"]
    );
    // Tenant ID and IMS Configuration wait for Authentication: disabled now, applied after it.
    assert!(find(&p.actions, "tenant").disabled && find(&p.actions, "imsConfiguration").disabled);
    assert_eq!(find(&p.actions, "imsConfiguration").after, "Adobe Target (acme, OAuth)");
    assert!(p.missing_fields.is_empty(), "{:?}", p.missing_fields);
    // The same page without its components (no CQ.Ext seen): set through the DOM.
    let mut dom = snap;
    dom.fields.iter_mut().for_each(|f| f.component = None);
    assert!(run(dom, &oauth_profile()).actions.iter().all(|a| a.via == Via::Dom));
}

#[test]
fn what_the_page_did_not_take_is_listed_to_fill_by_hand_with_its_value() {
    let mut p = run(classic_extjs(), &oauth_profile());
    let key = |id: &str| find(&p.actions, id).key.clone();
    let (tenant, ims, api) = (key("tenant"), key("imsConfiguration"), key("apiType"));
    applied::not_taken(&mut p, |k| {
        if k == tenant {
            Err(Some("disabled"))
        } else if k == ims {
            Err(Some("no component"))
        } else if k == api {
            Err(Some("TypeError: x is not a function"))
        } else {
            Ok(())
        }
    });
    assert!(!ids(&p.actions).contains(&"tenant"));
    let by_hand: Vec<(&str, Option<&str>)> = p
        .missing_fields
        .iter()
        .map(|m| (m.spec_id.as_str(), m.value.as_deref()))
        .collect();
    assert_eq!(
        by_hand,
        [
            ("tenant", Some("acme")),
            ("imsConfiguration", Some("Adobe Target (acme, OAuth)")),
            ("apiType", Some("REST"))
        ]
    );
    assert!(p.missing_fields[0].why.contains("Tenant ID field is disabled"));
    assert!(p.missing_fields[1].why.contains("component"));
    assert!(p.missing_fields[2].why.contains("TypeError"));
}

#[test]
fn a_create_form_with_oauth_fields_and_no_type_select_is_oauth() {
    let snap = fixture("ims-wizard-oauth-only");
    let p = run(snap.clone(), &oauth_profile());
    assert_eq!(p.form, FormKind::ImsWizard);
    assert_eq!(
        (p.available_modes.clone(), p.current_mode),
        (vec![AuthType::Oauth], Some(AuthType::Oauth))
    );
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    for id in ["clientId", "clientSecret", "scope", "orgId"] {
        assert!(ids(&p.actions).contains(&id), "{id}: {:?}", ids(&p.actions));
    }
    // A JWT profile there: JWT configurations cannot be made on this AEM.
    let j = run(snap, &jwt_profile());
    assert_eq!(j.notices[0].code, "auth-type-unavailable");
    assert!(j.notices[0].message.contains("does not offer JWT"));
    // The JWT-only wizard (Payload, no select) stays JWT.
    let old = run(fixture("ims-wizard-65-jwt"), &jwt_profile());
    assert_eq!(
        (old.available_modes, old.current_mode),
        (vec![AuthType::Jwt], Some(AuthType::Jwt))
    );
}

#[test]
fn the_cloud_target_form_as_documented_has_no_missing_fields() {
    let p = run(fixture("target-cloud-documented"), &oauth_profile());
    assert_eq!(p.form, FormKind::TargetCloud);
    assert!(p.missing_fields.is_empty(), "{:?}", spec_ids(&p.missing_fields));
    assert!(p.missing_values.is_empty(), "{:?}", p.missing_values);
    for id in ["tenant", "clientCode", "imsConfiguration"] {
        assert!(ids(&p.actions).contains(&id), "{id}: {:?}", ids(&p.actions));
    }
}

/// An existing 6.5 Target configuration's page shows its dialog closed (Adobe's docs: "Edit"
/// opens it), and Classic UI builds the fields only then: one notice, not a missing field each.
#[test]
fn a_closed_classic_target_dialog_says_edit_first() {
    let mut snap = fixture("target-classic-extjs");
    snap.fields.clear();
    let p = run(snap.clone(), &oauth_profile());
    assert_eq!(p.form, FormKind::TargetClassic);
    assert_eq!(
        p.notices.iter().map(|n| n.code.as_str()).collect::<Vec<_>>(),
        ["dialog-closed"]
    );
    assert!(p.actions.is_empty() && p.missing_fields.is_empty());
    let open = run(fixture("target-classic-extjs"), &oauth_profile());
    assert!(open.notices.iter().all(|n| n.code != "dialog-closed"));
}

/// AEM as a Cloud Service's Create page of a Target configuration (Adobe's 2020 screenshot):
/// Title, "Adobe Target Tenant ID", IMS Configuration, no Client Code, at an address no source
/// gives. Found beside the edit page by its path, or anywhere by its fields' words.
#[test]
fn the_cloud_target_create_page_without_client_code_is_found_and_filled() {
    let mut snap = fixture("target-cloud-documented");
    snap.fields
        .retain(|f| f.label.as_deref() != Some("Adobe Target Client Code"));
    snap.url = "https://author-p12345-e67890.adobeaemcloud.com/mnt/overlay/cq/personalization/touch-ui/content/v2/configurations/create.html/conf/wknd".into();
    let p = run(snap.clone(), &oauth_profile());
    assert_eq!(p.form, FormKind::TargetCloud);
    assert!(p.missing_fields.is_empty(), "{:?}", spec_ids(&p.missing_fields));
    assert_eq!(ids(&p.actions), ["tenant", "imsConfiguration"]);
    snap.url = "https://aem.corp.example/some/proxy/new-target".into();
    snap.fields.iter_mut().for_each(|f| f.name = None);
    assert_eq!(
        run(snap, &oauth_profile()).form,
        FormKind::TargetCloud,
        "by the fields' words"
    );
}

/// The preview before a fill: how many fields on which host, each value going where, the
/// secret masked; a secret held for the admin's yes is named, never shown.
#[test]
fn a_preview_names_the_host_the_count_and_masks_the_secret() {
    let snap = fixture("ims-wizard-cloud");
    let p = run(snap.clone(), &oauth_profile());
    let pv = preview::preview(&p);
    let host = p
        .origin
        .split_once("://")
        .map(|(_, h)| h)
        .unwrap_or_default()
        .to_string();
    assert_eq!(pv.label, format!("Fill {} fields on {host}", p.actions.len()));
    assert_eq!(pv.rows.len(), p.actions.len());
    assert_eq!(
        pv.summary,
        format!(
            "What goes where on {} ({} fields, secrets masked)",
            p.origin,
            p.actions.len()
        )
    );
    let text = serde_json::to_string(&pv).expect("json");
    assert!(!text.contains(OAUTH_SECRET), "{text}");
    assert!(pv.rows.iter().any(|r| r.value == preview::MASK), "{text}");
    assert!(
        pv.rows.iter().any(|r| r.value == "5f0a1b2c3d4e5f60718293a4b5c6d7e8"),
        "{text}"
    );
    // Not yet allowed: the secret waits, named, masked.
    let untrusted = plan(snap, &oauth_profile(), &PlanOptions::default()).expect("plan");
    let pv = preview::preview(&untrusted);
    assert!(!serde_json::to_string(&pv).expect("json").contains(OAUTH_SECRET));
    assert!(
        pv.waiting
            .iter()
            .any(|r| r.value.starts_with(preview::MASK) && r.value.contains("once you allow")),
        "{:?}",
        pv.waiting
    );
    // The heading counts as the button does, the waiting secret apart.
    assert_eq!(
        pv.summary,
        format!(
            "What goes where on {} ({} fields, 1 more waiting for your word; secrets masked)",
            untrusted.origin,
            untrusted.actions.len()
        )
    );
    assert_eq!(
        preview::label(1, "http://localhost:4502"),
        "Fill 1 field on localhost:4502"
    );
    assert_eq!(preview::label(0, "https://a.test"), "Fill this form on a.test");
}

// ---- The one-page Create form (AEM as a Cloud Service, 6.5 SP20+) and its address ----

/// The one-page Create form at `path` on the Cloud Service author, as the worker captures it.
fn single_at(path: &str) -> FormSnapshot {
    let mut snap = fixture("ims-create-single");
    snap.url = format!("https://author-p12345-e67890.adobeaemcloud.com{path}");
    snap
}

fn fills_secret(snap: FormSnapshot) -> bool {
    let options = trusted(&snap);
    let p = plan(snap, &oauth_profile(), &options).expect("plan");
    p.actions
        .iter()
        .any(|a| a.spec_id == "clientSecret" && a.value == OAUTH_SECRET)
}

#[test]
fn the_one_page_create_form_is_filled_whole_with_no_step_ahead() {
    let p = run(fixture("ims-create-single"), &oauth_profile());
    assert_eq!((p.form, p.mode), (FormKind::ImsWizard, Some(AuthType::Oauth)));
    assert_eq!(ids(&p.actions), OAUTH_FORM_FIELDS);
    assert!(p.missing_fields.is_empty(), "{:?}", p.missing_fields);
    assert!(!p.hidden_step, "one page: Create, no Next");
    // The wizard of 6.5 before SP20 has its Account step not shown yet: Next first.
    assert!(run(fixture("ims-wizard-cloud"), &oauth_profile()).hidden_step);
}

#[test]
fn the_create_form_gets_the_secret_at_other_addresses_of_aems_ims_app() {
    for path in [
        detect::IMS_WIZARD_PATH,
        "/mnt/overlay/cq/adobeims-configuration/content/configurations/wizard.html",
        "/libs/cq/adobeims-configuration/content/createwizard.html",
        "/mnt/overlay/cq/adobeims-configuration/content/configurations/create.html/conf/global",
    ] {
        let snap = single_at(path);
        assert_eq!(trust::recognised(&snap), Some(FormKind::ImsWizard), "{path}");
        assert!(fills_secret(snap), "{path}");
    }
}

#[test]
fn a_look_alike_of_the_create_form_outside_aems_ims_app_gets_no_secret() {
    // The same fields and markers, anywhere but AEM's IMS configuration app.
    for path in [
        "/content/cq/adobeims-configuration/content/configurations/wizard.html",
        "/apps/cq/adobeims-configuration/wizard.html",
        "/mnt/cq/adobeims-configuration/wizard.html",
        "/libs/cq/adobeims-configurations/content/wizard.html",
        "/totally/not/aem/form.html",
    ] {
        let snap = single_at(path);
        assert_eq!(trust::recognised(&snap), None, "{path}");
        assert!(!fills_secret(snap), "{path}");
    }
    // Inside the app but without AEM's page markers.
    let mut snap = single_at("/mnt/overlay/cq/adobeims-configuration/content/configurations/wizard.html");
    snap.markers.clear();
    assert!(!fills_secret(snap));
    // Inside the app, AEM's markers, but not the IMS form's fields (no cloud solution select).
    let mut snap = single_at("/mnt/overlay/cq/adobeims-configuration/content/configurations/wizard.html");
    snap.fields.retain(|f| f.name.as_deref() != Some("./cloudServiceName"));
    assert_eq!(trust::recognised(&snap), None);
    assert!(!fills_secret(snap));
}

/// AEM's cards do not say which cloud solution a configuration serves, so the admin may open
/// another solution's Properties: they offer only that solution, and IMS Link fills nothing
/// there (Target's credential would break it). The Create form, offering Target, is filled.
#[test]
fn another_solutions_configuration_is_not_filled_with_the_target_credential() {
    let mut snap = fixture("ims-wizard-65");
    let f = field_mut(&mut snap, "cloudServiceName");
    f.options = vec![FieldOption {
        value: "Adobe Analytics".into(),
        text: "Adobe Analytics".into(),
    }];
    f.value = "Adobe Analytics".into();
    field_mut(&mut snap, "authType").value = "jwt".into();
    let p = run(snap, &oauth_profile());
    assert_eq!(
        p.notices.iter().map(|n| n.code.as_str()).collect::<Vec<_>>(),
        ["other-solution"]
    );
    assert!(
        p.notices[0].message.contains("\u{201c}Adobe Analytics\u{201d}"),
        "{}",
        p.notices[0].message
    );
    assert!(p.actions.is_empty() && p.conflicts.is_empty());
    // Target's own configuration, and the Create form (Target offered), are filled.
    let mut own = fixture("ims-wizard-65");
    let f = field_mut(&mut own, "cloudServiceName");
    f.options.retain(|o| o.text.contains("Target"));
    f.value = f.options[0].value.clone();
    assert!(run(own, &oauth_profile())
        .notices
        .iter()
        .all(|n| n.code != "other-solution"));
    assert!(!run(fixture("ims-wizard-65"), &oauth_profile()).actions.is_empty());
}

#[test]
fn labels_are_compared_by_their_words_whatever_parts_them() {
    use spec::normalize_label;
    for label in [
        "Tenant Id:",
        "tenant-ID *",
        "TENANT  ID",
        " Tenant\u{a0}–\u{a0}ID ",
        "→ Tenant • ID",
    ] {
        assert_eq!(normalize_label(label), "tenant id", "{label:?}");
    }
    assert_eq!(normalize_label("Tenant ID（必須）"), "tenant id 必須");
    // Letters and digits outside ASCII stay in their word, as they are.
    assert_eq!(normalize_label("Schlüssel-ID ²"), "schlüssel id ²");
    assert_eq!(
        normalize_label("IMS-Konfiguration für Target"),
        "ims konfiguration für target"
    );
    assert_ne!(normalize_label("Ziel für"), normalize_label("Ziel fär"));
}

#[test]
fn what_parts_a_labels_words_is_never_a_letter_or_digit_to_unicode() {
    // The hand-written separators (no Unicode tables in the module) against the standard
    // library's: every separator is outside Unicode's alphanumerics, ASCII is split the same,
    // and every Unicode letter or digit stays in its word.
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        if c.is_alphanumeric() {
            assert!(!spec::is_separator(c), "{c:?} is alphanumeric");
        }
        if c.is_ascii() || c.is_whitespace() {
            assert_eq!(spec::is_separator(c), !c.is_alphanumeric(), "{c:?}");
        }
    }
}
