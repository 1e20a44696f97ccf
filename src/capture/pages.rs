//! Reading profile values off Adobe pages: the Developer Console's credential pages and
//! Target's screens (adobe-surfaces.md §2-3). Values are found by their visible labels.

use crate::gather::Gather;
use crate::origins;
use crate::profile::{self, payload, scopes, AuthType, Capture, Profile, Source, SourceKind, Sourced};
use crate::tenant;
use crate::text::{clipped, Search};
use crate::url;

use super::snapshot::PageSnapshot;

/// Button and placeholder texts that sit where a secret will appear once revealed, and the
/// dates a secret's row shows beside it ("Created", "Last used").
fn is_real_secret(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    let date_like = v.chars().all(|c| c.is_ascii_digit() || "-:/.,TZ ".contains_char(c));
    v.len() >= 8
        && !v.contains(char::is_whitespace)
        && !lower.contains_text("retrieve")
        && !v.contains_char('*')
        && !v.contains_char('•')
        // Cut for display: only part of the secret.
        && !v.contains_char('\u{2026}')
        && !v.contains_text("...")
        && !date_like
}

fn text(value: Option<&str>, source: &Source) -> Option<Sourced<String>> {
    value.map(|v| Sourced {
        value: v.trim().to_string(),
        source: source.clone(),
    })
}

/// What a page tells about the integration, or `None` for pages with nothing to capture.
pub fn capture(snapshot: PageSnapshot, now_ms: u64) -> Option<Capture> {
    capture_with(snapshot, now_ms, None)
}

/// As `capture`; `held_secret` is the profile's client secret, which tells the secret the admin
/// just retrieved from the ones retrieved before when a credential shows several.
pub fn capture_with(snapshot: PageSnapshot, now_ms: u64, held_secret: Option<&str>) -> Option<Capture> {
    let snap = snapshot.bounded();
    let u = url::parse(&snap.url).ok()?;
    let source = Source {
        kind: SourceKind::Page,
        url: Some(snap.url.clone()),
        at_ms: now_ms,
    };
    let mut notices = Vec::new();
    let profile = match u.host.as_str() {
        "developer.adobe.com" if is_console_path(u.path) => {
            console_credential(&snap, u.path, &source, held_secret, &mut notices)
        }
        "experience.adobe.com" => target_page(&snap, &snap.url, &source),
        h if h.ends_with(".experiencecloud.adobe.com") => target_page(&snap, &snap.url, &source),
        _ => None,
    }?;
    (profile != Profile::default() || !notices.is_empty()).then(|| Capture {
        profile,
        notices,
        ..Capture::default()
    })
}

/// Only the Console app's own credential pages: other developer.adobe.com pages (docs, blogs)
/// carry text anyone can write.
fn is_console_path(path: &str) -> bool {
    path.starts_with("/console/") && path.contains_text("/credentials/")
}

/// Whether `page` is a Developer Console credential page, whose values `capture_with` reads.
pub fn is_console_credential(page: &str) -> bool {
    url::parse(page).is_ok_and(|u| u.host == "developer.adobe.com" && is_console_path(u.path))
}

/// What Target's frame inside the Unified Shell shows (adobe-surfaces.md §8: Target's screens
/// run in an iframe from a solutions origin). The tenant comes from the shell's address
/// `top_url`, the labels from the frame; the admin sees the values as the shell page's.
/// `None` unless the frame is on a solution origin (origins.rs) inside the shell.
pub fn capture_in_frame(snapshot: PageSnapshot, top_url: &str, now_ms: u64) -> Option<Capture> {
    let snap = snapshot.bounded();
    if !origins::is_solution_frame(&snap.url) || !origins::is_shell_page(top_url) {
        return None;
    }
    let top: String = clipped(top_url, 2048);
    let source = Source {
        kind: SourceKind::Page,
        url: Some(top.clone()),
        at_ms: now_ms,
    };
    let profile = target_page(&snap, &top, &source)?;
    (profile != Profile::default()).then(|| Capture {
        profile,
        ..Capture::default()
    })
}

