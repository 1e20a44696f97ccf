// The Console's data, loaded by XHR as the real app does (the pages hold no values until then).

async function call(method, path, body, contentType) {
  const res = await fetch(`/console/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': contentType },
    body,
    credentials: 'same-origin',
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.message ?? `${res.status} ${res.statusText}`);
  return data;
}

const project = (org, p) => `/organizations/${org}/projects/${p}`;
const credential = (org, p, c) => `${project(org, p)}/credentials/${c}`;

export const api = {
  organizations: () => call('GET', '/organizations'),
  projects: (org) => call('GET', `/organizations/${org}/projects`),
  project: (org, p) => call('GET', project(org, p)),
  credential: (org, p, c) => call('GET', credential(org, p, c)),
  retrieveSecret: (org, p, c) => call('POST', `${credential(org, p, c)}/secrets`),
  uploadCertificate: (org, p, c, pemOrDer) => call('POST', `${credential(org, p, c)}/certificates`, pemOrDer, 'application/octet-stream'),
  accessToken: (org, p, c) => call('POST', `${credential(org, p, c)}/accesstoken`),
  credentialDownloadUrl: (org, p, c) => `/console/api${credential(org, p, c)}/download`,
  downloadUrl: (org, p, workspaceId) => `/console/api${project(org, p)}/workspaces/${workspaceId}/download`,
};
