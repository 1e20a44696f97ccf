//! Typed values written as JSON text: every output of the core (the wasm bridge's `to_js`).
//!
//! Types say how they are written with `#[derive(ToJson)]` (the `derive/` crate), from the
//! same `#[serde(...)]` attributes their reading uses. Each type is one straight-line
//! function that appends its fields to one `String`, keys written at compile time. serde's
//! derive went through its `Serializer` calls per field, each monomorphised per value type;
//! measured on the shipped wasm, writing the worker's step alone was 29 KB of it. serde's
//! `Serialize` is still derived in tests, where `assert_same` holds the two to one JSON.

use std::borrow::Cow;

use crate::json_value::Value;

pub use ims_link_derive::ToJson;

/// A value written as JSON.
pub trait ToJson {
    /// Appends `self` as JSON to `out`.
    fn write_json(&self, out: &mut String);
}

/// A value written as a JSON object, whose fields can also be written into another object
/// (`#[serde(flatten)]`, a tagged enum's variant holding a struct).
pub trait ToJsonFields {
    /// Appends `"key":value` for each field, each after a comma unless it is the first.
    fn write_fields(&self, out: &mut String);
}

/// `value` as JSON text.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// Starts a field: a comma unless the object was just opened, then `"key":`.
pub fn key(out: &mut String, key: &str) {
    comma(out);
    name(out, key);
    out.push(':');
}

/// A comma unless an object or array was just opened: a written value never ends in `{` or
/// `[`, so the last byte tells whether an item came before (one rule for keys and items).
fn comma(out: &mut String) {
    if !matches!(out.as_bytes().last(), Some(b'{' | b'[')) {
        out.push(',');
    }
}

/// `"name"`: a unit variant, or a key without its colon; not escaped, as the derive refuses a
/// name that would need it (a `Value`'s keys are written as strings).
pub fn name(out: &mut String, name: &str) {
    out.push('"');
    out.push_str(name);
    out.push('"');
}

/// `{"tag":"variant"`: a tagged variant's start.
pub fn open_tagged(out: &mut String, tag: &str, variant: &str) {
    out.push('{');
    key(out, tag);
    name(out, variant);
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        out.push('"');
        for c in self.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                // serde_json's short forms too, so a `Value` is written byte for byte as
                // serde_json writes it (a JWT's signed text).
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.push_str("\\u00");
                    out.push(char::from(HEX[(c as usize) >> 4]));
                    out.push(char::from(HEX[(c as usize) & 0xf]));
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        self.as_str().write_json(out);
    }
}

impl ToJson for Cow<'_, str> {
    fn write_json(&self, out: &mut String) {
        self.as_ref().write_json(out);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

/// Digits of `n`, most significant first.
fn write_u64(mut n: u64, out: &mut String) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    // Filled from the end: u64::MAX has 20 digits, so every slot written is in the array.
    while let Some(slot) = i.checked_sub(1).and_then(|at| digits.get_mut(at)) {
        *slot = b'0' + (n % 10) as u8;
        i -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for d in digits.iter().skip(i) {
        out.push(char::from(*d));
    }
}

macro_rules! unsigned {
    ($($t:ty)*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                write_u64(u64::from(*self), out);
            }
        }
    )*};
}
unsigned!(u8 u16 u32 u64);

impl ToJson for usize {
    fn write_json(&self, out: &mut String) {
        write_u64(*self as u64, out);
    }
}

impl ToJson for i64 {
    fn write_json(&self, out: &mut String) {
        if *self < 0 {
            out.push('-');
        }
        write_u64(self.unsigned_abs(), out);
    }
}

impl ToJson for i32 {
    fn write_json(&self, out: &mut String) {
        i64::from(*self).write_json(out);
    }
}

