//! JSON text read into a `json_value::Value`: the one JSON parser of the core (messages and
//! stored session state through `api`, IMS and Target answers, Console files, JWT payloads).
//!
//! It reads what `serde_json::from_str::<Value>` reads, to the same value (a float kept as its
//! text, `json_value::Number`), and refuses what it refuses with the same words and position
//! ("expected `,` or `}` at line 2 column 5"), which IMS Link shows the admin inside its own
//! messages. serde_json's parser reaches a `Value` through serde's visitors and its generic
//! deserializer, about 17 KB of the shipped wasm (9 KB gzipped) for this one use (measured,
//! issue 17); this is a plain recursive reader. The tests check it against serde_json itself.

use std::fmt;

use crate::json_value::{Map, Number, Value};

/// Why a text is not JSON, in serde_json's words and with its position (1-based line; the
/// column counts bytes, as serde_json does). Boxed, as `from_json::Error` is: every `?` of the
/// reader copies one pointer (the module 180 bytes smaller, 632 gzipped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError(Box<Place>);

/// What a `SyntaxError` says.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    what: &'static str,
    line: usize,
    column: usize,
}

impl SyntaxError {
    /// The words without the position, for a text the reader never saw (`api::read`).
    pub fn what(&self) -> &'static str {
        self.0.what
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.0.what, self.0.line, self.0.column)
    }
}

impl std::error::Error for SyntaxError {}

const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const COLON: &str = "expected `:`";
const LIST_COMMA: &str = "expected `,` or `]`";
const OBJECT_COMMA: &str = "expected `,` or `}`";
const IDENT: &str = "expected ident";
const VALUE: &str = "expected value";
const ESCAPE: &str = "invalid escape";
const NUMBER: &str = "invalid number";
const RANGE: &str = "number out of range";
const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY: &str = "key must be a string";
const SURROGATE: &str = "lone leading surrogate in hex escape";
const HEX_END: &str = "unexpected end of hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING: &str = "trailing characters";
const DEPTH: &str = "recursion limit exceeded";

/// serde_json's nesting limit: the 128th open bracket is refused.
const MAX_DEPTH: u32 = 128;

/// `text` as one JSON value, with nothing but whitespace after it.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut reader = Reader {
        text,
        at: 0,
        depth: MAX_DEPTH,
    };
    let value = reader.value()?;
    match reader.skip_space() {
        Some(_) => Err(reader.peek_error(TRAILING)),
        None => Ok(value),
    }
}

