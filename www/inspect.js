// The inspector: the core tells a workspace JSON from a JWT payload or a whole JWT and reads
// it with the extension's own parsers; the page runs every diagnostic the extension runs and
// shows the result. The secret is read but never shown.
'use strict';
(() => {
  const { core, $, el } = globalThis.imsLinkPage;

  // Labels, secrets and order are the core's, as the extension's popup shows them.
  const FIELDS = core.profileFields();
  const LABELS = Object.fromEntries(FIELDS.map((f) => [f.field, f.label]));
  const SECRET = new Set(FIELDS.filter((f) => f.secret).map((f) => f.field));
  const AUTH = { jwt: 'Service Account (JWT)', oauth: 'OAuth Server-to-Server' };
  const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Info' };
  // The fields the inspector lists, in the core's order; the payload appears as its expiry
  // instead, and the tenant and certificate are not in workspace files or JWTs.
  const CARRIED = new Set(['authType', 'clientId', 'clientSecret', 'orgId', 'technicalAccountId', 'technicalAccountEmail', 'scopes', 'authorizationServer']);
  const SHOWN = FIELDS.map((f) => f.field).filter((f) => CARRIED.has(f));

  function read(raw, source) {
    const { kind, capture } = core.inspectText(raw, source, $('inspect-choice').value.trim() || undefined);
    const { profile } = core.mergeCapture(core.emptyProfile(), capture);
    return { kind, capture, profile, findings: core.diagnoseProfile(profile, Date.now()) };
  }

  function shown(field, value) {
    if (SECRET.has(field)) return '••••••••';
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
