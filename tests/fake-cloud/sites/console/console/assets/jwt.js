// The Service Account (JWT) parts: the "Generate JWT" view and the public key certificates.
import { api } from './api.js';
import { h, toast } from './dom.js';
import { codeBlock, field } from './fields.js';
import { jwtCurl, jwtPayload } from './curl.js';

export function generateJwtView(cred, session) {
  const payloadText = JSON.stringify(jwtPayload(cred), null, 2);
  const key = h('textarea', { class: 'Field_area__Ve1s7', rows: '6', 'aria-label': 'Paste private key', placeholder: '-----BEGIN PRIVATE KEY-----' });
  const out = h('div');
  const generate = h('button', {
    type: 'button',
    class: 'Button_cta__Jw5e0',
    onclick: async () => {
      try {
        const jwt = await signJwt(JSON.parse(payloadText), key.value);
        out.replaceChildren(field('Generated JWT', codeBlock(jwt, 'Generated JWT')),
          field('Sample cURL command', codeBlock(jwtCurl(cred, session.secret, jwt), 'cURL command')));
      } catch (err) {
        out.replaceChildren(h('p', { class: 'Panel_error__Ld4w0', role: 'alert' }, `Could not generate a JWT: ${err.message}`));
      }
    },
  }, 'Generate token');
  const payloadArea = h('textarea', { class: 'Field_area__Ve1s7 Field_mono__c0Zd4', rows: '9', readonly: true, 'aria-label': 'JWT payload' });
  // As default text, so the payload is in the DOM (innerText, serialization), not only in .value.
  payloadArea.textContent = payloadText;
  return h('section', { class: 'Panel_panel__Wx1o7' },
    h('h2', {}, 'Generate JWT'),
    h('p', { class: 'Panel_hint__Ua6r3' }, 'The payload below is signed with your private key (RS256) to make a JWT.'),
    field('JWT payload', payloadArea),
    field('Paste private key', key),
    h('div', { class: 'Actions_row__Bf2m7' }, generate),
    out);
}

/** RS256-signs the payload with a PKCS#8 PEM key, in the page (the key never leaves it). */
async function signJwt(payload, pem) {
  const b64 = pem.match(/-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/)?.[1].replace(/\s+/g, '');
  if (!b64) throw new Error('paste a PKCS#8 private key (-----BEGIN PRIVATE KEY-----)');
  const der = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const key = await crypto.subtle.importKey('pkcs8', der, alg, false, ['sign']);
  const enc = (o) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const input = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc(payload)}`;
  const sig = new Uint8Array(await crypto.subtle.sign(alg, key, new TextEncoder().encode(input)));
  return `${input}.${btoa(String.fromCharCode(...sig)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}`;
}

export function certificatesSection({ org, projectId, credentialId, cred }) {
  const list = h('ul', { class: 'List_list__Tg8p0' });
  const show = (certs) => list.replaceChildren(...(certs.length
    ? certs.map((c) => h('li', { class: 'Cert_item__Nf3w6' },
      field('Fingerprint', c.certificateFingerprint),
      field('Expiring on', new Date(c.notAfter).toISOString().slice(0, 10), { copy: false })))
    : [h('li', { class: 'Panel_hint__Ua6r3' }, 'No public keys uploaded.')]));
  show(cred.certificates);

  const upload = async (bytes) => {
    try {
      const added = await api.uploadCertificate(org, projectId, credentialId, bytes);
      if (!cred.certificates.some((c) => c.certificateFingerprint === added.certificateFingerprint)) cred.certificates.push(added);
      show(cred.certificates);
      toast('Public key uploaded');
      status.textContent = '';
    } catch (err) {
      status.textContent = err.message;
    }
  };
  const status = h('p', { class: 'Panel_error__Ld4w0', role: 'alert' });
  const file = h('input', {
    type: 'file',
    accept: '.pem,.crt,.cer,.der',
    hidden: true,
    'aria-label': 'Public key file',
    onchange: async () => file.files[0] && upload(await file.files[0].arrayBuffer()),
  });
  const paste = h('textarea', { class: 'Field_area__Ve1s7 Field_mono__c0Zd4', rows: '5', 'aria-label': 'Paste public key', placeholder: '-----BEGIN CERTIFICATE-----' });
  return h('section', { class: 'Panel_panel__Wx1o7' },
    h('h2', {}, 'Public key certificates'),
    list,
    h('div', { class: 'Actions_row__Bf2m7' },
      h('button', { type: 'button', class: 'Button_secondary__f9Kd2', onclick: () => file.click() }, 'Upload public key'), file),
    field('Paste public key', paste),
    h('div', { class: 'Actions_row__Bf2m7' },
      h('button', { type: 'button', class: 'Button_secondary__f9Kd2', onclick: () => paste.value.trim() && upload(paste.value) }, 'Upload pasted key')),
    status);
}
