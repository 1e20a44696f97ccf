//! Every download format, read from fixtures written from the evidence (adobe-surfaces.md §8).

use super::*;
use crate::profile::SourceKind;
use serde_json::json;

const ORG: &str = "0123456789ABCDEF01234567@AdobeOrg";
const OAUTH_ID: &str = "5f0a1b2c3d4e5f60718293a4b5c6d7e8";
const JWT_ID: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

fn src() -> Source {
    Source {
        kind: SourceKind::File,
        url: Some("workspace.json".into()),
        at_ms: 1,
    }
}

fn value(f: &Option<Sourced<String>>) -> Option<&str> {
    f.as_ref().map(|s| s.value.as_str())
}

fn read(text: &str) -> Capture {
    parse(text, &src(), None).unwrap()
}

fn fixture(name: &str) -> &'static str {
    match name {
        "download-all-oauth" => include_str!("console_fixtures/download-all-oauth.json"),
        "download-all-two-oauth" => include_str!("console_fixtures/download-all-two-oauth.json"),
        "credential-oauth-download" => include_str!("console_fixtures/credential-oauth-download.json"),
        "credential-jwt-download" => include_str!("console_fixtures/credential-jwt-download.json"),
        "download-all-migrating" => include_str!("console_fixtures/download-all-migrating.json"),
        "download-all-jwt-techacct" => include_str!("console_fixtures/download-all-jwt-techacct.json"),
        "download-all-bad-values" => include_str!("console_fixtures/download-all-bad-values.json"),
        _ => "",
    }
}

/// Each format gives the credential's values back exactly as the fixture holds them.
#[test]
fn every_download_format_round_trips() {
    for name in ["download-all-oauth", "credential-oauth-download"] {
        let c = read(fixture(name));
        let p = &c.profile;
        assert_eq!(value(&p.client_id), Some(OAUTH_ID), "{name}");
        assert_eq!(
            value(&p.client_secret),
            Some("p8e-OAUTHsecret0123456789abcdefXYZ"),
            "{name}"
        );
        assert_eq!(value(&p.org_id), Some(ORG), "{name}");
        assert_eq!(
            value(&p.technical_account_id),
            Some("A1B2C3D4E5F6A7B8C9D0E1F2@techacct.adobe.com"),
            "{name}"
        );
        assert!(p.technical_account_email.is_some(), "{name}");
        assert_eq!(p.auth_type.as_ref().map(|a| a.value), Some(AuthType::Oauth), "{name}");
        assert_eq!(
            p.scopes.as_ref().map(|s| s.value.join(",")).as_deref(),
            Some(crate::profile::scopes::TARGET_SCOPES),
            "{name}"
        );
        assert!(
            c.missing.is_empty() && c.rejected.is_empty() && c.notices.is_empty(),
            "{name}: {c:?}"
        );
    }
    for name in ["credential-jwt-download", "download-all-jwt-techacct"] {
        let c = read(fixture(name));
        let p = &c.profile;
        assert_eq!(p.auth_type.as_ref().map(|a| a.value), Some(AuthType::Jwt), "{name}");
        assert_eq!(value(&p.client_id), Some(JWT_ID), "{name}");
        assert_eq!(
            value(&p.client_secret),
            Some("p8e-JWTsecret9876543210fedcbaABC"),
            "{name}"
        );
        assert_eq!(
            value(&p.technical_account_id),
            Some("F1E2D3C4B5A6F7E8D9C0B1A2@techacct.adobe.com"),
            "{name}"
        );
        assert_eq!(value(&p.org_id), Some(ORG), "{name}");
        assert!(c.rejected.is_empty(), "{name}: {:?}", c.rejected);
    }
    // Older JWT files have no technical account email.
    assert_eq!(
        read(fixture("download-all-jwt-techacct")).missing,
        vec![Field::TechnicalAccountEmail]
    );
    assert_eq!(
        read(fixture("download-all-jwt-techacct")).metascopes,
        vec!["ent_marketing_sdk"]
    );
}

#[test]
fn a_credential_in_migration_gives_its_oauth_values_with_a_notice() {
    let c = read(fixture("download-all-migrating"));
    assert_eq!(c.profile.auth_type.map(|a| a.value), Some(AuthType::Oauth));
    assert_eq!(value(&c.profile.client_id), Some(JWT_ID));
    assert_eq!(c.profile.scopes.map(|s| s.value.len()), Some(3));
    assert_eq!(c.notices[0].code, "credential-migrating");
    assert_eq!(
        c.credential.as_deref(),
        Some("\"Service Account (JWT)\" (OAuth Server-to-Server, migrating from JWT)")
    );
}

