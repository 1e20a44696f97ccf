//! The only hosts IMS Link ever sends a credential or token to.

use std::fmt;

use crate::text::Search;
use crate::url;

/// Adobe IMS (production and stage) and the Target Admin API.
pub const ALLOWED_HOSTS: [&str; 3] = ["ims-na1.adobelogin.com", "ims-na1-stg1.adobelogin.com", "mc.adobe.io"];

/// Why a request was not sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AllowError {
    /// The address could not be read.
    BadUrl(String),
    /// Not https.
    NotHttps,
    /// A host outside the allow-list.
    HostNotAllowed(String),
    /// A port or user name in the address, which Adobe's hosts never use.
    UnexpectedAuthority,
}

impl AllowError {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            AllowError::BadUrl(_) => "bad-url",
            AllowError::NotHttps => "not-https",
            AllowError::HostNotAllowed(_) => "host-not-allowed",
            AllowError::UnexpectedAuthority => "unexpected-authority",
        }
    }
}

impl fmt::Display for AllowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AllowError::BadUrl(why) => write!(f, "The Authorization Server address is not usable: {why}"),
            AllowError::NotHttps => write!(f, "Refused to send credentials over plain http. Adobe IMS addresses start with https://."),
            AllowError::HostNotAllowed(host) => write!(
                f,
                "Refused to send credentials to {host}: IMS Link only talks to Adobe IMS (ims-na1.adobelogin.com) and the Target API (mc.adobe.io). Check the Authorization Server field: it should be https://ims-na1.adobelogin.com."
            ),
            AllowError::UnexpectedAuthority => write!(f, "Refused an address with a user name or port; Adobe IMS addresses have neither."),
        }
    }
}

impl std::error::Error for AllowError {}

/// Checks that `address` is https on an allowed host with no port or user info.
pub fn check(address: &str) -> Result<(), AllowError> {
    let u = url::parse(address).map_err(|e| AllowError::BadUrl(e.to_string()))?;
    if u.scheme != "https" {
        return Err(AllowError::NotHttps);
    }
    if u.authority.contains_char('@') || u.authority.contains_char(':') {
        return Err(AllowError::UnexpectedAuthority);
    }
    if !ALLOWED_HOSTS.contains(&u.host.as_str()) {
        return Err(AllowError::HostNotAllowed(u.host));
    }
    Ok(())
}

/// The Adobe IMS hosts: the only Authorization Server IMS Link stores or fills into AEM,
/// because AEM sends the client secret there.
pub const IMS_HOSTS: [&str; 2] = ["ims-na1.adobelogin.com", "ims-na1-stg1.adobelogin.com"];

/// Checks that `address` is an Adobe IMS address (https, an IMS host, no port or user info):
/// the same allow-list as the checks, without the Target API host.
pub fn check_ims_server(address: &str) -> Result<(), AllowError> {
    check(address)?;
    let host = url::parse(address).map(|u| u.host).unwrap_or_default();
    if IMS_HOSTS.contains(&host.as_str()) {
        Ok(())
    } else {
        Err(AllowError::HostNotAllowed(host))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authorization_server_is_only_ever_adobe_ims() {
        assert_eq!(check_ims_server("https://ims-na1.adobelogin.com"), Ok(()));
        assert_eq!(check_ims_server("https://ims-na1-stg1.adobelogin.com/"), Ok(()));
        for bad in [
            "https://ims-na1.adobelogin.com.evil.test",
            "https://mc.adobe.io",
            "http://ims-na1.adobelogin.com",
            "https://ims-na1.adobelogin.com:444",
        ] {
            assert!(check_ims_server(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_adobe_ims_and_target_over_https() {
        assert_eq!(check("https://ims-na1.adobelogin.com/ims/token/v3"), Ok(()));
        assert_eq!(check("https://IMS-NA1-STG1.adobelogin.com/ims/exchange/jwt"), Ok(()));
        assert_eq!(check("https://mc.adobe.io/acme/target/activities?limit=1"), Ok(()));
        assert_eq!(check("http://ims-na1.adobelogin.com/").unwrap_err().code(), "not-https");
        assert_eq!(
            check("https://ims-na1.adobelogin.com.evil.test/").unwrap_err().code(),
            "host-not-allowed"
        );
        assert_eq!(
            check("https://evil.test/?https://ims-na1.adobelogin.com")
                .unwrap_err()
                .code(),
            "host-not-allowed"
        );
        assert_eq!(
            check("https://ims-na1.adobelogin.com:8443/").unwrap_err().code(),
            "unexpected-authority"
        );
        assert_eq!(
            check("https://x@ims-na1.adobelogin.com/").unwrap_err().code(),
            "unexpected-authority"
        );
        assert_eq!(check("ims-na1.adobelogin.com").unwrap_err().code(), "bad-url");
    }
}
