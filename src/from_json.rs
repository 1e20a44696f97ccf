//! Typed values read from a `json_value::Value`: the one reader every input of the core goes
//! through (the wasm bridge's `api::read`, `message::parse`).
//!
//! Types say how they are read with `#[derive(FromJson)]` (the `derive/` crate), from the
//! same `#[serde(...)]` attributes their `Serialize` uses, so a type's JSON shape is written
//! once. It reads what serde's `Deserialize` derive read, with serde's error texts, but each
//! type is one straight-line function that takes its fields out of the object by name. Two
//! differences in the texts: a value of the wrong JSON type is refused by what it should be
//! ("expected a map", "a string"), where serde names the Rust type ("expected struct Form");
//! and a field left over is named alone, where serde lists the fields it expected. Only a
//! developer meets these texts (the core's own messages, events and storage), and the types'
//! names and the lists were about 1 KB of the shipped module gzipped (issue 17).
//! serde's derive gave every type a visitor, a field-name matcher and a map loop, and the
//! shipped wasm held about 200 KB of that code (measured with twiggy, issue 17).

use crate::text::{join, Search};
use std::fmt;

use crate::json_value::{Map, Value};

pub use ims_link_derive::FromJson;

/// A typed value read from JSON.
pub trait FromJson: Sized {
    /// Reads `value`.
    fn from_json(value: Value) -> Result<Self, Error>;

    /// Whether a field of this type may be missing from its object: an `Option` may (it reads
    /// as `None`, as serde reads a missing `Option` field); anything else is refused.
    const OPTIONAL: bool = false;

    /// `value` read into `slot`, which holds the type's default (the reader of the struct
    /// around it made it so). A derived struct reads its fields there in place (see the derive's
    /// `struct_readers`); anything else is read, then moved in. After an error `slot` may hold
    /// a value half read, which the caller drops with the struct around it.
    fn read_into(value: Value, slot: &mut Self) -> Result<(), Error> {
        *slot = Self::from_json(value)?;
        Ok(())
    }

    /// `value` (not `null`) read into `slot` as `Some`: a derived struct in place, from its
    /// default.
    fn read_some_into(value: Value, slot: &mut Option<Self>) -> Result<(), Error> {
        *slot = Some(Self::from_json(value)?);
        Ok(())
    }

    /// `value` read as a new last item of `items`: a derived struct in place, from its default.
    fn read_pushed(value: Value, items: &mut Vec<Self>) -> Result<(), Error> {
        items.push(Self::from_json(value)?);
        Ok(())
    }
}

/// `T` read from `value`; see the module's comment. (`Into`: tests pass serde_json's `json!`.)
pub fn from_value<T: FromJson>(value: impl Into<Value>) -> Result<T, Error> {
    T::from_json(value.into())
}

/// Why a value could not be read, in serde's words ("missing field `tabId`").
///
/// Boxed: one pointer, where a `String` is three words. Every field a reader takes passes its
/// `Result` on with `?`, and an error is copied out at each of them, so the derived readers are
/// 13.5 KB smaller (2 KB gzipped) than with the text held inline; an error is rare.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::box_collection)] // the Box is for the size of `Result`, as said above
pub struct Error(Box<String>);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl std::error::Error for Error {}

impl Error {
    fn text(text: String) -> Error {
        Error(Box::new(text))
    }

    /// The object has no field `field`. Not generic, so that each type's `missing` only
    /// passes it on (the text was formatted in each of a dozen copies).
    fn missing(field: &str) -> Error {
        Error::text(format!("missing field `{field}`"))
    }

    /// `value` is not the JSON type `expected` needs.
    pub fn invalid_type(value: &Value, expected: &str) -> Error {
        Error::text(format!("invalid type: {}, expected {expected}", unexpected(value)))
    }

    /// A variant name none of `known` matches.
    pub fn unknown_variant(name: &str, known: &[&str]) -> Error {
        Error::text(format!("unknown variant `{name}`, expected {}", one_of(known)))
    }

    /// A message of the caller's own.
    pub fn custom(text: impl Into<String>) -> Error {
        Error::text(text.into())
    }
}

/// serde's "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
fn one_of(known: &[&str]) -> String {
    match known {
        [] => "nothing".to_string(),
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => format!("one of `{}`", join(known, "`, `")),
    }
}

/// A JSON value as serde names it in an error ("integer `1`", "a sequence").
pub(crate) fn unexpected(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean `{b}`"),
        // A float as its JSON text (serde_json writes its shortest form: `1e2` as `100.0`).
        Value::Number(n) if n.is_float() => format!("floating point `{n}`"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {}", quoted(s)),
        Value::Array(_) => "sequence".to_string(),
        Value::Object(_) => "map".to_string(),
    }
}

