use proptest::prelude::*;
use serde_json::Value;

use super::parse;

/// The same value as serde_json's, or the same error text (words and position).
fn same(text: &str) {
    let ours = parse(text).map(Value::from).map_err(|e| e.to_string());
    let theirs = serde_json::from_str::<Value>(text).map_err(|e| e.to_string());
    assert_eq!(ours, theirs, "{text:?}");
    // The same kind of number, too (-0.0 == 0.0 does not tell a float from an integer zero).
    // And written back (`ToJson for Value`) byte for byte as serde_json writes it.
    if let (Ok(a), Ok(b)) = (&ours, &theirs) {
        let ours = crate::json_value::Value::from(a.clone());
        assert_eq!(crate::to_json::to_string(&ours), b.to_string(), "{text:?}");
    }
}

#[test]
fn reads_what_serde_json_reads() {
    for text in [
        "null",
        "true",
        "false",
        " \n\t\r 7 ",
        "0",
        "-0",
        "-0.0",
        "1.5",
        "-1.5e3",
        "2E+2",
        "5e-1",
        "18446744073709551615",
        "18446744073709551616",
        "184467440737095516150",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "1844674407370955161.5",
        "18446744073709551616.5",
        "0.12345678901234567890123",
        "1e22",
        "1e-22",
        "1.7976931348623157e308",
        "1e309",
        "0e999999999999",
        "1e-999999999999",
        "1e999999999999",
        "-1e-400",
        "[]",
        "{}",
        "[1,2,[3,{}]]",
        r#"{"a":1,"b":[true,null],"a":2}"#,
        r#""plain""#,
        r#""esc \" \\ \/ \b \f \n \r \t \u0001 \u001f \u007f""#,
        r#""\u00e9\u20AC\ud83d\ude00""#,
        r#""ü€😀 raw""#,
        "{\n  \"k\": \"v\"\n}",
        r#"{"iss":"X@AdobeOrg","exp":1700000000,"https://ims-na1.adobelogin.com/s/ent_analytics_bulk_ingest_sdk":true}"#,
    ] {
        same(text);
    }
}

#[test]
fn refuses_in_serde_jsons_words() {
    for text in [
        "",
        "   ",
        "nul",
        "nulx",
        "tru",
        "fals",
        "x",
        "-",
        "-x",
        "01",
        "-01",
        "1.",
        "1.x",
        "1e",
        "1e+",
        "1ex",
        ".5",
        "+1",
        "[",
        "[1",
        "[1,",
        "[1,]",
        "[1 2]",
        "[,1]",
        "{",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "{\"a\" 1}",
        "{\"a\":1,}",
        "{\"a\":1,",
        "{1:2}",
        "{\"a\":1 \"b\":2}",
        "{,}",
        "{\"a\":1,2}",
        "\"abc",
        "\"a\\",
        "\"a\\x\"",
        "\"\\u12\"",
        "\"\\u12",
        "\"\\uzzzz\"",
        "\"\\udc00\"",
        "\"\\ud800\"",
        "\"\\ud800x\"",
        "\"\\ud800\\n\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud800",
        "\"a\u{1}b\"",
        "1 2",
        "{} x",
        "[]]",
        "{\n  \"a\": 1\n  \"b\": 2\n}",
        "{\"iss\":",
        "\n\n  [1,\n  ",
        "1e400",
        "-1e400",
        "123456789012345678901234567890e300",
    ] {
        same(text);
    }
    // The nesting limit: 127 levels read, the 128th refused.
    same(&format!("{}{}", "[".repeat(127), "]".repeat(127)));
    same(&format!("{}{}", "[".repeat(128), "]".repeat(128)));
    same(&format!("{}1{}", "{\"a\":".repeat(130), "}".repeat(130)));
}

#[test]
fn the_error_says_where() {
    let err = parse("{\n  \"a\": 1\n  \"b\": 2\n}").unwrap_err();
    assert_eq!(err.to_string(), "expected `,` or `}` at line 3 column 3");
    assert_eq!(err.what(), "expected `,` or `}`");
}

/// Pieces of JSON, right and wrong, that random texts are made of.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    " ",
    "\n",
    "\"a\"",
    "\"k\"",
    "\"\\u00e9\"",
    "\"\\ud83d\\ude00\"",
    "\"\\ud83d\"",
    "\"",
    "\\",
    "1",
    "0",
    "-",
    ".",
    "e",
    "E",
    "+",
    "5",
    "-0",
    "0.5",
    "1e400",
    "99999999999999999999",
    "true",
    "nul",
    "false",
    "null",
    "\"é\"",
    "x",
    "\u{7}",
    "\"\\n\"",
];

proptest! {
    #[test]
    fn any_text_reads_as_serde_json_reads_it(pieces in proptest::collection::vec(0..PIECES.len(), 0..24)) {
        let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
        same(&text);
    }

    #[test]
    fn any_unicode_text_reads_as_serde_json_reads_it(text in any::<String>()) {
        same(&text);
        same(&format!("[\"{text}\"]"));
    }

    #[test]
    fn any_number_reads_as_serde_json_reads_it(
        sign in proptest::bool::ANY,
        int in "(0|[1-9][0-9]{0,24})",
        frac in proptest::option::of("[0-9]{1,24}"),
        exp in proptest::option::of(-22i32..=22),
    ) {
        let mut text = format!("{}{int}", if sign { "-" } else { "" });
        if let Some(f) = frac {
            text.push('.');
            text.push_str(&f);
        }
        if let Some(e) = exp {
            text.push_str(&format!("e{e}"));
        }
        same(&text);
    }
}

#[test]
fn a_float_is_written_back_as_it_was_read() {
    let text = "[1.50,-0,1E5,2e+2,18446744073709551616,-9223372036854775809,-1e-400,0e999999999999]";
    let value = parse(text).unwrap();
    assert_eq!(crate::to_json::to_string(&value), text);
    // Integers stay integers, written as serde_json writes them.
    assert_eq!(
        crate::to_json::to_string(&parse("[ -7 , 18446744073709551615 ]").unwrap()),
        "[-7,18446744073709551615]"
    );
}

#[test]
fn too_large_for_a_float_on_its_first_19_digits() {
    // 2^1024 - 2^970, the least that rounds to infinity, is 1.7976931348623158079...e308.
    // serde_json's two roundings refuse some numbers just below it ("1.7976931348623158e308",
    // though not "1.79769313486231580e308"); the browser's JSON.parse reads both as f64::MAX.
    for ok in [
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.79769313486231580e308",
        "-1.797693134862315807e308",
        "17976931348623158070000e286",
        "0.00017976931348623158e312",
    ] {
        assert!(parse(ok).is_ok(), "{ok}");
    }
    for refused in [
        "1.797693134862315808e308",
        "-1.7976931348623159e308",
        "179769313486231580800e288",
        "1e309",
    ] {
        assert_eq!(
            parse(refused).unwrap_err().to_string(),
            format!("number out of range at line 1 column {}", refused.len()),
            "{refused}"
        );
    }
}
