//! A new key pair, made by the browser's WebCrypto through the worker's calls: the key
//! (`Io::MakeKey`), then its certificate's signature (`Io::Sign`). The certificate's plan, its
//! layout and every check of what comes back stay here; WebCrypto only makes the key and signs
//! (about 4x faster than this crate in wasm, PERFORMANCE.md).

use super::echo::Pending;
use super::event::{Io, Step};
use super::reply::Reply;
use super::Session;
use crate::keys::{self, ImportedKey, KeyError, KeyOptions, KeyPlan, RsaKey, UnsignedCertificate};

/// A new key, waiting for its certificate's signature.
#[derive(Debug, Clone)]
pub struct Certifying {
    key: RsaKey,
    unsigned: UnsignedCertificate,
}

fn webcrypto(e: String) -> KeyError {
    KeyError::KeyGenerationFailed(format!("the browser's WebCrypto: {e}"))
}

/// `GenerateKeyPair`: the options checked before the slow key generation.
pub(super) fn start(options: Option<KeyOptions>, now_ms: u64) -> Step {
    match KeyPlan::new(&options.unwrap_or_default(), now_ms / 1000) {
        Ok(plan) => Step::io(Io::MakeKey {
            pending: Some(Box::new(Pending::Key(plan))),
            name: keys::WEBCRYPTO_ALGORITHM,
            modulus_length: keys::KEY_BITS as u32,
            public_exponent: keys::PUBLIC_EXPONENT.to_vec(),
            hash: keys::WEBCRYPTO_HASH,
            echo: 0,
        }),
        Err(e) => Step::reply(Reply::failed(&e)),
    }
}

/// The key came back (PKCS#8 DER): its certificate goes to be signed with it.
pub(super) fn made(plan: &KeyPlan, pkcs8: Option<Vec<u8>>, error: Option<String>) -> Step {
    let certifying = pkcs8
        .ok_or_else(|| webcrypto(error.unwrap_or_default()))
        .and_then(|der| keys::parse_private_key_bytes(&der))
        .and_then(|key| {
            let unsigned = plan.unsigned_certificate(&key)?;
            Ok(Certifying { key, unsigned })
        });
    match certifying {
        Ok(c) => {
            let (pkcs8, data) = (c.key.pkcs8_der().to_vec(), c.unsigned.tbs_der().to_vec());
            Step::io(Io::sign(Pending::Certificate(c), pkcs8, data))
        }
        Err(e) => Step::reply(Reply::failed(&e)),
    }
}

/// The certificate's signature came back: the key pair is IMS Link's.
pub(super) fn certified(s: Session, c: Certifying, signature: Option<Vec<u8>>, error: Option<String>) -> Step {
    let material = signature
        .ok_or_else(|| webcrypto(error.unwrap_or_default()))
        .and_then(|sig| c.unsigned.with_signature(&sig))
        .and_then(|cert| keys::material(&c.key, &cert));
    match material {
        Ok(m) => super::checks::hold_key_pair(
            s,
            ImportedKey {
                key: m.key,
                certificate: Some(m.certificate),
            },
        ),
        Err(e) => Step::reply(Reply::failed(&e)),
    }
}
