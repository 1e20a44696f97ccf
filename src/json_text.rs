//! JSON text read into a `json_value::Value`: the one JSON parser of the core (messages and
//! stored session state through `api`, IMS and Target answers, Console files, JWT payloads).
//!
//! It reads what `serde_json::from_str::<Value>` reads, to the same value, and refuses what it
//! refuses with the same words and position ("expected `,` or `}` at line 2 column 5"), which
//! IMS Link shows the admin inside its own messages. serde_json's parser reaches a `Value`
//! through serde's visitors and its generic deserializer, about 17 KB of the shipped wasm
//! (9 KB gzipped) for this one use (measured, issue 17); this is a plain recursive reader.
//! The tests check it against serde_json itself.

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
        let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
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
                self.number(false)
            }
            b'0'..=b'9' => self.number(true),
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
        for &expected in &word[1..] {
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
            let stop = self.text.as_bytes()[self.at..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            let Some(stop) = stop else {
                self.at = self.text.len();
                return Err(self.error(EOF_STRING));
            };
            self.at += stop;
            out.push_str(self.text.get(start..self.at).unwrap_or_default());
            let b = self.text.as_bytes()[self.at];
            self.at += 1;
            match b {
                b'"' => return Ok(out),
                b'\\' => self.escape(&mut out)?,
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

    /// A number, after its `-` when negative: an integer that fits `u64` (`i64` when
    /// negative) stays one, anything else is a float, as serde_json reads it.
    fn number(&mut self, positive: bool) -> Result<Value, SyntaxError> {
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
                _ => self.float(false, significand, 0),
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
                        return Ok(float_value(if positive { 0.0 } else { -0.0 }));
                    }
                }
            }
            exponent = if positive_exp {
                exponent.saturating_add(exp)
            } else {
                exponent.saturating_sub(exp)
            };
        }
        self.float(positive, significand, exponent)
    }

    /// `significand` × 10^`exponent` as a float, as serde_json computes it (one rounding of
    /// the significand, one of the scaling); out of range when it is infinite.
    fn float(&self, positive: bool, significand: u64, mut exponent: i32) -> Result<Value, SyntaxError> {
        // Precision loss is the point: the significand is scaled as a float.
        #[allow(clippy::cast_precision_loss)]
        let mut f = significand as f64;
        loop {
            match POW10.get(exponent.unsigned_abs() as usize) {
                Some(&scale) if exponent >= 0 => {
                    f *= scale;
                    if f.is_infinite() {
                        return Err(self.error(RANGE));
                    }
                    break;
                }
                Some(&scale) => {
                    f /= scale;
                    break;
                }
                None if f == 0.0 => break,
                None if exponent >= 0 => return Err(self.error(RANGE)),
                None => {
                    f /= 1e308;
                    exponent += 308;
                }
            }
        }
        Ok(float_value(if positive { f } else { -f }))
    }
}

/// 10^0 to 10^308, each the closest f64.
#[rustfmt::skip]
const POW10: [f64; 309] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23,
    1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31, 1e32, 1e33, 1e34, 1e35,
    1e36, 1e37, 1e38, 1e39, 1e40, 1e41, 1e42, 1e43, 1e44, 1e45, 1e46, 1e47,
    1e48, 1e49, 1e50, 1e51, 1e52, 1e53, 1e54, 1e55, 1e56, 1e57, 1e58, 1e59,
    1e60, 1e61, 1e62, 1e63, 1e64, 1e65, 1e66, 1e67, 1e68, 1e69, 1e70, 1e71,
    1e72, 1e73, 1e74, 1e75, 1e76, 1e77, 1e78, 1e79, 1e80, 1e81, 1e82, 1e83,
    1e84, 1e85, 1e86, 1e87, 1e88, 1e89, 1e90, 1e91, 1e92, 1e93, 1e94, 1e95,
    1e96, 1e97, 1e98, 1e99, 1e100, 1e101, 1e102, 1e103, 1e104, 1e105, 1e106, 1e107,
    1e108, 1e109, 1e110, 1e111, 1e112, 1e113, 1e114, 1e115, 1e116, 1e117, 1e118, 1e119,
    1e120, 1e121, 1e122, 1e123, 1e124, 1e125, 1e126, 1e127, 1e128, 1e129, 1e130, 1e131,
    1e132, 1e133, 1e134, 1e135, 1e136, 1e137, 1e138, 1e139, 1e140, 1e141, 1e142, 1e143,
    1e144, 1e145, 1e146, 1e147, 1e148, 1e149, 1e150, 1e151, 1e152, 1e153, 1e154, 1e155,
    1e156, 1e157, 1e158, 1e159, 1e160, 1e161, 1e162, 1e163, 1e164, 1e165, 1e166, 1e167,
    1e168, 1e169, 1e170, 1e171, 1e172, 1e173, 1e174, 1e175, 1e176, 1e177, 1e178, 1e179,
    1e180, 1e181, 1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188, 1e189, 1e190, 1e191,
    1e192, 1e193, 1e194, 1e195, 1e196, 1e197, 1e198, 1e199, 1e200, 1e201, 1e202, 1e203,
    1e204, 1e205, 1e206, 1e207, 1e208, 1e209, 1e210, 1e211, 1e212, 1e213, 1e214, 1e215,
    1e216, 1e217, 1e218, 1e219, 1e220, 1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227,
    1e228, 1e229, 1e230, 1e231, 1e232, 1e233, 1e234, 1e235, 1e236, 1e237, 1e238, 1e239,
    1e240, 1e241, 1e242, 1e243, 1e244, 1e245, 1e246, 1e247, 1e248, 1e249, 1e250, 1e251,
    1e252, 1e253, 1e254, 1e255, 1e256, 1e257, 1e258, 1e259, 1e260, 1e261, 1e262, 1e263,
    1e264, 1e265, 1e266, 1e267, 1e268, 1e269, 1e270, 1e271, 1e272, 1e273, 1e274, 1e275,
    1e276, 1e277, 1e278, 1e279, 1e280, 1e281, 1e282, 1e283, 1e284, 1e285, 1e286, 1e287,
    1e288, 1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299,
    1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
];

fn float_value(f: f64) -> Value {
    // Finite here: `float` refuses infinity and nothing makes a NaN.
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

#[cfg(test)]
mod tests;
