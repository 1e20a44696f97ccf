// The profile: every captured value with where it came from, editable, clearable; values that
// would replace different ones wait for the admin's choice; findings from the core's checks.
import { showCredentialChoice } from './credential-choice.js';
import { PROFILE_FIELDS } from './profile-fields.js';
import { $, busy, copyText, el, send, status, timings } from './shared.js';

// Labels, secrets and order are the core's (src/profile/fields.rs). The certificate's
// fingerprint is left to the key pair card, which shows it with the pair.
const FIELDS = PROFILE_FIELDS.filter((f) => f.field !== 'certificateSha256').map((f) => [f.field, f.label]);
const LABEL = Object.fromEntries(FIELDS);
const SECRET = new Set(PROFILE_FIELDS.filter((f) => f.secret).map((f) => f.field));
const AUTH = { jwt: 'Service Account (JWT)', oauth: 'OAuth Server-to-Server' };
const revealed = new Set();

function shown(field, value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (field === 'authType') return AUTH[value] ?? value;
  return String(value);
}

function masked() {
  return '••••••••';
}

function sourceText(source) {
  if (!source) return '';
  const when = new Date(source.atMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const where = { page: 'from the page', paste: 'pasted', file: 'from a file', typed: 'typed by you' }[source.kind] ?? source.kind;
  let host = '';
  try {
    host = source.url ? ` ${new URL(source.url).host}` : '';
  } catch {
    host = source.url ? ` ${source.url}` : '';
  }
  return `${where}${source.kind === 'page' ? host : source.kind === 'file' ? ` ${source.url}` : ''}, ${when}`;
}

function row(field, label, sourced, onChange, refresh) {
  const text = shown(field, sourced?.value);
  const secret = SECRET.has(field);
  const kind = field === 'authType' ? ' text' : field === 'payload' ? ' long' : '';
  // The payload scrolls: keyboard users reach it (tabindex) and hear what it is.
  const scrolls = field === 'payload' && text ? { tabindex: '0', role: 'region', 'aria-label': label } : {};
  const valueEl = el('span', { class: `pv-value${kind}`, id: `pv-${field}`, ...scrolls }, text ? (secret && !revealed.has(field) ? masked() : text) : '—');
  const editor = el('input', { type: secret ? 'password' : 'text', 'aria-label': `${label} value`, class: 'pv-input', hidden: true, autocomplete: 'off', spellcheck: 'false', 'data-field': field });
  const actions = [];
  if (text && secret) {
    actions.push(el('button', { type: 'button', class: 'link', 'aria-label': `${revealed.has(field) ? 'Hide' : 'Reveal'} ${label}`, onclick: () => {
      if (revealed.has(field)) revealed.delete(field);
      else {
        revealed.add(field);
        // Masked again on its own, as a password manager does (the core sets how long).
        if (timings.revealMs) setTimeout(() => { if (revealed.delete(field)) onChange(); }, timings.revealMs);
      }
      onChange();
    } }, revealed.has(field) ? 'Hide' : 'Reveal'));
  }
  if (text) actions.push(el('button', { type: 'button', class: 'link', 'aria-label': `Copy ${label} from the profile`, onclick: () => copyText(text, label, { secret }) }, 'Copy'));
  const edit = el('button', { type: 'button', class: 'link', 'aria-label': `Edit ${label}` }, 'Edit');
  edit.addEventListener('click', async () => {
    if (editor.hidden) {
      editor.hidden = false;
      editor.value = field === 'scopes' ? text : sourced?.value ?? '';
      edit.textContent = 'Save';
      edit.setAttribute('aria-label', `Save ${label}`);
      editor.focus();
      return;
    }
    const reply = await send({ type: 'EditField', field, value: editor.value });
    if (reply?.type === 'Refused') return status(reply.problem.message);
    status(`${label} saved.`);
    editor.hidden = true; // saved: the next drawing closes it
    // An unchanged value brings no ProfileChanged from the worker: re-read to close the editor.
    refresh();
  });
  editor.addEventListener('keydown', (e) => e.key === 'Enter' && edit.click());
  actions.push(edit);
  return el('div', { class: 'pv-row', role: 'listitem' },
    el('span', { class: 'pv-label' }, label),
    valueEl, editor,
    el('span', { class: 'pv-actions' }, actions),
    el('span', { class: 'pv-source' }, sourceText(sourced?.source)));
}

function conflictsView(conflicts, refresh) {
  if (!conflicts.length) return null;
  const boxes = conflicts.map((c) => {
    const label = LABEL[c.field] ?? c.field;
    const hide = (v) => (SECRET.has(c.field) ? masked() : shown(c.field, v));
    return el('label', { class: 'cf-item' },
      el('input', { type: 'checkbox', value: c.field }),
      ` ${label}: `, el('s', {}, hide(c.current)), ' → ', el('strong', {}, hide(c.incoming)),
      el('span', { class: 'pv-source' }, ` (${sourceText(c.incomingSource)})`));
  });
  const apply = el('button', { type: 'button' }, 'Use the ticked new values');
  apply.addEventListener('click', () => busy(apply, async () => {
    const accept = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    await send({ type: 'ResolveConflicts', accept });
    status(accept.length ? 'Profile updated.' : 'Kept the current values.');
    refresh();
  }));
  return el('div', { class: 'conflicts', role: 'group', 'aria-labelledby': 'cf-h' },
    el('p', { id: 'cf-h' }, 'A page showed values that differ from the profile. Tick the ones to use:'),
    boxes, apply);
}

/** A client id or secret read from a page into an empty profile, waiting for the admin's yes. */
function showCaptured(awaiting) {
  $('captured').hidden = !awaiting;
  if (!awaiting) return;
  const values = [['clientId', awaiting.clientId], ['clientSecret', awaiting.clientSecret]].filter(([, v]) => v);
  $('captured-h').textContent = `Captured from ${awaiting.page}: accept?`;
  $('captured-values').replaceChildren(...values.map(([f, v]) =>
    el('li', {}, `${LABEL[f] ?? f}: `, el('strong', {}, SECRET.has(f) ? masked() : shown(f, v.value)))));
  $('accept-captured').textContent = values.length > 1 ? 'Accept both' : `Accept the ${LABEL[values[0][0]] ?? 'value'}`;
}

/** A first credential the core took by itself from this page (`taken`): what, from where, and Undo. */
export function showTaken(taken) {
  $('taken').hidden = !taken;
  $('taken-text').textContent = taken?.text ?? '';
}

/**
 * Another credential than the profile's (the core's `switch`): the two in a few words and one
 * decision for the whole credential, never a tick box per value.
 */
function showSwitch(sw) {
  $('switch').hidden = !sw;
  if (!sw) return;
  $('switch-current').textContent = sw.current;
  $('switch-incoming').textContent = sw.incoming;
}

function findingsView(findings) {
  if (!findings.length) return null;
  return el('ul', { class: 'findings', 'aria-label': 'Checks on the profile' },
    findings.map((f) => el('li', { class: `finding ${f.severity}` }, el('span', { class: 'sev' }, f.severity === 'error' ? 'Problem' : f.severity === 'warning' ? 'Warning' : 'Note'), ' ', f.message)));
}

export function renderProfile(state, refresh) {
  const box = $('profile-view');
  const p = state?.profile ?? {};
  showCaptured(state?.awaiting ?? null);
  showSwitch(state?.switch ?? null);
  const rows = FIELDS.filter(([f]) => f !== 'payload' || p.payload || p.authType?.value === 'jwt')
    .filter(([f]) => f !== 'scopes' || p.scopes || p.authType?.value !== 'jwt')
    .map(([f, label]) => row(f, label, p[f], () => renderProfile(state, refresh), refresh));
  // replaceChildren turns a null into the text "null" (DOM spec); the empty views are null.
  const parts = [
    el('div', { role: 'list', 'aria-label': 'Profile values' }, rows),
    conflictsView(state?.conflicts ?? [], refresh),
    ...(state?.notices ?? []).map((n) => el('p', { class: 'notice' }, n.message)),
    findingsView(state?.findings ?? []),
  ];
  // A value the admin is typing survives a redraw (a page seen in another tab redraws the
  // profile): the open editors are opened again with what was typed, focus included.
  const open = /** @type {HTMLInputElement[]} */ ([...box.querySelectorAll('input.pv-input:not([hidden])')]);
  const typing = open.map((input) => ({
    field: input.dataset.field, value: input.value, focused: document.activeElement === input,
  }));
  box.replaceChildren(...parts.filter((part) => part !== null));
  for (const t of typing) {
    const editor = box.querySelector(`.pv-input[data-field="${t.field}"]`);
    const edit = editor?.closest('.pv-row')?.querySelector(`[aria-label="Edit ${LABEL[t.field] ?? t.field}"]`);
    if (!editor || !edit) continue;
    /** @type {HTMLElement} */ (edit).click();
    /** @type {HTMLInputElement} */ (editor).value = t.value;
    if (!t.focused) /** @type {HTMLElement} */ (document.activeElement)?.blur?.();
  }
}

/**
 * Sends text to import; a file with several credentials first asks which one. The status line
 * shows the worker's own account of what was taken, missing and refused.
 * @param {{kind: string, text: string, fileName?: string, choice?: string}} input
 * @param {() => void} refresh
 * @returns {Promise<boolean>} whether the profile took something
 */
async function importText(input, refresh) {
  const reply = await send({ type: 'ImportText', ...input });
  if (reply?.type === 'ChooseCredential') {
    status(reply.message);
    showCredentialChoice($('import').closest('.actions') ?? $('import'), reply, async (choice) => {
      if ((await importText({ ...input, choice }, refresh)) && !input.fileName) $('paste').value = '';
    });
    return false;
  }
  if (reply?.type === 'Refused') {
    status(reply.problem.message);
    return false;
  }
  status(reply?.import?.message ?? '');
  refresh();
  return true;
}

export function wireProfile(refresh) {
  $('import').addEventListener('click', () => busy($('import'), async () => {
    const text = $('paste').value;
    const kind = $('paste-kind').value;
    if (await importText({ kind, text }, refresh)) $('paste').value = '';
  }));
  $('paste-file').addEventListener('change', async () => {
    const file = $('paste-file').files[0];
    if (!file) return;
    const text = await file.text();
    $('paste-file').value = '';
    await importText({ kind: 'workspace-json', text, fileName: file.name }, refresh);
  });
  for (const sw of [true, false]) {
    const id = sw ? 'switch-credential' : 'keep-credential';
    $(id).addEventListener('click', () => busy($(id), async () => {
      await send({ type: 'SwitchCredential', switch: sw });
      status(sw ? 'Switched the profile to this credential.' : 'Kept the current credential.');
      refresh();
    }));
  }
  $('undo-taken').addEventListener('click', () => busy($('undo-taken'), async () => {
    await send({ type: 'UndoTaken' });
    status('Taken back: the values wait for your yes.');
    refresh();
  }));
  for (const accept of [true, false]) {
    const id = accept ? 'accept-captured' : 'discard-captured';
    $(id).addEventListener('click', () => busy($(id), async () => {
      await send({ type: 'AcceptCaptured', accept });
      status(accept ? 'Accepted into the profile.' : 'Discarded.');
      refresh();
    }));
  }
  let confirmClear = false;
  $('clear-profile').addEventListener('click', async () => {
    if (!confirmClear) {
      confirmClear = true;
      $('clear-profile').textContent = 'Click again to clear every value';
      return;
    }
    confirmClear = false;
    $('clear-profile').textContent = 'Clear profile';
    await send({ type: 'ClearProfile' });
    status('Profile cleared.');
    refresh();
  });
}