const CLIENT_ID_LABELS: [&str; 3] = ["Client ID", "API key (Client ID)", "API Key"];
const SECRET_LABELS: [&str; 2] = ["Client secret", "Client Secret"];

/// The client secrets the page shows revealed, each once: a value that is a secret itself, or
/// the secret pieces of a list of secrets (rotation: one row per secret, with its dates).
fn revealed_secrets(snap: &PageSnapshot) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for pair in snap.pairs_for(&SECRET_LABELS) {
        let value = pair.value.trim();
        let found: Vec<&str> = if is_real_secret(value) {
            vec![value]
        } else {
            pair.parts
                .iter()
                .map(|p| p.trim())
                .filter(|p| is_real_secret(p))
                .gather()
        };
        for s in found {
            if !out.iter().any(|o| o == s) {
                out.push(s.to_string());
            }
        }
    }
    out
}

/// Several secrets on one credential (rotation): the one the admin just retrieved is the one
/// the profile does not hold yet; when that is not clear, none is taken and the admin is asked.
fn pick_secret(secrets: Vec<String>, held: Option<&str>, notices: &mut Vec<crate::message::Problem>) -> Option<String> {
    if secrets.len() <= 1 {
        return secrets.into_iter().next();
    }
    let new: Vec<&String> = secrets.iter().filter(|s| Some(s.as_str()) != held).gather();
    if new.len() == 1 && new.len() < secrets.len() {
        return new.first().map(|s| s.to_string());
    }
    notices.push(crate::message::Problem {
        code: "several-secrets".into(),
        message: format!(
            "This credential shows {} client secrets, and IMS Link cannot tell which one you use now, so it took none. Reload the page and click \"Retrieve client secret\" only on the secret to use (the one AEM will get), or paste it into Client secret.",
            secrets.len()
        ),
    });
    None
}

fn console_credential(
    snap: &PageSnapshot,
    path: &str,
    source: &Source,
    held_secret: Option<&str>,
    notices: &mut Vec<crate::message::Problem>,
) -> Option<Profile> {
    let auth_type = if snap.has_heading("OAuth Server-to-Server") || path.ends_with("/oauthservertoserver") {
        AuthType::Oauth
    } else if snap.has_heading("Service Account (JWT)") || path.contains_text("/details/jwt") {
        AuthType::Jwt
    } else {
        return None;
    };
    // Two different values under one label: something on the page (a script, an injected
    // element) says otherwise than the Console; neither is taken.
    // Several secrets alone are rotation (handled below); with two client IDs they are not.
    let id_ambiguous = snap.ambiguous(&CLIENT_ID_LABELS);
    let secret_ambiguous = id_ambiguous && snap.ambiguous(&SECRET_LABELS);
    if id_ambiguous {
        notices.push(crate::message::Problem {
            code: "ambiguous-page".into(),
            message: "This Developer Console page shows two different values for the client ID or client secret, so IMS Link took neither. Reload the credential page, or load the project's JSON download instead.".into(),
        });
    }
    let secret = if secret_ambiguous {
        None
    } else {
        pick_secret(revealed_secrets(snap), held_secret, notices)
    };
    let mut p = Profile {
        auth_type: Some(Sourced {
            value: auth_type,
            source: source.clone(),
        }),
        client_id: text(snap.value(&CLIENT_ID_LABELS).filter(|_| !id_ambiguous), source),
        client_secret: text(secret.as_deref(), source),
        technical_account_id: text(snap.value(&["Technical account ID"]), source),
        technical_account_email: text(snap.value(&["Technical account email"]), source),
        org_id: text(snap.value(&["Organization ID", "Org ID"]), source),
        ..Profile::default()
    };
    if auth_type == AuthType::Oauth {
        if let Some(pair) = snap.pairs_for(&["Scopes", "Scope"]).first() {
            let pieces = if pair.parts.is_empty() {
                vec![pair.value.clone()]
            } else {
                pair.parts.clone()
            };
            match scopes::from_parts(&pieces) {
                Ok(list) if !list.is_empty() => {
                    p.scopes = Some(Sourced {
                        value: list,
                        source: source.clone(),
                    })
                }
                Ok(_) => {}
                Err(why) => notices.push(crate::message::Problem {
                    code: "scopes-unreadable".into(),
                    message: format!("Scopes: {why}"),
                }),
            }
        }
    }
    // The "Generate JWT" view holds the payload; its aud also names the IMS host.
    if let Some(from_payload) = snap
        .value(&["JWT payload"])
        .and_then(|t| payload::parse(t, source).ok())
    {
        p = profile::merge(&p, &from_payload.profile, &[]).profile;
    }
    Some(p)
}