struct Reader<'a> {
    text: &'a str,
    /// The next byte to read.
    at: usize,
    depth: u32,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    /// Skips JSON whitespace and peeks at what follows.
    fn skip_space(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    /// An error at byte `index` (serde_json's position: the bytes since the line's start).
    fn error_at(&self, what: &'static str, index: usize) -> SyntaxError {
        let before = &self.text.as_bytes()[..index.min(self.text.len())];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + before.iter().take(line_start).filter(|&&b| b == b'\n').count();
        SyntaxError(Box::new(Place {
            what,
            line,
            column: before.len() - line_start,
        }))
    }

    /// An error about the byte just read.
    fn error(&self, what: &'static str) -> SyntaxError {
        self.error_at(what, self.at)
    }

    /// An error about the byte peeked at, not yet read.
    fn peek_error(&self, what: &'static str) -> SyntaxError {
        self.error_at(what, self.at + 1)
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        let Some(first) = self.skip_space() else {
            return Err(self.peek_error(EOF_VALUE));
        };
        match first {
            b'n' => self.word(b"null").map(|()| Value::Null),
            b't' => self.word(b"true").map(|()| Value::Bool(true)),
            b'f' => self.word(b"false").map(|()| Value::Bool(false)),
            b'-' => {
                self.at += 1;
                self.number(self.at - 1, false)
            }
            b'0'..=b'9' => self.number(self.at, true),
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.peek_error(DEPTH));
                }
                self.at += 1;
                let value = if first == b'[' { self.list() } else { self.object() };
                self.depth += 1;
                value
            }
            _ => Err(self.peek_error(VALUE)),
        }
    }

    /// `null`, `true` or `false`, its first byte peeked at.
    fn word(&mut self, word: &[u8]) -> Result<(), SyntaxError> {
        self.at += 1;
        for &expected in word.iter().skip(1) {
            match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b) if b != expected => return Err(self.error(IDENT)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// The items after `[`, and the `]`.
    fn list(&mut self) -> Result<Value, SyntaxError> {
        let mut items = Vec::new();
        loop {
            let Some(b) = self.skip_space() else {
                return Err(self.peek_error(EOF_LIST));
            };
            if b == b']' {
                break;
            }
            if !items.is_empty() {
                if b != b',' {
                    return Err(self.peek_error(LIST_COMMA));
                }
                self.at += 1;
                match self.skip_space() {
                    Some(b']') => return Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => {}
                    None => return Err(self.peek_error(EOF_VALUE)),
                }
            }
            items.push(self.value()?);
        }
        self.at += 1;
        Ok(Value::Array(items))
    }

    /// The members after `{`, and the `}`; a repeated key keeps its last value (as serde_json).
    fn object(&mut self) -> Result<Value, SyntaxError> {
        let mut members = Map::new();
        let mut first = true;
        loop {
            let Some(b) = self.skip_space() else {
                return Err(self.peek_error(EOF_OBJECT));
            };
            if b == b'}' {
                break;
            }
            if first {
                first = false;
                if b != b'"' {
                    return Err(self.peek_error(KEY));
                }
            } else if b == b',' {
                self.at += 1;
                match self.skip_space() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => return Err(self.peek_error(KEY)),
                    None => return Err(self.peek_error(EOF_VALUE)),
                }
            } else {
                return Err(self.peek_error(OBJECT_COMMA));
            }
            self.at += 1;
            let key = self.string()?;
            match self.skip_space() {
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.peek_error(COLON)),
                None => return Err(self.peek_error(EOF_OBJECT)),
            }
            let value = self.value()?;
            members.insert(key, value);
        }
        self.at += 1;
        Ok(Value::Object(members))
    }

    /// A string's contents after its opening quote, and the closing quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let mut out = String::new();
        let mut start = self.at;
        loop {
            // The text is UTF-8 and these stops are ASCII: each slice is whole characters.
            let stop = self
                .text
                .as_bytes()
                .iter()
                .skip(self.at)
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            let Some(stop) = stop else {
                self.at = self.text.len();
                return Err(self.error(EOF_STRING));
            };
            self.at += stop;
            out.push_str(self.text.get(start..self.at).unwrap_or_default());
            let b = self.text.as_bytes().get(self.at).copied();
            self.at += 1;
            match b {
                Some(b'"') => return Ok(out),
                Some(b'\\') => self.escape(&mut out)?,
                _ => return Err(self.error(CONTROL)),
            }
            start = self.at;
        }
    }

    /// One escape after its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let c = match self.next() {
            None => return Err(self.error(EOF_STRING)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(out),
            Some(_) => return Err(self.error(ESCAPE)),
        };
        out.push(c);
        Ok(())
    }

    /// `\uXXXX` after its `\u`: a character, or a surrogate pair of two escapes.
    fn unicode_escape(&mut self, out: &mut String) -> Result<(), SyntaxError> {
        let n = self.hex4()?;
        let code = match n {
            0xDC00..=0xDFFF => return Err(self.error(SURROGATE)),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.peek() {
                        None => return Err(self.error(EOF_STRING)),
                        Some(b) => {
                            self.at += 1;
                            if b != expected {
                                return Err(self.error(HEX_END));
                            }
                        }
                    }
                }
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error(SURROGATE));
                }
                0x1_0000 + ((n - 0xD800) << 10 | (low - 0xDC00))
            }
            _ => n,
        };
        // Never the replacement: surrogates were handled above.
        out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let Some(digits) = self.text.as_bytes().get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(self.error(EOF_STRING));
        };
        self.at += 4;
        let mut n = 0;
        for &d in digits {
            match char::from(d).to_digit(16) {
                Some(v) => n = n << 4 | v,
                None => return Err(self.error(ESCAPE)),
            }
        }
        Ok(n)
    }

    /// A number that starts at `start`, read from after its `-` when negative: an integer that
    /// fits `u64` (`i64` when negative) stays one, anything else is kept as its text (where
    /// serde_json reads a float), refused where serde_json finds it too large for a float.
    fn number(&mut self, start: usize, positive: bool) -> Result<Value, SyntaxError> {
        let mut significand: u64 = match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(NUMBER));
                }
                0
            }
            Some(d @ b'1'..=b'9') => u64::from(d - b'0'),
            Some(_) => return Err(self.error(NUMBER)),
        };
        // Digits past what `u64` holds only scale the value (serde_json drops them too).
        let mut exponent: i32 = 0;
        let mut overflowed = false;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            self.at += 1;
            match significand
                .checked_mul(10)
                .and_then(|s| s.checked_add(u64::from(d - b'0')))
            {
                Some(s) if !overflowed => significand = s,
                _ => {
                    overflowed = true;
                    exponent += 1;
                }
            }
        }
        let float = match self.peek() {
            Some(b'.') => true,
            Some(b'e' | b'E') => true,
            _ => overflowed,
        };
        if !float {
            if positive {
                return Ok(Value::Number(Number::from(significand)));
            }
            // As serde_json: `-0` and what is below `i64::MIN` are floats.
            return match 0i64.wrapping_sub_unsigned(significand) {
                n if n < 0 => Ok(Value::Number(Number::from(n))),
                _ => Ok(self.float(start)),
            };
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            // The fraction's digits count until one would overflow; the rest are dropped.
            let mut digits = 0;
            let mut dropping = false;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.at += 1;
                digits += 1;
                match significand
                    .checked_mul(10)
                    .and_then(|s| s.checked_add(u64::from(d - b'0')))
                {
                    Some(s) if !dropping => {
                        significand = s;
                        exponent -= 1;
                    }
                    _ => dropping = true,
                }
            }
            if digits == 0 {
                return Err(self.peek_error(if self.peek().is_some() { NUMBER } else { EOF_VALUE }));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            let positive_exp = match self.peek() {
                Some(b'+') => {
                    self.at += 1;
                    true
                }
                Some(b'-') => {
                    self.at += 1;
                    false
                }
                _ => true,
            };
            let mut exp: i32 = match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(d @ b'0'..=b'9') => i32::from(d - b'0'),
                Some(_) => return Err(self.error(NUMBER)),
            };
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.at += 1;
                match exp.checked_mul(10).and_then(|e| e.checked_add(i32::from(d - b'0'))) {
                    Some(e) => exp = e,
                    None => {
                        // An exponent past i32: zero or too large, as serde_json decides.
                        if significand != 0 && positive_exp {
                            return Err(self.error(RANGE));
                        }
                        while let Some(b'0'..=b'9') = self.peek() {
                            self.at += 1;
                        }
                        return Ok(self.float(start));
                    }
                }
            }
            exponent = if positive_exp {
                exponent.saturating_add(exp)
            } else {
                exponent.saturating_sub(exp)
            };
        }
        if too_large(significand, exponent) {
            return Err(self.error(RANGE));
        }
        Ok(self.float(start))
    }

    /// The number from `start` to here, as its text.
    fn float(&self, start: usize) -> Value {
        let text = self.text.get(start..self.at).unwrap_or_default();
        Value::Number(Number::Float(text.to_string()))
    }
}

/// Whether `significand` × 10^`exponent` is too large for an `f64`: 2^1024 − 2^970 or more,
/// which rounds to infinity (serde_json refuses it). Decided on the first 19 digits, where
/// serde_json's own reading (one rounding of the significand, one of its scaling) can differ
/// from exact rounding anyway: at or above 1.797693134862315808e308.
fn too_large(significand: u64, exponent: i32) -> bool {
    const LARGEST: u64 = 1_797_693_134_862_315_807;
    if significand == 0 {
        return false;
    }
    let mut digits = 0;
    let mut rest = significand;
    while rest > 0 {
        rest /= 10;
        digits += 1;
    }
    // The value is below 10^magnitude and at least a tenth of it.
    match exponent.saturating_add(digits).cmp(&309) {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => {
            // `significand` with 19 digits: 20 cut to 19, fewer padded with zeros.
            let first19 = match 19u32.checked_sub(digits.unsigned_abs()) {
                Some(pad) => significand * 10u64.pow(pad),
                None => significand / 10,
            };
            first19 > LARGEST
        }
    }
}

#[cfg(test)]
mod tests;
