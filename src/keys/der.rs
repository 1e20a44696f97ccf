//! Just enough DER to read keys and certificates and to write IMS Link's one certificate shape.
//!
//! Hand-written because the shipped wasm module carried the `der`/`x509-cert` builder and
//! decoders for every X.509 structure (about 180 KB of code) to read and write a handful of
//! fixed layouts. Strict DER only: definite minimal lengths, single-byte tags, nothing
//! left over; anything else is an error, never a panic.

use crate::calendar::{civil_from_days, days_from_civil};
use crate::gather::Gather;
use crate::text::join;

/// Universal and context tags used by keys and certificates.
pub(crate) mod tag {
    pub const BOOLEAN: u8 = 0x01;
    pub const INTEGER: u8 = 0x02;
    pub const BIT_STRING: u8 = 0x03;
    pub const OCTET_STRING: u8 = 0x04;
    pub const NULL: u8 = 0x05;
    pub const OID: u8 = 0x06;
    pub const UTF8_STRING: u8 = 0x0c;
    pub const PRINTABLE_STRING: u8 = 0x13;
    pub const TELETEX_STRING: u8 = 0x14;
    pub const IA5_STRING: u8 = 0x16;
    pub const UTC_TIME: u8 = 0x17;
    pub const GENERALIZED_TIME: u8 = 0x18;
    pub const SEQUENCE: u8 = 0x30;
    pub const SET: u8 = 0x31;
    /// `[0]` constructed (a certificate's version, PKCS#8 attributes).
    pub const CONTEXT_0: u8 = 0xa0;
    /// `[3]` constructed (a certificate's extensions).
    pub const CONTEXT_3: u8 = 0xa3;
}

/// Object identifiers as their DER content bytes.
pub(crate) mod oid {
    /// 1.2.840.113549.1.1.1
    pub const RSA_ENCRYPTION: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
    /// 1.2.840.113549.1.1.11
    pub const SHA256_WITH_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b];
    /// 2.5.4.3
    pub const COMMON_NAME: &[u8] = &[0x55, 0x04, 0x03];
    /// 2.5.4.10
    pub const ORGANIZATION: &[u8] = &[0x55, 0x04, 0x0a];
    /// 2.5.29.19
    pub const BASIC_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x13];
    /// 2.5.29.15
    pub const KEY_USAGE: &[u8] = &[0x55, 0x1d, 0x0f];
    /// 2.5.29.35
    pub const AUTHORITY_KEY_ID: &[u8] = &[0x55, 0x1d, 0x23];
    /// 2.5.29.14
    pub const SUBJECT_KEY_ID: &[u8] = &[0x55, 0x1d, 0x0e];
}

/// What is wrong with DER bytes, in words an error message can carry.
pub(crate) type DerError = &'static str;

/// One tag-length-value.
#[derive(Clone, Copy)]
pub(crate) struct Tlv<'a> {
    pub tag: u8,
    /// The content bytes.
    pub value: &'a [u8],
    /// Tag, length and content together.
    pub raw: &'a [u8],
}

