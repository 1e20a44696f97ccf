// "Projects": the projects of the selected organization, as cards.
import { api } from './api.js';
import { h } from './dom.js';

export async function projectsPage(_params, { navigate }) {
  const orgs = await api.organizations();
  const wanted = new URLSearchParams(location.search).get('orgId');
  const org = orgs.find((o) => o.id === wanted) ?? orgs[0];
  const projects = org ? await api.projects(org.id) : [];
  const picker = h('select', {
    class: 'Picker_picker__e7Gv2',
    'aria-label': 'Select organization',
    onchange: (e) => navigate(`/console/projects?orgId=${e.target.value}`),
  }, orgs.map((o) => h('option', { value: o.id, selected: o.id === org?.id }, o.name)));
  return [
    h('div', { class: 'Page_title__Vd6sK' }, h('h1', {}, 'Projects'), picker),
    projects.length
      ? h('ul', { class: 'Cards_grid__b5Ne3' }, projects.map((p) => h('li', { class: 'Cards_card__Qe9Lt' },
        h('a', { href: `/console/projects/${org.id}/${p.id}/overview` }, p.title),
        h('p', {}, p.credentials.map((c) => c.name).join(', ')),
        h('p', { class: 'Cards_meta__m2Ds8' }, `Workspace: ${p.workspace.name}`))))
      : h('p', { class: 'Page_empty__a0Xs2' }, 'No projects in this organization yet.'),
  ];
}
