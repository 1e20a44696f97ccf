//! Internally tagged enums (`{"type": "PageSeen", "url": ...}`) read without serde's buffering.
//!
//! serde reads `#[serde(tag = "...")]` by buffering the whole object in its private `Content`
//! and then reading the variant, and every type nested in it, from that buffer: a second copy
//! of the reading code of everything an event or message carries (plans, snapshots, reports),
//! beside the copy that reads the same types from JSON elsewhere. Measured on the shipped
//! module: 37 KB gzipped of 368 KB. `tagged_enum!` keeps the enum's source and its JSON shape
//! and reads it in two steps instead: take the tag out of the object, then read the rest as
//! the same variant of an externally tagged twin, which serde reads straight from the
//! `serde_json::Value` (with `from_json`, like every input of the core).
//!
//! Writing to JSON is serde's own `#[serde(tag = ...)]`, which buffers nothing.
//!
//! Use: the enum inside `tagged_enum! { tag = "type"; ... }`, with its other derives and serde
//! attributes as usual but without deriving `Serialize`/`Deserialize` (the macro does), and
//! every variant written with braces (`GetKeyPair {}` for one without fields). A new variant
//! or field needs nothing else.

use serde_json::{Map, Value};

/// `{tag: "V", ...fields}` as `{"V": {...fields}}`, the externally tagged form serde reads
/// without buffering; the errors are serde's own words for an internally tagged enum.
pub(crate) fn external(value: Value, tag: &'static str, name: &'static str) -> Result<Value, serde_json::Error> {
    use serde::de::Error;
    let Value::Object(mut fields) = value else {
        let expected = format!("internally tagged enum {name}");
        return Err(Error::invalid_type(
            crate::from_json::unexpected(&value),
            &expected.as_str(),
        ));
    };
    let variant = match fields.remove(tag) {
        Some(Value::String(variant)) => variant,
        Some(other) => {
            return Err(Error::invalid_type(
                crate::from_json::unexpected(&other),
                &"variant identifier",
            ))
        }
        None => return Err(Error::missing_field(tag)),
    };
    let mut outer = Map::new();
    outer.insert(variant, Value::Object(fields));
    Ok(Value::Object(outer))
}

/// Declares an internally tagged enum whose `Deserialize` reads through [`external`]; see the
/// module's comment.
macro_rules! tagged_enum {
    // Written and read.
    (tag = $tag:literal; $($enum:tt)*) => {
        $crate::tagged::tagged_enum! { @emit [#[derive(serde::Serialize)] #[serde(tag = $tag)]] $tag; $($enum)* }
    };
    // Only read. Its serde attributes still need a serde derive to be valid; a remote derive
    // onto itself generates only an inherent function that nothing calls, which the linker
    // drops.
    (tag = $tag:literal, read_only; $($enum:tt)*) => {
        $crate::tagged::tagged_enum! { @emit [#[derive(serde::Deserialize)] #[serde(remote = "Self")]] $tag; $($enum)* }
    };
    (
        @emit [$($derive:tt)*] $tag:literal;
        $(#[$attr:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vattr:meta])*
                $variant:ident { $( $(#[$fattr:meta])* $field:ident : $fty:ty ),* $(,)? }
            ),* $(,)?
        }
    ) => {
        $($derive)*
        $(#[$attr])*
        $vis enum $name {
            $( $(#[$vattr])* $variant { $( $(#[$fattr])* $field : $fty ),* } ),*
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
                // The same variants and serde attributes, tagged the default (external) way.
                #[derive(serde::Deserialize)]
                $(#[$attr])*
                enum Twin {
                    $( $(#[$vattr])* $variant { $( $(#[$fattr])* $field : $fty ),* } ),*
                }
                let value = <serde_json::Value as serde::Deserialize>::deserialize(de)?;
                let twin = $crate::tagged::external(value, $tag, stringify!($name))
                    .and_then($crate::from_json::from_value::<Twin>)
                    .map_err(serde::de::Error::custom)?;
                Ok(match twin {
                    $( Twin::$variant { $($field),* } => $name::$variant { $($field),* } ),*
                })
            }
        }
    };
}
pub(crate) use tagged_enum;

#[cfg(test)]
mod tests {
    use crate::message::Message;
    use serde_json::json;

    fn read(value: serde_json::Value) -> Result<Message, String> {
        serde_json::from_value(value).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_the_internally_tagged_shape_and_writes_it_back() {
        let text = json!({"type": "FillForm", "tabId": 3, "confirm": ["a"], "anyway": true});
        let message = read(text).unwrap();
        assert_eq!(
            message,
            Message::FillForm {
                tab_id: 3,
                confirm: vec!["a".into()],
                allow_origin: None,
                anyway: true,
                preview: false
            }
        );
        assert_eq!(
            serde_json::to_value(&message).unwrap(),
            json!({"type": "FillForm", "tabId": 3, "confirm": ["a"], "allowOrigin": null, "anyway": true, "preview": false})
        );
        assert_eq!(
            read(json!({"tabId": 1, "type": "GetGuide"})).unwrap(),
            Message::GetGuide { tab_id: 1 }
        );
        assert_eq!(read(json!({"type": "GetProfile"})).unwrap(), Message::GetProfile {});
    }

    #[test]
    fn refuses_in_serdes_own_words() {
        assert_eq!(read(json!({"tabId": 1})).unwrap_err(), "missing field `type`");
        assert!(read(json!({"type": "Nope"}))
            .unwrap_err()
            .starts_with("unknown variant `Nope`, expected one of `PageSeen`, "));
        assert_eq!(
            read(json!({"type": "GetGuide", "tabId": 1, "extra": 2})).unwrap_err(),
            "unknown field `extra`, expected `tabId`"
        );
        assert_eq!(read(json!({"type": "GetGuide"})).unwrap_err(), "missing field `tabId`");
        assert_eq!(
            read(json!("GetGuide")).unwrap_err(),
            "invalid type: string \"GetGuide\", expected internally tagged enum Message"
        );
        assert_eq!(
            read(json!({"type": 1})).unwrap_err(),
            "invalid type: integer `1`, expected variant identifier"
        );
    }
}