/// Reads TLVs one after another from a byte slice.
pub(crate) struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { rest: bytes }
    }

    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    pub fn peek_tag(&self) -> Option<u8> {
        self.rest.first().copied()
    }

    /// The next TLV, whatever its tag.
    pub fn any(&mut self) -> Result<Tlv<'a>, DerError> {
        let bytes = self.rest;
        let (&tag, after) = bytes.split_first().ok_or("the data ends too early")?;
        if tag & 0x1f == 0x1f {
            return Err("a multi-byte tag is not expected here");
        }
        let (&first, after) = after.split_first().ok_or("the data ends too early")?;
        let (len, after) = if first < 0x80 {
            (usize::from(first), after)
        } else {
            let n = usize::from(first & 0x7f);
            let Some((len_bytes, after)) = after.split_at_checked(n).filter(|_| (1..=4).contains(&n)) else {
                return Err("a length is malformed or too long");
            };
            if len_bytes.first() == Some(&0) {
                return Err("a length is not in its shortest form");
            }
            let len = len_bytes.iter().fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
            if len < 0x80 {
                return Err("a length is not in its shortest form");
            }
            (len, after)
        };
        let Some((value, rest)) = after.split_at_checked(len) else {
            return Err("the data ends too early (truncated)");
        };
        self.rest = rest;
        // `rest` is the end of `bytes`: what comes before it is this TLV, header and all.
        let raw = bytes.get(..bytes.len() - rest.len()).unwrap_or_default();
        Ok(Tlv { tag, value, raw })
    }

    /// The next TLV, which must carry `tag`.
    pub fn expect(&mut self, tag: u8) -> Result<Tlv<'a>, DerError> {
        let tlv = self.any()?;
        if tlv.tag != tag {
            return Err("an element has an unexpected type");
        }
        Ok(tlv)
    }

    /// The next TLV when it carries `tag`; nothing is consumed otherwise.
    pub fn optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, DerError> {
        match self.peek_tag() {
            Some(t) if t == tag => self.expect(tag).map(Some),
            _ => Ok(None),
        }
    }

    /// A SEQUENCE's contents, as a reader of their own.
    pub fn sequence(&mut self) -> Result<Reader<'a>, DerError> {
        Ok(Reader::new(self.expect(tag::SEQUENCE)?.value))
    }

    /// A non-negative INTEGER's big-endian magnitude, without its sign byte.
    pub fn unsigned(&mut self) -> Result<&'a [u8], DerError> {
        let v = self.expect(tag::INTEGER)?.value;
        match v {
            [] => Err("an integer is empty"),
            [b, ..] if b & 0x80 != 0 => Err("an integer is negative"),
            [0, b, ..] if b & 0x80 == 0 => Err("an integer is not in its shortest form"),
            [0, rest @ ..] if !rest.is_empty() => Ok(rest),
            _ => Ok(v),
        }
    }

    /// Fails when anything is left.
    pub fn finish(&self) -> Result<(), DerError> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err("there are extra bytes after the data")
        }
    }
}

/// Reads `bytes` as exactly one SEQUENCE and returns a reader over its contents.
pub(crate) fn outer_sequence(bytes: &[u8]) -> Result<Reader<'_>, DerError> {
    let mut r = Reader::new(bytes);
    let inner = r.sequence()?;
    r.finish()?;
    Ok(inner)
}

/// An AlgorithmIdentifier: its OID's content bytes and its parameters, if any.
pub(crate) fn algorithm<'a>(r: &mut Reader<'a>) -> Result<(&'a [u8], Option<Tlv<'a>>), DerError> {
    let mut alg = r.sequence()?;
    let oid = alg.expect(tag::OID)?.value;
    let params = if alg.is_empty() { None } else { Some(alg.any()?) };
    alg.finish()?;
    Ok((oid, params))
}

/// Dotted form of an OID's content bytes (`1.2.840.113549.1.1.1`).
pub(crate) fn oid_string(bytes: &[u8]) -> String {
    // u64 arcs: every OID a key or certificate names fits; a longer arc (a UUID under 2.25)
    // is only ever shown, and u128's formatter and division would add 2 KB to the module.
    let mut arcs: Vec<u64> = Vec::new();
    let mut acc: u64 = 0;
    for &b in bytes {
        if acc > u64::MAX >> 7 {
            return "an OID too long to show".to_string();
        }
        acc = (acc << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if arcs.is_empty() {
                let first = (acc / 40).min(2);
                arcs.push(first);
                arcs.push(acc - first * 40);
            } else {
                arcs.push(acc);
            }
            acc = 0;
        }
    }
    join(&arcs.iter().map(u64::to_string).gather(), ".")
}

// ---------------------------------------------------------------- writing

/// One TLV around `content`.
pub(crate) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 6);
    out.push(tag);
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(bytes.get(skip..).unwrap_or_default());
    }
    out.extend_from_slice(content);
    out
}

/// A constructed TLV around the concatenation of `parts`.
pub(crate) fn wrap(tag: u8, parts: &[&[u8]]) -> Vec<u8> {
    tlv(tag, &parts.concat())
}

/// A non-negative INTEGER from big-endian magnitude bytes.
pub(crate) fn unsigned(be: &[u8]) -> Vec<u8> {
    let start = be.iter().position(|&b| b != 0).unwrap_or(be.len().saturating_sub(1));
    let be = be.get(start..).unwrap_or_default();
    match be.first() {
        None => tlv(tag::INTEGER, &[0]),
        Some(b) if b & 0x80 != 0 => tlv(tag::INTEGER, &[&[0u8][..], be].concat()),
        Some(_) => tlv(tag::INTEGER, be),
    }
}

