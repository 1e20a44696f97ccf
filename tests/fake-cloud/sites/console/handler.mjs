// The fake Adobe Developer Console (developer.adobe.com/console). Like the real one it is a
// single-page app: every page URL answers with the same shell, and the page then loads its
// data by XHR from a JSON API. Values come from the shared state, so a test that changes a
// credential sees the change on the next page load.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, toPem } from './certificates.mjs';
import { credentialDownload, credentialName, secretsOf, workspaceJson, workspaceOf } from './workspace.mjs';

const APP_HTML = new URL('./console/app.html', import.meta.url);
const API = /^\/console\/api\/organizations\/(\d+)(?:\/projects(?:\/(\d+)(?:\/(credentials|workspaces)\/([^/]+)(?:\/([a-z]+))?)?)?)?\/?$/;

/** Credentials of one console org, as [clientId, cred] pairs. */
function credentialsOf(state, consoleOrgId) {
  return Object.entries(state.credentials).filter(([, c]) => state.orgs[c.orgId]?.consoleOrgId === consoleOrgId);
}

function credentialLabel(cred) {
  return credentialName(cred);
}

/** A credential as the page sees it before "Retrieve client secret": never the secret itself. */
function credentialView(state, clientId, cred) {
  const certificates = [];
  for (const pem of cred.certificates ?? []) {
    try {
      certificates.push(describe(pem, cred.fingerprintFormat));
    } catch {
      // A test may put a deliberately broken certificate into state; the list just skips it.
    }
  }
  return {
    id: cred.credentialId,
    name: credentialLabel(cred),
    type: cred.type,
    clientId,
    orgId: cred.orgId,
    technicalAccountId: cred.technicalAccountId,
    technicalAccountEmail: cred.technicalAccountEmail,
    scopes: [...(cred.scopes ?? [])],
    metascopes: [...(cred.metascopes ?? [])],
    certificates,
    // How the page lays out the scopes (tests pick one: the real markup is G): 'text'
    // (comma-separated, the default), 'space', 'tags', 'list', 'groups' (per service).
    scopesMarkup: cred.scopesMarkup ?? 'text',
    // The page's layout: 'rows' (V: Adobe's 2025 screenshot, label | value | action per row; the
    // secrets in a table once retrieved, V for 2023) or 'panel' (the fake's first one, G).
    pageLayout: cred.pageLayout ?? 'rows',
    // The secrets' dates only: the values come on "Retrieve client secret".
    secrets: secretsOf(cred).map(({ created, lastUsed }) => ({ created, lastUsed })),
  };
}

function projectView(state, consoleOrgId, projectId) {
  const creds = credentialsOf(state, consoleOrgId).filter(([, c]) => c.projectId === projectId);
  if (!creds.length) return null;
  const [, first] = creds[0];
  return {
    id: projectId,
    title: first.projectName,
    orgId: first.orgId,
    orgName: state.orgs[first.orgId]?.name ?? '',
    workspace: workspaceOf(first),
    credentials: creds.map(([id, c]) => ({ id: c.credentialId, name: credentialLabel(c), type: c.type, clientId: id })),
  };
}

function api(req, res, { url, body, state, json }) {
  if (url.pathname.replace(/\/$/, '') === '/console/api/organizations') {
    return json(res, 200, Object.entries(state.orgs).map(([code, o]) => ({ id: o.consoleOrgId, code, name: o.name })));
  }
  const m = url.pathname.match(API);
  if (!m) return json(res, 404, { error_code: '404', message: 'Not found' });
  const [, orgId, projectId, kind, id, action] = m;
  const method = req.method;
  if (!projectId) {
    if (url.pathname.endsWith('/projects') || url.pathname.endsWith('/projects/')) {
      const ids = [...new Set(credentialsOf(state, orgId).map(([, c]) => c.projectId))];
      return json(res, 200, ids.map((p) => projectView(state, orgId, p)));
    }
    const org = Object.entries(state.orgs).find(([, o]) => o.consoleOrgId === orgId);
    return org ? json(res, 200, { id: orgId, code: org[0], name: org[1].name }) : json(res, 404, { message: 'Organization not found' });
  }
  if (!kind) {
    const project = projectView(state, orgId, projectId);
    return project ? json(res, 200, project) : json(res, 404, { message: 'Project not found' });
  }
  if (kind === 'workspaces') {
    const ws = workspaceJson(state, orgId, projectId);
    if (!ws || action !== 'download' || id !== ws.body.project.workspace.id) return json(res, 404, { message: 'Workspace not found' });
    return json(res, 200, ws.body, { 'content-disposition': `attachment; filename="${ws.fileName}"` });
  }
  const found = credentialsOf(state, orgId).find(([, c]) => c.projectId === projectId && c.credentialId === id);
  if (!found) return json(res, 404, { message: 'Credential not found' });
  const [clientId, cred] = found;
  if (!action && method === 'GET') return json(res, 200, credentialView(state, clientId, cred));
  if (action === 'secrets' && method === 'POST') {
    // The real Console fetches the secret only on "Retrieve client secret"; so does this one.
    return json(res, 200, { client_secrets: secretsOf(cred).map((s) => ({ client_secret: s.secret, created: s.created, last_used: s.lastUsed })) });
  }
  if (action === 'download' && method === 'GET') {
    const { certificates } = credentialView(state, clientId, cred);
    const name = `${cred.projectName.replace(/[^A-Za-z0-9]/g, '')}-${credentialName(cred).replace(/[^A-Za-z0-9]/g, '')}.json`;
    return json(res, 200, credentialDownload(clientId, cred, certificates), { 'content-disposition': `attachment; filename="${name}"` });
  }
  if (action === 'certificates' && method === 'POST') {
    if (cred.type !== 'jwt') return json(res, 400, { message: 'Only Service Account (JWT) credentials take public keys' });
    const pem = toPem(body);
    if (!pem) return json(res, 400, { message: 'The file is not a valid X.509 certificate (PEM, CRT, CER or DER).' });
    cred.certificates ??= [];
    if (!cred.certificates.includes(pem)) cred.certificates.push(pem);
    return json(res, 201, describe(pem, cred.fingerprintFormat));
  }
  if (action === 'accesstoken' && method === 'POST') {
    // "Generate access token": a token IMS and the fake Target API will accept, valid 24 hours.
    const token = `eyJhbGciOiJSUzI1NiJ9.${randomBytes(48).toString('base64url')}`;
    state.tokens[token] = { clientId, orgId: cred.orgId, expiresAt: Date.now() + 86_400_000 };
    return json(res, 200, { access_token: token, token_type: 'bearer', expires_in: 86399 });
  }
  return json(res, 405, { message: 'Method not allowed' });
}

export async function handle(req, res, ctx) {
  const path = ctx.url.pathname;
  if (path === '/') {
    res.writeHead(302, { location: '/console' });
    res.end();
    return true;
  }
  if (path.startsWith('/console/api/')) return api(req, res, ctx);
  // Assets are static files; every other /console URL is a route of the single-page app.
  if ((path === '/console' || path.startsWith('/console/')) && !path.startsWith('/console/assets/')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(readFileSync(APP_HTML));
    return true;
  }
  return false;
}