#[test]
fn user_login_credentials_beside_the_server_one_are_not_a_choice() {
    let c = read(fixture("download-all-oauth"));
    assert_eq!(
        c.credential.as_deref(),
        Some("\"OAuth Server-to-Server\" (OAuth Server-to-Server)")
    );
}

#[test]
fn several_credentials_are_listed_with_the_target_one_preselected() {
    let err = parse(fixture("download-all-two-oauth"), &src(), None).unwrap_err();
    let WorkspaceError::Choose(list, pre) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(pre.as_deref(), Some("22222"));
    assert_eq!(list.len(), 2);
    assert_eq!((list[1].name.as_str(), list[1].target), ("Target for AEM", true));
    assert_eq!(list[1].services, vec!["Adobe Target"]);
    assert!(!list[0].target);
    assert_eq!(err.code(), "choose-credential");
    assert_eq!(
        err.to_string(),
        "This file holds 2 server-to-server credentials: \"Analytics reporting\" (OAuth Server-to-Server), \"Target for AEM\" (OAuth Server-to-Server; Adobe Target). Choose the one connected to Adobe Target."
    );
    let picked = parse(fixture("download-all-two-oauth"), &src(), Some("22222")).unwrap();
    assert_eq!(
        value(&picked.profile.client_id),
        Some("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2")
    );
    let by_name = parse(fixture("download-all-two-oauth"), &src(), Some("Analytics reporting")).unwrap();
    assert_eq!(
        value(&by_name.profile.client_id),
        Some("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1")
    );
    assert_eq!(
        parse(fixture("download-all-two-oauth"), &src(), Some("C"))
            .unwrap_err()
            .code(),
        "choice-not-found"
    );
}

#[test]
fn oauth_and_jwt_side_by_side_also_ask_and_prefer_oauth_for_target() {
    let creds = json!([
        {"id": "j", "name": "Old", "integration_type": "service",
         "jwt": {"client_id": JWT_ID, "client_secret": "s-123456789", "meta_scopes": ["ent_marketing_sdk"]}},
        {"id": "o", "name": "New", "integration_type": "oauth_server_to_server",
         "oauth_server_to_server": {"client_id": OAUTH_ID, "client_secrets": ["p8e-x1234567"], "scopes": ["openid", "target_sdk"]}}
    ]);
    let ws = json!({"project": {"org": {"ims_org_id": ORG}, "workspace": {"details": {"credentials": creds}}}});
    let err = parse(&ws.to_string(), &src(), None).unwrap_err();
    let WorkspaceError::Choose(list, pre) = err else {
        panic!()
    };
    assert_eq!(pre.as_deref(), Some("o"));
    assert!(list.iter().all(|c| c.target));
}

#[test]
fn values_of_the_wrong_shape_are_rejected_with_the_reason() {
    let c = read(fixture("download-all-bad-values"));
    assert_eq!(c.profile.client_id, None);
    assert_eq!(c.profile.client_secret, None);
    assert_eq!(c.profile.org_id, None);
    assert_eq!(c.profile.scopes, None);
    let reasons: Vec<(Field, &str)> = c.rejected.iter().map(|r| (r.field, r.reason.as_str())).collect();
    assert_eq!(
        reasons,
        vec![
            (
                Field::ClientId,
                "\"my-client\" is not 32 hexadecimal characters, which every Developer Console client ID is."
            ),
            (
                Field::ClientSecret,
                "the file gives a number, not text, so it cannot be the client secret."
            ),
            (
                Field::Scopes,
                "\"openidAdobeIDtarget_sdk\" is several scopes run together (the separators were lost), so IMS Link took none. Copy the scopes one by one or as a comma-separated list."
            ),
            (
                Field::OrgId,
                "\"1234567\" does not end in @AdobeOrg, so it is not an IMS organization ID (the Console's numeric organization number is not one)."
            ),
        ]
    );
    assert!(
        !format!("{c:?}").contains("12345678"),
        "a rejected secret is never repeated"
    );
}

