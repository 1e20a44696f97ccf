//! An RSA private key as IMS Link holds it: the PKCS#8 DER that WebCrypto imports and AEM
//! stores, with the public parts read out.
//!
//! No big-integer arithmetic beyond one product: the shipped module leaves key generation and
//! signing to WebCrypto, so it needs the key's bytes, not the `rsa` crate's key (which, with
//! its constant-time big integers, was about 80 KB of the module). The `rsa` crate still
//! generates and signs in native builds and with the `portable` feature (`to_rsa`).

use super::der::{self, oid, tag, DerError};
use crate::gather::Gather;

/// A two-prime RSA private key, checked to be well formed.
#[derive(Clone, PartialEq, Eq)]
pub struct RsaKey {
    /// `PrivateKeyInfo` (PKCS#8 v1) around the PKCS#1 `RSAPrivateKey`, rsaEncryption with NULL
    /// parameters: the form OpenSSL and the `rsa` crate write.
    pkcs8: Vec<u8>,
    /// Modulus, big-endian, no leading zeros.
    modulus: Vec<u8>,
    /// Public exponent, big-endian, no leading zeros.
    exponent: Vec<u8>,
}

impl std::fmt::Debug for RsaKey {
    // Never the private parts: a key must not reach a log through `{:?}`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RsaKey({} bits)", self.bits())
    }
}

/// Why PKCS#1 bytes are no usable key.
pub(crate) enum Pkcs1Error {
    /// Not an `RSAPrivateKey` at all, or damaged.
    Malformed(DerError),
    /// Well formed, but the modulus has only this many bits (under 2048).
    TooSmall(usize),
    /// Well formed, but its numbers are not an RSA key.
    Inconsistent(&'static str),
}

impl From<DerError> for Pkcs1Error {
    fn from(e: DerError) -> Self {
        Pkcs1Error::Malformed(e)
    }
}

/// Bit length of a big-endian unsigned integer.
pub(crate) fn bit_len(be: &[u8]) -> usize {
    match be.iter().position(|&b| b != 0) {
        Some(i) => (be.len() - i) * 8 - be[i].leading_zeros() as usize,
        None => 0,
    }
}

/// Little-endian 32-bit limbs of a big-endian magnitude.
fn limbs(be: &[u8]) -> Vec<u32> {
    be.rchunks(4)
        .map(|c| c.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)))
        .gather()
}

fn trimmed(mut limbs: Vec<u32>) -> Vec<u32> {
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    limbs
}

/// Whether `n == p * q` (schoolbook product; runs once per import, on 1024-bit factors).
fn is_product(n: &[u8], p: &[u8], q: &[u8]) -> bool {
    let (p, q) = (limbs(p), limbs(q));
    let mut prod = vec![0u32; p.len() + q.len()];
    for (i, &a) in p.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &b) in q.iter().enumerate() {
            let t = u64::from(a) * u64::from(b) + u64::from(prod[i + j]) + carry;
            prod[i + j] = t as u32;
            carry = t >> 32;
        }
        prod[i + q.len()] = carry as u32;
    }
    trimmed(prod) == trimmed(limbs(n))
}

/// The public parts of an `RSAPublicKey` (PKCS#1), as (modulus, exponent).
pub(crate) fn read_public(der_bytes: &[u8]) -> Result<(&[u8], &[u8]), DerError> {
    let mut r = der::outer_sequence(der_bytes)?;
    let n = r.unsigned()?;
    let e = r.unsigned()?;
    r.finish()?;
    Ok((n, e))
}

