//! `#[derive(FromJson)]` and `#[derive(ToJson)]`: IMS Link's readers and writers of its types
//! as JSON (`src/from_json.rs`, `src/to_json.rs`).
//!
//! They read and write the same JSON as serde's derives would, from the same `#[serde(...)]`
//! attributes, but generate one straight-line function per type: take each field out of the
//! object by name and read it with the field type's `FromJson`, in place (a struct starts as
//! its `Default`, a variant with each field's: every type a read value holds has one); append
//! `"key":` (the reader's own literal, between quotes) and the field's JSON. serde's derives
//! generate visitors, field matchers and map loops per type, monomorphised per
//! (de)serializer: measured, most of the shipped wasm's JSON code (issue 17).
//!
//! Supported, because IMS Link uses them (anything else is a compile error, not a silent
//! difference): structs with named fields (generic ones too); enums of unit variants (a
//! string); internally tagged enums (`tag = "..."`) of unit, struct or (written only) one-struct
//! variants; written only, `untagged` enums of one-value variants. Container attributes
//! `rename_all`, `rename_all_fields`, `default`, `deny_unknown_fields`, `tag`, `from` (read),
//! `untagged` (written); field attributes `rename`, `default`, `skip`, `skip_serializing_if`
//! and `flatten` (written; read only through `from`).

#![forbid(unsafe_code)]

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Fields, Ident, LitStr};

#[proc_macro_derive(FromJson, attributes(serde))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// The `#[serde(...)]` attributes this reader honours, on a type, a variant or a field.
#[derive(Default)]
struct Attrs {
    rename: Option<String>,
    rename_all: Option<String>,
    rename_all_fields: Option<String>,
    tag: Option<String>,
    from: Option<syn::Type>,
    default: bool,
    skip: bool,
    deny_unknown_fields: bool,
    skip_serializing_if: Option<syn::ExprPath>,
    flatten: bool,
    untagged: bool,
}

fn attrs(list: &[syn::Attribute]) -> syn::Result<Attrs> {
    let mut out = Attrs::default();
    for attr in list.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let string = |meta: &syn::meta::ParseNestedMeta| -> syn::Result<String> {
                Ok(meta.value()?.parse::<LitStr>()?.value())
            };
            let name = meta.path.get_ident().map(Ident::to_string).unwrap_or_default();
            match name.as_str() {
                "rename" => out.rename = Some(string(&meta)?),
                "rename_all" => out.rename_all = Some(string(&meta)?),
                "rename_all_fields" => out.rename_all_fields = Some(string(&meta)?),
                "tag" => out.tag = Some(string(&meta)?),
                "from" => out.from = Some(syn::parse_str(&string(&meta)?)?),
                "deny_unknown_fields" => out.deny_unknown_fields = true,
                "skip" => out.skip = true,
                "default" => {
                    if meta.input.peek(syn::Token![=]) {
                        return Err(meta.error("FromJson: only a bare `default` is supported"));
                    }
                    out.default = true;
                }
                "skip_serializing_if" => out.skip_serializing_if = Some(syn::parse_str(&string(&meta)?)?),
                "flatten" => out.flatten = true,
                "untagged" => out.untagged = true,
                _ => return Err(meta.error(format!("FromJson does not support `serde({name})`"))),
            }
            Ok(())
        })?;
    }
    Ok(out)
}

/// serde's `rename_all` rules, for a field (`snake_case`) or a variant (`PascalCase`).
fn renamed(ident: &str, rule: Option<&str>, variant: bool) -> syn::Result<String> {
    let snake = if variant {
        let mut s = String::new();
        for (i, c) in ident.chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                s.push('_');
            }
            s.push(c.to_ascii_lowercase());
        }
        s
    } else {
        ident.to_string()
    };
    Ok(match rule {
        None => ident.to_string(),
        Some("lowercase") => {
            if variant {
                ident.to_ascii_lowercase()
            } else {
                ident.to_string()
            }
        }
        Some("snake_case") => snake,
        Some("kebab-case") => snake.replace('_', "-"),
        Some("camelCase") => {
            let mut s = String::new();
            let mut upper = false;
            for (i, c) in snake.chars().enumerate() {
                if c == '_' {
                    upper = true;
                } else if upper {
                    s.push(c.to_ascii_uppercase());
                    upper = false;
                } else if i == 0 {
                    s.push(c.to_ascii_lowercase());
                } else {
                    s.push(c);
                }
            }
            s
        }
        Some(other) => {
            return Err(syn::Error::new(
                Span::call_site(),
                format!("FromJson: rename rule {other:?} not supported"),
            ))
        }
    })
}

