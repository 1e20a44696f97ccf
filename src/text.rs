//! Texts joined, spaced and cut by plain loops, one copy each in the module (issue 17).
//!
//! The standard library's `[S]::join` is `join_generic_copy`, which copies the separator with
//! paths unrolled for each length from 1 to 4 bytes: its two copies (`String` and `&str`
//! parts) were 2.1 KB of the module. IMS Link joins a few short texts at a time. A text cut
//! with `chars().take(n).collect()` re-encoded it char by char, through `String`'s
//! `FromIterator<char>` for each iterator type; so did a text filtered by `chars().filter()`.
//! A text searched for another with `str::contains`, `find`, `split_once` and the like went
//! through `StrSearcher`, the Two-Way algorithm for long texts and long needles (with
//! `split` and `match_indices`, 4.5 KB of the module); IMS Link looks for short words in page
//! texts, addresses and PEM files, which `Search` does byte by byte. So it cuts texts at ASCII
//! characters (`/`, `?`, `@`, `.`), where `str`'s methods took a `CharSearcher` and `memchr`,
//! a searcher per set of characters and one per trimmed pattern. Bytes read as text with
//! `String::from_utf8_lossy` brought in `Utf8Chunks` beside `str::from_utf8` (1 KB): `lossy`.
//! Each is checked against the standard method in the tests.

use crate::gather::Gather;

/// `parts` with `sep` between each two: what `parts.join(sep)` gives.
pub fn join<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part.as_ref());
    }
    out
}

/// The words of `s` with one space between each two: no space at either end, white space of
/// any kind and length inside taken as one space.
pub fn single_spaced(s: &str) -> String {
    join(&s.split_whitespace().gather(), " ")
}

/// `single_spaced` in ASCII lower case: a label or a link's text as pages are compared by it.
pub fn folded(s: &str) -> String {
    single_spaced(s).to_ascii_lowercase()
}

/// The first `max` characters of `s` (all of it when shorter): what
/// `s.chars().take(max).collect()` gives, without re-encoding the text.
pub fn clipped(s: &str, max: usize) -> String {
    let end = s.char_indices().nth(max).map_or(s.len(), |(at, _)| at);
    s.get(..end).unwrap_or(s).to_string()
}

/// `bytes` as two hexadecimal digits each (what `{:02x}` writes, or `{:02X}` when `upper`),
/// `sep` between them: one loop, where a formatter per byte brought `core::fmt`'s hexadecimal
/// writers and a `String` per byte.
pub fn hex(bytes: &[u8], upper: bool, sep: &str) -> String {
    let digits = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut out = String::with_capacity(bytes.len() * (2 + sep.len()));
    for (i, &b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push(char::from(digits[usize::from(b >> 4)]));
        out.push(char::from(digits[usize::from(b & 0xf)]));
    }
    out
}

/// Cuts `s` to at most `max` bytes, at a character's start (page texts and answers are bounded
/// so that later code never handles unbounded input).
pub fn cut(s: &mut String, max: usize) {
    if s.len() > max {
        let mut at = max;
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        s.truncate(at);
    }
}

/// The characters of `s` that `keep` keeps: what `s.chars().filter(..).collect()` gives. A
/// function rather than a closure, so that the module holds one copy for every caller.
pub fn kept(s: &str, keep: fn(char) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if keep(c) {
            out.push(c);
        }
    }
    out
}

/// `bytes` as text, each invalid sequence shown as one U+FFFD: what `String::from_utf8_lossy`
/// gives, through `str::from_utf8` (which the module has anyway) rather than `Utf8Chunks`.
pub fn lossy(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                out.push_str(text);
                return out;
            }
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                out.push(char::REPLACEMENT_CHARACTER);
                bytes = rest
                    .get(e.error_len().map_or(rest.len(), usize::from)..)
                    .unwrap_or_default();
            }
        }
    }
}

/// A run of ASCII digits as a number: what `s.parse::<u64>()` gives for one, without its
/// sign, and `None` for anything else (an empty text, a sign, past `u64`). The standard
/// `FromStr` is 0.7 KB of the module for four uses. Bytes, so that a certificate's dates
/// (`der::read_time`) are read by it too.
pub fn whole_number(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u64, |n, &b| match b {
        b'0'..=b'9' => n.checked_mul(10)?.checked_add(u64::from(b - b'0')),
        _ => None,
    })
}