impl RsaKey {
    /// Reads a PKCS#1 `RSAPrivateKey` (two primes, version 0) and checks `n = p·q` and the
    /// exponent, which catches a key damaged by copying without the big-integer library.
    pub(crate) fn from_pkcs1(pkcs1: &[u8]) -> Result<RsaKey, Pkcs1Error> {
        let mut r = der::outer_sequence(pkcs1)?;
        let version = r.unsigned()?;
        let [n, e, d, p, q, dp, dq, qinv] = [(); 8].map(|_| r.unsigned());
        let (n, e, d, p, q, _dp, _dq, _qinv) = (n?, e?, d?, p?, q?, dp?, dq?, qinv?);
        if version == [1] {
            return Err(Pkcs1Error::Inconsistent("multi-prime RSA keys are not supported"));
        }
        r.finish()?;
        if version != [0] {
            return Err(Pkcs1Error::Malformed("the key's version is unknown"));
        }
        if bit_len(n) < super::KEY_BITS {
            return Err(Pkcs1Error::TooSmall(bit_len(n)));
        }
        if e.len() > 4 || e.last().is_none_or(|b| b & 1 == 0) || e == [1] {
            return Err(Pkcs1Error::Inconsistent("the public exponent is invalid"));
        }
        if bit_len(d) == 0 || !is_product(n, p, q) {
            return Err(Pkcs1Error::Inconsistent("its numbers do not fit together"));
        }
        let pkcs8 = der::wrap(
            tag::SEQUENCE,
            &[
                &der::unsigned(&[0]),
                &der::algorithm_with_null(oid::RSA_ENCRYPTION),
                &der::tlv(tag::OCTET_STRING, pkcs1),
            ],
        );
        Ok(RsaKey {
            pkcs8,
            modulus: n.to_vec(),
            exponent: e.to_vec(),
        })
    }

    /// Modulus size in bits.
    pub fn bits(&self) -> usize {
        bit_len(&self.modulus)
    }

    /// Unencrypted PKCS#8 DER.
    pub fn pkcs8_der(&self) -> &[u8] {
        &self.pkcs8
    }

    /// Modulus and public exponent, big-endian without leading zeros.
    pub fn public_parts(&self) -> (&[u8], &[u8]) {
        (&self.modulus, &self.exponent)
    }

    /// PKCS#1 `RSAPublicKey`.
    pub(crate) fn public_pkcs1(&self) -> Vec<u8> {
        der::wrap(
            tag::SEQUENCE,
            &[&der::unsigned(&self.modulus), &der::unsigned(&self.exponent)],
        )
    }

    /// `SubjectPublicKeyInfo` DER (rsaEncryption, NULL parameters).
    pub fn spki_der(&self) -> Vec<u8> {
        der::wrap(
            tag::SEQUENCE,
            &[
                &der::algorithm_with_null(oid::RSA_ENCRYPTION),
                &der::bit_string(&self.public_pkcs1()),
            ],
        )
    }

    /// The same key for the `rsa` crate, which generates and signs outside the shipped module.
    #[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
    pub fn to_rsa(&self) -> Result<rsa::PrivateKey, super::KeyError> {
        use rsa::pkcs8::DecodePrivateKey;
        rsa::PrivateKey::from_pkcs8_der(&self.pkcs8).map_err(|e| super::KeyError::InvalidKeyData(e.to_string()))
    }

    /// A key the `rsa` crate made.
    #[cfg(any(feature = "portable", not(target_arch = "wasm32")))]
    pub fn from_rsa(key: &rsa::PrivateKey) -> Result<RsaKey, super::KeyError> {
        use rsa::pkcs8::EncodePrivateKey;
        let der = key
            .to_pkcs8_der()
            .map_err(|e| super::KeyError::EncodingFailed(e.to_string()))?;
        super::parse_private_key_bytes(der.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_compare_whole_numbers() {
        assert!(is_product(&[0x0f], &[0x03], &[0x05]));
        assert!(is_product(
            &[0, 0x01, 0x00, 0x00, 0x00, 0x00],
            &[0x01, 0x00, 0x00],
            &[0x01, 0x00, 0x00]
        ));
        assert!(!is_product(&[0x10], &[0x03], &[0x05]));
        assert_eq!(bit_len(&[0, 0x01, 0xff]), 9);
    }
}
