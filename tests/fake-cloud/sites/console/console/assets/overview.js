// "Project overview": the workspace's credentials and the workspace's "Download all".
import { api } from './api.js';
import { h } from './dom.js';
import { credentialPath, downloadButton, projectFrame } from './layout.js';

export async function overviewPage([org, projectId]) {
  const project = await api.project(org, projectId);
  return projectFrame(org, project, [
    h('div', { class: 'Page_title__Vd6sK' }, h('h1', {}, project.title), downloadButton(org, project)),
    h('section', { class: 'Panel_panel__Wx1o7' },
      h('h2', {}, 'Credentials'),
      h('ul', { class: 'List_list__Tg8p0' }, project.credentials.map((c) => h('li', {},
        h('a', { href: credentialPath(org, project.id, c) }, c.name),
        h('span', { class: 'List_meta__Kc3x9' }, c.type === 'jwt' ? 'Deprecated' : 'Server-to-server'))))),
    h('section', { class: 'Panel_panel__Wx1o7' },
      h('h2', {}, 'Connected products and services'),
      h('ul', { class: 'List_list__Tg8p0' }, h('li', {}, 'Adobe Target'))),
  ]);
}
