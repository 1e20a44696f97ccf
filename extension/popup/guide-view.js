// The guide at the top of the popup: the four stages as the wasm core judged them, and the
// one next step. The step's popup button is the real one, lent from its section below, so it
// keeps its handler, its progress and its lock against double clicks.
import { $, copyText, el } from './shared.js';

const BUTTONS = {
  'copy-tenant': 'copy-tenant',
  'generate-key-pair': 'generate',
  'fill-form': 'fill',
  'check-ims': 'check-ims',
  'check-target': 'check-target',
  'allow-secrets': 'allow-secrets',
  'accept-captured': 'accept-captured',
  'read-aem-result': 'read-aem',
  'take-aem-certificate': 'take-aem-cert',
};
const STATUS = { done: ['✓', 'Done'], 'needs-you': ['→', 'Needs you'], problem: ['!', 'Problem'] };
const homes = new Map(); // button id → the marker where the button lives when not lent

function lend(id) {
  const button = $(id);
  if (!homes.has(id)) {
    const marker = document.createComment(`home of #${id}`);
    button.before(marker);
    homes.set(id, marker);
  }
  button.classList.add('primary');
  $('next-action').append(button);
}

function giveBack() {
  for (const [id, marker] of homes) {
    const button = $(id);
    button.classList.remove('primary');
    marker.after(button);
  }
}

function link(l) {
  return l ? el('a', { href: l.url, target: '_blank', rel: 'noopener' }, l.label) : null;
}

function stageItem(s, i, nextUrl) {
  const [mark, word] = STATUS[s.status] ?? ['?', s.status];
  return el('li', { class: `stage-item ${s.status}`, 'data-stage': s.id },
    el('span', { class: 'badge', 'aria-hidden': 'true' }, mark),
    el('div', {},
      el('span', { class: 'stage-title' }, `${i + 1}. ${s.title}`), ' ',
      el('span', { class: 'stage-status' }, word),
      el('p', { class: 'stage-detail' }, s.detail),
      // The next step shows its own link; the stage does not repeat it.
      s.link?.url === nextUrl ? null : link(s.link)));
}

function stepItem(s) {
  // Something only the admin knows (a password): named, never shown or copied.
  if (s.do === 'enter-own') return el('li', {}, `Type ${s.what} in `, el('strong', {}, `“${s.label}”`), ' (IMS Link never keeps it).');
  if (s.do === 'click') return el('li', {}, 'On the page, click ', el('strong', {}, `“${s.name}”`), s.within ? ` under ${s.within}.` : '.');
  return el('li', {}, `Type `, el('strong', {}, s.value), ` as the ${s.label}. `,
    el('button', { type: 'button', class: 'link', 'aria-label': `Copy the ${s.label}`, onclick: () => copyText(s.value, `the ${s.label}`) }, 'Copy'));
}

/** The "Send to <origin>" button, shown while a fill on this page waits for the admin's yes. */
export function showConsent(consent) {
  const yes = $('allow-secrets');
  yes.hidden = !consent;
  yes.dataset.origin = consent?.origin ?? '';
  yes.textContent = consent ? `Send to ${consent.origin}` : 'Send the client secret';
}

export function renderGuide(guide) {
  const box = $('guide');
  if (!guide) {
    $('guide-here').textContent = 'IMS Link could not work out the next step. Close this popup and open it again.';
    return;
  }
  $('guide-here').textContent = guide.here;
  // Fill names the host it fills, and is not offered where there is nothing to fill.
  $('fill').hidden = !guide.fillLabel;
  $('fill').textContent = guide.fillLabel ?? 'Fill this form';
  showConsent(guide.consent);
  // The yes to this origin can be taken back here.
  $('forget-secrets').hidden = !guide.secretsAllowed;
  $('forget-secrets').dataset.origin = guide.secretsAllowed ?? '';
  $('forget-secrets').textContent = guide.secretsAllowed ? `Stop sending secrets to ${guide.secretsAllowed}` : 'Stop sending secrets here';
  const next = guide.next;
  $('guide-stages').replaceChildren(...guide.stages.map((s, i) => stageItem(s, i, next.link?.url)));
  $('next-text').textContent = next.text;
  $('next-steps').replaceChildren(...next.steps.map(stepItem));
  $('next-steps').hidden = !next.steps.length;
  giveBack();
  // The page's own action only where the next step asks for nothing else, so the one button
  // shown is always the one to press.
  const action = next.action ?? (next.steps.length || next.link ? null : guide.action);
  if (action && BUTTONS[action]) lend(BUTTONS[action]);
  $('next-link').replaceChildren(link(next.link) ?? '');
  $('next-link').hidden = !next.link;
  box.dataset.next = next.stage ?? 'done';
  box.dataset.version = String(Number(box.dataset.version ?? 0) + 1);
}
