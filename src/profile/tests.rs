//! Merge and clear, and the property tests that no parser panics.

use proptest::prelude::*;

use super::*;
use crate::error::JsErrorInfo;

fn src(kind: SourceKind, at_ms: u64) -> Source {
    Source { kind, url: None, at_ms }
}

fn text(v: &str, kind: SourceKind) -> Option<Sourced<String>> {
    sourced(v, &src(kind, 1))
}

#[test]
fn json_shape_is_camel_case_and_round_trips() {
    let p = Profile {
        client_id: text("abc", SourceKind::Page),
        auth_type: Some(Sourced {
            value: AuthType::Oauth,
            source: Source {
                kind: SourceKind::Page,
                url: Some("https://developer.adobe.com/console/x".into()),
                at_ms: 7,
            },
        }),
        ..Profile::default()
    };
    crate::to_json::assert_same(&p);
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(v["clientId"]["value"], "abc");
    assert_eq!(v["clientId"]["source"], serde_json::json!({"kind": "page", "atMs": 1}));
    assert_eq!(v["authType"]["value"], "oauth");
    assert_eq!(v["authType"]["source"]["url"], "https://developer.adobe.com/console/x");
    assert!(v["certificateSha256"].is_null());
    assert_eq!(crate::from_json::from_value::<Profile>(v).unwrap(), p);
    assert_eq!(
        crate::from_json::from_value::<Profile>(serde_json::json!({})).unwrap(),
        Profile::default()
    );
}

#[test]
fn merge_fills_empty_fields_and_reports_them() {
    let empty = Profile {
        tenant: text(" ", SourceKind::Typed),
        ..Profile::default()
    };
    let capture = Profile {
        tenant: text("acme", SourceKind::Page),
        client_id: text("abc", SourceKind::Page),
        ..Profile::default()
    };
    let m = merge(&empty, &capture, &[]);
    assert_eq!(m.changed, vec![Field::Tenant, Field::ClientId]);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.profile.tenant, capture.tenant);
}

#[test]
fn merge_never_overwrites_a_different_value_silently() {
    let typed = Profile {
        client_secret: text("typed-secret", SourceKind::Typed),
        scopes: Some(Sourced {
            value: vec!["openid".into(), "target_sdk".into()],
            source: src(SourceKind::Typed, 1),
        }),
        client_id: text("ABC", SourceKind::Typed),
        ..Profile::default()
    };
    let capture = Profile {
        client_secret: text("file-secret", SourceKind::File),
        scopes: Some(Sourced {
            value: vec!["target_sdk".into(), "openid".into()],
            source: src(SourceKind::File, 2),
        }),
        client_id: text("abc", SourceKind::File),
        ..Profile::default()
    };
    let m = merge(&typed, &capture, &[]);
    assert!(
        m.changed.is_empty(),
        "same ids in another case or order are not changes"
    );
    assert_eq!(
        m.conflicts,
        vec![Conflict {
            field: Field::ClientSecret,
            current: Shown::Text("typed-secret".into()),
            current_source: src(SourceKind::Typed, 1),
            incoming: Shown::Text("file-secret".into()),
            incoming_source: src(SourceKind::File, 1),
        }]
    );
    assert_eq!(m.profile, typed);
    let replaced = merge(&typed, &capture, &[Field::ClientSecret]);
    assert_eq!(replaced.changed, vec![Field::ClientSecret]);
    assert_eq!(replaced.profile.client_secret, capture.client_secret);
}

