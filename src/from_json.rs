//! Typed values read from a `serde_json::Value`: the one serde deserializer every input of the
//! core goes through (the wasm bridge's `api::read`, `message::parse`, `tagged_enum!`).
//!
//! It is serde_json's own `from_value` but for one thing: a struct is read only from a JSON
//! object. serde_json also accepts an array of the fields in order, so serde's derive gives
//! every struct a second reader for arrays, which the wasm kept although no caller ever sends
//! one (measured: 69 KB of the shipped module, 14 KB gzipped). Everything else reads as in
//! serde_json, with the same error texts: numbers, strings, options, sequences, maps (keys
//! as strings, or parsed as numbers for a numeric key type), enums as `"Variant"` or
//! `{"Variant": ...}`.

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Error as _, IntoDeserializer, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::{Error, Map, Value};

/// `T` read from `value`; see the module's comment.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, Error> {
    T::deserialize(Json(value))
}

/// A JSON value as serde names it in an error ("integer `1`", "a sequence").
pub(crate) fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (_, Some(i), _) => Unexpected::Signed(i),
            (_, _, Some(f)) => Unexpected::Float(f),
            _ => Unexpected::Other("number"),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

struct Json(Value);

/// The numeric `deserialize_*` methods named, each through the deserializer's own `number`
/// (one reading of a number, with serde_json's error texts).
macro_rules! through_number {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.number(visitor)
        })*
    };
}

impl Json {
    fn invalid_type(&self, expected: &dyn de::Expected) -> Error {
        Error::invalid_type(unexpected(&self.0), expected)
    }

