//! The three calls of a connection check, built exactly as adobe-surfaces.md §6-7 describe.

use super::allow::{self, AllowError};
use super::http::{form_encode, HttpRequest};
use crate::text::{join, kept};

/// The media type Target's Admin API answers with.
pub const TARGET_ACCEPT: &str = "application/vnd.adobe.target.v1+json";

/// `https://host` from an Authorization Server field, which admins often paste with a path
/// (`.../c/<client id>` from a JWT's `aud`) or a trailing slash.
pub fn ims_origin(auth_server: &str) -> Result<String, AllowError> {
    allow::check(auth_server)?;
    // The allow-list took it: a URL whose authority is its host alone.
    let host = crate::url::parse(auth_server).map(|u| u.host).unwrap_or_default();
    Ok(format!("https://{host}"))
}

fn form_post(url: String, pairs: &[(&str, &str)]) -> HttpRequest {
    HttpRequest {
        method: "POST",
        url,
        headers: vec![("Content-Type".into(), "application/x-www-form-urlencoded".into())],
        body: Some(form_encode(pairs)),
    }
}

/// `POST <ims>/ims/exchange/jwt` with `client_id`, `client_secret`, `jwt_token`.
pub fn jwt_exchange(
    auth_server: &str,
    client_id: &str,
    client_secret: &str,
    jwt: &str,
) -> Result<HttpRequest, AllowError> {
    let url = format!("{}/ims/exchange/jwt", ims_origin(auth_server)?);
    Ok(form_post(
        url,
        &[
            ("client_id", client_id),
            ("client_secret", client_secret),
            ("jwt_token", jwt),
        ],
    ))
}

/// `POST <ims>/ims/token/v3` with `grant_type=client_credentials` and comma-separated scopes.
pub fn oauth_token(
    auth_server: &str,
    client_id: &str,
    client_secret: &str,
    scopes: &[String],
) -> Result<HttpRequest, AllowError> {
    let url = format!("{}/ims/token/v3", ims_origin(auth_server)?);
    let scope = join(scopes, ",");
    Ok(form_post(
        url,
        &[
            ("grant_type", "client_credentials"),
            ("client_id", client_id),
            ("client_secret", client_secret),
            ("scope", &scope),
        ],
    ))
}

/// `GET https://mc.adobe.io/<tenant>/target/activities?limit=1`: the cheapest call that needs
/// a working token, API key, tenant and product profile all at once.
pub fn target_activities(tenant: &str, access_token: &str, api_key: &str) -> Result<HttpRequest, AllowError> {
    let tenant = kept(tenant, |c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let url = format!("https://mc.adobe.io/{tenant}/target/activities?limit=1");
    allow::check(&url)?;
    Ok(HttpRequest {
        method: "GET",
        url,
        headers: vec![
            ("Authorization".into(), format!("Bearer {access_token}")),
            ("X-Api-Key".into(), api_key.into()),
            ("Accept".into(), TARGET_ACCEPT.into()),
        ],
        body: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jwt_exchange_is_a_form_post_to_the_ims_host() {
        let r = jwt_exchange("https://ims-na1.adobelogin.com/c/abc", "abc", "s3cr=t", "h.p.s").unwrap();
        assert_eq!(
            (r.method, r.url.as_str()),
            ("POST", "https://ims-na1.adobelogin.com/ims/exchange/jwt")
        );
        assert_eq!(
            r.body.as_deref(),
            Some("client_id=abc&client_secret=s3cr%3Dt&jwt_token=h.p.s")
        );
        assert_eq!(
            r.headers,
            vec![(
                "Content-Type".to_string(),
                "application/x-www-form-urlencoded".to_string()
            )]
        );
    }

    #[test]
    fn oauth_token_joins_scopes_with_commas() {
        let scopes = vec!["openid".to_string(), "AdobeID".to_string(), "target_sdk".to_string()];
        let r = oauth_token("https://ims-na1-stg1.adobelogin.com/", "abc", "s", &scopes).unwrap();
        assert_eq!(r.url, "https://ims-na1-stg1.adobelogin.com/ims/token/v3");
        assert_eq!(
            r.body.as_deref(),
            Some("grant_type=client_credentials&client_id=abc&client_secret=s&scope=openid%2CAdobeID%2Ctarget_sdk")
        );
    }

    #[test]
    fn credentials_never_go_to_other_hosts() {
        assert_eq!(
            jwt_exchange("https://evil.test", "a", "b", "c").unwrap_err().code(),
            "host-not-allowed"
        );
        assert_eq!(
            oauth_token("http://ims-na1.adobelogin.com", "a", "b", &[])
                .unwrap_err()
                .code(),
            "not-https"
        );
    }

    #[test]
    fn target_call_carries_token_key_and_media_type() {
        let r = target_activities("acme", "TOKEN", "abc").unwrap();
        assert_eq!(
            (r.method, r.url.as_str()),
            ("GET", "https://mc.adobe.io/acme/target/activities?limit=1")
        );
        assert!(r
            .headers
            .contains(&("Authorization".to_string(), "Bearer TOKEN".to_string())));
        assert!(r.headers.contains(&("X-Api-Key".to_string(), "abc".to_string())));
        assert!(r.headers.contains(&("Accept".to_string(), TARGET_ACCEPT.to_string())));
        // A hostile tenant cannot redirect the call elsewhere.
        assert_eq!(
            target_activities("x@evil.test/", "t", "k").unwrap().url,
            "https://mc.adobe.io/xeviltest/target/activities?limit=1"
        );
    }
}
