// "Client secret": one "Retrieve client secret" button, or, while a secret is rotated, one row
// per secret with its dates and its own Retrieve button (V: several secrets, each with a "last
// used" time; the row layout is G). A retrieved secret replaces only its own row's mask.
import { api } from './api.js';
import { copyButton, h } from './dom.js';

export function secretsValue({ org, projectId, credentialId, cred, session }) {
  const slot = h('div', { class: 'Field_value__8dPz1' });
  const reveal = async (button, index, target) => {
    button.disabled = true;
    const { client_secrets: secrets } = await api.retrieveSecret(org, projectId, credentialId);
    const secret = secrets[index].client_secret;
    session.secret = secret;
    target.replaceChildren(h('span', { class: 'Field_text__Rv5m2' }, secret), copyButton(() => secret));
  };
  if (cred.secrets.length <= 1) {
    const retrieve = h('button', { type: 'button', class: 'Button_secondary__f9Kd2', onclick: () => reveal(retrieve, 0, slot) }, 'Retrieve client secret');
    slot.append(retrieve);
    return slot;
  }
  slot.append(h('div', { class: 'Secrets_list__Vq3m1', role: 'list' }, cred.secrets.map((s, i) => {
    const value = h('span', { class: 'Secrets_value__Xk7p2' }, h('span', { class: 'Secrets_mask__c0Lw4' }, '••••••••••••'));
    const retrieve = h('button', { type: 'button', class: 'Button_secondary__f9Kd2', onclick: () => reveal(retrieve, i, value) }, 'Retrieve client secret');
    value.append(retrieve);
    return h('div', { class: 'Secrets_row__Hn2d5', role: 'listitem' }, value,
      h('span', { class: 'Secrets_meta__Pb8s3' }, `Created ${s.created}`),
      h('span', { class: 'Secrets_meta__Pb8s3' }, `Last used ${s.lastUsed ?? 'never'}`));
  })));
  return slot;
}