#[test]
fn payloads_differing_only_in_exp_are_the_same() {
    let a = text(r#"{"exp": 1, "iss": "O@AdobeOrg"}"#, SourceKind::Paste);
    let b = text(r#"{"iss":"O@AdobeOrg","exp":2}"#, SourceKind::Page);
    let c = text(r#"{"iss":"P@AdobeOrg","exp":2}"#, SourceKind::Page);
    let held = Profile {
        payload: a,
        ..Profile::default()
    };
    let m = merge(
        &held,
        &Profile {
            payload: b,
            ..Profile::default()
        },
        &[],
    );
    assert!(m.changed.is_empty() && m.conflicts.is_empty());
    let m = merge(
        &held,
        &Profile {
            payload: c,
            ..Profile::default()
        },
        &[],
    );
    assert_eq!(m.conflicts.len(), 1);
}

#[test]
fn clear_some_or_all() {
    let p = Profile {
        tenant: text("acme", SourceKind::Page),
        client_secret: text("s", SourceKind::Typed),
        ..Profile::default()
    };
    let c = clear(&p, &[Field::ClientSecret]);
    assert_eq!((c.tenant.is_some(), c.client_secret.is_none()), (true, true));
    assert_eq!(clear(&p, &[]), Profile::default());
    assert_eq!(Field::ALL.map(Field::name).len(), 12);
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        ".{0,40}".prop_map(Value::String),
    ];
    let keys = prop_oneof![
        Just("project".to_string()),
        Just("org".to_string()),
        Just("ims_org_id".to_string()),
        Just("workspace".to_string()),
        Just("details".to_string()),
        Just("credentials".to_string()),
        Just("oauth_server_to_server".to_string()),
        Just("jwt".to_string()),
        Just("client_id".to_string()),
        Just("client_secrets".to_string()),
        Just("scopes".to_string()),
        Just("meta_scopes".to_string()),
        Just("name".to_string()),
        Just("aud".to_string()),
        Just("exp".to_string()),
        Just("iss".to_string()),
        Just("https://ims-na1.adobelogin.com/s/ent_marketing_sdk".to_string()),
        ".{0,12}",
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..6).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn any_profile_from(v: &serde_json::Value, payload: String) -> Profile {
    let s = src(SourceKind::Paste, 1);
    Profile {
        payload: sourced(&payload, &s),
        org_id: v.get("iss").and_then(|x| x.as_str()).and_then(|x| sourced(x, &s)),
        client_id: sourced("abc", &s),
        authorization_server: sourced("https://ims-na1-stg1.adobelogin.com", &s),
        ..Profile::default()
    }
}

/// 512 in `./build.sh test`; `./build.sh fuzz` raises it through `FUZZ_CASES`.
fn fuzz_cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: fuzz_cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn parsers_never_panic_on_strings(s in "\\PC{0,200}") {
        let source = src(SourceKind::Paste, 0);
        let _ = console::parse(&s, &source, None);
        let _ = payload::parse(&s, &source);
        let _ = scopes::parse(&s, &source);
        let _ = crate::tenant::from_url(&s);
        let _ = crate::tenant::from_text(&s);
        let p = Profile { payload: sourced(&s, &source), tenant: sourced(&s, &source), client_secret: sourced(&s, &source), ..Profile::default() };
        let _ = diagnose::diagnose(&p, 0);
    }

    #[test]
    fn tenant_from_url_never_panics_on_adobe_like_urls(
        prefix in prop_oneof![Just("https://experience.adobe.com/#/"), Just("https://x.experiencecloud.adobe.com/content/mac/"), Just("https://mc.adobe.io/"), Just("https://a.tt.omtrdc.net/?client=")],
        rest in "\\PC{0,80}",
    ) {
        let _ = crate::tenant::from_url(&format!("{prefix}{rest}"));
    }

    #[test]
    fn parsers_never_panic_on_json(v in json_value(), choice in proptest::option::of(".{0,8}")) {
        let text = v.to_string();
        let source = src(SourceKind::File, 0);
        let _ = console::parse(&text, &source, choice.as_deref());
        if let Ok(c) = payload::parse(&text, &source) {
            let merged = merge(&any_profile_from(&v, text.clone()), &c.profile, &[]);
            let _ = diagnose::diagnose(&merged.profile, u64::MAX);
        }
        let _ = diagnose::diagnose(&any_profile_from(&v, text), 1_800_000_000_000);
    }
}

#[test]
fn a_look_alike_ims_host_never_becomes_the_authorization_server() {
    let s = Source {
        kind: SourceKind::Paste,
        url: None,
        at_ms: 0,
    };
    let payload = r#"{"iss":"0123456789ABCDEF01234567@AdobeOrg","sub":"A1@techacct.adobe.com","aud":"https://ims-na1.adobelogin.com.evil.test/c/a1b2c3d4e5f60718293a4b5c6d7e8f90"}"#;
    let c = payload::parse(payload, &s).expect("parses");
    assert_eq!(c.profile.authorization_server, None);
    assert_eq!(
        c.profile.client_id.map(|v| v.value),
        Some("a1b2c3d4e5f60718293a4b5c6d7e8f90".to_string())
    );
    let good = payload.replace(".evil.test", "");
    let c = payload::parse(&good, &s).expect("parses");
    assert_eq!(
        c.profile.authorization_server.map(|v| v.value),
        Some("https://ims-na1.adobelogin.com".to_string())
    );
    for bad in [
        "https://ims-na1.adobelogin.com.evil.test",
        "https://mc.adobe.io",
        "http://ims-na1.adobelogin.com",
    ] {
        assert_eq!(
            edit::typed(Field::AuthorizationServer, bad, 0)
                .map(|_| ())
                .map_err(|e| e.code()),
            Err("not-adobe-ims"),
            "{bad}"
        );
    }
    assert!(edit::typed(Field::AuthorizationServer, "https://ims-na1-stg1.adobelogin.com/", 0).is_ok());
}

#[test]
fn shown_reads_a_text_or_a_list_and_nothing_else() {
    let read = |v: serde_json::Value| crate::from_json::from_value::<Shown>(v).map_err(|e| e.to_string());
    assert_eq!(read(serde_json::json!("jwt")), Ok(Shown::Text("jwt".into())));
    assert_eq!(
        read(serde_json::json!(["a", "b"])),
        Ok(Shown::List(vec!["a".into(), "b".into()]))
    );
    for other in [
        serde_json::json!(1),
        serde_json::json!([1]),
        serde_json::json!({"a": "b"}),
        serde_json::json!(null),
    ] {
        assert_eq!(
            read(other),
            Err("data did not match any variant of untagged enum Shown".into())
        );
    }
}
