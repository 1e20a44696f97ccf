// The project pages' frame: side navigation (overview, credentials) next to the content.
import { api } from './api.js';
import { h } from './dom.js';

export function credentialPath(org, projectId, c) {
  return `/console/projects/${org}/${projectId}/credentials/${c.id}/details/${c.type === 'jwt' ? 'jwt' : 'oauthservertoserver'}`;
}

export function projectFrame(org, project, content) {
  const here = location.pathname;
  const link = (href, text) => h('a', { href, 'aria-current': here.startsWith(href) ? 'page' : null }, text);
  return h('div', { class: 'Project_frame__Hk2v9' },
    h('nav', { class: 'Project_side__Lr0c3', 'aria-label': 'Project' },
      h('p', { class: 'Project_crumb__Zp5s1' }, h('a', { href: `/console/projects?orgId=${org}` }, 'Projects'), ' / ', project.title),
      h('p', { class: 'Project_ws__Ce4m8' }, `Workspace: ${project.workspace.name}`),
      link(`/console/projects/${org}/${project.id}/overview`, 'Project overview'),
      h('p', { class: 'Project_group__u8Wd1' }, 'Credentials'),
      project.credentials.map((c) => link(credentialPath(org, project.id, c), c.name))),
    h('div', { class: 'Project_content__Yb6n4' }, content));
}

/** The workspace's "Download all": every credential of the workspace, nested (V). */
export function downloadButton(org, project) {
  return h('a', { class: 'Button_secondary__f9Kd2', href: api.downloadUrl(org, project.id, project.workspace.id), download: true }, 'Download all');
}

/** A credential page's own "Download JSON": that credential only, flat, upper-case keys (V). */
export function credentialDownloadButton(org, projectId, credentialId) {
  return h('a', { class: 'Button_secondary__f9Kd2', href: api.credentialDownloadUrl(org, projectId, credentialId), download: true }, 'Download JSON');
}
