//! Base64 (RFC 4648) as IMS Link reads and writes it: the standard alphabet with `=` padding
//! (PEM, DER files, certificates), and the URL-safe alphabet without padding (JWTs). Strict
//! as the `base64` crate's `STANDARD` and `URL_SAFE_NO_PAD` engines are, which the tests
//! compare it with: no characters outside the alphabet, canonical padding (none for
//! URL-safe), and no stray bits in the last character. A few lines instead of the crate's
//! engines, 6 KB of the wasm.

/// Which of the two encodings.
#[derive(Clone, Copy)]
enum Alphabet {
    /// `+` `/`, padded with `=` to a multiple of 4.
    Standard,
    /// `-` `_`, no padding.
    UrlNoPad,
}

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Standard base64 with padding.
pub fn encode(bytes: impl AsRef<[u8]>) -> String {
    encode_with(bytes.as_ref(), Alphabet::Standard)
}

/// URL-safe base64 without padding.
pub fn encode_url(bytes: impl AsRef<[u8]>) -> String {
    encode_with(bytes.as_ref(), Alphabet::UrlNoPad)
}

/// Standard base64 with canonical padding; `None` for anything else.
pub fn decode(text: impl AsRef<[u8]>) -> Option<Vec<u8>> {
    decode_with(text.as_ref(), Alphabet::Standard)
}

/// URL-safe base64 without padding; `None` for anything else.
pub fn decode_url(text: impl AsRef<[u8]>) -> Option<Vec<u8>> {
    decode_with(text.as_ref(), Alphabet::UrlNoPad)
}

fn encode_with(bytes: &[u8], alphabet: Alphabet) -> String {
    let table = match alphabet {
        Alphabet::Standard => STANDARD,
        Alphabet::UrlNoPad => URL,
    };
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = byte(0) << 16 | byte(1) << 8 | byte(2);
        // 2, 3 or 4 characters for 1, 2 or 3 bytes.
        for i in 0..=chunk.len() {
            out.push(char::from(table[(n >> (18 - 6 * i) & 63) as usize]));
        }
        if let Alphabet::Standard = alphabet {
            for _ in chunk.len()..3 {
                out.push('=');
            }
        }
    }
    out
}

fn value(c: u8, alphabet: Alphabet) -> Option<u32> {
    let v = match (c, alphabet) {
        (b'A'..=b'Z', _) => c - b'A',
        (b'a'..=b'z', _) => c - b'a' + 26,
        (b'0'..=b'9', _) => c - b'0' + 52,
        (b'+', Alphabet::Standard) | (b'-', Alphabet::UrlNoPad) => 62,
        (b'/', Alphabet::Standard) | (b'_', Alphabet::UrlNoPad) => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

fn decode_with(text: &[u8], alphabet: Alphabet) -> Option<Vec<u8>> {
    let symbols = match alphabet {
        Alphabet::UrlNoPad => text,
        Alphabet::Standard => {
            // Canonical padding: whole groups of 4, the last one ending in at most two `=`
            // (how many follows from the length without them, so it is checked below).
            if !text.len().is_multiple_of(4) {
                return None;
            }
            let pads = text.iter().rev().take_while(|&&c| c == b'=').count();
            if pads > 2 {
                return None;
            }
            text.get(..text.len() - pads)?
        }
    };
    // One character alone in its group carries 6 bits, not a byte.
    if symbols.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(symbols.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in symbols {
        acc = (acc << 6 | value(c, alphabet)?) & 0xFFF;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    // The last character's bits past the last byte must be zero.
    (acc & ((1 << bits) - 1) == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
    use base64::Engine;

    fn same_as_the_crate(text: &[u8]) {
        assert_eq!(
            super::decode(text),
            STANDARD.decode(text).ok(),
            "{:?}",
            String::from_utf8_lossy(text)
        );
        assert_eq!(
            super::decode_url(text),
            URL_SAFE_NO_PAD.decode(text).ok(),
            "{:?}",
            String::from_utf8_lossy(text)
        );
    }

    #[test]
    fn decodes_exactly_what_the_crate_decodes() {
        // Every text up to 5 characters from symbols that cover both alphabets, padding,
        // stray low bits (B, E) and a character outside both.
        let symbols = b"AQgwBE+/-_=.";
        let mut texts: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..5 {
            let longer: Vec<Vec<u8>> = texts
                .iter()
                .filter(|t| t.len() == texts.last().map_or(0, Vec::len))
                .flat_map(|t| symbols.iter().map(move |&s| [t.as_slice(), &[s]].concat()))
                .collect();
            texts.extend(longer);
        }
        assert_eq!(texts.len(), 1 + 12 + 144 + 1728 + 20736 + 248832);
        for t in &texts {
            same_as_the_crate(t);
        }
        // Longer texts: what the encoders wrote, then changed in one place.
        let mut s: u64 = 7;
        for len in 0..200usize {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    (s >> 56) as u8
                })
                .collect();
            for mut text in [STANDARD.encode(&bytes), URL_SAFE_NO_PAD.encode(&bytes)].map(String::into_bytes) {
                same_as_the_crate(&text);
                if !text.is_empty() {
                    let at = (s as usize) % text.len();
                    for c in symbols {
                        text[at] = *c;
                        same_as_the_crate(&text);
                    }
                }
            }
        }
    }

    #[test]
    fn encodes_what_the_crate_encodes() {
        for len in 0..100u8 {
            let bytes: Vec<u8> = (0..len).map(|i| i.wrapping_mul(97).wrapping_add(len)).collect();
            assert_eq!(super::encode(&bytes), STANDARD.encode(&bytes));
            assert_eq!(super::encode_url(&bytes), URL_SAFE_NO_PAD.encode(&bytes));
        }
    }
}
