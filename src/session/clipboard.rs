//! A secret copied from the popup is cleared from the clipboard after [`CLEAR_AFTER_MS`] if the
//! clipboard still holds it, as a password manager does. The popup closes (and its timers die)
//! when the admin clicks into a page, so the worker keeps the watch: the session holds the
//! copied text's SHA-256 (never the secret twice), a browser alarm wakes the worker, and the
//! clipboard is cleared only if what it holds then hashes the same: a text the admin copied
//! since is left alone. Reading the clipboard needs the `clipboardRead` permission, which the
//! popup asks for (optional) the first time a secret is copied (SECURITY.md).

use super::event::{Effect, Step};
use super::reply::Reply;
use super::Session;

/// How long a copied secret may stay in the clipboard.
pub const CLEAR_AFTER_MS: u64 = 60_000;

/// The popup copied a secret whose SHA-256 is `sha256` (hex): watch it.
pub(super) fn copied(mut s: Session, sha256: &str) -> Step {
    let sha256 = sha256.trim().to_ascii_lowercase();
    if sha256.len() != 64 || !sha256.chars().all(|c| c.is_ascii_hexdigit()) {
        return Step::reply(Reply::refused(
            "bad-clipboard-hash",
            "IMS Link could not watch the clipboard: the copied text's fingerprint is not a SHA-256.",
        ));
    }
    s.clipboard = Some(sha256);
    Step {
        session: Some(s),
        reply: Some(Reply::ClipboardWatched {
            clear_after_ms: CLEAR_AFTER_MS,
        }),
        effects: vec![Effect::ClearClipboardLater {
            delay_ms: CLEAR_AFTER_MS,
        }],
        ..Step::default()
    }
}

/// The alarm rang: clear the clipboard if it still holds the secret; the watch ends either way.
pub(super) fn due(mut s: Session) -> Step {
    let Some(sha256) = s.clipboard.take() else {
        return Step::default();
    };
    Step {
        session: Some(s),
        effects: vec![Effect::ClearClipboardIf { sha256 }],
        ..Step::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    #[test]
    fn a_copied_secret_is_watched_by_its_hash_then_cleared_once_if_still_there() {
        let step = copied(Session::default(), HASH);
        assert!(matches!(
            step.reply,
            Some(Reply::ClipboardWatched { clear_after_ms: 60_000 })
        ));
        assert_eq!(step.effects, vec![Effect::ClearClipboardLater { delay_ms: 60_000 }]);
        let s = step.session.expect("session");
        assert_eq!(s.clipboard.as_deref(), Some(HASH.to_ascii_lowercase().as_str()));
        let step = due(s);
        assert_eq!(
            step.effects,
            vec![Effect::ClearClipboardIf {
                sha256: HASH.to_ascii_lowercase()
            }]
        );
        let s = step.session.expect("session");
        assert_eq!(s.clipboard, None);
        // A second ring has nothing to clear.
        let again = due(s);
        assert!(again.effects.is_empty() && again.session.is_none());
    }

    #[test]
    fn only_a_sha256_is_taken() {
        for bad in [
            "",
            "abc",
            "the secret itself, not a hash, at all......................xyz",
        ] {
            let step = copied(Session::default(), bad);
            assert!(step.session.is_none(), "{bad}");
        }
    }
}