/// `AlgorithmIdentifier { oid, NULL }`, as RSA and SHA-256-with-RSA take it.
pub(crate) fn algorithm_with_null(oid: &[u8]) -> Vec<u8> {
    wrap(tag::SEQUENCE, &[&tlv(tag::OID, oid), &[tag::NULL, 0]])
}

/// A BIT STRING with no unused bits.
pub(crate) fn bit_string(bytes: &[u8]) -> Vec<u8> {
    wrap(tag::BIT_STRING, &[&[0], bytes])
}

// ---------------------------------------------------------------- time

/// Year, month, day, hour, minute, second of unix seconds.
fn civil(unix: u64) -> (u64, u32, u32, u64, u64, u64) {
    let (days, secs) = (unix / 86_400, unix % 86_400);
    let (y, m, d) = civil_from_days(days as i64);
    // From 1970 on: the year is shown as a `u64`, whose digits the module writes anyway.
    (y.unsigned_abs(), m, d, secs / 3600, secs / 60 % 60, secs % 60)
}

/// Latest time a certificate can hold (9999-12-31T23:59:59Z), as X.509 GeneralizedTime allows.
pub(crate) const MAX_UNIX: u64 = 253_402_300_799;

/// RFC 3339 (`2026-01-01T00:00:00Z`).
pub(crate) fn rfc3339(unix: u64) -> String {
    let (y, m, d, hh, mm, ss) = civil(unix);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
}

/// UTCTime before 2050, GeneralizedTime from 2050 on (RFC 5280 4.1.2.5); `None` past 9999.
pub(crate) fn time(unix: u64) -> Option<Vec<u8>> {
    if unix > MAX_UNIX {
        return None;
    }
    let (y, m, d, hh, mm, ss) = civil(unix);
    Some(if y < 2050 {
        tlv(
            tag::UTC_TIME,
            format!("{:02}{m:02}{d:02}{hh:02}{mm:02}{ss:02}Z", y % 100).as_bytes(),
        )
    } else {
        tlv(
            tag::GENERALIZED_TIME,
            format!("{y:04}{m:02}{d:02}{hh:02}{mm:02}{ss:02}Z").as_bytes(),
        )
    })
}

/// A UTCTime or GeneralizedTime in its DER form (`YYMMDDHHMMSSZ`, `YYYYMMDDHHMMSSZ`) as unix seconds.
pub(crate) fn read_time(t: Tlv<'_>) -> Result<u64, DerError> {
    const BAD: DerError = "a validity date is malformed";
    let digits = |s: &[u8]| -> Result<u32, DerError> {
        crate::text::whole_number(s)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(BAD)
    };
    let (year, rest) = match (t.tag, t.value.len()) {
        (tag::UTC_TIME, 13) => {
            let yy = digits(&t.value[..2])?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, &t.value[2..])
        }
        (tag::GENERALIZED_TIME, 15) => (digits(&t.value[..4])?, &t.value[4..]),
        _ => return Err(BAD),
    };
    if rest[10] != b'Z' {
        return Err(BAD);
    }
    let [mo, d, hh, mi, ss] = [0, 2, 4, 6, 8].map(|i| digits(&rest[i..i + 2]));
    let (mo, d, hh, mi, ss) = (mo?, d?, hh?, mi?, ss?);
    if year < 1970 || !(1..=12).contains(&mo) || !(1..=31).contains(&d) || hh > 23 || mi > 59 || ss > 59 {
        return Err(BAD);
    }
    let days = days_from_civil(i64::from(year), mo, d);
    if civil_from_days(days) != (i64::from(year), mo, d) {
        return Err(BAD);
    }
    Ok(days as u64 * 86_400 + u64::from(hh) * 3600 + u64::from(mi) * 60 + u64::from(ss))
}

// ---------------------------------------------------------------- PEM