/// A text searched by a plain loop: each method gives what the standard method it is named
/// after gives with a `&str`, an ASCII `char` or a set of `char`s as its pattern. A match of
/// one UTF-8 text in another found byte by byte, or of an ASCII byte, always starts and ends
/// on a character's boundary.
pub trait Search {
    /// Where `needle` first starts: `str::find`.
    fn find_text(&self, needle: &str) -> Option<usize>;
    /// Where `needle` last starts: `str::rfind`.
    fn rfind_text(&self, needle: &str) -> Option<usize>;
    /// Whether `needle` is there: `str::contains`.
    fn contains_text(&self, needle: &str) -> bool;
    /// Whether `c` is there: `str::contains` with a `char`, which looks for a non-ASCII
    /// character as for a text, through `StrSearcher`, and for an ASCII one by `memchr`.
    fn contains_char(&self, c: char) -> bool;
    /// The text before the first `sep` and the text after it: `str::split_once`.
    fn split_once_text(&self, sep: &str) -> Option<(&str, &str)>;
    /// The text without every `prefix` it starts with: `str::trim_start_matches`.
    fn trim_start_text(&self, prefix: &str) -> &str;
    /// The text without the characters of `set` it starts with: `str::trim_start_matches`
    /// with `set` (one loop for every set, where the standard method is compiled again for
    /// each kind of pattern and end, with its searchers).
    fn trim_start_chars(&self, set: &[char]) -> &str;
    /// The text without the characters of `set` it ends with: `str::trim_end_matches`.
    fn trim_end_chars(&self, set: &[char]) -> &str;
    /// The text without the characters of `set` at either end: `str::trim_matches`.
    fn trim_chars(&self, set: &[char]) -> &str {
        self.trim_start_chars(set).trim_end_chars(set)
    }
    /// The text before the first of the ASCII characters `set` (all of it when none is there):
    /// `s.split([..]).next()`, without a searcher compiled for each set's length.
    fn before_any(&self, set: &[u8]) -> &str;
    /// Where the ASCII character `c` first is: `str::find` with a `char`, which searches
    /// through `memchr` and a `CharSearcher`.
    fn find_ascii(&self, c: u8) -> Option<usize>;
    /// The text before the first ASCII `c` and the text after it: `str::split_once`.
    fn split_once_ascii(&self, c: u8) -> Option<(&str, &str)>;
    /// The texts between the ASCII `c`s: `str::split` with a `char`.
    fn split_ascii(&self, c: u8) -> SplitAscii<'_>;
    /// Where the ASCII character `c` last is: `str::rfind` with a `char`, which searches
    /// through `memrchr` and a reverse `CharSearcher`.
    fn rfind_ascii(&self, c: u8) -> Option<usize>;
    /// The text before the last ASCII `c` and the text after it: `str::rsplit_once`.
    fn rsplit_once_ascii(&self, c: u8) -> Option<(&str, &str)>;
    /// The text after the last ASCII `c` (all of it when there is none): `s.rsplit(c).next()`.
    fn after_last(&self, c: u8) -> &str;
}

impl Search for str {
    fn find_text(&self, needle: &str) -> Option<usize> {
        let needle = needle.as_bytes();
        let Some(&first) = needle.first() else {
            return Some(0);
        };
        self.as_bytes()
            .windows(needle.len())
            .position(|w| w[0] == first && w == needle)
    }

    fn rfind_text(&self, needle: &str) -> Option<usize> {
        let needle = needle.as_bytes();
        let Some(&first) = needle.first() else {
            return Some(self.len());
        };
        self.as_bytes()
            .windows(needle.len())
            .rposition(|w| w[0] == first && w == needle)
    }

    fn contains_text(&self, needle: &str) -> bool {
        self.find_text(needle).is_some()
    }

    fn contains_char(&self, c: char) -> bool {
        self.contains_text(c.encode_utf8(&mut [0; 4]))
    }

    fn split_once_text(&self, sep: &str) -> Option<(&str, &str)> {
        let at = self.find_text(sep)?;
        Some((self.get(..at)?, self.get(at + sep.len()..)?))
    }

    fn trim_start_text(&self, prefix: &str) -> &str {
        let mut rest = self;
        if prefix.is_empty() {
            return rest;
        }
        while let Some(after) = rest.strip_prefix(prefix) {
            rest = after;
        }
        rest
    }

