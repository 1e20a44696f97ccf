// The authentication-service user's keystore (Tools > Security > Users > authentication-service
// > Keystore; adobe-surfaces.md §8: "Add Private Key from DER file" takes a PKCS#8 DER key and a
// DER certificate chain, with an alias and the key store password; V for that, I for the UI
// path, G for the address and names: see PAGES.md). Before the key store exists the page
// offers only "Create KeyStore" with a password; then its aliases and the DER import dialog.
import { aemShell, coralPage, esc } from '../lib/html.mjs';

export const KEYSTORE_USER = 'authentication-service';
export const KEYSTORE_PATH = `/libs/granite/security/content/keystore.html/home/users/system/${KEYSTORE_USER}`;
export const KEYSTORE_POST = `/home/users/system/${KEYSTORE_USER}.ks.json`;

const field = (id, label, input) => `<div class="aem-field coral-Form-fieldwrapper"><label is="coral-fieldlabel" for="${id}" class="coral-Form-fieldlabel">${esc(label)}</label>${input}</div>`;
const password = (id, name, label) => field(id, label, `<input is="coral-textfield" type="password" id="${id}" name="${name}" autocomplete="off">`);

function createStore() {
  return `<div class="aem-card"><h2 class="aem-section-title">Create KeyStore</h2>
<p>The user ${esc(KEYSTORE_USER)} has no key store yet. Set the password that protects it.</p>
<form class="foundation-form" id="keystore-create" method="post" action="${KEYSTORE_POST}" data-foundation-form-ajax="true" autocomplete="off">
<input type="hidden" name=":operation" value="createStore">
${password('ks-new-password', 'newPassword', 'New Password')}
${password('ks-re-password', 'rePassword', 'Confirm Password')}
<button is="coral-button" type="submit" variant="cta" id="keystore-create-save">Save</button>
<div class="keystore-result aem-result" aria-live="polite"></div></form></div>`;
}

function manageStore(state) {
  const aliases = Object.keys(state.aem.keypairs ?? {});
  const rows = aliases.map((a) => `<tr is="coral-table-row"><td is="coral-table-cell">${esc(a)}</td><td is="coral-table-cell">Private Key</td></tr>`).join('\n');
  return `<div class="aem-card"><h2 class="aem-section-title">Keystore of ${esc(KEYSTORE_USER)}</h2>
<div class="keystore-actions">
<button is="coral-button" type="button" id="keystore-add-der" icon="add">Add Private Key from DER file</button></div>
<table is="coral-table" id="keystore-entries"><thead is="coral-table-head"><tr is="coral-table-row"><th is="coral-table-headercell">Alias</th><th is="coral-table-headercell">Entry</th></tr></thead>
<tbody is="coral-table-body">${rows}</tbody></table>
${aliases.length === 0 ? '<p class="keystore-empty">There is no item.</p>' : ''}
<div class="keystore-saved aem-result" aria-live="polite"></div></div>
<coral-dialog id="keystore-der-dialog">
<coral-dialog-header>Add Private Key from DER file</coral-dialog-header>
<coral-dialog-content>
<form class="foundation-form" id="keystore-der-form" method="post" action="${KEYSTORE_POST}" enctype="multipart/form-data" data-foundation-form-ajax="true" autocomplete="off">
<input type="hidden" name=":operation" value="add">
${field('ks-alias', 'New Alias', '<input is="coral-textfield" id="ks-alias" name="newAlias" autocomplete="off">')}
${field('ks-key-file', 'Private Key File', '<input type="file" id="ks-key-file" name="keyFile">')}
${field('ks-cert-file', 'Certificate Chain File', '<input type="file" id="ks-cert-file" name="certChain">')}
${password('ks-store-password', 'keyStorePass', 'Key Store Password')}
<div class="keystore-result aem-result" aria-live="polite"></div></form></coral-dialog-content>
<coral-dialog-footer><button is="coral-button" coral-close>Cancel</button><button is="coral-button" variant="cta" id="keystore-der-submit" type="submit" form="keystore-der-form">Submit</button></coral-dialog-footer>
</coral-dialog>`;
}

/** The keystore page: create first when state.aem.keystore is absent, else manage. */
export function keystorePage(state) {
  const body = aemShell({ title: `Keystore Management | ${KEYSTORE_USER}`, content: state.aem.keystore ? manageStore(state) : createStore() });
  return coralPage({ title: 'Keystore Management | Adobe Experience Manager', body, scripts: ['/etc.clientlibs/fake-aem/keystore.js'] });
}
