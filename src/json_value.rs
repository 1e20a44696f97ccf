//! A JSON value as the core holds one: what `json_text::parse` reads, what `FromJson` takes
//! apart and what `ToJson` writes for it.
//!
//! serde_json's `Value` with its own `Map`: the members of an object in a `Vec`, kept sorted
//! by key (as serde_json's `BTreeMap` keeps them, so objects are written in the same order).
//! Objects here hold a few keys; with the B-tree and serde_json's `Value` code gone the shipped
//! wasm is 12 KB smaller, 5.6 KB gzipped (measured, issue 17). Tests build values with
//! serde_json's `json!` and convert them (`From<serde_json::Value>`).

use std::fmt;

use crate::gather::Gather;

/// A JSON number. An integer that fits `u64` (`i64` when negative) is held as one, as
/// serde_json holds it; any other number (a fraction, an exponent, `-0`, an integer past 64
/// bits) as the text it was read from, which is what is written back. The core never
/// computes with such a number (no input of its has a float field), so the module needs no
/// float reader or writer: serde_json's `Number` brought `zmij`'s shortest float writer and
/// the reader a table of 10^0 to 10^308 (issue 17). The browser's `JSON.parse` reads the text
/// to the same value as it read the number before.
#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    /// An integer from 0 to `u64::MAX`.
    PosInt(u64),
    /// A negative integer from `i64::MIN`.
    NegInt(i64),
    /// Any other number, as its JSON text.
    Float(String),
}

impl Number {
    /// The number, if it is an integer of `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Number::PosInt(n) => Some(*n),
            Number::NegInt(_) | Number::Float(_) => None,
        }
    }

    /// The number, if it is an integer of `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Number::PosInt(n) => i64::try_from(*n).ok(),
            Number::NegInt(n) => Some(*n),
            Number::Float(_) => None,
        }
    }

    /// Whether it is held as its text (serde_json would hold it as an `f64`).
    pub fn is_float(&self) -> bool {
        matches!(self, Number::Float(_))
    }
}

impl From<u64> for Number {
    fn from(n: u64) -> Number {
        Number::PosInt(n)
    }
}

impl From<i64> for Number {
    fn from(n: i64) -> Number {
        match u64::try_from(n) {
            Ok(n) => Number::PosInt(n),
            Err(_) => Number::NegInt(n),
        }
    }
}

/// The number's JSON text.
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::PosInt(n) => n.fmt(f),
            // Its sign and the `u64` digits the module writes anyway (no `i64` formatter).
            Number::NegInt(n) => {
                f.write_str("-")?;
                n.unsigned_abs().fmt(f)
            }
            Number::Float(text) => f.write_str(text),
        }
    }
}

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number: an integer that fits `u64` or `i64`, else a float.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

/// An object's members, sorted by key, each key once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    /// An empty object.
    pub fn new() -> Map {
        Map(Vec::new())
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key).ok().and_then(|i| self.0.get(i)).map(|(_, v)| v)
    }

    /// Whether the object has `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`; the value it replaces, if any.
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        match self.find(&key) {
            Ok(i) => self.0.get_mut(i).map(|(_, v)| std::mem::replace(v, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// Takes `key` out; its value, if it was there.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// How many members.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The members, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.into_iter()
    }

    /// The members, by key, their values to change.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&String, &mut Value)> {
        self.0.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (String, Value)>, fn(&'a (String, Value)) -> (&'a String, &'a Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(members: I) -> Map {
        let mut map = Map::new();
        for (k, v) in members {
            map.insert(k, v);
        }
        map
    }
}

impl Value {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|m| m.get(key))
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A boolean's value.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A number that is an integer of `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    /// A number that is an integer of `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    /// An array's items.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// An array's items, to change.
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// An object's members.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// An object's members, to change.
    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Whether this is a string.
    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    /// Whether this is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Number(n.into())
    }
}

/// serde_json's values, as tests write them with `json!` (not called by the shipped module,
/// so not in it).
impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Number::PosInt(u),
                (_, Some(i)) => Number::NegInt(i),
                _ => Number::Float(n.to_string()),
            }),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(items) => Value::Array(items.into_iter().map(Value::from).gather()),
            serde_json::Value::Object(m) => Value::Object(m.into_iter().map(|(k, v)| (k, Value::from(v))).collect()),
        }
    }
}

/// Ours as serde_json's, for tests that compare with `json!`.
impl From<Value> for serde_json::Value {
    fn from(v: Value) -> serde_json::Value {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(b),
            // A float's text is JSON that `json_text` read; serde_json reads it to its value.
            Value::Number(n) => serde_json::from_str(&n.to_string()).unwrap_or(serde_json::Value::Null),
            Value::String(s) => serde_json::Value::String(s),
            Value::Array(items) => serde_json::Value::Array(items.into_iter().map(Into::into).gather()),
            Value::Object(m) => serde_json::Value::Object(m.into_iter().map(|(k, v)| (k, v.into())).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{Map, Value};

    #[test]
    fn a_number_shows_as_its_json_text() {
        for n in [0i64, -1, -42, i64::MIN] {
            assert_eq!(super::Number::from(n).to_string(), n.to_string());
        }
        assert_eq!(super::Number::from(u64::MAX).to_string(), u64::MAX.to_string());
    }

    #[test]
    fn an_object_keeps_its_keys_sorted_and_once() {
        let mut m = Map::new();
        for (k, n) in [("b", 1u64), ("a", 2), ("c", 3), ("a", 4)] {
            m.insert(k.to_string(), Value::from(n));
        }
        assert_eq!(m.keys().map(String::as_str).collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(m.get("a"), Some(&Value::from(4u64)));
        assert_eq!(m.remove("b"), Some(Value::from(1u64)));
        assert!(!m.contains_key("b"));
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn round_trips_serde_jsons_values() {
        let v = json!({"z": [1, -2, 1.5, null, true, "s"], "a": {"k": {}}});
        assert_eq!(serde_json::Value::from(Value::from(v.clone())), v);
    }
}
