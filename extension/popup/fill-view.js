// "Fill this form" on an AEM page: what was filled, what waits for the admin's OK (fields that
// already hold something else), what to paste by hand, and Undo.
import { showConsent } from './guide-view.js';
import { $, api, busy, copyText, el, send, status } from './shared.js';

const SECRET_MASK = '••••••••';
// Once the admin said "fill anyway" in this popup, later fills (a conflict replaced, the
// origin allowed) keep that answer.
let anyway = false;

/** Nothing filled: the values this form would take have errors; the admin may fill anyway. */
function errorsBox(reply, tabId) {
  const host = reply.origin.replace(/^[a-z]+:\/\//, '');
  const again = el('button', { type: 'button', id: 'fill-anyway' }, `Fill anyway on ${host}`);
  again.addEventListener('click', () => busy(again, async () => {
    anyway = true;
    render(await send({ type: 'FillForm', tabId, anyway }), tabId);
  }));
  const n = reply.findings.length;
  return [
    el('p', { class: 'problem', role: 'alert' }, `Nothing filled yet: ${n === 1 ? 'a value' : `${n} values`} this form would take ${n === 1 ? 'looks' : 'look'} wrong. Fix ${n === 1 ? 'it' : 'them'} in the profile, or fill anyway:`),
    el('ul', { class: 'findings', 'aria-label': 'Problems in the values to fill' },
      reply.findings.map((f) => el('li', { class: 'finding error' }, f.message))),
    again,
  ];
}
const shownValue = (a, v) => (a.secret ? SECRET_MASK : v ?? '');

// The core moved every action the page did not take to `missingFields`: `actions` is what was filled.
function filledList(plan) {
  const done = plan.actions;
  return [
    done.length ? el('p', { class: 'fill-ok' }, `Filled ${done.length} field${done.length === 1 ? '' : 's'}:`) : null,
    done.length ? el('ul', { class: 'fill-list', 'aria-label': 'Filled fields' },
      done.map((a) => el('li', {}, `${a.fieldLabel ?? a.label}: `, el('strong', {}, shownValue(a, a.after))))) : null,
  ];
}

function pasteRow(label, value, secret, why) {
  return el('li', {}, `${label}: `, el('code', {}, secret ? SECRET_MASK : value),
    el('button', { type: 'button', class: 'link', 'aria-label': `Copy the value for ${label}`, onclick: () => copyText(value, `the value for ${label}`, { secret }) }, 'Copy'),
    why ? el('span', { class: 'pv-source' }, ` ${why}`) : null);
}

/**
 * The choices a fill left open (the core's `guide.choices`), inside the next-step box: each
 * field with what it holds struck through, IMS Link's value, and the two answers.
 * @param {{specId: string, label: string, typed: string, ours: string}[]} choices
 */
export function renderChoices(choices) {
  const list = $('next-choices');
  list.hidden = !choices?.length;
  if (!choices?.length || fillTab === undefined) return list.replaceChildren();
  const tabId = fillTab;
  list.replaceChildren(...choices.map((c) => {
    const use = el('button', { type: 'button', 'aria-label': `Use IMS Link's ${c.label}` }, "Use IMS Link's");
    const keep = el('button', { type: 'button', class: 'secondary', 'aria-label': `Keep my ${c.label}` }, 'Keep mine');
    use.addEventListener('click', () => busy(use, async () => render(await send({ type: 'FillForm', tabId, confirm: [c.specId], anyway }), tabId)));
    keep.addEventListener('click', () => busy(keep, async () => {
      const reply = await send({ type: 'KeepFilledValues', tabId, keep: [c.specId] });
      status(reply?.type === 'Refused' ? reply.problem.message : `Kept your ${c.label}.`);
    }));
    return el('li', { class: 'choice' }, `${c.label}: `, el('s', {}, c.typed), ' → ', el('strong', {}, c.ours),
      el('div', { class: 'actions' }, use, keep));
  }));
}

/** The first secret to an origin waits for the admin's yes, naming the origin in full. */
function consentBox(plan) {
  showConsent(plan.consent);
  if (!plan.consent) return null;
  return el('div', { class: 'consent', role: 'group', 'aria-labelledby': 'fill-consent-q' },
    el('p', { id: 'fill-consent-q', class: 'notice' }, plan.consent.question));
}

// Once Fill was clicked in this popup, its result replaces the preview.
let filledHere = false;

/** What the fill would write where, before the first fill: the core's words, secrets masked. */
function previewBox(preview) {
  const row = (r) => el('li', {}, `${r.field}: `, el('strong', {}, r.value));
  // One line until opened, so the guide still fits the popup; the button already names the
  // count and the host.
  return el('details', { id: 'fill-preview-box', class: 'fill-preview' }, ...[
    el('summary', { id: 'fill-preview-h' }, preview.summary),
    el('ul', { class: 'fill-list', id: 'fill-preview', 'aria-label': 'Values the fill writes' }, preview.rows.map(row)),
    preview.waiting.length ? el('p', {}, 'Waiting for your word:') : null,
    preview.waiting.length ? el('ul', { class: 'fill-list', 'aria-label': 'Fields waiting for your word' }, preview.waiting.map(row)) : null,
  ].filter(Boolean));
}

/**
 * On a page with a form, the Fill button names the count and the host, and the preview shows
 * under it; where IMS Link may not read the page yet, the button keeps the guide's words.
 */
export async function previewFill(tabId) {
  if (filledHere || $('fill').hidden) return;
  const reply = await send({ type: 'FillForm', tabId, preview: true }).catch(() => null);
  // Marked whatever the answer, so that a test (or a screen reader's user) knows it settled.
  $('fill').dataset.previewed = 'true';
  if (reply?.type !== 'FillPreview' || filledHere) return;
  const { preview } = reply;
  $('fill').textContent = preview.label;
  // Never over something the admin has not read yet (Undo's result).
  if ((preview.rows.length || preview.waiting.length) && !$('fill-result').childElementCount) $('fill-result').replaceChildren(previewBox(preview));
  $('fill-card').hidden = $('fill').hidden;
}

function render(reply, tabId) {
  const box = $('fill-result');
  if (reply?.type === 'FillResult') filledHere = true;
  $('allow-site').hidden = reply?.problem?.code !== 'no-site-access';
  if (reply?.type === 'Refused') {
    box.replaceChildren(el('p', { class: 'problem', role: 'alert' }, reply.problem.message));
    return;
  }
  if (reply?.type === 'FillHasErrors') {
    box.replaceChildren(...errorsBox(reply, tabId));
    return;
  }
  if (reply?.type === 'UndoResult') {
    // The page is as before the fill: the next draw names the fields a fill would write again.
    filledHere = false;
    $('undo-fill').hidden = true;
    box.replaceChildren(el('p', { role: 'status' }, `Undo restored ${reply.restored} field${reply.restored === 1 ? '' : 's'}.`));
    return;
  }
  if (reply?.type !== 'FillResult') {
    box.replaceChildren(el('p', { class: 'problem', role: 'alert' }, 'The fill did not finish. Reload the AEM page and try again.'));
    return;
  }
  const { plan } = reply;
  $('undo-fill').hidden = !plan.actions.length;
  const parts = [
    consentBox(plan),
    ...plan.notices.map((n) => el('p', { class: 'notice' }, n.message)),
    plan.openUrl ? el('p', {}, el('a', { href: plan.openUrl, target: '_blank' }, 'Open the Create wizard')) : null,
    ...filledList(plan),
    // Said once: the choice itself is in the next-step box.
    plan.conflicts.length ? el('p', { class: 'notice' }, `${plan.conflicts.length === 1 ? 'One field holds' : `${plan.conflicts.length} fields hold`} another value than the profile's: choose in the next step before saving.`) : null,
    plan.missingFields.length ? el('p', { class: 'problem' }, 'Fill by hand (IMS Link could not fill these):') : null,
    plan.missingFields.length ? el('ul', { class: 'fill-list', 'aria-label': 'Fields to fill by hand' },
      plan.missingFields.map((m) => (m.value ? pasteRow(m.label, m.value, m.secret, m.why) : el('li', {}, `${m.label}: ${m.why}`)))) : null,
    plan.missingValues.length ? el('ul', { class: 'fill-list', 'aria-label': 'Values the profile lacks' },
      plan.missingValues.map((m) => el('li', {}, `${m.label}: ${m.why}`))) : null,
  ];
  box.replaceChildren(...parts.filter(Boolean));
  status(plan.form === 'unknown' || plan.conflicts.length ? '' : 'Check the form, then save it in AEM.');
}

/** The tab this popup fills (set once wired). */
let fillTab;

export function wireFill(tabId) {
  fillTab = tabId;
  $('fill').addEventListener('click', () => {
    filledHere = true; // a preview answering late does not cover the fill's result
    busy($('fill'), async () => render(await send({ type: 'FillForm', tabId, anyway }), tabId));
  });
  $('allow-secrets').addEventListener('click', () => busy($('allow-secrets'), async () => {
    render(await send({ type: 'FillForm', tabId, allowOrigin: $('allow-secrets').dataset.origin, anyway }), tabId);
  }));
  $('forget-secrets').addEventListener('click', () => busy($('forget-secrets'), async () => {
    const origin = $('forget-secrets').dataset.origin;
    await send({ type: 'ForgetSecretOrigin', tabId, origin });
    status(`IMS Link will ask again before it sends a secret to ${origin}.`);
  }));
  $('undo-fill').addEventListener('click', () => busy($('undo-fill'), async () => render(await send({ type: 'UndoFill', tabId }), tabId)));
  $('allow-site').addEventListener('click', async () => {
    const tab = await api.tabs.get(tabId).catch(() => null);
    const origin = tab?.url ? new URL(tab.url).origin : null;
    if (!origin) return status('Click the IMS Link icon while the AEM page is open, then Fill this form.');
    // Must run in the click itself: the browser asks the admin.
    const granted = await api.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    status(granted ? `IMS Link may now fill forms on ${origin}.` : 'Site access was not granted.');
    if (granted) $('fill').click();
  });
}