impl ToJson for Value {
    fn write_json(&self, out: &mut String) {
        // Not serde_json's `Display`, which brings its `Serializer` (and a pretty one) along.
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(n) => out.push_str(&n.to_string()),
            Value::String(s) => s.write_json(out),
            Value::Array(items) => items.write_json(out),
            Value::Object(members) => {
                out.push('{');
                for (k, v) in members.iter() {
                    comma(out);
                    k.write_json(out);
                    out.push(':');
                    v.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

/// A field of serde_json's own `Value` in a test type (written as ours).
#[cfg(test)]
impl ToJson for serde_json::Value {
    fn write_json(&self, out: &mut String) {
        Value::from(self.clone()).write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJsonFields + ?Sized> ToJsonFields for Box<T> {
    fn write_fields(&self, out: &mut String) {
        (**self).write_fields(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for item in self {
            comma(out);
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        self.0.write_json(out);
        out.push(',');
        self.1.write_json(out);
        out.push(']');
    }
}

#[cfg(test)]
#[track_caller]
pub fn assert_same<T: ToJson + serde::Serialize + ?Sized>(value: &T) {
    let ours: serde_json::Value = serde_json::from_str(&to_string(value)).expect("ToJson writes JSON");
    let theirs = serde_json::to_value(value).expect("serde writes it");
    assert_eq!(ours, theirs);
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{assert_same, to_string, ToJson};

    #[derive(ToJson, serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Inner {
        tab_id: u32,
        label: String,
    }

    #[derive(ToJson, serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Outer {
        #[serde(flatten)]
        inner: Inner,
        #[serde(skip_serializing_if = "Option::is_none")]
        maybe: Option<i64>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        list: Vec<Kind>,
        #[serde(rename = "ZZ")]
        renamed: bool,
        #[serde(skip)]
        #[allow(dead_code)]
        hidden: u8,
        value: serde_json::Value,
    }

    #[derive(ToJson, serde::Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        Plain,
        WithText,
    }

    #[derive(ToJson, serde::Serialize)]
    #[serde(tag = "do", rename_all = "kebab-case", rename_all_fields = "camelCase")]
    enum Tagged {
        OpenTab {
            tab_id: u32,
            #[serde(skip_serializing_if = "Option::is_none")]
            url: Option<String>,
        },
        Held(Inner),
        Empty {},
        Bare,
    }

    #[derive(ToJson, serde::Serialize)]
    #[serde(untagged)]
    enum Either {
        Text(String),
        List(Vec<String>),
    }

    #[test]
    fn writes_what_serde_writes() {
        let inner = || Inner {
            tab_id: 7,
            label: "a \"quoted\"\\ line\nand\u{1}tab\t é 😀".into(),
        };
        for maybe in [None, Some(-5)] {
            for list in [vec![], vec![Kind::Plain, Kind::WithText]] {
                assert_same(&Outer {
                    inner: inner(),
                    maybe,
                    list,
                    renamed: true,
                    hidden: 1,
                    value: json!({"a": [1, 2.5, null, "s"]}),
                });
            }
        }
        for t in [
            Tagged::OpenTab { tab_id: 1, url: None },
            Tagged::OpenTab {
                tab_id: 1,
                url: Some("https://x".into()),
            },
            Tagged::Held(inner()),
            Tagged::Empty {},
            Tagged::Bare,
        ] {
            assert_same(&t);
        }
        assert_same(&vec![Either::Text("t".into()), Either::List(vec!["a".into()])]);
        assert_same(&(u64::MAX, i64::MIN));
        assert_same(&(0u64, 10u64));
        assert_same(&(-1i64, 9u64));
        // Commas by the last byte written (`comma`): items that open and close, empty or not.
        let nested: Vec<Vec<Vec<u8>>> = vec![vec![], vec![vec![], vec![1, 2]], vec![vec![3]]];
        assert_same(&nested);
        assert_same(&vec![Tagged::Empty {}, Tagged::Bare, Tagged::Empty {}]);
        assert_same(&vec![
            Either::List(vec![]),
            Either::List(vec![]),
            Either::Text(String::new()),
        ]);
    }

    #[test]
    fn writes_compact_json() {
        assert_eq!(
            to_string(&Tagged::OpenTab { tab_id: 3, url: None }),
            r#"{"do":"open-tab","tabId":3}"#
        );
        assert_eq!(to_string(&Kind::WithText), r#""with-text""#);
        assert_eq!(to_string(&Some(0u8)), "0");
    }
}
