// The credential page as Adobe's 2025 screenshot shows it (PAGES.md, V: AdobeDocs/cloud-storage
// `src/pages/guides/images/get_scopes.jpg`): tabs "Credential details", "Scopes", "Product
// Profiles"; one row per value, label | value | an action column (an icon-only copy button, or
// "Retrieve client secret" with the value cell empty); Title Case labels; the scopes as comma
// text with a "View scopes per service" link. Once retrieved, the secrets sit in a table
// "Client secret | Created | Last used" (V for 2023: AdobeDocs/adobe-dev-console
// `oauth-server-to-server-credential-added-client-secret.png`; that 2025 keeps it, G), the
// secret's text in full in the cell and cut by CSS (G).
import { api } from './api.js';
import { copyButton, h } from './dom.js';
import { scopesValue } from './scopes.js';
import { tokenActions } from './tokens.js';

/** Tabs as Spectrum renders them: `role=tab` elements holding only their text (markup G). */
export function tabStrip(names) {
  return h('div', { class: 'Tabs_tabs__Gm8c4', role: 'tablist', 'aria-label': 'Credential' },
    names.map((name, i) => h('div', { role: 'tab', tabindex: i ? '-1' : '0', 'aria-selected': String(i === 0) }, name)));
}

function row(label, value, action) {
  return h('div', { class: 'Row_row__Lm4k2' },
    h('div', { class: 'Row_label__Tz8p1' }, label),
    h('div', { class: 'Row_value__Qe5r7' }, value),
    h('div', { class: 'Row_action__Hb2w9' }, action));
}

const textRow = (label, text) => row(label, text, copyButton(() => text));

const when = (iso) => (iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) : null);

/** The retrieved secrets, one table row each (all shown: the Console reveals every secret at once). */
function secretsTable(secrets) {
  return h('table', { class: 'Secrets_table__Wd7q3' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Client secret'), h('th', {}), h('th', {}, 'Created'), h('th', {}, 'Last used'))),
    h('tbody', {}, secrets.map((s) => h('tr', {},
      h('td', {}, h('span', { class: 'Secrets_cut__Rr3n1' }, s.client_secret)),
      h('td', {}, copyButton(() => s.client_secret), h('button', { type: 'button', class: 'ActionButton_quiet__p2Lw8', 'aria-label': 'Delete' }, '🗑')),
      h('td', {}, when(s.created) ?? ''),
      h('td', {}, when(s.last_used) ?? h('em', {}, 'This client secret has not been used yet'))))));
}

export function rowsView({ org, projectId, credentialId, cred, session }) {
  const secretRow = row('Client Secret', '', null);
  const retrieve = h('button', {
    type: 'button',
    class: 'Button_secondary__f9Kd2',
    onclick: async () => {
      retrieve.disabled = true;
      const { client_secrets: secrets } = await api.retrieveSecret(org, projectId, credentialId);
      session.secret = secrets[0].client_secret;
      secretRow.replaceWith(h('div', { class: 'Row_table__Ux0d4' }, secretsTable(secrets),
        h('p', { class: 'Panel_hint__Ua6r3' }, 'Remove your old client secret once you replace it with the new client secret in all applications and systems using this credential.')));
    },
  }, 'Retrieve client secret');
  secretRow.lastElementChild.append(retrieve);
  const scopes = cred.scopes.join(', ');
  // The screenshot's comma text and link; the other list markups stay variants (G).
  const scopesShown = cred.scopesMarkup === 'text'
    ? [h('span', {}, scopes), h('a', { href: '#scopes' }, 'View scopes per service')]
    : scopesValue(cred.scopes, cred.scopesMarkup);
  return [
    h('section', { class: 'Panel_panel__Wx1o7' }, h('h2', {}, 'Generate access token'),
      h('p', {}, 'Generate an access token for quick experimentation, or view the cURL command to learn how to generate access tokens programmatically.'),
      tokenActions({ org, projectId, credentialId, cred, session })),
    textRow('Client ID', cred.clientId),
    secretRow,
    row('Scopes', scopesShown, copyButton(() => scopes)),
    textRow('Credential Name', cred.name),
    textRow('Technical Account ID', cred.technicalAccountId),
    textRow('Technical Account Email', cred.technicalAccountEmail),
    textRow('Organization ID', cred.orgId),
  ];
}