#[test]
fn several_secrets_in_a_file_are_not_taken_silently() {
    let flat = json!({"CLIENT_ID": OAUTH_ID, "CLIENT_SECRETS": ["p8e-OLDsecret000", "p8e-NEWsecret000"], "ORG_ID": ORG, "SCOPES": ["openid"]});
    let c = read(&flat.to_string());
    assert_eq!(c.profile.client_secret, None);
    assert!(c.rejected[0]
        .reason
        .starts_with("the file holds 2 client secrets (rotation)"));
    // The same secret twice is one secret.
    let flat = json!({"CLIENT_ID": OAUTH_ID, "CLIENT_SECRETS": [{"client_secret": "p8e-ONE0000000"}], "ORG_ID": ORG});
    assert_eq!(
        value(&read(&flat.to_string()).profile.client_secret),
        Some("p8e-ONE0000000")
    );
}

#[test]
fn missing_fields_are_listed() {
    let c = read(&json!({"client_id": OAUTH_ID}).to_string());
    assert_eq!(
        c.missing,
        vec![
            Field::ClientSecret,
            Field::TechnicalAccountId,
            Field::TechnicalAccountEmail,
            Field::Scopes,
            Field::OrgId
        ]
    );
}

fn err(text: &str) -> WorkspaceError {
    parse(text, &src(), None).unwrap_err()
}

#[test]
fn errors_name_the_cause_and_fix() {
    assert_eq!(err("  ").code(), "empty-input");
    assert_eq!(
        err("<!DOCTYPE html><html>").to_string(),
        "This is a web page (HTML), not the Developer Console's JSON file. In the Developer Console choose \"Download JSON\" on the credential and give IMS Link the .json file it saves."
    );
    assert_eq!(
        err("{\"client_id\": ").to_string(),
        "This is not the Developer Console's JSON file (EOF while parsing a value at line 1 column 13). Download it again (\"Download JSON\" on the credential) and give IMS Link the whole file, unchanged."
    );
    assert_eq!(err("[1]").code(), "not-an-object");
    assert_eq!(
        err("{}").to_string(),
        "This JSON holds no OAuth Server-to-Server or JWT credential. In the Developer Console add an \"OAuth Server-to-Server\" credential with the Adobe Target API to the workspace, then download the JSON again."
    );
    let api_key_only = json!({"name": "Key", "integration_type": "apikey", "api_key": {"client_id": "k"}});
    let ws = json!({"project": {"workspace": {"details": {"credentials": [api_key_only]}}}});
    assert_eq!(
        err(&ws.to_string()).to_string(),
        "This JSON holds no OAuth Server-to-Server or JWT credential, only: \"Key\" (apikey). In the Developer Console add an \"OAuth Server-to-Server\" credential with the Adobe Target API to the workspace, then download the JSON again."
    );
}

/// Files an admin may hold instead of the Console's download, shaped as real ones are
/// (adobe/aio-cli-plugin-app's `.aio` fixtures; AEM's service credentials as Experience
/// League's service-credentials tutorial reads them): each says what it is and which file to give.
#[test]
fn look_alike_files_say_what_they_are_and_which_file_to_give() {
    let aio = json!({"project": {"id": "1", "name": "P", "org": {"id": "2", "ims_org_id": "0123456789ABCDEF01234567@AdobeOrg"},
        "workspace": {"id": "3", "name": "Stage", "details": {"credentials": [
            {"id": "4", "name": "PröjectB", "integration_type": "oauth_server_to_server"}]}}}});
    let e = err(&aio.to_string());
    assert_eq!(e.code(), "credential-without-values");
    assert!(
        e.to_string()
            .starts_with("This file names \"PröjectB\" but not its client ID and secret: App Builder's .aio file"),
        "{e}"
    );
    let aem = json!({"ok": true, "statusCode": 200, "integration": {"imsEndpoint": "ims-na1.adobelogin.com",
        "metascopes": "ent_aem_cloud_sdk,ent_cloudmgr_sdk", "technicalAccount": {"clientId": "cm-p123-e1234", "clientSecret": "s"},
        "email": "x@techacct.adobe.com", "id": "X@techacct.adobe.com", "org": "0123456789ABCDEF01234567@AdobeOrg",
        "privateKey": "-----BEGIN RSA PRIVATE KEY-----", "publicKey": "-----BEGIN CERTIFICATE-----"}});
    assert_eq!(err(&aem.to_string()).code(), "aem-credentials-file");
    assert_eq!(err(r#"{"accessToken": "eyJ"}"#).code(), "aem-credentials-file");
    assert!(
        !err(&aem.to_string()).to_string().contains("cm-p123"),
        "nothing of the file is repeated"
    );
}
