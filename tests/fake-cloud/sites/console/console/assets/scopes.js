// The "Scopes" value in each markup a design system uses for a list. How the real Console lays
// out scopes is G (adobe-surfaces.md §8: "scopes are shown per service", DOM unknown), so the
// fake offers every plausible one and the tests run the product against each.
import { copyButton, h } from './dom.js';

/** Which service a scope belongs to, for the per-service layout. */
function serviceOf(scope) {
  return /target|additional_info\./.test(scope) ? 'Adobe Target' : 'Profile and organization';
}

/** Spectrum's Tag: a chip per scope, no separator text between them. */
function tag(scope) {
  return h('div', { class: 'Tag_tag__p4Rb2', role: 'row' }, h('span', { class: 'Tag_label__Wz0j1', role: 'gridcell' }, scope));
}

function tagGroup(scopes) {
  return h('div', { class: 'TagGroup_group__Fc8x1', role: 'grid', 'aria-label': 'Scopes' }, scopes.map(tag));
}

/** The value element for `scopes` in `markup` ('text', 'space', 'tags', 'list', 'groups'). */
export function scopesValue(scopes, markup) {
  if (markup === 'tags') return tagGroup(scopes);
  if (markup === 'list') return h('ul', { class: 'List_plain__Rq2s7' }, scopes.map((s) => h('li', {}, s)));
  if (markup === 'groups') {
    const groups = new Map();
    for (const s of scopes) groups.set(serviceOf(s), [...(groups.get(serviceOf(s)) ?? []), s]);
    return h('div', { class: 'Scopes_groups__Jd3k8' }, [...groups].map(([service, list]) =>
      h('div', { class: 'Scopes_group__Tn5v0' }, h('h4', { class: 'Scopes_service__Ba1q9' }, service), tagGroup(list))));
  }
  const text = scopes.join(markup === 'space' ? ' ' : ', ');
  return [h('span', { class: 'Field_text__Rv5m2' }, text), copyButton(() => text)];
}