/// `s` in double quotes as serde's `{s:?}` writes it, for every ASCII character (`"` and `\`
/// escaped, control characters as `\n` or `\u{1b}`); other characters as they are, where
/// `{:?}` would escape the invisible ones with Unicode's tables (2 KB of the module, for an
/// error text).
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_ascii_control() => {
                // As `{:x}` writes it: no leading zero ('\0' is written above).
                out.push_str("\\u{");
                out.push_str(crate::text::hex(&[c as u8], false, "").trim_start_chars(&['0']));
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An object whose fields are being read; see `#[derive(FromJson)]`.
pub struct Object(Map);

impl Object {
    /// `value` as an object; anything else is refused as not "a map".
    pub fn new(value: Value) -> Result<Object, Error> {
        match value {
            Value::Object(fields) => Ok(Object(fields)),
            other => Err(Error::invalid_type(&other, "a map")),
        }
    }

    /// The field `name`, taken out of the object; `None` when it is not there and may be
    /// missing (`optional`), refused when it may not.
    fn take(&mut self, name: &'static str, optional: bool) -> Result<Option<Value>, Error> {
        match self.0.remove(name) {
            None if !optional => Err(Error::missing(name)),
            value => Ok(value),
        }
    }

    /// The field `name` read into `slot`, which holds the field's default (the reader made the
    /// value from defaults): a field that may be missing (`optional`: `#[serde(default)]`; or an
    /// `Option`) and is not there leaves it so; one that may not is refused.
    pub fn read<T: FromJson>(&mut self, name: &'static str, slot: &mut T, optional: bool) -> Result<(), Error> {
        if let Some(value) = self.take(name, optional || T::OPTIONAL)? {
            T::read_into(value, slot)?;
        }
        Ok(())
    }

    /// An internally tagged enum's tag, taken out of the object: the index of its variant
    /// among `names`.
    pub fn tag(&mut self, tag: &'static str, names: &[&str]) -> Result<usize, Error> {
        match self.0.remove(tag) {
            Some(value) => variant(value, names),
            None => Err(Error::missing(tag)),
        }
    }

    /// Refuses a field left over (`#[serde(deny_unknown_fields)]`), by its name alone (see the
    /// module's comment): each variant of `Message` held the list of its fields for the text.
    pub fn deny_unknown(&self) -> Result<(), Error> {
        match self.0.keys().next() {
            None => Ok(()),
            Some(name) => Err(Error::text(format!("unknown field `{name}`"))),
        }
    }
}

/// A variant's name, a JSON string: its index among `names`.
pub fn variant(value: Value, names: &[&str]) -> Result<usize, Error> {
    match value {
        Value::String(name) => names
            .iter()
            .position(|known| *known == name)
            .ok_or_else(|| Error::unknown_variant(&name, names)),
        other => Err(Error::invalid_type(&other, "a string")),
    }
}

impl FromJson for Value {
    fn from_json(value: Value) -> Result<Self, Error> {
        Ok(value)
    }
}

/// A field of serde_json's own `Value` in a test type (read as ours, converted).
#[cfg(test)]
impl FromJson for serde_json::Value {
    fn from_json(value: Value) -> Result<Self, Error> {
        Ok(value.into())
    }
}

impl FromJson for String {
    fn from_json(value: Value) -> Result<Self, Error> {
        match value {
            Value::String(s) => Ok(s),
            other => Err(Error::invalid_type(&other, "a string")),
        }
    }
}

impl FromJson for std::borrow::Cow<'static, str> {
    fn from_json(value: Value) -> Result<Self, Error> {
        String::from_json(value).map(Self::Owned)
    }
}

impl FromJson for bool {
    fn from_json(value: Value) -> Result<Self, Error> {
        match value {
            Value::Bool(b) => Ok(b),
            other => Err(Error::invalid_type(&other, "a boolean")),
        }
    }
}

/// A JSON integer that fits `T` (named `what` in errors, as serde does: "u32").
fn integer<T: TryFrom<u64> + TryFrom<i64>>(value: Value, what: &str) -> Result<T, Error> {
    let fitted = match &value {
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => T::try_from(u).ok(),
            (_, Some(i)) => T::try_from(i).ok(),
            _ => return Err(Error::invalid_type(&value, what)),
        },
        other => return Err(Error::invalid_type(other, what)),
    };
    fitted.ok_or_else(|| Error::text(format!("invalid value: {}, expected {what}", unexpected(&value))))
}

