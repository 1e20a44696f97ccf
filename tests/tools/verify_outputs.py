"""Checks key pair, certificate and JWT files with tools no one here wrote: the OpenSSL CLI,
and PyJWT + cryptography (tests/requirements.txt). Used by the end-to-end tests on what the
extension produced inside Chromium.

usage: verify_outputs.py DIR AUDIENCE
DIR holds cert.pem, cert.der, key.pem, key.der and token.txt. Prints the checks and the
token's claims as JSON; exits 1 naming the first check that failed.
"""
import json
import subprocess
import sys
from pathlib import Path


def openssl(*args):
    args = [str(a) for a in args]
    done = subprocess.run(["openssl", *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"openssl {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def main(folder, audience):
    d = Path(folder)
    checks = {}
    text = openssl("x509", "-noout", "-text", "-in", d / "cert.pem")
    checks["x509 -text: sha256WithRSAEncryption"] = "sha256WithRSAEncryption" in text
    checks["x509 -text: 2048 bit key"] = "Public-Key: (2048 bit)" in text
    checks["x509 -text: CA:FALSE"] = "CA:FALSE" in text
    # -check_ss_sig makes OpenSSL really check a self-signed certificate's signature.
    out = openssl("verify", "-x509_strict", "-check_ss_sig", "-CAfile", d / "cert.pem", d / "cert.pem")
    checks["verify -check_ss_sig"] = out.strip().endswith("OK")
    checks["pkey -check (PEM)"] = "valid" in openssl("pkey", "-check", "-noout", "-in", d / "key.pem")
    checks["pkey -check (DER)"] = "valid" in openssl("pkey", "-inform", "DER", "-check", "-noout", "-in", d / "key.der")
    cert_pub = openssl("x509", "-noout", "-pubkey", "-in", d / "cert.pem")
    checks["key matches certificate"] = cert_pub == openssl("pkey", "-pubout", "-in", d / "key.pem")
    checks["DER certificate equals PEM"] = openssl("x509", "-inform", "DER", "-in", d / "cert.der") == openssl(
        "x509", "-in", d / "cert.pem"
    )

    import jwt
    from cryptography import x509

    cert = x509.load_pem_x509_certificate((d / "cert.pem").read_bytes())
    cert.verify_directly_issued_by(cert)
    token = (d / "token.txt").read_text().strip()
    claims = jwt.decode(token, cert.public_key(), algorithms=["RS256"], audience=audience,
                        options={"require": ["exp", "iss", "sub", "aud"]})
    checks["PyJWT verifies RS256 with the certificate"] = True

    failed = [name for name, ok in checks.items() if not ok]
    print(json.dumps({"checks": checks, "claims": claims}, sort_keys=True))
    if failed:
        raise SystemExit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
