//! Which Adobe pages IMS Link reads, by origin: the top pages its content script runs in
//! (Unified Shell, legacy shell, Developer Console) and the solution frames the Unified Shell
//! loads Target in (adobe-surfaces.md §8 "Target pages": Experience Cloud solution UIs run in
//! an iframe of the shell, served from `.adobe.net` origins). `message::authorize` checks
//! senders against these lists, and the manifest's content scripts must match them (a test
//! below reads `extension/manifest.json`): to read another solution origin, add it to
//! [`SOLUTION_FRAME_ORIGINS`] and the test names the manifest line to add.

use crate::gather::Gather;
use crate::url;

/// The Unified Shell, the only top page whose solution frames IMS Link reads.
pub const SHELL_ORIGIN: &str = "https://experience.adobe.com";

/// Origins of the Unified Shell's solution frames IMS Link reads, exactly (scheme, host, no
/// port). Which of the two Target's frame uses is inferred (I), so both.
pub const SOLUTION_FRAME_ORIGINS: &[&str] = &[
    "https://experience.adobe.net",
    "https://exc-unifiedcontent.experience.adobe.net",
];

/// Whether `url` is on `origin` exactly: browsers report addresses in canonical form
/// (lower-case host, no default port), so another port or a longer host never matches.
fn on_origin(url: &str, origin: &str) -> bool {
    url.strip_prefix(origin).is_some_and(|rest| rest.starts_with('/'))
}

/// Hosts whose top pages the content script reads (and may therefore send page messages).
pub fn is_readable_host(host: &str) -> bool {
    host == "experience.adobe.com" || host.ends_with(".experiencecloud.adobe.com") || host == "developer.adobe.com"
}

/// Whether `url` is a page of the Unified Shell (the top page around Target's frame).
pub fn is_shell_page(url: &str) -> bool {
    on_origin(url, SHELL_ORIGIN)
}

/// Whether `url` is a document of one of the solution frame origins.
pub fn is_solution_frame(url: &str) -> bool {
    SOLUTION_FRAME_ORIGINS.iter().any(|o| on_origin(url, o))
}

/// The host of an address, for messages; "an unknown page" when it is none.
pub fn host_of(url: &str) -> String {
    url::parse(url)
        .map(|u| u.host)
        .unwrap_or_else(|_| "an unknown page".into())
}

/// The content script `matches` patterns for the solution frames (what the manifest lists).
pub fn frame_match_patterns() -> Vec<String> {
    SOLUTION_FRAME_ORIGINS.iter().map(|o| format!("{o}/*")).gather()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solution_frames_by_exact_origin() {
        for ok in [
            "https://experience.adobe.net/solutions/target/#/setup/implementation",
            "https://exc-unifiedcontent.experience.adobe.net/solutions/mcg-target/index.html?x=1",
        ] {
            assert!(is_solution_frame(ok), "{ok}");
        }
        for bad in [
            "http://experience.adobe.net/solutions/target/",
            "https://experience.adobe.net.evil.test/solutions/target/",
            "https://experience.adobe.net:8443/solutions/target/",
            "https://evil-experience.adobe.net/solutions/target/",
            "https://user@experience.adobe.net/",
            "https://experience.adobe.com/solutions/target/",
            "https://evil.test/?https://experience.adobe.net/",
            "",
        ] {
            assert!(!is_solution_frame(bad), "{bad}");
        }
    }

    #[test]
    fn the_shell_is_experience_adobe_com_only() {
        assert!(is_shell_page("https://experience.adobe.com/#/@acme/target/activities"));
        assert!(!is_shell_page("https://experience.adobe.com.evil.test/#/@acme"));
        assert!(!is_shell_page("https://experience.adobe.net/"));
        assert!(!is_shell_page(
            "https://acme.experiencecloud.adobe.com/content/mac/acme/target/activities.html"
        ));
    }

    /// The manifest's frame content script runs in exactly these origins' frames, and in all frames.
    #[test]
    fn manifest_frame_script_matches_the_rule() {
        let manifest: serde_json::Value =
            serde_json::from_str(include_str!("../extension/manifest.json")).expect("manifest.json is JSON");
        let scripts = manifest["content_scripts"].as_array().expect("content_scripts");
        let frames: Vec<&serde_json::Value> = scripts
            .iter()
            .filter(|s| s["all_frames"].as_bool() == Some(true))
            .collect();
        assert_eq!(frames.len(), 1, "one content script entry runs in frames");
        let matches: Vec<String> = frames[0]["matches"]
            .as_array()
            .expect("matches")
            .iter()
            .filter_map(|m| m.as_str().map(String::from))
            .collect();
        assert_eq!(
            matches,
            frame_match_patterns(),
            "manifest.json content_scripts (all_frames) must list exactly these"
        );
        // The top-page script never runs in frames: a frame of another site is not read.
        for s in scripts.iter().filter(|s| s["all_frames"].as_bool() != Some(true)) {
            for m in s["matches"].as_array().into_iter().flatten().filter_map(|m| m.as_str()) {
                let host = m.trim_start_matches("https://").split('/').next().unwrap_or_default();
                let host = host.trim_start_matches("*.");
                assert!(is_readable_host(host) || is_readable_host(&format!("x.{host}")), "{m}");
            }
        }
    }
}