macro_rules! integers {
    ($($t:ty)*) => {$(
        impl FromJson for $t {
            fn from_json(value: Value) -> Result<Self, Error> {
                integer(value, stringify!($t))
            }
        }
    )*};
}
integers!(u8 u16 u32 u64 usize i32 i64);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: Value) -> Result<Self, Error> {
        match value {
            Value::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }

    fn read_into(value: Value, slot: &mut Self) -> Result<(), Error> {
        match value {
            Value::Null => *slot = None,
            other => T::read_some_into(other, slot)?,
        }
        Ok(())
    }

    const OPTIONAL: bool = true;
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(value: Value) -> Result<Self, Error> {
        T::from_json(value).map(Box::new)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Value) -> Result<Self, Error> {
        let mut out = Vec::new();
        Self::read_into(value, &mut out)?;
        Ok(out)
    }

    /// Appends to `slot`, which holds the default, an empty list (as `read_into` says). The
    /// walk over the array is `each`'s, compiled once; only reading and pushing one item is
    /// compiled per element type (about 27 of them).
    fn read_into(value: Value, slot: &mut Self) -> Result<(), Error> {
        debug_assert!(slot.is_empty());
        each(value, &mut |item| T::read_pushed(item, slot))
    }
}

/// Calls `read` on each item of an array; anything else is refused as not a sequence.
fn each(value: Value, read: &mut dyn FnMut(Value) -> Result<(), Error>) -> Result<(), Error> {
    match value {
        Value::Array(items) => items.into_iter().try_for_each(read),
        other => Err(Error::invalid_type(&other, "a sequence")),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::{from_value, FromJson};

    #[derive(Debug, PartialEq, Default, FromJson, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Form {
        tab_id: u32,
        name: Option<String>,
        #[serde(default)]
        tags: Vec<String>,
        kind: Kind,
        extra: Option<Value>,
        #[serde(rename = "ZZ", default)]
        renamed: bool,
    }

    #[derive(Debug, PartialEq, Default, FromJson, serde::Deserialize)]
    #[serde(rename_all = "camelCase", default)]
    struct Defaults {
        at_ms: u64,
        label: String,
        level: Option<u8>,
        #[serde(skip)]
        kept: u8,
    }

    #[derive(Debug, PartialEq, Default, FromJson, serde::Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        #[default]
        Plain,
        WithText,
    }

    #[derive(Debug, PartialEq, FromJson, serde::Deserialize)]
    #[serde(tag = "type", rename_all_fields = "camelCase", deny_unknown_fields)]
    enum Tagged {
        Seen {
            tab_id: u32,
            #[serde(default)]
            frame_id: Option<i64>,
        },
        Empty {},
        Bare,
    }

    #[derive(Debug, PartialEq, Default, FromJson, serde::Deserialize)]
    struct Generic<T> {
        value: T,
    }

    /// Structs read in place: as a field, in an `Option`, in a list.
    #[derive(Debug, PartialEq, Default, FromJson, serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Nested {
        inner: Defaults,
        maybe: Option<Form>,
        #[serde(default)]
        items: Vec<Form>,
        boxed: Option<Box<Generic<u8>>>,
    }

    /// The same answer as serde_json's own `from_value` (values equal, errors both there).
    /// The texts are compared where serde's are fixed words, below.
    fn same<T: FromJson + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(value: Value) {
        let ours = from_value::<T>(value.clone()).ok();
        let theirs = serde_json::from_value::<T>(value.clone()).ok();
        assert_eq!(ours, theirs, "{value}");
    }

    #[test]
    fn reads_what_serde_reads() {
        for v in [
            json!(7),
            json!(-7),
            json!(1.5),
            json!(4294967296u64),
            json!("7"),
            json!(null),
            json!([7]),
        ] {
            same::<u32>(v.clone());
            same::<u8>(v.clone());
            same::<i64>(v.clone());
            same::<String>(v.clone());
            same::<Option<u8>>(v.clone());
            same::<bool>(v.clone());
            same::<Vec<u32>>(v.clone());
            same::<Value>(v);
        }
        for v in [
            json!({"tabId": 1, "kind": "plain"}),
            json!({"tabId": 1, "name": "n", "tags": ["a", "b"], "kind": "with-text", "extra": {"x": [1, null]}}),
            json!({"tabId": 1, "kind": "plain", "ZZ": true}),
            json!({"tabId": 1, "kind": "plain", "renamed": true}),
            json!({"tabId": 1, "kind": "nope"}),
            json!({"tabId": 1, "kind": 3}),
            json!({"tabId": "1", "kind": "plain"}),
            json!({"tabId": 1, "kind": "plain", "other": 1}),
            json!({"kind": "plain"}),
            json!({"tabId": 1, "tags": "a", "kind": "plain"}),
            json!({"tabId": 1, "name": null, "kind": "plain"}),
            json!("text"),
        ] {
            same::<Form>(v);
        }
        for v in [
            json!({}),
            json!({"atMs": 5, "label": "x", "level": null, "kept": 3}),
            json!({"label": 1}),
            json!(null),
        ] {
            same::<Defaults>(v);
        }
        for v in [
            json!({"type": "Seen", "tabId": 3}),
            json!({"type": "Seen", "tabId": 3, "frameId": -1}),
            json!({"type": "Seen"}),
            json!({"type": "Seen", "tabId": 3, "extra": 1}),
            json!({"type": "Empty"}),
            json!({"type": "Bare"}),
            json!({"type": "Nope"}),
            json!({"type": 1}),
            json!({"tabId": 3}),
            json!("Seen"),
        ] {
            same::<Tagged>(v);
        }
        same::<Generic<String>>(json!({"value": "x"}));
        same::<Generic<Option<u32>>>(json!({}));
    }

    #[test]
    fn reads_structs_in_place_as_serde_reads_them() {
        let form = json!({"tabId": 1, "name": "n", "tags": ["a"], "kind": "with-text", "ZZ": true});
        let good = [
            json!({"inner": {}, "maybe": null}),
            json!({"inner": {"atMs": 5, "label": "x"}, "maybe": form, "items": [form, {"tabId": 2, "kind": "plain"}]}),
            json!({"inner": {"level": 3}, "items": [], "boxed": {"value": 9}}),
        ];
        for v in good {
            let ours = from_value::<Nested>(v.clone()).expect("read");
            assert_eq!(
                Some(&ours),
                serde_json::from_value::<Nested>(v.clone()).ok().as_ref(),
                "{v}"
            );
            // Each item of the list read into its own default, not the one before it.
            let mut list = from_value::<Vec<Nested>>(json!([v, {"inner": {}}])).expect("list");
            assert_eq!(
                list.pop(),
                Some(from_value::<Nested>(json!({"inner": {}})).expect("one"))
            );
            assert_eq!(list, vec![ours]);
        }
        // A nested struct's error is serde's.
        for v in [
            json!({"inner": {"label": 1}}),
            json!({"inner": {}, "maybe": {"kind": "plain"}}),
            json!({"inner": {}, "items": [form, {"tabId": "2", "kind": "plain"}]}),
            json!({"inner": {}, "boxed": {"value": -1}}),
        ] {
            let ours = from_value::<Nested>(v.clone()).expect_err("refused").to_string();
            let theirs = serde_json::from_value::<Nested>(v.clone())
                .expect_err("refused")
                .to_string();
            assert_eq!(ours, theirs, "{v}");
        }
        // serde names the struct ("expected struct Form"); ours the JSON it wants.
        assert_eq!(
            from_value::<Nested>(json!({"inner": {}, "maybe": 3}))
                .unwrap_err()
                .to_string(),
            "invalid type: integer `3`, expected a map"
        );
    }

    #[test]
    fn quotes_ascii_as_debug_does() {
        let all: String = (0u8..128).map(char::from).collect();
        assert_eq!(super::quoted(&all), format!("{all:?}"));
        assert_eq!(super::quoted("Mandant é"), "\"Mandant é\"");
    }

    #[test]
    fn says_what_is_wrong_in_serdes_words() {
        let err = |v: Value| from_value::<Form>(v).unwrap_err().to_string();
        assert_eq!(err(json!({"kind": "plain"})), "missing field `tabId`");
        assert_eq!(
            err(json!({"tabId": "1", "kind": "plain"})),
            "invalid type: string \"1\", expected u32"
        );
        assert_eq!(
            err(json!({"tabId": -1, "kind": "plain"})),
            "invalid value: integer `-1`, expected u32"
        );
        assert_eq!(
            err(json!({"tabId": 1.5, "kind": "plain"})),
            "invalid type: floating point `1.5`, expected u32"
        );
        assert_eq!(
            err(json!({"tabId": 1, "kind": "nope"})),
            "unknown variant `nope`, expected `plain` or `with-text`"
        );
        // serde also reads a struct from an array of its fields in order; no caller sends one.
        assert_eq!(
            err(json!([1, null, [], "plain", null])),
            "invalid type: sequence, expected a map"
        );
        assert_eq!(
            err(json!({"tabId": 1, "kind": "plain", "other": 1})),
            "unknown field `other`"
        );
        let tagged = |v: Value| from_value::<Tagged>(v).unwrap_err().to_string();
        assert_eq!(tagged(json!({"tabId": 1})), "missing field `type`");
        assert_eq!(
            tagged(json!({"type": 1})),
            "invalid type: integer `1`, expected a string"
        );
        assert_eq!(tagged(json!("Seen")), "invalid type: string \"Seen\", expected a map");
        assert_eq!(
            tagged(json!({"type": "Seen", "tabId": 3, "extra": 1})),
            "unknown field `extra`"
        );
        assert_eq!(tagged(json!({"type": "Empty", "extra": 1})), "unknown field `extra`");
    }
}
