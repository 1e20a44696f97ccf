//! Every finding, with its exact message.

use super::*;
use crate::profile::{sourced, Source, SourceKind, Sourced};

const NOW: u64 = 1_760_000_000_000; // 2025-10-09: after JWT end of life, before conversion
const CLIENT: &str = "0123456789abcdef0123456789abcdef";
const GOOD_PAYLOAD: &str = r#"{"exp": 1900000000, "iss": "ORG@AdobeOrg", "sub": "TA@techacct.adobe.com",
 "https://ims-na1.adobelogin.com/s/ent_marketing_sdk": true,
 "aud": "https://ims-na1.adobelogin.com/c/0123456789abcdef0123456789abcdef"}"#;

fn v(s: &str) -> Option<Sourced<String>> {
    sourced(
        s,
        &Source {
            kind: SourceKind::Typed,
            url: None,
            at_ms: 0,
        },
    )
}

fn auth(a: AuthType) -> Option<Sourced<AuthType>> {
    Some(Sourced {
        value: a,
        source: Source {
            kind: SourceKind::Typed,
            url: None,
            at_ms: 0,
        },
    })
}

fn jwt_profile(payload: &str) -> Profile {
    Profile {
        payload: v(payload),
        client_id: v(CLIENT),
        org_id: v("ORG@AdobeOrg"),
        technical_account_id: v("TA@techacct.adobe.com"),
        ..Profile::default()
    }
}

fn find(p: &Profile, now: u64, code: &str) -> Finding {
    let all = diagnose(p, now);
    match all.iter().find(|f| f.code == code) {
        Some(f) => f.clone(),
        None => panic!("no {code} in {all:?}"),
    }
}

fn codes(p: &Profile, now: u64) -> Vec<String> {
    diagnose(p, now).into_iter().map(|f| f.code).collect()
}

#[test]
fn a_good_profile_has_no_findings() {
    assert!(codes(&jwt_profile(GOOD_PAYLOAD), NOW).is_empty());
    let oauth = Profile {
        auth_type: auth(AuthType::Oauth),
        scopes: Some(Sourced {
            value: crate::profile::scopes::split(TARGET_SCOPES),
            source: Source {
                kind: SourceKind::File,
                url: None,
                at_ms: 0,
            },
        }),
        client_secret: v("p8e-AbCdEf123"),
        tenant: v("acme"),
        client_code: v("acme"),
        // A stale payload is ignored once the profile is OAuth.
        payload: v("not json"),
        ..jwt_profile(GOOD_PAYLOAD)
    };
    assert!(codes(&oauth, NOW).is_empty(), "{:?}", codes(&oauth, NOW));
}

#[test]
fn exp_not_integer_or_past() {
    let f = find(
        &jwt_profile(&GOOD_PAYLOAD.replace("1900000000", "\"1900000000\"")),
        NOW,
        "exp-not-integer",
    );
    assert_eq!((f.severity, f.field), (Severity::Error, Field::Payload));
    assert_eq!(
        f.message,
        "The JWT payload's \"exp\" is \"1900000000\", not a whole number of seconds, and IMS rejects such a JWT (invalid_token). Copy the payload again from the Developer Console, or make \"exp\" a plain number such as 1767225600."
    );
    let f = find(
        &jwt_profile(&GOOD_PAYLOAD.replace("1900000000", "1.5e9")),
        NOW,
        "exp-not-integer",
    );
    assert!(
        // As the payload writes it.
        f.message.starts_with("The JWT payload's \"exp\" is 1.5e9,"),
        "{}",
        f.message
    );
    let f = find(
        &jwt_profile(&GOOD_PAYLOAD.replace("1900000000", "1700000000")),
        NOW,
        "exp-in-past",
    );
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        f.message,
        "The JWT payload's \"exp\" (1700000000) was 2023-11-14, already past. IMS Link and AEM set a fresh exp when they sign, so this is only a warning; copy a fresh payload from the Developer Console to silence it."
    );
    assert_eq!(date(0), "1970-01-01");
    assert_eq!(date(1_772_323_200), "2026-03-01");
    assert_eq!(date(-86_400), "1969-12-31");
    // A negative "exp" past: its year as `{:04}` writes an `i64`, sign and all.
    let f = find(
        &jwt_profile(&GOOD_PAYLOAD.replace("1900000000", "-62200000000")),
        NOW,
        "exp-in-past",
    );
    assert!(
        f.message
            .starts_with("The JWT payload's \"exp\" (-62200000000) was -002-12-"),
        "{}",
        f.message
    );
    for secs in [
        -62_200_000_000i64,
        -62_167_219_201,
        -62_167_219_200,
        -1_000_000_000_000,
        -100_000_000_000_000,
    ] {
        let (y, m, d) = crate::calendar::civil_from_days(secs.div_euclid(86_400));
        assert_eq!(date(secs), format!("{y:04}-{m:02}-{d:02}"), "{secs}");
    }
}

