//! Every parser of outside input, fed arbitrary input: no panic, and every rejection names
//! what was wrong. `FUZZ_CASES` sets the number of cases per property (512 in
//! `./build.sh test`, far more in `./build.sh fuzz`).
#![cfg(not(target_arch = "wasm32"))]

use ims_link::capture::{pages, snapshot};
use ims_link::error::JsErrorInfo;
use ims_link::ims::diagnose::{self, Flow};
use ims_link::ims::http::HttpResponse;
use ims_link::{jwt, keys, message, tenant};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text that looks like what each parser expects, mutated: realistic near-misses find more
/// bugs than uniform noise.
fn near_json() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("\"access_token\":".to_string()),
        Just("\"expires_in\":".to_string()),
        Just("\"error\":\"invalid_client\"".to_string()),
        Just("\"errors\":[{\"errorCode\":\"403025\",\"message\":\"Profile is not valid\"}]".to_string()),
        Just("\"total\":".to_string()),
        Just(",".to_string()),
        Just("<html>".to_string()),
        "-?[0-9]{1,20}",
        "\"\\PC{0,12}\"",
        "\\PC{0,6}",
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

fn pem_like() -> impl Strategy<Value = String> {
    let label = prop_oneof![
        Just("PRIVATE KEY"),
        Just("RSA PRIVATE KEY"),
        Just("ENCRYPTED PRIVATE KEY"),
        Just("CERTIFICATE"),
        Just("PUBLIC KEY"),
        Just("EC PRIVATE KEY"),
    ];
    (label, "[A-Za-z0-9+/=\\n]{0,300}", any::<bool>()).prop_map(|(l, body, end)| {
        if end {
            format!("-----BEGIN {l}-----\n{body}\n-----END {l}-----\n")
        } else {
            format!("-----BEGIN {l}-----\n{body}")
        }
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn ims_and_target_answers(status in 0u16..600, body in near_json(), date in "\\PC{0,40}") {
        let resp = HttpResponse { status, date: Some(date), content_type: None, body };
        for flow in [Flow::JwtExchange, Flow::OAuth] {
            if let Err(d) = diagnose::token_response(flow, &resp, 0) {
                prop_assert!(!d.summary.is_empty() && !d.next_step.is_empty());
            }
        }
        if let Err(d) = diagnose::target_response(&resp) {
            prop_assert!(!d.summary.is_empty());
        }
        let _ = diagnose::clock_skew_ms(&resp, i64::MAX);
    }

    #[test]
    fn keys_and_certificates(text in prop_oneof![pem_like(), "\\PC{0,400}"], cert in proptest::option::of(pem_like())) {
        if let Err(e) = keys::import(&text, cert.as_deref()) {
            prop_assert!(!e.to_string().is_empty() && !e.code().is_empty());
        }
        let _ = keys::parse_certificate(&text);
    }

    #[test]
    fn jwts(parts in prop::collection::vec("[A-Za-z0-9_\\-=+/]{0,40}", 0..5)) {
        let token = parts.join(".");
        if let Err(e) = jwt::decode_unverified(&token) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn messages(body in near_json(), kind in "[A-Za-z]{0,16}") {
        let value = serde_json::from_str(&body).unwrap_or(serde_json::Value::String(body));
        let _ = message::parse(serde_json::json!({"type": kind, "x": value}));
        let _ = message::parse(value);
    }

    #[test]
    fn urls(url in "(https?://)?[a-z.\\-@:%0-9]{0,30}(/[\\PC]{0,30})?(#[\\PC]{0,30})?") {
        match tenant::from_url(&url) {
            Ok(ids) => prop_assert!(ids.tenant.is_some() || ids.client_code.is_some()),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn page_snapshots(
        host in prop_oneof![Just("developer.adobe.com/console/projects/1/2/credentials/3/details/jwt"), Just("experience.adobe.com/#/@acme/target"), Just("x.test")],
        pairs in prop::collection::vec(("\\PC{0,20}", "\\PC{0,60}"), 0..40),
        headings in prop::collection::vec("\\PC{0,30}", 0..5),
    ) {
        let snap = snapshot::PageSnapshot {
            url: format!("https://{host}"),
            headings,
            pairs: pairs.into_iter().map(|(label, value)| snapshot::Pair { label, value, ..Default::default() }).collect(),
        };
        let _ = pages::capture(snap, 0);
    }
}

#[test]
fn a_huge_snapshot_is_bounded_not_fatal() {
    let pair = snapshot::Pair {
        label: "Client ID".repeat(5_000),
        value: "x".repeat(40_000),
        ..Default::default()
    };
    // One value cut into many big pieces (a page of tags); one such pair, not thousands.
    let pieces = snapshot::Pair {
        label: "Scopes".into(),
        value: "y".repeat(10),
        parts: vec!["y".repeat(40_000); 500],
    };
    let snap = snapshot::PageSnapshot {
        url: "https://developer.adobe.com/console/projects/1/2/credentials/3/details/oauthservertoserver".into(),
        headings: vec!["OAuth Server-to-Server".into(); 50_000],
        pairs: [vec![pieces], vec![pair; 3_000]].concat(),
    };
    let _ = pages::capture(snap, 0);
}