/// PEM armour around DER, 64 base64 characters a line, LF line endings.
pub(crate) fn pem(label: &str, der: &[u8]) -> String {
    let b64 = crate::base64_text::encode(der);
    let mut out = String::with_capacity(b64.len() + b64.len() / 64 + 2 * label.len() + 40);
    out.push_str("-----BEGIN ");
    out.push_str(label);
    out.push_str("-----\n");
    for line in b64.as_bytes().chunks(64) {
        // base64 output is ASCII, so every chunk is valid UTF-8.
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str("-----END ");
    out.push_str(label);
    out.push_str("-----\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_round_trip_across_the_utc_generalized_boundary() {
        for unix in [0, 951_782_400, 1_767_225_300, 2_524_607_999, 2_524_608_000, MAX_UNIX] {
            let der = time(unix).unwrap();
            let t = Reader::new(&der).any().unwrap();
            assert_eq!(read_time(t).unwrap(), unix, "{unix}");
        }
        assert_eq!(time(2_524_607_999).unwrap()[0], tag::UTC_TIME);
        assert_eq!(time(2_524_608_000).unwrap()[0], tag::GENERALIZED_TIME);
        assert_eq!(rfc3339(1_767_225_300), "2025-12-31T23:55:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert!(time(MAX_UNIX + 1).is_none());
    }

    #[test]
    fn impossible_dates_and_lengths_are_errors() {
        for bad in [
            &b"\x17\x0d260230000000Z"[..],
            b"\x17\x0d261301000000Z",
            b"\x17\x0b2601010000Z",
        ] {
            assert!(read_time(Reader::new(bad).any().unwrap()).is_err());
        }
        assert!(Reader::new(&[0x30, 0x81, 0x05, 0, 0, 0, 0, 0]).any().is_err());
        assert!(Reader::new(&[0x30, 0x05, 0]).any().is_err());
        for (bad, why) in [
            (&[0x30, 0x80, 0][..], "a length is malformed or too long"),
            (&[0x30, 0x85, 1, 0, 0, 0, 0], "a length is malformed or too long"),
            (&[0x30, 0x82, 1], "a length is malformed or too long"),
            (&[0x30, 0x82, 0, 0x90], "a length is not in its shortest form"),
            (&[0x30, 0x81, 0x80, 0], "the data ends too early (truncated)"),
        ] {
            assert_eq!(Reader::new(bad).any().err(), Some(why), "{bad:02x?}");
        }
        let long = [&[0x04, 0x81, 0x80][..], &[7; 0x80], &[0x05, 0x00]].concat();
        let mut reader = Reader::new(&long);
        let first = reader.any().unwrap();
        assert_eq!(
            (first.tag, first.value, first.raw),
            (0x04, &[7; 0x80][..], &long[..0x83])
        );
        assert_eq!(reader.any().unwrap().raw, &[0x05, 0x00]);
        assert!(reader.is_empty());
        assert!(Reader::new(&[0x02, 0x02, 0x00, 0x01]).unsigned().is_err());
        assert_eq!(Reader::new(&[0x02, 0x02, 0x00, 0x81]).unsigned().unwrap(), &[0x81]);
    }

    #[test]
    fn oids_print_dotted() {
        assert_eq!(oid_string(oid::RSA_ENCRYPTION), "1.2.840.113549.1.1.1");
        assert_eq!(oid_string(oid::COMMON_NAME), "2.5.4.3");
        assert_eq!(oid_string(&[0x2b, 0x65, 0x70]), "1.3.101.112");
        // A UUID arc (2.25.<128 bits>) is past u64: named, not misread.
        let uuid = [&[0x69, 0x82][..], &[0xff; 17], &[0x7f]].concat();
        assert_eq!(oid_string(&uuid), "an OID too long to show");
    }

    #[test]
    fn long_lengths_are_written_in_shortest_form() {
        assert_eq!(&tlv(tag::OCTET_STRING, &[7; 0x7f])[..2], &[0x04, 0x7f]);
        assert_eq!(&tlv(tag::OCTET_STRING, &[7; 0x80])[..3], &[0x04, 0x81, 0x80]);
        assert_eq!(&tlv(tag::OCTET_STRING, &[7; 0x100])[..4], &[0x04, 0x82, 0x01, 0x00]);
        assert_eq!(unsigned(&[0, 0, 0x80]), vec![0x02, 0x02, 0x00, 0x80]);
        assert_eq!(unsigned(&[0, 0]), vec![0x02, 0x01, 0x00]);
    }
}