/// The type's generics, each type parameter bound by the derived trait (`Sourced<T>`).
fn bounded(input: &DeriveInput, bound: syn::TypeParamBound) -> syn::Generics {
    let mut generics = input.generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(bound.clone());
    }
    generics
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let top = attrs(&input.attrs)?;
    let name = &input.ident;
    // A struct is read into its `Default` (see `struct_fields`), so a generic one's parameters
    // have one too.
    let mut generics = bounded(input, syn::parse_quote!(crate::from_json::FromJson));
    if matches!(input.data, Data::Struct(_)) && top.from.is_none() {
        for param in generics.type_params_mut() {
            param.bounds.push(syn::parse_quote!(::core::default::Default));
        }
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();

    let (body, in_place) = if let Some(from) = &top.from {
        let body = quote! { <#from as crate::from_json::FromJson>::from_json(value).map(::core::convert::Into::into) };
        (body, quote!())
    } else {
        match &input.data {
            Data::Struct(data) => struct_readers(name, data, &top)?,
            Data::Enum(data) => (enum_body(name, data, &top)?, quote!()),
            Data::Union(_) => return Err(syn::Error::new_spanned(name, "FromJson: unions are not read")),
        }
    };
    // `allow`: an enum of one variant reads it with an `if let` that always matches.
    Ok(quote! {
        impl #impl_generics crate::from_json::FromJson for #name #ty_generics #where_clause {
            #[allow(irrefutable_let_patterns)]
            fn from_json(value: crate::json_value::Value) -> ::core::result::Result<Self, crate::from_json::Error> {
                #body
            }
            #in_place
        }
    })
}

/// A struct's `from_json` body and its readers in place (`FromJson::read_into`,
/// `read_some_into`, `read_pushed`): its fields are read into a value its `Default` made
/// where the value is to be held, the field's slot, the `Option` or the list, so that no
/// struct read is moved there afterwards. Each move was a copy, field by field, in every
/// reader of a struct field, an `Option` or a list of structs (`Object::read`): 12.2 KB of the
/// module, 2.4 KB gzipped (issue 17).
fn struct_readers(name: &Ident, data: &syn::DataStruct, top: &Attrs) -> syn::Result<(Tokens, Tokens)> {
    let Fields::Named(fields) = &data.fields else {
        return Err(syn::Error::new_spanned(
            name,
            "FromJson: only structs with named fields",
        ));
    };
    let read = struct_fields(
        quote!(Self),
        fields,
        top.rename_all.as_deref(),
        top.default,
        top.deny_unknown_fields,
        false,
    )?;
    let body = quote! {
        let mut out = <Self as ::core::default::Default>::default();
        <Self as crate::from_json::FromJson>::read_into(value, &mut out)?;
        Ok(out)
    };
    let in_place = quote! {
        fn read_into(value: crate::json_value::Value, out: &mut Self) -> ::core::result::Result<(), crate::from_json::Error> {
            let mut object = crate::from_json::Object::new(value)?;
            #read
        }
        fn read_some_into(
            value: crate::json_value::Value,
            slot: &mut ::core::option::Option<Self>,
        ) -> ::core::result::Result<(), crate::from_json::Error> {
            let out = slot.insert(<Self as ::core::default::Default>::default());
            <Self as crate::from_json::FromJson>::read_into(value, out)
        }
        fn read_pushed(
            value: crate::json_value::Value,
            items: &mut ::std::vec::Vec<Self>,
        ) -> ::core::result::Result<(), crate::from_json::Error> {
            // The item just pushed (`Vec::push_mut` would say so, but is newer than the
            // crate's rust-version, 1.87).
            items.push(<Self as ::core::default::Default>::default());
            match items.last_mut() {
                Some(out) => <Self as crate::from_json::FromJson>::read_into(value, out),
                None => Ok(()),
            }
        }
    };
    Ok((body, in_place))
}

/// A named field, its attributes and its JSON key (`rename`, else the `rename_all` rule).
fn field_key<'a>(field: &'a syn::Field, rule: Option<&str>) -> syn::Result<(&'a Ident, Attrs, String)> {
    let a = attrs(&field.attrs)?;
    let ident = field
        .ident
        .as_ref()
        .ok_or_else(|| syn::Error::new_spanned(field, "unnamed field"))?;
    let key = match &a.rename {
        Some(key) => key.clone(),
        None => renamed(&ident.to_string(), rule, false)?,
    };
    Ok((ident, a, key))
}

