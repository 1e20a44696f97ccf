// The IMS and Target checks as cURL commands for the inspected credential. The commands come
// from the core (src/ims/curl.rs), which quotes every value and keeps secrets in shell
// variables; this file only lays them out as numbered steps.
'use strict';
(() => {
  const { core, $, el, command, keyPair } = globalThis.imsLinkPage;
  let profile = null;

  const out = () => $('curl-copied');
  const step = (title, ...body) => el('li', {}, el('h3', {}, title), ...body);

  function jwtStep(commands) {
    const sign = el('button', { type: 'button', id: 'jwt-sign' }, 'Sign a JWT for this cURL');
    const result = el('div', { id: 'jwt-result' });
    sign.addEventListener('click', () => signJwt(sign, result));
    const key = el('details', { class: 'own-key' },
      el('summary', {}, 'Use my own private key'),
      el('label', { for: 'jwt-key' }, 'Private key (PEM), the one whose certificate is on the credential'),
      el('textarea', { id: 'jwt-key', rows: 4, spellcheck: 'false', autocomplete: 'off' }));
    return step('Export a signed JWT',
      el('p', {}, 'IMS wants a JWT made from the payload and signed with the private key whose certificate is on the credential. Get one from the Developer Console (the credential\'s "Generate JWT" tab, with your private key), or sign one here with the key pair made above or your own key. It is valid for 5 minutes and works like a password: keep it out of tickets and chats.'),
      command(commands.jwtExport, 'command: export the signed JWT (placeholder)', out()),
      key, sign, result);
  }

  /** Signs only on this click: the JWT is a bearer credential, so it is never shown unasked. */
  async function signJwt(button, result) {
    const pem = $('jwt-key').value.trim() || keyPair()?.privateKeyPem;
    const say = (text) => result.replaceChildren(el('p', { class: 'problem', role: 'alert' }, text));
    if (!profile?.payload) return say('Sign needs the JWT payload: inspect the payload (or a JWT) from the Developer Console above.');
    if (!pem) return say('Sign needs a private key: generate a key pair above (and upload its certificate to the credential), or paste your own key under "Use my own private key".');
    button.disabled = true;
    try {
      const jwt = await core.signJwt(profile.payload.value, pem, Date.now());
      // A JWT is three base64url parts: nothing in it needs escaping inside single quotes.
      const hide = el('button', { type: 'button', onclick: () => result.replaceChildren() }, 'Hide the JWT');
      result.replaceChildren(...command(`export IMS_JWT='${jwt}'`, 'command: export this signed JWT', out()), hide);
    } catch (err) {
      say(err.message);
    } finally {
      button.disabled = false;
    }
  }

  const input = (tenant) => ({
    authType: profile.authType?.value, authServer: profile.authorizationServer?.value,
    clientId: profile.clientId?.value, scopes: profile.scopes?.value ?? [], tenant,
  });

  /** The steps for a newly inspected credential; the pasted key survives a new render. */
  function render() {
    const note = $('curl-note');
    const steps = $('curl-steps');
    note.classList.remove('problem');
    steps.hidden = true;
    if (!profile) {
      note.textContent = 'Inspect a workspace JSON, JWT payload or JWT above: its commands appear here.';
      return;
    }
    let c;
    try {
      c = core.curlCommands(input(null));
    } catch (err) {
      note.classList.add('problem');
      note.textContent = err.message;
      return;
    }
    const key = $('jwt-key')?.value ?? '';
    note.textContent = `Commands for ${c.authType === 'jwt' ? 'the JWT exchange' : 'OAuth Server-to-Server'} at ${c.imsOrigin}.`;
    steps.replaceChildren(...[
      step('Export the client secret',
        el('p', {}, 'Replace the placeholder with the secret from the credential page ("Retrieve client secret"). It stays in your shell, never in the commands.'),
        command(c.secretExport, 'command: export the client secret (placeholder)', out())),
      c.jwtExport ? jwtStep(c) : null,
      step('Get an access token', command(c.token, 'command: IMS token request', out())),
      step('Export the access token',
        el('p', {}, 'Copy access_token from the answer into the placeholder.'),
        command(c.tokenExport, 'command: export the access token (placeholder)', out())),
      step('Check Target', el('div', { id: 'curl-target' })),
    ].filter(Boolean));
    if ($('jwt-key')) $('jwt-key').value = key;
    renderTarget();
    steps.hidden = false;
  }

  /** Only the Target step depends on the tenant, so typing it leaves the other steps alone. */
  function renderTarget() {
    const box = $('curl-target');
    if (!box || !profile) return;
    const tenant = $('curl-tenant').value.trim();
    if (!tenant) return box.replaceChildren(el('p', {}, 'Type the tenant ID above to get this command.'));
    try {
      box.replaceChildren(...command(core.curlCommands(input(tenant)).target, 'command: Target Admin API check', out()));
    } catch (err) {
      box.replaceChildren(el('p', { class: 'problem' }, err.message));
    }
  }

  document.addEventListener('ims-link:profile', (/** @type {CustomEvent} */ e) => {
    profile = e.detail;
    render();
  });
  document.addEventListener('ims-link:tenant', (/** @type {CustomEvent} */ e) => {
    if (!$('curl-tenant').value) $('curl-tenant').value = e.detail;
    renderTarget();
  });
  $('curl-tenant').addEventListener('input', renderTarget);
  render();
})();
