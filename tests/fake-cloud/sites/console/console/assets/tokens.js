// "Generate access token" and "View cURL command" (V: both credential pages show them; the cURL
// command in a dialog is the fake's, the 2024 page shows it inline: G).
import { api } from './api.js';
import { jwtCurl, oauthCurl } from './curl.js';
import { h } from './dom.js';
import { codeBlock, dialog } from './fields.js';

/** "Generate access token" and "View cURL command", with the token's panel below them. */
export function tokenActions({ org, projectId, credentialId, cred, session }) {
  const isJwt = cred.type === 'jwt';
  const tokenSlot = h('div');
  const curl = () => (isJwt ? jwtCurl(cred, session.secret) : oauthCurl(cred, session.secret));
  const actions = h('div', { class: 'Actions_row__Bf2m7' },
    h('button', {
      type: 'button',
      class: 'Button_cta__Jw5e0',
      onclick: async () => {
        const t = await api.accessToken(org, projectId, credentialId);
        tokenSlot.replaceChildren(h('section', { class: 'Panel_panel__Wx1o7' },
          h('h2', {}, 'Access token'),
          h('p', { class: 'Panel_hint__Ua6r3' }, `Expires in ${Math.round(t.expires_in / 3600)} hours.`),
          codeBlock(t.access_token, 'Access token')));
      },
    }, 'Generate access token'),
    h('button', { type: 'button', class: 'Button_secondary__f9Kd2', onclick: () => dialog('cURL command', codeBlock(curl(), 'cURL command')) }, 'View cURL command'));
  return [actions, tokenSlot];
}