/// Reads the named fields out of `object`: a struct's into the `out` its reader was given
/// (`Ok(())`), a variant's (`variant`) into `path { ... }`, which it returns.
///
/// The value is made first and each field read into it in place (`Object::read`): a struct
/// starts as its type's `Default` (`struct_readers`), a variant with each field's. Every
/// field's error then leaves the same value to drop, so the compiler writes that way out once.
/// Read into the constructor instead, each field's error dropped the fields read before it, a
/// way out of its own (measured: 8.7 KB of the module, 1.8 KB gzipped). Fields read into
/// locals started from their `Default`, or a variant's into a struct of its own, came out
/// larger gzipped.
fn struct_fields(
    path: Tokens,
    fields: &syn::FieldsNamed,
    rule: Option<&str>,
    container_default: bool,
    deny: bool,
    variant: bool,
) -> syn::Result<Tokens> {
    let mut idents = Vec::new();
    let mut read_idents = Vec::new();
    let mut sets = Vec::new();
    for field in &fields.named {
        let (ident, a, key) = field_key(field, rule)?;
        idents.push(ident);
        if a.skip {
            continue;
        }
        read_idents.push(ident);
        if a.flatten {
            return Err(syn::Error::new_spanned(
                field,
                "FromJson: `flatten` is read only through `from`",
            ));
        }
        let optional = container_default || a.default;
        let slot = if variant {
            quote!(#ident)
        } else {
            quote!(&mut out.#ident)
        };
        sets.push(quote!(object.read(#key, #slot, #optional)?;));
    }
    let finish = if deny {
        quote!(object.deny_unknown()?;)
    } else {
        quote!()
    };
    let read = if variant {
        quote! {
            let mut out = #path { #(#idents: ::core::default::Default::default()),* };
            if let #path { #(#read_idents,)* .. } = &mut out {
                #(#sets)*
            }
        }
    } else {
        quote! {
            #(#sets)*
        }
    };
    let done = if variant { quote!(Ok(out)) } else { quote!(Ok(())) };
    Ok(quote! {
        #read
        #finish
        #done
    })
}

fn enum_body(name: &Ident, data: &syn::DataEnum, top: &Attrs) -> syn::Result<Tokens> {
    if top.untagged {
        return Err(syn::Error::new_spanned(
            name,
            "FromJson: untagged enums are read by hand",
        ));
    }
    let mut names = Vec::new();
    let mut arms = Vec::new();
    for variant in &data.variants {
        let a = attrs(&variant.attrs)?;
        let ident = &variant.ident;
        let key = match a.rename {
            Some(key) => key,
            None => renamed(&ident.to_string(), top.rename_all.as_deref(), true)?,
        };
        names.push(key);
        let read = match (&variant.fields, &top.tag) {
            (Fields::Unit, _) => quote!(Ok(Self::#ident)),
            (Fields::Named(fields), Some(_)) => struct_fields(
                quote!(Self::#ident),
                fields,
                top.rename_all_fields.as_deref(),
                false,
                top.deny_unknown_fields,
                true,
            )?,
            _ => {
                return Err(syn::Error::new_spanned(
                    variant,
                    "FromJson: only unit variants, or struct variants of a `tag`ged enum",
                ))
            }
        };
        arms.push(read);
    }
    // The name's index among `names` picks the arm: one shared search and error rather than a
    // string match per enum; the last arm takes `_`, as the index is always below its count.
    let Some(last) = arms.pop() else {
        return Err(syn::Error::new_spanned(name, "FromJson: an enum without variants"));
    };
    let arms = arms.iter().enumerate().map(|(i, read)| quote!(#i => { #read }));
    Ok(match &top.tag {
        Some(tag) => {
            quote! {
                let mut object = crate::from_json::Object::new(value)?;
                match object.tag(#tag, &[#(#names),*])? {
                    #(#arms)*
                    _ => { #last }
                }
            }
        }
        None => quote! {
            match crate::from_json::variant(value, &[#(#names),*])? {
                #(#arms)*
                _ => { #last }
            }
        },
    })
}

#[proc_macro_derive(ToJson, attributes(serde))]
pub fn derive_to_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand_to_json(&input) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// A key or variant name is written between quotes as it is (`to_json::key`, `name`): the same
/// literal as the reader's, so the module holds each name once.
fn plain(text: &str, at: &dyn quote::ToTokens) -> syn::Result<()> {
    if text.contains(['"', '\\']) || text.chars().any(char::is_control) {
        return Err(syn::Error::new_spanned(at, "ToJson: a key or name that needs escaping"));
    }
    Ok(())
}

/// Writes each named field of `fields`, bound to `bind(ident)`, into `out`.
fn write_fields(fields: &syn::FieldsNamed, rule: Option<&str>, bind: &dyn Fn(&Ident) -> Tokens) -> syn::Result<Tokens> {
    let mut writes = Vec::new();
    for field in &fields.named {
        let (ident, a, key) = field_key(field, rule)?;
        if a.skip {
            continue;
        }
        let value = bind(ident);
        if a.flatten {
            writes.push(quote!(crate::to_json::ToJsonFields::write_fields(#value, out);));
            continue;
        }
        plain(&key, field)?;
        let write = quote! {
            crate::to_json::key(out, #key);
            crate::to_json::ToJson::write_json(#value, out);
        };
        writes.push(match a.skip_serializing_if {
            Some(skip) => quote!(if !#skip(#value) { #write }),
            None => write,
        });
    }
    Ok(quote!(#(#writes)*))
}

fn expand_to_json(input: &DeriveInput) -> syn::Result<Tokens> {
    let top = attrs(&input.attrs)?;
    let name = &input.ident;
    let generics = bounded(input, syn::parse_quote!(crate::to_json::ToJson));
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    match &input.data {
        Data::Struct(data) => {
            let Fields::Named(fields) = &data.fields else {
                return Err(syn::Error::new_spanned(name, "ToJson: only structs with named fields"));
            };
            let writes = write_fields(fields, top.rename_all.as_deref(), &|ident| quote!(&self.#ident))?;
            Ok(quote! {
                impl #impl_generics crate::to_json::ToJsonFields for #name #ty_generics #where_clause {
                    fn write_fields(&self, out: &mut ::std::string::String) {
                        #writes
                    }
                }
                impl #impl_generics crate::to_json::ToJson for #name #ty_generics #where_clause {
                    fn write_json(&self, out: &mut ::std::string::String) {
                        out.push('{');
                        crate::to_json::ToJsonFields::write_fields(self, out);
                        out.push('}');
                    }
                }
            })
        }
        Data::Enum(data) => {
            let mut arms = Vec::new();
            for variant in &data.variants {
                let a = attrs(&variant.attrs)?;
                let ident = &variant.ident;
                let vname = match a.rename {
                    Some(n) => n,
                    None => renamed(&ident.to_string(), top.rename_all.as_deref(), true)?,
                };
                let arm = match (&variant.fields, &top.tag, top.untagged) {
                    (Fields::Unnamed(f), None, true) if f.unnamed.len() == 1 => {
                        quote!(Self::#ident(inner) => crate::to_json::ToJson::write_json(inner, out),)
                    }
                    (_, _, true) => {
                        return Err(syn::Error::new_spanned(
                            variant,
                            "ToJson: untagged variants hold one value",
                        ))
                    }
                    (Fields::Unit, None, false) => {
                        plain(&vname, variant)?;
                        quote!(Self::#ident => crate::to_json::name(out, #vname),)
                    }
                    (fields, Some(tag), false) => {
                        plain(tag, variant)?;
                        plain(&vname, variant)?;
                        let (pattern, body) = match fields {
                            Fields::Unit => (quote!(Self::#ident), quote!()),
                            Fields::Unnamed(f) if f.unnamed.len() == 1 => (
                                quote!(Self::#ident(inner)),
                                quote!(crate::to_json::ToJsonFields::write_fields(inner, out);),
                            ),
                            Fields::Named(named) => {
                                // The fields written (a `skip`ped one is not bound).
                                let mut idents = Vec::new();
                                for f in &named.named {
                                    if !attrs(&f.attrs)?.skip {
                                        idents.extend(f.ident.as_ref());
                                    }
                                }
                                let binds: Vec<Ident> = idents
                                    .iter()
                                    .map(|i| Ident::new(&format!("field_{i}"), i.span()))
                                    .collect();
                                let writes = write_fields(named, top.rename_all_fields.as_deref(), &|i| {
                                    let b = Ident::new(&format!("field_{i}"), i.span());
                                    quote!(#b)
                                })?;
                                (quote!(Self::#ident { #(#idents: #binds,)* .. }), writes)
                            }
                            _ => {
                                return Err(syn::Error::new_spanned(
                                    variant,
                                    "ToJson: a tagged variant holds fields or one struct",
                                ))
                            }
                        };
                        quote!(#pattern => {
                            crate::to_json::open_tagged(out, #tag, #vname);
                            #body
                            out.push('}');
                        })
                    }
                    _ => {
                        return Err(syn::Error::new_spanned(
                            variant,
                            "ToJson: only unit variants, `tag`ged enums and `untagged` newtype variants",
                        ))
                    }
                };
                arms.push(arm);
            }
            Ok(quote! {
                impl #impl_generics crate::to_json::ToJson for #name #ty_generics #where_clause {
                    fn write_json(&self, out: &mut ::std::string::String) {
                        match self {
                            #(#arms)*
                        }
                    }
                }
            })
        }
        Data::Union(_) => Err(syn::Error::new_spanned(name, "ToJson: unions are not written")),
    }
}
