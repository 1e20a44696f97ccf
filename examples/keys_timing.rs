//! Native timings for the key features: `cargo run --release --example keys_timing [runs]`.
//! Key generation time swings with the random prime search, so compare medians.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use ims_link::jwt;
use ims_link::keys::{self, KeyOptions};

fn summary(name: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    let median = ms[ms.len() / 2];
    println!(
        "{name:<34} median {median:>8.2} ms   min {:>8.2}   max {:>8.2}   (n={})",
        ms[0],
        ms[ms.len() - 1],
        ms.len()
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = std::env::args().nth(1).map(|s| s.parse()).transpose()?.unwrap_or(30);
    let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    let opts = KeyOptions {
        tenant: Some("acme".into()),
        ..Default::default()
    };
    let payload = r#"{"iss":"0123456789ABCDEF01234567@AdobeOrg","sub":"x@techacct.adobe.com","aud":"https://ims-na1.adobelogin.com/c/x"}"#;

    let (mut generate, mut parse, mut sign) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let t = Instant::now();
        let m = keys::generate(&opts, now)?;
        generate.push(t.elapsed().as_secs_f64() * 1e3);

        let t = Instant::now();
        let key = keys::parse_private_key(&m.key.private_key_pem)?;
        parse.push(t.elapsed().as_secs_f64() * 1e3);

        let t = Instant::now();
        jwt::sign_rs256(payload, &key, now, jwt::DEFAULT_LIFETIME_SECS)?;
        sign.push(t.elapsed().as_secs_f64() * 1e3);
    }
    summary("generate (keygen + cert + export)", generate);
    summary("parse PKCS#8 PEM private key", parse);
    summary("JWT RS256 sign", sign);
    Ok(())
}