#[test]
fn iss_sub_and_their_profile_fields() {
    let p = jwt_profile(
        &GOOD_PAYLOAD
            .replace("ORG@AdobeOrg", "acme")
            .replace("TA@techacct.adobe.com", "someone@example.com"),
    );
    assert_eq!(
        find(&p, NOW, "iss-not-org").message,
        "The JWT payload's \"iss\" is \"acme\", not an IMS Organization ID ending in @AdobeOrg. Set it to the Organization ID shown on the credential's page in the Developer Console."
    );
    assert_eq!(
        find(&p, NOW, "sub-not-techacct").message,
        "The JWT payload's \"sub\" is \"someone@example.com\", not a technical account id ending in @techacct.adobe.com. Set it to the Technical account ID shown on the credential's page in the Developer Console."
    );
    let f = find(&p, NOW, "org-differs-from-iss");
    assert_eq!(f.field, Field::OrgId);
    assert_eq!(
        f.message,
        "The organization id ORG@AdobeOrg differs from the JWT payload's \"iss\" (acme), so the two come from different organizations. Take both from the same credential in the Developer Console."
    );
    assert_eq!(
        find(&p, NOW, "sub-differs-from-technical-account").message,
        "The technical account id TA@techacct.adobe.com differs from the JWT payload's \"sub\" (someone@example.com), so they belong to different credentials. Take both from the same credential in the Developer Console."
    );
    let missing = jwt_profile(r#"{"aud": 3}"#);
    assert!(find(&missing, NOW, "iss-not-org")
        .message
        .starts_with("The JWT payload's \"iss\" is missing,"));
}

#[test]
fn aud_shape_and_client_id() {
    let p = jwt_profile(&GOOD_PAYLOAD.replace("https://ims-na1.adobelogin.com/c/", "ims-na1/"));
    assert_eq!(
        find(&p, NOW, "aud-malformed").message,
        "The JWT payload's \"aud\" is \"ims-na1/0123456789abcdef0123456789abcdef\", not https://<IMS host>/c/<Client ID>, so IMS cannot tell which credential signs. Set it to the aud shown in the Developer Console, e.g. https://ims-na1.adobelogin.com/c/ followed by the Client ID."
    );
    let other = Profile {
        client_id: v("ffffffffffffffffffffffffffffffff"),
        ..jwt_profile(GOOD_PAYLOAD)
    };
    let f = find(&other, NOW, "aud-client-mismatch");
    assert_eq!(f.field, Field::ClientId);
    assert_eq!(
        f.message,
        "The Client ID ffffffffffffffffffffffffffffffff differs from the one in the JWT payload's \"aud\" (0123456789abcdef0123456789abcdef), and IMS refuses the pair (invalid_client). Use the Client ID and the payload of the same credential."
    );
}

#[test]
fn target_metascope_and_mixed_hosts() {
    let p = jwt_profile(&GOOD_PAYLOAD.replace(
        "\"https://ims-na1.adobelogin.com/s/ent_marketing_sdk\": true",
        "\"x\": 1",
    ));
    assert_eq!(
        find(&p, NOW, "metascope-missing").message,
        "The JWT payload lacks the Adobe Target metascope \"https://ims-na1.adobelogin.com/s/ent_marketing_sdk\": true, so IMS refuses the token for Target (invalid_scope). Add the Adobe Target API to the credential in the Developer Console, then copy the payload again."
    );
    let off = jwt_profile(&GOOD_PAYLOAD.replace("ent_marketing_sdk\": true", "ent_marketing_sdk\": false"));
    assert!(codes(&off, NOW).contains(&"metascope-missing".to_string()));
    let mixed = Profile {
        authorization_server: v("https://ims-na1-stg1.adobelogin.com/"),
        ..jwt_profile(GOOD_PAYLOAD)
    };
    let f = find(&mixed, NOW, "ims-host-mixed");
    assert_eq!(f.field, Field::AuthorizationServer);
    assert_eq!(
        f.message,
        "Stage and production IMS are mixed: stage in the Authorization Server (https://ims-na1-stg1.adobelogin.com), production in aud (https://ims-na1.adobelogin.com), the metascope ent_marketing_sdk (https://ims-na1.adobelogin.com). IMS refuses a token whose parts name different environments (invalid_client). Use one host everywhere, normally https://ims-na1.adobelogin.com."
    );
}

#[test]
fn unreadable_payload() {
    assert_eq!(
        find(&jwt_profile("{nope"), NOW, "payload-not-json").message,
        "The JWT payload is not a JSON object, so AEM cannot use it. Copy the whole payload box again from the Developer Console's \"Generate JWT\" view, from { to }."
    );
}

#[test]
fn oauth_scopes_without_target() {
    let p = Profile {
        auth_type: auth(AuthType::Oauth),
        scopes: Some(Sourced {
            value: vec!["openid".into(), "AdobeID".into()],
            source: Source {
                kind: SourceKind::Paste,
                url: None,
                at_ms: 0,
            },
        }),
        ..Profile::default()
    };
    let f = find(&p, NOW, "scopes-lack-target");
    assert_eq!((f.severity, f.field), (Severity::Error, Field::Scopes));
    assert_eq!(
        f.message,
        "The scopes do not include target_sdk, so the token cannot call Adobe Target. Add the Adobe Target API to the credential in the Developer Console, or use Adobe's Target scopes: openid,AdobeID,target_sdk,additional_info.projectedProductContext,read_organizations,additional_info.roles."
    );
}

#[test]
fn tenant_and_client_code() {
    let p = Profile {
        tenant: v("0123456789ABCDEF01234567@AdobeOrg"),
        client_code: v(CLIENT),
        ..Profile::default()
    };
    let f = find(&p, NOW, "tenant-is-org-id");
    assert_eq!((f.severity, f.field), (Severity::Error, Field::Tenant));
    assert_eq!(
        f.message,
        "Tenant ID: \"0123456789ABCDEF01234567@AdobeOrg\" is an IMS Organization ID, not a tenant id. The tenant id is the short name after \"@\" in the Target address, like \"acme\" in https://experience.adobe.com/#/@acme/target."
    );
    let f = find(&p, NOW, "client-code-is-client-id");
    assert_eq!(f.field, Field::ClientCode);
    assert_eq!(
        f.message,
        "Client Code: \"0123456789abcdef0123456789abcdef\" looks like a Client ID from the Developer Console, not a tenant id. The tenant id is the short name after \"@\" in the Target address."
    );
    let p = Profile {
        tenant: v(CLIENT),
        client_code: v("a b"),
        ..Profile::default()
    };
    assert_eq!(codes(&p, NOW), ["tenant-is-client-id", "client-code-invalid"]);
    assert_eq!(
        find(&Profile { tenant: v("ac<me"), ..Profile::default() }, NOW, "tenant-invalid").message,
        "Tenant ID: \"ac<me\" cannot be a tenant id: tenant ids are letters, digits, \"-\" or \"_\". Copy it again from the Target address, after \"@\"."
    );
    let differ = Profile {
        tenant: v("Acme"),
        client_code: v("acmecode"),
        ..Profile::default()
    };
    let f = find(&differ, NOW, "tenant-client-code-differ");
    assert_eq!((f.severity, f.field), (Severity::Info, Field::ClientCode));
    assert_eq!(
        f.message,
        "The tenant id (acme) and the client code (acmecode) differ, which is normal for some accounts. In AEM's Target configuration put acme in Tenant ID and acmecode in Client Code."
    );
}

#[test]
fn jwt_before_at_and_after_end_of_life() {
    let p = Profile {
        auth_type: auth(AuthType::Jwt),
        ..Profile::default()
    };
    let before = find(&p, JWT_EOL_MS - 1, "jwt-deprecated");
    assert_eq!(before.severity, Severity::Info);
    assert_eq!(
        before.message,
        "Adobe deprecated JWT (Service Account) credentials: they reach end of life on 2025-06-30. Plan the move to OAuth Server-to-Server: in the Developer Console add it to the project; the Client ID, technical account, scopes and product profiles stay the same."
    );
    let eol = find(&p, JWT_EOL_MS, "jwt-end-of-life");
    assert_eq!((eol.severity, eol.field), (Severity::Warning, Field::AuthType));
    assert_eq!(
        eol.message,
        "JWT (Service Account) credentials reached end of life on 2025-06-30: their certificates can no longer be renewed, and on 2026-03-01 Adobe converts every remaining one to OAuth Server-to-Server. Move now: in the Developer Console add OAuth Server-to-Server to the credential (the Client ID, technical account, scopes and product profiles stay the same), then switch AEM's IMS configuration to OAuth with the Client ID, client secret, scopes and Organization ID."
    );
    let after = find(&p, JWT_CONVERSION_MS, "jwt-converted");
    assert_eq!(after.severity, Severity::Error);
    assert_eq!(
        after.message,
        "Since 2026-03-01 Adobe has converted every JWT credential to OAuth Server-to-Server, so the JWT exchange no longer works. Use OAuth: the Client ID, technical account, scopes and product profiles stay the same; set AEM's IMS configuration to OAuth with the Client ID, client secret, scopes and Organization ID from the Developer Console."
    );
}

#[test]
fn client_secret_and_client_id() {
    for fake in [
        "<client secret>",
        "********",
        "{{CLIENT_SECRET}}",
        "changeme",
        "p8e-***abc",
        " ",
    ] {
        let p = Profile {
            client_secret: Some(Sourced {
                value: fake.to_string(),
                source: Source {
                    kind: SourceKind::Typed,
                    url: None,
                    at_ms: 0,
                },
            }),
            ..Profile::default()
        };
        assert_eq!(codes(&p, NOW), ["secret-placeholder"], "{fake}");
    }
    let p = Profile {
        client_secret: v("p8e-abc def"),
        client_id: v("my-api-key"),
        ..Profile::default()
    };
    assert_eq!(
        find(&Profile { client_secret: v("<secret>"), ..Profile::default() }, NOW, "secret-placeholder").message,
        "The client secret looks like a placeholder or a masked value, not the real secret. In the Developer Console choose \"Retrieve client secret\" on the credential and copy the value it shows."
    );
    assert_eq!(
        find(&p, NOW, "secret-whitespace").message,
        "The client secret contains spaces or line breaks, which real secrets never have, so IMS would refuse it. Remove them, or copy the secret again with the Developer Console's copy button."
    );
    let f = find(&p, NOW, "client-id-format");
    assert_eq!((f.severity, f.field), (Severity::Warning, Field::ClientId));
    assert_eq!(
        f.message,
        "The Client ID \"my-api-key\" is not 32 hexadecimal digits, the form the Developer Console gives. Copy \"Client ID\" again from the credential's page."
    );
}

#[test]
fn findings_serialize_for_the_popup() {
    let p = Profile {
        client_id: v("x"),
        ..Profile::default()
    };
    crate::to_json::assert_same(&diagnose(&p, NOW));
    let json = serde_json::to_value(diagnose(&p, NOW)).unwrap();
    assert_eq!(json[0]["severity"], "warning");
    assert_eq!(json[0]["field"], "clientId");
    assert_eq!(json[0]["code"], "client-id-format");
}
