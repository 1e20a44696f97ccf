// A credential's page: OAuth Server-to-Server (.../details/oauthservertoserver) or
// Service Account (JWT) (.../details/jwt, with a "Generate JWT" tab at .../details/jwt/generatejwt).
import { api } from './api.js';
import { h } from './dom.js';
import { field } from './fields.js';
import { certificatesSection, generateJwtView } from './jwt.js';
import { credentialDownloadButton, projectFrame } from './layout.js';
import { scopesValue } from './scopes.js';
import { secretsValue } from './secrets.js';
import { rowsView, tabStrip } from './rows.js';
import { tokenActions } from './tokens.js';

export async function credentialPage([org, projectId, credentialId, kind, tab], { navigate }) {
  const [project, cred] = await Promise.all([api.project(org, projectId), api.credential(org, projectId, credentialId)]);
  const base = `/console/projects/${org}/${projectId}/credentials/${credentialId}/details/${kind}`;
  // The secret lives only here, after "Retrieve client secret"; never in the page before.
  const session = { secret: null };
  const isJwt = cred.type === 'jwt';
  const title = h('div', { class: 'Page_title__Vd6sK' }, h('h1', {}, cred.name), credentialDownloadButton(org, projectId, credentialId));
  const tabs = !isJwt && cred.pageLayout === 'rows'
    ? tabStrip(['Credential details', 'Scopes', 'Product Profiles'])
    : isJwt
    ? h('div', { class: 'Tabs_tabs__Gm8c4', role: 'tablist', 'aria-label': 'Credential' },
      [['Credential details', base], ['Generate JWT', `${base}/generatejwt`]].map(([text, href]) => {
        const selected = (href === base) !== (tab === 'generatejwt');
        return h('button', { type: 'button', role: 'tab', 'aria-selected': String(selected), onclick: () => navigate(href) }, text);
      }))
    : null;
  const view = tab === 'generatejwt'
    ? generateJwtView(cred, session)
    : cred.pageLayout === 'rows' && !isJwt
    ? rowsView({ org, projectId, credentialId, cred, session })
    : detailsView({ org, projectId, credentialId, cred, session });
  return projectFrame(org, project, [title, tabs, h('div', { role: tabs ? 'tabpanel' : null }, view)]);
}

function detailsView({ org, projectId, credentialId, cred, session }) {
  const isJwt = cred.type === 'jwt';
  const secretSlot = secretsValue({ org, projectId, credentialId, cred, session });
  const [actions, tokenSlot] = tokenActions({ org, projectId, credentialId, cred, session });

  const rows = [
    field('Client ID', cred.clientId),
    h('div', { class: 'Field_field__k3J9x' }, h('span', { class: 'Field_label__Qm2Lp' }, 'Client secret'), secretSlot),
    field('Technical account ID', cred.technicalAccountId),
    field('Technical account email', cred.technicalAccountEmail),
    field('Organization ID', cred.orgId),
  ];
  if (!isJwt) rows.push(field('Scopes', scopesValue(cred.scopes, cred.scopesMarkup)));
  return [
    h('p', { class: 'Panel_hint__Ua6r3' }, isJwt
      ? 'Service Account (JWT) credentials are deprecated. Use the values below to generate a JWT and exchange it for an access token.'
      : 'Use these values to request an access token with the client credentials grant.'),
    actions,
    tokenSlot,
    h('section', { class: 'Panel_panel__Wx1o7' }, h('h2', {}, 'Credential details'), rows),
    isJwt ? certificatesSection({ org, projectId, credentialId, cred }) : null,
  ];
}
