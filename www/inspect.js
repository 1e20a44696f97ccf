// The inspector: tells a workspace JSON from a JWT payload or a whole JWT, reads it with the
// core's own parsers and runs every diagnostic the extension runs, so the page and the
// extension never disagree about a credential. The secret is read but never shown.
'use strict';
(() => {
  const { core, $, el } = globalThis.imsLinkPage;

  const LABELS = {
    tenant: 'Tenant ID', clientCode: 'Client Code', authType: 'Authentication', clientId: 'Client ID (API key)',
    clientSecret: 'Client secret', orgId: 'IMS Org ID', technicalAccountId: 'Technical account ID',
    technicalAccountEmail: 'Technical account email', scopes: 'Scopes', payload: 'JWT payload',
    authorizationServer: 'Authorization server', certificateSha256: 'Certificate',
  };
  const AUTH = { jwt: 'Service Account (JWT)', oauth: 'OAuth Server-to-Server' };
  const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Info' };
  const SHOWN = ['authType', 'clientId', 'clientSecret', 'orgId', 'technicalAccountId', 'technicalAccountEmail', 'scopes', 'authorizationServer'];

  /** Base64url to text; a JWT's parts are base64url without padding. */
  function base64url(part) {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  }

  /** `{kind, text}`: what the pasted text is, and the text the core's parser should get. */
  function classify(raw) {
    const text = raw.replace(/^\uFEFF/, '').trim();
    if (!text) throw new Error('Nothing to inspect. Paste the workspace JSON, a JWT payload or a whole JWT, or open the .json file.');
    const compact = text.replace(/\s+/g, '');
    if (/^[\w-]+\.[\w-]+\.[\w-]*$/.test(compact)) {
      try {
        return { kind: 'jwt', text: base64url(compact.split('.')[1]) };
      } catch (err) {
        throw new Error(`This looks like a JWT (three parts separated by dots), but its middle part is not base64url-encoded text (${err.message}). Copy the whole JWT again.`);
      }
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new Error(`IMS Link cannot tell what this is: it is not JSON (${err.message}) and not a JWT (three base64url parts separated by dots). Paste the Developer Console's workspace JSON ("Download all"), or the payload from the credential's "Generate JWT" view.`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new Error(`This JSON is ${Array.isArray(value) ? 'a list' : `a ${value === null ? 'null' : typeof value}`}, not an object: a workspace JSON or a JWT payload is one object in { }.`);
    }
    if ('project' in value || 'workspace' in value || 'client_id' in value) return { kind: 'workspace', text };
    if ('iss' in value || 'sub' in value || 'aud' in value) return { kind: 'payload', text };
    throw new Error('This JSON is neither a workspace JSON (it has no "project") nor a JWT payload (it has no "iss", "sub" or "aud"). Paste the Developer Console\'s workspace JSON or the JWT payload.');
  }

  function read(raw, source) {
    const { kind, text } = classify(raw);
    const capture = kind === 'workspace' ? core.parseWorkspaceJson(text, source, $('inspect-choice').value.trim() || undefined) : core.parsePayload(text, source);
    const { profile } = core.mergeCapture(core.emptyProfile(), capture);
    return { kind, capture, profile, findings: core.diagnoseProfile(profile, Date.now()) };
  }

  function shown(field, value) {
    if (field === 'clientSecret') return '••••••••';
    if (field === 'authType') return AUTH[value] ?? value;
    return Array.isArray(value) ? value.join(', ') : String(value);
  }

  /** `exp` as a UTC date, or null; the findings already judge whether it is past. */
  function expiry(payloadText) {
    try {
      const exp = JSON.parse(payloadText).exp;
      if (!Number.isInteger(exp)) return null;
      return `${new Date(exp * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    } catch {
      return null;
    }
  }

  function render({ kind, capture, profile, findings }, what) {
    const rows = [['Read from', what]];
    for (const f of SHOWN) if (profile[f]) rows.push([LABELS[f], shown(f, profile[f].value)]);
    if (capture.metascopes?.length) rows.push(['Metascopes', capture.metascopes.join(', ')]);
    const exp = profile.payload && expiry(profile.payload.value);
    if (exp) rows.push(['Expires (exp)', exp]);
    if (kind !== 'workspace' && !profile.clientSecret) rows.push(['Client secret', 'not in a JWT: it is on the credential page']);
    $('inspect-values').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
    const missing = capture.missing.map((f) => LABELS[f] ?? f);
    const notes = capture.notices.map((n) => n.message);
    if (missing.length) notes.push(`Not in this ${kind === 'workspace' ? 'file' : 'payload'}: ${missing.join(', ')}.`);
    $('inspect-notes').replaceChildren(...notes.map((n) => el('p', { class: 'notice' }, n)));
    $('inspect-findings').replaceChildren(...(findings.length
      ? findings.map((f) => el('li', { class: `finding ${f.severity}` },
        el('span', { class: 'sev' }, SEVERITY[f.severity] ?? f.severity), ' · ',
        el('span', { class: 'field' }, LABELS[f.field] ?? f.field), ': ', f.message))
      : [el('li', { class: 'finding ok' }, 'No problems found.')]));
    $('inspect-result').hidden = false;
  }

  function inspect(raw, source, what) {
    const alert = $('inspect-error');
    alert.textContent = '';
    try {
      const result = read(raw, source);
      render(result, what(result.kind));
      document.dispatchEvent(new CustomEvent('ims-link:profile', { detail: result.profile }));
    } catch (err) {
      $('inspect-result').hidden = true;
      document.dispatchEvent(new CustomEvent('ims-link:profile', { detail: null }));
      alert.textContent = err.message;
    }
  }

  const KIND = { workspace: 'a workspace JSON', payload: 'a JWT payload', jwt: 'a JWT (its signature is not verified)' };
  // The file's text stays in the box, so "Inspect" again (say, after choosing a credential)
  // still credits the file while the text is unchanged.
  let opened = null;
  function inspectBox() {
    const text = $('inspect-text').value;
    if (opened?.text === text) {
      return inspect(text, { kind: 'file', url: opened.name, atMs: Date.now() }, (k) => `${KIND[k]}, the file ${opened.name}`);
    }
    inspect(text, { kind: 'paste', atMs: Date.now() }, (k) => `${KIND[k]}, pasted`);
  }
  $('inspect').addEventListener('click', inspectBox);
  $('inspect-file').addEventListener('change', async () => {
    const input = $('inspect-file');
    const file = input.files[0];
    if (!file) return;
    opened = { name: file.name, text: await file.text() };
    // Cleared so that choosing the same file again (after fixing it) reads it again.
    input.value = '';
    $('inspect-text').value = opened.text;
    inspectBox();
  });
})();
