use super::*;

const NOW: i64 = 1_790_000_000_000;

fn resp(status: u16, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        date: None,
        content_type: Some("application/json".into()),
        body: body.into(),
    }
}

fn ims(flow: Flow, status: u16, error: &str, description: &str) -> Box<Diagnosis> {
    let body = serde_json::json!({"error": error, "error_description": description}).to_string();
    token_response(flow, &resp(status, &body), NOW).unwrap_err()
}

#[test]
fn token_lifetimes_use_each_flows_unit() {
    let jwt = token_response(
        Flow::JwtExchange,
        &resp(
            200,
            r#"{"token_type":"bearer","access_token":"T","expires_in":86399993}"#,
        ),
        NOW,
    );
    assert_eq!(
        jwt.unwrap(),
        Token {
            access_token: "T".into(),
            expires_at_ms: NOW + 86_399_993
        }
    );
    let oauth = token_response(
        Flow::OAuth,
        &resp(200, r#"{"access_token":"T","token_type":"bearer","expires_in":86399}"#),
        NOW,
    );
    assert_eq!(oauth.unwrap().expires_at_ms, NOW + 86_399_000);
}

#[test]
fn every_ims_error_has_its_own_diagnosis() {
    let cases = [
        (
            Flow::JwtExchange,
            401,
            "invalid_client",
            "invalid client secret",
            "wrong-client-secret",
        ),
        (
            Flow::OAuth,
            401,
            "invalid_client",
            "invalid client secret",
            "wrong-client-secret",
        ),
        (
            Flow::JwtExchange,
            400,
            "invalid_client",
            "Client ID does not match the audience (aud)",
            "audience-mismatch",
        ),
        (
            Flow::JwtExchange,
            400,
            "invalid_client",
            "invalid client_id parameter",
            "unknown-client",
        ),
        (
            Flow::OAuth,
            400,
            "invalid_client",
            "invalid client_id parameter",
            "unknown-client",
        ),
        (
            Flow::OAuth,
            400,
            "invalid_client",
            "Client does not support the client_credentials grant; it is a JWT client",
            "no-oauth-credential",
        ),
        (
            Flow::JwtExchange,
            400,
            "invalid_signature",
            "Could not match JWT signature to any of the bindings",
            "certificate-not-uploaded",
        ),
        // The bodies public sources quote (adobe-surfaces.md §6): one `error`, several causes.
        (
            Flow::OAuth,
            400,
            "invalid_client",
            "invalid client_secret parameter",
            "wrong-client-secret",
        ),
        (
            Flow::JwtExchange,
            400,
            "invalid_client",
            "invalid client_secret parameter",
            "wrong-client-secret",
        ),
        (
            Flow::JwtExchange,
            400,
            "invalid_token",
            "Could not match JWT signature to any of the bindings",
            "certificate-not-uploaded",
        ),
        (
            Flow::OAuth,
            400,
            "invalid_client",
            "Client is not allowed to use the client_credentials grant",
            "no-oauth-credential",
        ),
        (Flow::OAuth, 400, "invalid_client", "", "client-rejected"),
        (Flow::OAuth, 401, "invalid_client", "bad credentials", "client-rejected"),
        (Flow::JwtExchange, 400, "invalid_token", "JWT rejected", "jwt-rejected"),
        (
            Flow::JwtExchange,
            400,
            "invalid_scope",
            "The metascopes in the JWT are not a subset of the metascopes in the binding.",
            "metascope-missing",
        ),
        (Flow::OAuth, 400, "invalid_scope", "invalid scope", "scope-not-granted"),
        (
            Flow::JwtExchange,
            400,
            "invalid_token",
            "JWT token has expired",
            "jwt-expired",
        ),
        (
            Flow::JwtExchange,
            400,
            "invalid_token",
            "JWT token is incorrectly formatted, and can not be decoded.",
            "jwt-malformed",
        ),
        // V: the body IMS gave for a JWT exchange on a converted credential
        // (AdobeDocs/adobe-dev-console issue 124).
        (
            Flow::JwtExchange,
            500,
            "internal_error",
            "Please try again later",
            "credential-migrated",
        ),
        (Flow::OAuth, 500, "internal_error", "", "ims-server-error"),
        (Flow::JwtExchange, 400, "bad_request", "", "jwt-malformed"),
        (Flow::OAuth, 400, "unsupported_grant_type", "", "unsupported-grant"),
        (Flow::OAuth, 418, "teapot", "", "ims-rejected"),
    ];
    for (flow, status, error, description, code) in cases {
        let x = ims(flow, status, error, description);
        assert_eq!(x.code, code, "{error} / {description}");
        assert_eq!(x.http_status, Some(status));
        assert_eq!(x.remote_error.as_deref(), Some(error));
    }
    // Throttled: no public body is known, so the status alone says it.
    assert_eq!(ims(Flow::OAuth, 429, "", "").code, "ims-throttled");
}

#[test]
fn an_unrecognised_answer_shows_imss_words_and_only_the_closest_cause() {
    let x = ims(
        Flow::OAuth,
        400,
        "invalid_client",
        "Client credentials are not valid for this org",
    );
    assert_eq!(
        x.summary,
        "Adobe IMS refused the request with \"invalid_client\" (\"Client credentials are not valid for this org\"), an answer IMS Link does not recognise."
    );
    assert!(x.cause.starts_with("The closest known cause: IMS uses \"invalid_client\" both for a client ID it does not know and for a client secret"), "{}", x.cause);
    assert!(!x.summary.contains("does not know this client ID"));
    let x = ims(Flow::OAuth, 418, "teapot", "");
    assert_eq!(x.code, "ims-rejected");
    assert!(x.summary.contains("\"teapot\""), "{}", x.summary);
}

#[test]
fn the_quoted_real_bodies_get_the_right_cause() {
    let x = ims(Flow::OAuth, 400, "invalid_client", "invalid client_secret parameter");
    assert_eq!(x.summary, "The client secret does not match this client ID.");
    let x = ims(
        Flow::JwtExchange,
        400,
        "invalid_token",
        "Could not match JWT signature to any of the bindings",
    );
    assert_eq!(x.code, "certificate-not-uploaded");
    assert!(x.next_step.starts_with("Upload certificate_pub.crt"));
    let x = ims(
        Flow::JwtExchange,
        400,
        "invalid_token",
        "JWT token is incorrectly formatted, and can not be decoded.",
    );
    assert_eq!(x.code, "jwt-malformed");
}

#[test]
fn messages_name_the_cause_and_the_fix() {
    let x = ims(
        Flow::JwtExchange,
        400,
        "invalid_signature",
        "Could not match JWT signature to any of the bindings",
    );
    assert_eq!(
        x.summary,
        "The JWT's signature matches none of the credential's certificates."
    );
    assert_eq!(
        x.next_step,
        "Upload certificate_pub.crt from IMS Link's key pair to the credential (Developer Console > Service Account (JWT) > Public keys > Upload public key), or import the key pair whose certificate is there."
    );
    let x = ims(Flow::JwtExchange, 500, "internal_error", "");
    assert!(
        x.next_step.starts_with("Switch this profile to OAuth Server-to-Server"),
        "{}",
        x.next_step
    );
}

#[test]
fn html_and_junk_answers_are_explained_not_panicked_on() {
    let mut html = resp(502, "<!doctype html><title>Bad gateway</title>");
    html.content_type = Some("text/html".into());
    assert_eq!(
        token_response(Flow::OAuth, &html, NOW).unwrap_err().code,
        "html-instead-of-json"
    );
    for body in ["", "{", "[1,2]", "null", "\"x\"", &"9".repeat(100_000)] {
        let x = token_response(Flow::OAuth, &resp(200, body), NOW).unwrap_err();
        assert_eq!(x.code, "unreadable-answer", "{body:.20}");
        assert!(x.raw.unwrap().chars().count() <= MAX_RAW + 10);
    }
    let wrong_types = token_response(Flow::OAuth, &resp(200, r#"{"access_token":5,"expires_in":"x"}"#), NOW);
    assert_eq!(wrong_types.unwrap_err().code, "token-missing");
}

#[test]
fn tokens_never_reach_the_raw_answer() {
    let body = r#"{"access_token":"SECRET-TOKEN","expires_in":"oops"}"#;
    let x = token_response(Flow::OAuth, &resp(200, body), NOW).unwrap_err();
    assert!(!x.raw.unwrap().contains("SECRET-TOKEN"));
}

#[test]
fn target_answers() {
    let ok = target_response(&resp(200, r#"{"total":3,"offset":0,"limit":1,"activities":[]}"#));
    assert_eq!(ok.unwrap().total_activities, 3);
    let cases = [
        (
            401,
            r#"{"error_code":"401013","message":"Oauth token is not valid"}"#,
            "target-token-rejected",
        ),
        (
            403,
            r#"{"error_code":"403003","message":"Api Key is invalid"}"#,
            "api-key-invalid",
        ),
        (
            403,
            r#"{"httpStatus":403,"requestId":"r","errors":[{"errorCode":"403025","message":"Profile is not valid"}]}"#,
            "no-product-profile",
        ),
        (
            403,
            r#"{"httpStatus":403,"requestId":"r","errors":[{"errorCode":"Forbidden","message":"Tenant acme does not belong to this organization"}]}"#,
            "wrong-tenant",
        ),
        (
            403,
            r#"{"httpStatus":403,"requestId":"r","errors":[{"errorCode":"Forbidden","message":"The Observer role cannot change activities"}]}"#,
            "observer-role",
        ),
        (
            404,
            r#"{"httpStatus":404,"requestId":"r","errors":[{"errorCode":"NotFound","message":"tenant not found"}]}"#,
            "tenant-not-found",
        ),
        (
            406,
            r#"{"httpStatus":406,"requestId":"r","errors":[{"errorCode":"NotAcceptable","message":"x"}]}"#,
            "not-acceptable",
        ),
        (503, r#"{"message":"down"}"#, "target-server-error"),
    ];
    for (status, body, code) in cases {
        assert_eq!(target_response(&resp(status, body)).unwrap_err().code, code, "{body}");
    }
}

#[test]
fn clock_skew_beyond_a_minute_is_reported() {
    let mut r = resp(200, "{}");
    r.date = Some("Sun, 29 Nov 2026 03:04:35 GMT".into());
    let server = 1_795_921_475_000;
    assert_eq!(clock_skew_ms(&r, server - 5_000), Some(5_000));
    assert_eq!(clock_warning(5_000), None);
    let w = clock_warning(clock_skew_ms(&r, server + 600_000).unwrap()).unwrap();
    assert!(
        w.starts_with("This computer's clock is about 10 minute(s) ahead of Adobe's."),
        "{w}"
    );
}

#[test]
fn unreachable_hosts() {
    assert_eq!(unreachable("ims-na1.adobelogin.com", true).code, "timeout");
    assert_eq!(unreachable("ims-na1.adobelogin.com", false).code, "unreachable");
}

#[test]
fn a_redirect_is_its_own_verdict_and_says_nothing_was_sent_on() {
    let r = redirected("ims-na1.adobelogin.com");
    assert_eq!(r.code, "redirected");
    assert!(r.summary.contains("ims-na1.adobelogin.com"));
    assert!(r.cause.contains("Nothing was sent to the other address"));
}

#[test]
fn tokens_are_hidden_at_any_depth_in_the_raw_answer() {
    let jwt = format!("eyJhbGciOiJSUzI1NiJ9.{}.sig", "x".repeat(40));
    let body = serde_json::json!({
        "data": {"access_token": "SECRET-A", "list": [{"Refresh_Token": "SECRET-B"}, jwt]},
        "client_secret": "SECRET-C",
        "error": "invalid_client"
    })
    .to_string();
    let out = redact(&body);
    for s in ["SECRET-A", "SECRET-B", "SECRET-C", "eyJhbGci"] {
        assert!(!out.contains(s), "{s} leaked: {out}");
    }
    assert!(out.contains("invalid_client"));
}

#[test]
fn a_wrong_tenant_names_the_shell_name_and_where_the_real_tenant_is() {
    let body = r#"{"httpStatus":403,"requestId":"r","errors":[{"errorCode":"Forbidden","message":"Tenant acme does not belong to the organization of the access token"}]}"#;
    for x in [
        target_response(&resp(403, body)).unwrap_err(),
        target_response(&resp(
            404,
            r#"{"httpStatus":404,"errors":[{"errorCode":"NotFound","message":"Tenant acme not found"}]}"#,
        ))
        .unwrap_err(),
    ] {
        assert!(
            x.cause
                .contains("the name after \"#/@\" there is the organization's shell name"),
            "{}",
            x.cause
        );
        assert!(
            x.next_step.contains("\"Adobe Target - <tenant ID>\""),
            "{}",
            x.next_step
        );
    }
}

#[test]
fn gateway_codes_and_unknown_refusals() {
    let profile = target_response(&resp(
        403,
        r#"{"error_code":"403023","message":"Profile is not valid"}"#,
    ));
    assert_eq!(profile.unwrap_err().code, "no-product-profile");
    let odd = target_response(&resp(403, r#"{"error_code":"403999","message":"Quota exceeded"}"#)).unwrap_err();
    assert_eq!(odd.code, "target-forbidden");
    assert!(odd.summary.contains("quota exceeded"), "{}", odd.summary);
    assert!(odd.cause.starts_with("The closest known cause:"), "{}", odd.cause);
    assert_eq!(odd.remote_error.as_deref(), Some("403999"));
}
