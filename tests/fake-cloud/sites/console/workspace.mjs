// The workspace JSON the project's "Download all" serves, and each credential page's own
// "Download JSON" (flat, upper-case keys; adobe-surfaces.md §8, V from Adobe's aio tooling
// fixtures). The workspace JSON's shape: Shape as Adobe documents
// it (App Builder workspace.json samples, aio-cli-plugin-app config schema):
//   project { id, name, title, org { id, name, ims_org_id },
//             workspace { id, name, title, action_url, app_url,
//                         details { credentials[], services[], runtime { namespaces[] } } } }
// OAuth Server-to-Server: integration_type "oauth_server_to_server" with
//   oauth_server_to_server { client_id, client_secrets[], technical_account_email, technical_account_id, scopes[] }.
// Service Account (JWT): integration_type "service" with
//   jwt { client_id, client_secret, technical_account_email, technical_account_id, meta_scopes[] }.
// Assumed (not found in public sources): the file name `<consoleOrgId>-<project name>-<workspace>.json`,
// the workspace id and the empty runtime namespaces.

/** The workspace a credential lives in; tests may set cred.workspaceId / cred.workspaceName. */
export function workspaceOf(cred) {
  return { id: cred.workspaceId ?? String(BigInt(cred.projectId) + 1000n), name: cred.workspaceName ?? 'Production' };
}

/** Project name as the Console derives it from the title: letters and digits only. */
export function projectName(cred) {
  return cred.projectName.replace(/[^A-Za-z0-9]/g, '').slice(0, 20);
}

/** A credential's client secrets: several while one is rotated (V), else the one. */
export function secretsOf(cred) {
  return cred.clientSecrets?.length ? cred.clientSecrets : [{ secret: cred.clientSecret, created: '2026-01-15', lastUsed: '2026-11-30' }];
}

/** The name the Console shows for a credential (tests may set cred.name). */
export function credentialName(cred) {
  return cred.name ?? (cred.type === 'jwt' ? 'Service Account (JWT)' : 'OAuth Server-to-Server');
}

/**
 * A credential page's own "Download JSON": flat, upper-case keys (V). OAuth: CLIENT_ID,
 * CLIENT_SECRETS (a list), TECHNICAL_ACCOUNT_EMAIL, TECHNICAL_ACCOUNT_ID, SCOPES, ORG_ID.
 * JWT: API_KEY, CLIENT_SECRET, ORG_ID, TECHNICAL_ACCOUNT_ID, TECHNICAL_ACCOUNT_EMAIL,
 * PUBLIC_KEYS_WITH_EXPIRY (its inner shape, fingerprint -> expiry date, is G). The file name is G.
 */
export function credentialDownload(clientId, cred, certificates = []) {
  if (cred.type === 'jwt') {
    return {
      API_KEY: clientId,
      CLIENT_SECRET: cred.clientSecret,
      ORG_ID: cred.orgId,
      TECHNICAL_ACCOUNT_ID: cred.technicalAccountId,
      TECHNICAL_ACCOUNT_EMAIL: cred.technicalAccountEmail,
      PUBLIC_KEYS_WITH_EXPIRY: Object.fromEntries(certificates.map((c) => [c.certificateFingerprint, c.notAfter])),
    };
  }
  return {
    CLIENT_ID: clientId,
    CLIENT_SECRETS: secretsOf(cred).map((s) => s.secret),
    TECHNICAL_ACCOUNT_EMAIL: cred.technicalAccountEmail,
    TECHNICAL_ACCOUNT_ID: cred.technicalAccountId,
    SCOPES: [...cred.scopes],
    ORG_ID: cred.orgId,
  };
}

export function credentialJson(clientId, cred) {
  const common = {
    client_id: clientId,
    technical_account_email: cred.technicalAccountEmail,
    technical_account_id: cred.technicalAccountId,
  };
  const secrets = secretsOf(cred).map((s) => s.secret);
  if (cred.type === 'jwt' && cred.migrating) {
    // A JWT credential in migration to OAuth Server-to-Server carries both blocks (V).
    return {
      id: cred.credentialId,
      name: credentialName(cred),
      integration_type: 'oauth_server_to_server_migrate',
      jwt: { ...common, client_secret: cred.clientSecret, meta_scopes: [...cred.metascopes] },
      oauth_server_to_server: { ...common, client_secrets: secrets, scopes: [...(cred.scopes ?? [])] },
    };
  }
  if (cred.type === 'jwt') {
    return {
      id: cred.credentialId,
      name: credentialName(cred),
      integration_type: 'service',
      jwt: { ...common, client_secret: cred.clientSecret, meta_scopes: [...cred.metascopes] },
    };
  }
  return {
    id: cred.credentialId,
    name: credentialName(cred),
    integration_type: 'oauth_server_to_server',
    oauth_server_to_server: { ...common, client_secrets: secrets, scopes: [...cred.scopes] },
  };
}

/** The workspace JSON for every credential of one project, and the name it downloads under. */
export function workspaceJson(state, consoleOrgId, projectId) {
  const creds = Object.entries(state.credentials).filter(([, c]) => c.projectId === projectId);
  if (!creds.length) return null;
  const [, first] = creds[0];
  const org = state.orgs[first.orgId] ?? {};
  if ((org.consoleOrgId ?? consoleOrgId) !== consoleOrgId) return null;
  const ws = workspaceOf(first);
  const body = {
    project: {
      id: projectId,
      name: projectName(first),
      title: first.projectName,
      org: { id: consoleOrgId, name: org.name ?? '', ims_org_id: first.orgId },
      workspace: {
        id: ws.id,
        name: ws.name,
        title: ws.name,
        action_url: '',
        app_url: '',
        details: {
          credentials: creds.map(([id, c]) => credentialJson(id, c)),
          services: [{ code: 'AdobeTargetSDK', name: 'Adobe Target' }],
          runtime: { namespaces: [] },
        },
      },
    },
  };
  return { body, fileName: `${consoleOrgId}-${projectName(first)}-${ws.name}.json` };
}