    // Not `set.contains(&b)`: a byte slice's `contains` is `memchr`, 0.5 KB of the module
    // for sets of one to three bytes.
    #[allow(clippy::manual_contains)]
    fn before_any(&self, set: &[u8]) -> &str {
        let end = self
            .bytes()
            .position(|b| set.iter().any(|&s| s == b))
            .unwrap_or(self.len());
        self.get(..end).unwrap_or_default()
    }

    fn find_ascii(&self, c: u8) -> Option<usize> {
        self.bytes().position(|b| b == c)
    }

    fn split_once_ascii(&self, c: u8) -> Option<(&str, &str)> {
        let at = self.find_ascii(c)?;
        Some((self.get(..at)?, self.get(at + 1..)?))
    }

    fn split_ascii(&self, c: u8) -> SplitAscii<'_> {
        SplitAscii {
            rest: Some(self),
            sep: c,
        }
    }

    fn rfind_ascii(&self, c: u8) -> Option<usize> {
        self.bytes().rposition(|b| b == c)
    }

    fn rsplit_once_ascii(&self, c: u8) -> Option<(&str, &str)> {
        let at = self.rfind_ascii(c)?;
        Some((self.get(..at)?, self.get(at + 1..)?))
    }

    fn after_last(&self, c: u8) -> &str {
        self.rsplit_once_ascii(c).map_or(self, |(_, after)| after)
    }

    fn trim_start_chars(&self, set: &[char]) -> &str {
        let start = self
            .char_indices()
            .find(|(_, c)| !set.contains(c))
            .map_or(self.len(), |(i, _)| i);
        self.get(start..).unwrap_or_default()
    }

    fn trim_end_chars(&self, set: &[char]) -> &str {
        let end = self
            .char_indices()
            .rev()
            .find(|(_, c)| !set.contains(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        self.get(..end).unwrap_or_default()
    }
}

/// The texts between the separators of `Search::split_ascii`, the last after the last one.
pub struct SplitAscii<'a> {
    rest: Option<&'a str>,
    sep: u8,
}

impl<'a> Iterator for SplitAscii<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        let (piece, after) = match rest.split_once_ascii(self.sep) {
            Some((piece, after)) => (piece, Some(after)),
            None => (rest, None),
        };
        self.rest = after;
        Some(piece)
    }
}

#[cfg(test)]
mod tests {
    use super::{clipped, cut, hex, join, kept, lossy, single_spaced, whole_number, Search};

    #[test]
    fn hex_is_what_the_formatter_writes_for_each_byte() {
        let bytes: Vec<u8> = (0..=255).collect();
        let lower: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let upper: Vec<String> = bytes.iter().map(|b| format!("{b:02X}")).collect();
        assert_eq!(hex(&bytes, false, ""), lower);
        assert_eq!(hex(&bytes, true, ":"), upper.join(":"));
        assert_eq!(hex(&[], true, ":"), "");
    }

    #[test]
    fn cut_keeps_whole_characters_within_the_bound() {
        for (text, max, want) in [
            ("tenant", 10, "tenant"),
            ("tenant", 3, "ten"),
            ("aü", 2, "a"),
            ("aü", 3, "aü"),
            ("€x", 2, ""),
        ] {
            let mut s = String::from(text);
            cut(&mut s, max);
            assert_eq!(s, want, "{text:?} {max}");
        }
    }

    #[test]
    fn the_same_text_as_the_standard_join() {
        let cases: [&[&str]; 4] = [&[], &[""], &["a"], &["tenant", "", "client code", "ü"]];
        for parts in cases {
            for sep in ["", ",", ", ", " / ", "`, `"] {
                assert_eq!(join(parts, sep), parts.join(sep), "{parts:?} {sep:?}");
            }
        }
        let owned = vec![String::from("x"), String::from("y")];
        assert_eq!(join(&owned, " and "), "x and y");
    }

    #[test]
    fn a_whole_number_is_what_the_standard_parse_reads_without_a_sign() {
        for text in [
            "",
            "0",
            "007",
            "86399",
            "18446744073709551615",
            "18446744073709551616",
            "+1",
            "-1",
            "1 ",
            " 1",
            "1.0",
            "١",
        ] {
            let standard = text.parse::<u64>().ok().filter(|_| !text.starts_with('+'));
            assert_eq!(whole_number(text.as_bytes()), standard, "{text:?}");
        }
    }

