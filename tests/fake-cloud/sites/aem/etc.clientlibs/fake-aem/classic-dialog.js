// The classic (ExtJS) Target dialog's behaviour: components built from the page's dialog
// definition into ExtJS form-layout items; the Authentication combo's `select` listener shows
// the IMS fields (Tenant ID, IMS Configuration) or the User Credentials ones (Email,
// Password): only the component's event does, a hidden input set from outside does not;
// Client Code copied into an empty Tenant ID (AEM 6.5.8+); "Connect to Adobe Target", and OK
// disabled until a connect succeeds (CQ5 dialog code enables OK on a successful connect).
import { postForm, postParams } from './foundation-form.js';

const Ext = window.CQ.Ext;
const definition = JSON.parse(document.getElementById('tt-dialog-definition').textContent);
const form = document.getElementById('tt-form');
const itemsEl = document.getElementById('tt-items');
const dialog = document.getElementById('tt-dialog');
const mask = document.getElementById('tt-mask');

/** ExtJS FormLayout's item: label "X:" for the field's id, the field in x-form-element. */
function formItem(cmp, fieldLabel) {
  const item = document.createElement('div');
  item.className = 'x-form-item';
  item.tabIndex = -1;
  const label = document.createElement('label');
  label.htmlFor = cmp.id;
  label.className = 'x-form-item-label';
  label.textContent = `${fieldLabel}:`;
  const element = document.createElement('div');
  element.className = 'x-form-element';
  element.id = `x-form-el-${cmp.id}`;
  const clear = document.createElement('div');
  clear.className = 'x-form-clear-left';
  item.append(label, element, clear);
  itemsEl.append(item);
  cmp.render(element);
  return element;
}

const byName = {};
const byAuth = [];
// Classic UI builds a dialog's components when the dialog is first shown (I: CQ dialogs render
// on show): a page whose dialog is closed holds none of its fields until "Edit".
let built = false;
function build() {
  built = true;
  for (const def of definition.items) {
    let cmp;
    if (def.xtype === 'combo') {
      const store = new Ext.data.ArrayStore({ fields: ['value', 'text'], data: def.options });
      cmp = new Ext.form.ComboBox({ hiddenName: def.hiddenName, store, valueField: 'value', displayField: 'text', mode: 'local', triggerAction: 'all', editable: false, value: def.value });
    } else if (def.xtype === 'checkbox') {
      cmp = new Ext.form.Checkbox({ name: def.name, inputValue: 'true', checked: def.checked });
    } else {
      cmp = new Ext.form.TextField({ name: def.name, inputType: def.inputType, value: def.value });
    }
    const element = formItem(cmp, def.fieldLabel);
    if (def.xtype === 'checkbox') {
      const del = document.createElement('input');
      del.type = 'hidden';
      del.name = `${def.name}@Delete`;
      element.append(del);
    }
    byName[def.hiddenName ?? def.name] = cmp;
    if (def.auth) byAuth.push([def.auth, cmp]);
  }

  // IMS shows Tenant ID and IMS Configuration; User Credentials shows Email and Password.
  // Hidden fields are disabled too, so the form does not post them.
  const authentication = byName['./authentication'];
  function showAuthFields(value) {
    for (const [auth, cmp] of byAuth) {
      cmp.setVisible(auth === value);
      cmp.setDisabled(auth !== value);
    }
  }
  authentication.on('select', (combo, record) => showAuthFields(record.get('value')));
  showAuthFields(authentication.getValue());

  // AEM 6.5.8+: Client Code entered first is copied into Tenant ID; a Tenant ID the user
  // typed differently is left alone. Typing (keyup) and a component change both count.
  const clientCode = byName['./clientcode'];
  const tenant = byName['./tenant'];
  let copied = tenant.getValue() === '' ? '' : null;
  function copyClientCode() {
    if (copied !== null && tenant.getValue() === copied) {
      tenant.setValue(clientCode.getValue());
      copied = clientCode.getValue();
    }
  }
  clientCode.on('change', copyClientCode);
  clientCode.el.dom.addEventListener('input', copyClientCode);
  tenant.el.dom.addEventListener('input', () => { copied = tenant.getValue() === '' ? '' : null; });
  tenant.on('change', () => { copied = tenant.getValue() === '' ? '' : null; });
}

const okTable = document.getElementById('tt-ok');
const okButton = okTable.querySelector('button');
function enableOk(on) {
  okButton.disabled = !on;
  okTable.classList.toggle('x-item-disabled', !on);
}

// AEM's Connect code (CQ_Analytics.TestTarget, V for CQ 5.6's copy, I for 6.5) runs this before
// every outcome: the message box then holds "Connection successful", hidden, until the outcome's
// box replaces the text.
function showButtonIndicator() {
  Ext.Msg.wait('Connection successful').hide();
}

// Connect to Adobe Target: the classic command servlet, cmd=connect with the dialog's values.
const connectResult = form.querySelector('.tt-connect-result');
document.querySelector('#tt-connect button').addEventListener('click', async () => {
  connectResult.textContent = 'Connecting…';
  const params = new URLSearchParams([['cmd', 'connect'], ['path', definition.path]]);
  for (const [k, v] of new FormData(form)) if (k !== '_charset_' && typeof v === 'string') params.append(k, v);
  try {
    const { message } = await postParams('/libs/cq/analytics/testandtarget/command', params);
    showButtonIndicator();
    connectResult.textContent = '';
    enableOk(true);
    Ext.Msg.alert('Success', message || 'Connection successful');
  } catch (err) {
    showButtonIndicator();
    connectResult.textContent = '';
    Ext.Msg.alert('Error', err.message);
  }
});

function show(open) {
  if (open && !built) build();
  dialog.hidden = !open;
  mask.hidden = !open;
}
document.getElementById('tt-edit').addEventListener('click', () => show(true));
document.getElementById('tt-close').addEventListener('click', () => show(false));
document.querySelector('#tt-cancel button').addEventListener('click', () => show(false));
okButton.addEventListener('click', async () => {
  if (okButton.disabled) return;
  try {
    await postForm(form);
    location.reload();
  } catch (err) {
    connectResult.textContent = `Could not save: ${err.message}`;
  }
});
// Open right after Create Configuration; an existing configuration's page shows it closed,
// opened with "Edit" (V: the 6.5 docs, PAGES.md).
show(definition.open);
document.documentElement.dataset.ready = 'true';