    fn number<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.0 {
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (_, Some(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            _ => Err(self.invalid_type(&visitor)),
        }
    }
}

fn visit_array<'de, V: Visitor<'de>>(items: Vec<Value>, visitor: V) -> Result<V::Value, Error> {
    let len = items.len();
    let mut seq = Seq(items.into_iter());
    let value = visitor.visit_seq(&mut seq)?;
    if seq.0.len() == 0 {
        Ok(value)
    } else {
        Err(Error::invalid_length(len, &"fewer elements in array"))
    }
}

fn visit_object<'de, V: Visitor<'de>>(fields: Map<String, Value>, visitor: V) -> Result<V::Value, Error> {
    let len = fields.len();
    let mut map = Fields {
        iter: fields.into_iter(),
        value: None,
    };
    let value = visitor.visit_map(&mut map)?;
    if map.iter.len() == 0 {
        Ok(value)
    } else {
        Err(Error::invalid_length(len, &"fewer elements in map"))
    }
}

impl<'de> de::Deserializer<'de> for Json {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (_, Some(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => visit_array(items, visitor),
            Value::Object(fields) => visit_object(fields, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // Objects only: the point of this deserializer (see the module's comment).
        match self.0 {
            Value::Object(fields) => visit_object(fields, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let (variant, value) = match self.0 {
            Value::String(variant) => (variant, None),
            Value::Object(fields) => {
                let mut iter = fields.into_iter();
                let (Some((variant, value)), None) = (iter.next(), iter.next()) else {
                    return Err(Error::invalid_value(Unexpected::Map, &"map with a single key"));
                };
                (variant, Some(value))
            }
            other => return Err(Error::invalid_type(unexpected(&other), &"string or map")),
        };
        visitor.visit_enum(Variant { variant, value })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    // Each kind below reads only its own JSON type, as serde_json does: going through
    // `deserialize_any` would give every visitor (each `Vec<T>`, `String`, `u32`...) a copy of
    // the array and object readers it never uses.

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(items) => visit_array(items, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(fields) => visit_object(fields, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_string(s),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(b),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    through_number! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128 deserialize_u8
        deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64
    }

    // serde_json reads bytes from a string or an array of numbers.
    forward_to_deserialize_any! { bytes byte_buf }
}

struct Seq(std::vec::IntoIter<Value>);

impl<'de> SeqAccess<'de> for Seq {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|v| seed.deserialize(Json(v))).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Fields {
    iter: serde_json::map::IntoIter,
    value: Option<Value>,
}

impl<'de> MapAccess<'de> for Fields {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        match self.iter.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(Key(key)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(Json(value)),
            None => Err(Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct Variant {
    variant: String,
    value: Option<Value>,
}

impl<'de> de::EnumAccess<'de> for Variant {
    type Error = Error;
    type Variant = VariantValue;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, VariantValue), Error> {
        let variant = seed.deserialize(Key(self.variant))?;
        Ok((variant, VariantValue(self.value)))
    }
}

/// What follows a variant's name: nothing for `"Variant"`, the value for `{"Variant": value}`.
struct VariantValue(Option<Value>);

impl<'de> VariantAccess<'de> for VariantValue {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.0 {
            Some(value) => serde::Deserialize::deserialize(Json(value)),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        match self.0 {
            Some(value) => seed.deserialize(Json(value)),
            None => Err(Error::invalid_type(Unexpected::UnitVariant, &"newtype variant")),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Some(Value::Array(items)) => visit_array(items, visitor),
            Some(other) => Err(Error::invalid_type(unexpected(&other), &"tuple variant")),
            None => Err(Error::invalid_type(Unexpected::UnitVariant, &"tuple variant")),
        }
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Some(Value::Object(fields)) => visit_object(fields, visitor),
            Some(other) => Err(Error::invalid_type(unexpected(&other), &"struct variant")),
            None => Err(Error::invalid_type(Unexpected::UnitVariant, &"struct variant")),
        }
    }
}

/// An object's key, or an enum's variant name: a string, or a number for a numeric key type.
struct Key(String);

impl Key {
    fn number<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if let Ok(u) = self.0.parse::<u64>() {
            visitor.visit_u64(u)
        } else if let Ok(i) = self.0.parse::<i64>() {
            visitor.visit_i64(i)
        } else {
            Err(Error::custom("invalid value: expected key to be a number in quotes"))
        }
    }
}

impl<'de> de::Deserializer<'de> for Key {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_string(self.0)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        IntoDeserializer::<Error>::into_deserializer(self.0).deserialize_enum(name, variants, visitor)
    }

    through_number! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_u8 deserialize_u16
        deserialize_u32 deserialize_u64
    }

    forward_to_deserialize_any! {
        bool i128 u128 f32 f64 char str string bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::fmt::Debug;

    use serde::Deserialize;
    use serde_json::{json, Value};

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Form {
        tab_id: u32,
        name: Option<String>,
        #[serde(default)]
        tags: Vec<String>,
        kind: Kind,
        extra: Option<Value>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        Plain,
        WithText(String),
        WithFields { a: i64, b: f64 },
        Pair(u8, bool),
    }

    /// The same answer (value or error text) as serde_json's own `from_value`, but for the
    /// position serde_json names in a numeric key it parsed (`api::read` drops positions).
    fn same<T: serde::de::DeserializeOwned + PartialEq + Debug>(value: Value) {
        let ours = super::from_value::<T>(value.clone()).map_err(|e| e.to_string());
        let theirs = serde_json::from_value::<T>(value.clone()).map_err(|e| {
            let text = e.to_string();
            text.split(" at line ").next().unwrap_or_default().to_string()
        });
        assert_eq!(ours, theirs, "{value}");
    }

    #[test]
    fn reads_as_serde_json_does() {
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
            same::<i64>(v.clone());
            same::<f64>(v.clone());
            same::<String>(v.clone());
            same::<Option<u8>>(v.clone());
            same::<bool>(v.clone());
            same::<Vec<u32>>(v.clone());
            same::<(u32,)>(v.clone());
            same::<()>(v.clone());
            same::<Value>(v);
        }
        for v in [
            json!({"tabId": 1, "kind": "plain"}),
            json!({"tabId": 1, "name": "n", "tags": ["a", "b"], "kind": {"with-text": "t"}, "extra": {"x": [1, null]}}),
            json!({"tabId": 1, "kind": {"with-fields": {"a": -1, "b": 2}}}),
            json!({"tabId": 1, "kind": {"pair": [1, true]}}),
            json!({"tabId": 1, "kind": {"pair": [1, true, 3]}}),
            json!({"tabId": 1, "kind": {"plain": null}}),
            json!({"tabId": 1, "kind": {"plain": 1}}),
            json!({"tabId": 1, "kind": {"with-text": "t", "plain": null}}),
            json!({"tabId": 1, "kind": "nope"}),
            json!({"tabId": 1, "kind": 3}),
            json!({"tabId": 1, "kind": "with-text"}),
            json!({"tabId": "1", "kind": "plain"}),
            json!({"tabId": 1, "kind": "plain", "other": 1}),
            json!({"kind": "plain"}),
            json!({"tabId": 1, "tags": "a", "kind": "plain"}),
            json!("text"),
        ] {
            same::<Form>(v);
        }
        for v in [json!({"1": "a", "20": "b"}), json!({"x": "a"}), json!({"-1": "a"})] {
            same::<BTreeMap<String, String>>(v.clone());
            same::<BTreeMap<u32, String>>(v.clone());
            same::<serde_json::Map<String, Value>>(v);
        }
    }

    #[test]
    fn refuses_a_struct_written_as_an_array() {
        let err = super::from_value::<Form>(json!([1, null, [], "plain", null])).unwrap_err();
        assert_eq!(err.to_string(), "invalid type: sequence, expected struct Form");
    }
}