    #[test]
    fn white_space_of_any_kind_becomes_one_space() {
        assert_eq!(
            single_spaced("  Check \t Health\n\u{a0}passed  "),
            "Check Health passed"
        );
        assert_eq!(single_spaced(" \n "), "");
    }

    #[test]
    fn clipped_is_the_first_characters_never_half_of_one() {
        for text in ["", "acme", "ü€😀x", "https://author.example.com/libs/granite"] {
            for max in 0..8 {
                assert_eq!(
                    clipped(text, max),
                    text.chars().take(max).collect::<String>(),
                    "{text} {max}"
                );
            }
        }
    }

    #[test]
    fn kept_is_the_characters_the_test_keeps_in_their_order() {
        assert_eq!(kept(" AB:cd-ü 12\n", |c| c.is_ascii_alphanumeric()), "ABcd12");
        assert_eq!(kept("", |_| true), "");
    }

    #[test]
    fn lossy_is_the_standard_librarys_lossy_text() {
        let pieces: [&[u8]; 12] = [
            b"",
            b"a",
            "ü".as_bytes(),
            "€".as_bytes(),
            "😀".as_bytes(),
            &[0x80],
            &[0xc3],
            &[0xe2, 0x82],
            &[0xf0, 0x9f, 0x98],
            &[0xff],
            &[0xed, 0xa0, 0x80],
            &[0xc0, 0xaf],
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let bytes = [a, b, c].concat();
                    assert_eq!(lossy(&bytes), String::from_utf8_lossy(&bytes), "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn searched_as_the_standard_library_searches() {
        let texts = [
            "",
            "a",
            "aaa",
            "https://author.example.com://x",
            "ü€😀ü€",
            "ab-----BEGIN -----",
            "€€",
            "https://user@ü.example:8443/a/b?x=/#@}",
            "{\"a\":{}} after}",
            "a.b..c.",
            ".",
        ];
        let needles = ["", "a", "aa", "://", "€", "😀ü", "-----", "x", "\u{82}", "ü€😀ü€ü"];
        for hay in texts {
            for needle in needles {
                let case = format!("{hay:?} {needle:?}");
                assert_eq!(hay.find_text(needle), hay.find(needle), "{case}");
                assert_eq!(hay.rfind_text(needle), hay.rfind(needle), "{case}");
                assert_eq!(hay.contains_text(needle), hay.contains(needle), "{case}");
                assert_eq!(hay.split_once_text(needle), hay.split_once(needle), "{case}");
                assert_eq!(hay.trim_start_text(needle), hay.trim_start_matches(needle), "{case}");
            }
            for c in ['a', ':', 'ü', '€', '😀', '\u{82}'] {
                assert_eq!(hay.contains_char(c), hay.contains(c), "{hay:?} {c:?}");
            }
            for c in [b'@', b'/', b':', b'}', b'a', b'.'] {
                let ch = char::from(c);
                assert_eq!(hay.find_ascii(c), hay.find(ch), "{hay:?} {ch:?}");
                assert_eq!(hay.split_once_ascii(c), hay.split_once(ch), "{hay:?} {ch:?}");
                assert_eq!(
                    hay.split_ascii(c).collect::<Vec<_>>(),
                    hay.split(ch).collect::<Vec<_>>(),
                    "{hay:?} {ch:?}"
                );
                assert_eq!(hay.rfind_ascii(c), hay.rfind(ch), "{hay:?} {ch:?}");
                assert_eq!(hay.rsplit_once_ascii(c), hay.rsplit_once(ch), "{hay:?} {ch:?}");
                assert_eq!(Some(hay.after_last(c)), hay.rsplit(ch).next(), "{hay:?} {ch:?}");
            }
            for set in ["/?#", "?#", "", "a"] {
                let chars: Vec<char> = set.chars().collect();
                assert_eq!(
                    Some(hay.before_any(set.as_bytes())),
                    hay.split(&chars[..]).next(),
                    "{hay:?} {set:?}"
                );
            }
            let sets: [&[char]; 5] = [&[], &['a'], &['/', 'x'], &['ü', '€', '😀'], &['-', ' ', 'B', 'a']];
            for set in sets {
                let case = format!("{hay:?} {set:?}");
                assert_eq!(hay.trim_start_chars(set), hay.trim_start_matches(set), "{case}");
                assert_eq!(hay.trim_end_chars(set), hay.trim_end_matches(set), "{case}");
                assert_eq!(hay.trim_chars(set), hay.trim_matches(set), "{case}");
            }
        }
    }
}