/// The Implementation page's labels: Target's English ones ("IMS Organization Id" on the page,
/// V), then as Target's German, French and Japanese documentation names them (I: the UI follows
/// the admin's language; PAGES.md).
const CLIENT_CODE_LABELS: [&str; 4] = ["Client Code", "Client-Code", "Code client", "クライアントコード"];
const TARGET_ORG_LABELS: [&str; 6] = [
    "IMS Organization ID",
    "IMS Org ID",
    "IMS-Organisations-ID",
    "ID d\u{2019}organisation IMS",
    "ID d'organisation IMS",
    "IMS組織ID",
];

/// Target's values: the tenant from `page_url` (the shell's address), the Implementation
/// page's Client Code and IMS Organization ID from the labels in `snap`.
fn target_page(snap: &PageSnapshot, page_url: &str, source: &Source) -> Option<Profile> {
    let ids = tenant::from_url(page_url).ok()?;
    let client_code = snap.value(&CLIENT_CODE_LABELS).and_then(|c| tenant::validate(c).ok());
    let org_id = snap.value(&TARGET_ORG_LABELS).filter(|o| o.ends_with("@AdobeOrg"));
    Some(Profile {
        tenant: ids.tenant.map(|value| Sourced {
            value,
            source: source.clone(),
        }),
        client_code: client_code.or(ids.client_code).map(|value| Sourced {
            value,
            source: source.clone(),
        }),
        org_id: text(org_id, source),
        ..Profile::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capture::snapshot::Pair;

    fn snap(url: &str, headings: &[&str], pairs: &[(&str, &str)]) -> PageSnapshot {
        PageSnapshot {
            url: url.into(),
            headings: headings.iter().map(|h| h.to_string()).collect(),
            pairs: pairs
                .iter()
                .map(|(l, v)| Pair {
                    label: l.to_string(),
                    value: v.to_string(),
                    ..Pair::default()
                })
                .collect(),
        }
    }

    const OAUTH_URL: &str =
        "https://developer.adobe.com/console/projects/1234567/4566206088344794932/credentials/97531/details/oauthservertoserver";

    #[test]
    fn oauth_credential_page() {
        let s = snap(
            OAUTH_URL,
            &["AEM Target integration", "OAuth Server-to-Server"],
            &[
                ("Client ID", "5f0a1b2c3d4e5f60718293a4b5c6d7e8"),
                ("Client secret", "Retrieve client secret"),
                ("Technical account ID", "A1B2@techacct.adobe.com"),
                ("Organization ID", "0123456789ABCDEF01234567@AdobeOrg"),
                ("Scopes", "openid, AdobeID, target_sdk"),
            ],
        );
        let p = capture(s, 7).unwrap().profile;
        assert_eq!(p.auth_type.unwrap().value, AuthType::Oauth);
        assert_eq!(p.client_id.unwrap().value, "5f0a1b2c3d4e5f60718293a4b5c6d7e8");
        assert_eq!(p.client_secret, None, "the Retrieve button is not a secret");
        assert_eq!(p.scopes.unwrap().value, vec!["openid", "AdobeID", "target_sdk"]);
        let org = p.org_id.unwrap();
        assert_eq!(
            (org.source.kind, org.source.url.as_deref(), org.source.at_ms),
            (SourceKind::Page, Some(OAUTH_URL), 7)
        );
    }

    fn with_parts(mut s: PageSnapshot, label: &str, parts: &[&str]) -> PageSnapshot {
        s.pairs.push(Pair {
            label: label.into(),
            value: parts.concat(),
            parts: parts.iter().map(|p| p.to_string()).collect(),
        });
        s
    }

    #[test]
    fn scopes_in_tags_groups_or_text_are_separate_scopes() {
        let want = vec!["openid", "AdobeID", "target_sdk"];
        let base = || snap(OAUTH_URL, &["OAuth Server-to-Server"], &[]);
        let markups: [&[&str]; 4] = [
            &["openid", "AdobeID", "target_sdk"],
            &["Adobe Target", "target_sdk", "Default", "openid", "AdobeID"],
            &["openid, AdobeID, target_sdk"],
            &["openid AdobeID target_sdk"],
        ];
        for parts in markups {
            let c = capture(with_parts(base(), "Scopes", parts), 1).unwrap();
            let mut got = c.profile.scopes.unwrap().value;
            got.sort();
            let mut w = want.clone();
            w.sort();
            assert_eq!(got, w, "{parts:?}");
        }
        // An older snapshot without pieces: tags read as one text are a finding, not a value.
        let c = capture(
            snap(
                OAUTH_URL,
                &["OAuth Server-to-Server"],
                &[("Scopes", "openidAdobeIDtarget_sdk")],
            ),
            1,
        )
        .unwrap();
        assert_eq!(c.profile.scopes, None);
        assert_eq!(c.notices[0].code, "scopes-unreadable");
        assert!(c.notices[0].message.contains("several scopes run together"));
    }

    #[test]
    fn of_several_secrets_the_one_just_retrieved_is_taken_else_none() {
        let rows = |parts: &[&str]| {
            with_parts(
                snap(OAUTH_URL, &["OAuth Server-to-Server"], &[]),
                "Client secret",
                parts,
            )
        };
        // One revealed among masked rows: the one the admin retrieved.
        let one = rows(&[
            "p8e-NEWsecret00000000",
            "Created 2026-11-30",
            "2026-11-30",
            "••••••••",
            "Last used 2026-10-01",
        ]);
        let c = capture_with(one, 1, None).unwrap();
        assert_eq!(c.profile.client_secret.unwrap().value, "p8e-NEWsecret00000000");
        // Two revealed, the profile holds one: the other was just retrieved.
        let two = rows(&[
            "p8e-OLDsecret00000000",
            "Last used 2026-10-01",
            "p8e-NEWsecret00000000",
            "Created 2026-11-30",
        ]);
        let c = capture_with(two.clone(), 1, Some("p8e-OLDsecret00000000")).unwrap();
        assert_eq!(c.profile.client_secret.unwrap().value, "p8e-NEWsecret00000000");
        // Two revealed and nothing tells them apart: none, and the admin is asked.
        let c = capture_with(two, 1, None).unwrap();
        assert_eq!(c.profile.client_secret, None);
        assert_eq!(c.notices[0].code, "several-secrets");
        assert!(!c.notices[0].message.contains("p8e-"), "no secret in a notice");
    }

    #[test]
    fn revealed_secret_is_picked_up() {
        let s = snap(
            OAUTH_URL,
            &["OAuth Server-to-Server"],
            &[("Client secret", "p8e-OAUTHsecret0123456789")],
        );
        assert_eq!(
            capture(s, 1).unwrap().profile.client_secret.unwrap().value,
            "p8e-OAUTHsecret0123456789"
        );
    }

    #[test]
    fn jwt_generate_view_gives_the_payload_and_ims_host() {
        let payload = r#"{"exp":1,"iss":"0123456789ABCDEF01234567@AdobeOrg","sub":"F1@techacct.adobe.com","https://ims-na1.adobelogin.com/s/ent_marketing_sdk":true,"aud":"https://ims-na1.adobelogin.com/c/a1b2c3d4e5f60718293a4b5c6d7e8f90"}"#;
        let url = "https://developer.adobe.com/console/projects/1/2/credentials/3/details/jwt/generatejwt";
        let p = capture(snap(url, &["Service Account (JWT)"], &[("JWT payload", payload)]), 1)
            .unwrap()
            .profile;
        assert_eq!(p.auth_type.unwrap().value, AuthType::Jwt);
        assert_eq!(p.client_id.unwrap().value, "a1b2c3d4e5f60718293a4b5c6d7e8f90");
        assert_eq!(p.authorization_server.unwrap().value, "https://ims-na1.adobelogin.com");
        assert!(p.payload.is_some());
    }

    #[test]
    fn target_implementation_page_gives_client_code_and_org() {
        let url = "https://experience.adobe.com/#/@acme/target/setup/implementation";
        let s = snap(
            url,
            &["Implementation"],
            &[
                ("Client Code", "acmecode"),
                ("IMS Organization ID", "0123456789ABCDEF01234567@AdobeOrg"),
            ],
        );
        let p = capture(s, 1).unwrap().profile;
        assert_eq!(p.tenant.unwrap().value, "acme");
        assert_eq!(p.client_code.unwrap().value, "acmecode");
        assert_eq!(p.org_id.unwrap().value, "0123456789ABCDEF01234567@AdobeOrg");
    }

    #[test]
    fn target_page_in_another_language_is_read_by_its_translated_labels() {
        let url = "https://experience.adobe.com/#/@acme/target/setup/implementation";
        for (code, org) in [
            ("Client-Code", "IMS-Organisations-ID"),
            ("Code client", "ID d\u{2019}organisation IMS"),
            ("クライアントコード", "IMS組織ID"),
            ("Client Code", "IMS Organization Id"),
        ] {
            let s = snap(
                url,
                &[],
                &[(code, "acmecode"), (org, "0123456789ABCDEF01234567@AdobeOrg")],
            );
            let p = capture(s, 1).unwrap().profile;
            assert_eq!(p.client_code.unwrap().value, "acmecode", "{code}");
            assert_eq!(p.org_id.unwrap().value, "0123456789ABCDEF01234567@AdobeOrg", "{org}");
        }
    }

    /// Adobe's screenshots: the scopes' text and a link "View scopes per service" in one cell;
    /// retrieved secrets in a table under a "Client secret" column (the page reads cells by
    /// column), a cut one ending in an ellipsis.
    #[test]
    fn console_rows_and_secret_table_as_adobe_shows_them() {
        let s = with_parts(
            snap(
                OAUTH_URL,
                &[],
                &[
                    ("Client ID", "5f0a1b2c3d4e5f60718293a4b5c6d7e8"),
                    ("Client secret", "p8e-TVEKPynSoyYJ-HhYScSxS0123456789"),
                    ("Created", "May 1, 2023, 10:09 PM"),
                    ("Last used", "This client secret has not been used yet"),
                ],
            ),
            "Scopes",
            &["openid, AdobeID, target_sdk", "View scopes per service"],
        );
        let p = capture(s, 1).unwrap().profile;
        assert_eq!(p.client_secret.unwrap().value, "p8e-TVEKPynSoyYJ-HhYScSxS0123456789");
        assert_eq!(p.scopes.unwrap().value, vec!["openid", "AdobeID", "target_sdk"]);

        let cut = snap(
            OAUTH_URL,
            &[],
            &[("Client secret", "p8e-TVEKPynSoyYJ-HhYScSxS\u{2026}")],
        );
        assert_eq!(
            capture(cut, 1).and_then(|c| c.profile.client_secret),
            None,
            "a cut secret is not the secret"
        );
        let dots = snap(OAUTH_URL, &[], &[("Client secret", "p8e-TVEKPynSoyYJ-HhYScSxS...")]);
        assert_eq!(capture(dots, 1).and_then(|c| c.profile.client_secret), None);
    }

    #[test]
    fn targets_frame_in_the_shell_gives_client_code_and_org_with_the_shells_tenant() {
        let top = "https://experience.adobe.com/#/@acme/sname:prod/so:acme/target/setup/implementation";
        for origin in crate::origins::SOLUTION_FRAME_ORIGINS {
            let frame = format!("{origin}/solutions/target/#/setup/implementation");
            let s = snap(
                &frame,
                &["Implementation", "Account details"],
                &[
                    ("Client Code", "acmecode"),
                    ("IMS Organization ID", "0123456789ABCDEF01234567@AdobeOrg"),
                ],
            );
            let p = capture_in_frame(s, top, 3).unwrap().profile;
            assert_eq!(p.tenant.unwrap().value, "acme");
            let code = p.client_code.unwrap();
            assert_eq!(
                (code.value.as_str(), code.source.url.as_deref()),
                ("acmecode", Some(top))
            );
            assert_eq!(p.org_id.unwrap().value, "0123456789ABCDEF01234567@AdobeOrg");
        }
    }

    #[test]
    fn frames_elsewhere_give_nothing() {
        let labels = [
            ("Client Code", "evilcode"),
            ("IMS Organization ID", "EEEEEEEEEEEEEEEEEEEEEEEE@AdobeOrg"),
        ];
        let shell = "https://experience.adobe.com/#/@acme/target/setup/implementation";
        let target = "https://experience.adobe.net/solutions/target/#/setup/implementation";
        for (frame, top) in [
            ("https://evil.test/target-lookalike.html", shell),
            (target, "https://evil.test/#/@acme/target"),
            (
                target,
                "https://acme.experiencecloud.adobe.com/content/mac/acme/target/activities.html",
            ),
        ] {
            assert_eq!(
                capture_in_frame(snap(frame, &[], &labels), top, 1),
                None,
                "{frame} in {top}"
            );
        }
        // Target's own frame is not a top page: read alone, it gives nothing.
        assert_eq!(capture(snap(target, &[], &labels), 1), None);
    }

    #[test]
    fn nothing_from_other_pages() {
        assert_eq!(
            capture(snap("https://developer.adobe.com/console/projects", &[], &[]), 1),
            None
        );
        assert_eq!(
            capture(snap("https://www.example.test/", &[], &[("Client ID", "x")]), 1),
            None
        );
        assert_eq!(capture(snap("https://experience.adobe.com/", &[], &[]), 1), None);
        assert_eq!(capture(snap("not a url", &[], &[]), 1), None);
    }

    #[test]
    fn an_injected_second_credential_pair_is_refused_with_a_notice() {
        let url = "https://developer.adobe.com/console/projects/1/2/credentials/3/details/oauthservertoserver";
        let c = capture(
            snap(
                url,
                &["OAuth Server-to-Server"],
                &[
                    ("Client ID", "attacker0000000000000000000000000"),
                    ("Client secret", "p8e-ATTACKERsecret000000"),
                    ("Client ID", "5f0a1b2c3d4e5f60718293a4b5c6d7e8"),
                    ("Client secret", "Retrieve client secret"),
                    ("Organization ID", "0123456789ABCDEF01234567@AdobeOrg"),
                ],
            ),
            1,
        )
        .expect("capture");
        assert_eq!(c.profile.client_id, None);
        assert_eq!(c.profile.client_secret, None);
        assert!(c.profile.org_id.is_some(), "the other values are still read");
        assert_eq!(c.notices[0].code, "ambiguous-page");
        // The same value twice (a copy button's text, say) is not ambiguous.
        let c = capture(
            snap(
                url,
                &["OAuth Server-to-Server"],
                &[
                    ("Client ID", "5f0a1b2c3d4e5f60718293a4b5c6d7e8"),
                    ("Client ID", "5f0a1b2c3d4e5f60718293a4b5c6d7e8"),
                ],
            ),
            1,
        )
        .expect("capture");
        assert!(c.profile.client_id.is_some());
    }

    #[test]
    fn developer_adobe_com_pages_outside_the_console_are_never_read() {
        let c = capture(
            snap(
                "https://developer.adobe.com/blog/credentials/details/oauthservertoserver",
                &["OAuth Server-to-Server"],
                &[("Client ID", "5f0a1b2c3d4e5f60718293a4b5c6d7e8")],
            ),
            1,
        );
        assert_eq!(c, None);
    }
}
