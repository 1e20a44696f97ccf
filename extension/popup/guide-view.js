// The guide at the top of the popup: the four stages as the wasm core judged them, and the
// one next step. The step's popup button is the real one, lent from its section below, so it
// keeps its handler, its progress and its lock against double clicks.
import { $, busy, copyText, el, send, status } from './shared.js';

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
  'switch-credential': 'switch-credential',
  // The side panel's site access (popup/panel.js).
  'allow-site': 'allow-aem-site',
};
// The stepper's words for where each stage stands (the core's `progress`).
const PROGRESS = { done: ['✓', 'Done'], now: ['→', 'Now'], later: ['·', 'Later'], problem: ['!', 'Problem'] };
const homes = new Map(); // button id → the marker where the button lives when not lent
let drawn = false;
let shownNext = ''; // the next step last drawn, to move the focus to a new one

function lend(id) {
  // A check's note on where it sends the secret goes with its button.
  for (const part of [id, `${id}-sends`]) {
    const node = $(part);
    if (!node) continue;
    if (!homes.has(part)) {
      const marker = document.createComment(`home of #${part}`);
      node.before(marker);
      homes.set(part, marker);
    }
    $('next-action').append(node);
  }
  $(id).classList.add('primary');
}

function giveBack() {
  for (const [id, marker] of homes) {
    const node = $(id);
    node.classList.remove('primary');
    marker.after(node);
  }
}

function link(l) {
  return l ? el('a', { href: l.url, target: '_blank', rel: 'noopener' }, l.label) : null;
}

/**
 * One line per stage. The stage the next step advances says where it stands in the next-step
 * box; the others open their detail on demand.
 */
function stageItem(s, i, nextUrl) {
  const [mark, word] = s.progress === 'now' && s.status === 'problem' ? ['!', 'Problem'] : PROGRESS[s.progress] ?? ['?', s.progress];
  const line = [
    el('span', { class: 'badge', 'aria-hidden': 'true' }, mark),
    el('span', { class: 'stage-title' }, `${i + 1}. ${s.title}`),
    el('span', { class: 'stage-status' }, word),
  ];
  const item = { class: `stage-item ${s.status} p-${s.progress}`, 'data-stage': s.id };
  if (s.progress === 'now') return el('li', { ...item, 'aria-current': 'step' }, el('div', { class: 'stage-line' }, line));
  return el('li', item, el('details', {}, el('summary', {}, line),
    // The next step shows its own link; the stage does not repeat it.
    el('p', { class: 'stage-detail' }, s.detail, ' ', s.more ?? '', ' ', s.link?.url === nextUrl ? '' : link(s.link) ?? '')));
}

/** One page step: the admin's, or (`runs`) what IMS Link does on the page itself. */
function stepItem(s, runs) {
  const does = (verb) => (runs ? `IMS Link ${verb}s ` : `On the page, ${verb} `);
  // Something only the admin knows (a password): named, never shown or copied.
  if (s.do === 'enter-own') return el('li', {}, `Type ${s.what} in `, el('strong', {}, `“${s.label}”`), ' (IMS Link never keeps it).');
  if (s.do === 'click') return el('li', {}, does('click'), el('strong', {}, `“${s.name}”`), s.within ? ` under ${s.within}.` : '.');
  // AEM's consoles act on the selected item: its toolbar then shows the next step's button.
  if (s.do === 'select') return el('li', {}, does('select'), el('strong', {}, `“${s.name}”`), ' in the list.');
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

/** The pending measure of each clamped box: one per box, so clamping one never drops another's. */
const clampFrames = new WeakMap();

/** A long "where it stands" shows three lines and a button for the rest (all of it is read aloud). */
function clamp(why) {
  why.classList.add('clamped');
  if (why.nextElementSibling?.classList.contains('show-all')) why.nextElementSibling.remove();
  // Two draws in one frame (the popup's read of AEM's page as it opens redraws at once) measure
  // once: only the last one's frame adds the button.
  cancelAnimationFrame(clampFrames.get(why) ?? 0);
  clampFrames.set(why, requestAnimationFrame(() => {
    if (why.scrollHeight <= why.clientHeight + 1) return why.classList.remove('clamped');
    const more = el('button', { type: 'button', class: 'link show-all' }, 'Show all');
    more.addEventListener('click', () => {
      why.classList.remove('clamped');
      more.remove();
    });
    why.after(more);
  }));
}

/** On opening, the focus goes to the next action: its button, else its link, else the box. */
function focusNext() {
  /** @type {HTMLElement | null} */
  const target = $('next-choices').querySelector('button') ?? ($('aem-author').hidden ? null : $('aem-author-address'))
    ?? $('next-action').querySelector('button') ?? $('next-link').querySelector('a')
    ?? $('next-steps').querySelector('button') ?? $('next-heading');
  target?.focus();
}

export function renderGuide(guide) {
  const box = $('guide');
  if (!guide) {
    $('guide-here').textContent = 'IMS Link could not work out the next step. Close this popup and open it again.';
    return;
  }
  $('guide-here').textContent = guide.here;
  clamp($('guide-here'));
  // Fill names the host it fills, and is not offered where there is nothing to fill.
  $('fill').hidden = !guide.fillLabel;
  $('fill').textContent = guide.fillLabel ?? 'Fill this form';
  showConsent(guide.consent);
  // The yes to this origin can be taken back here.
  $('forget-secrets').hidden = !guide.secretsAllowed;
  $('forget-secrets').dataset.origin = guide.secretsAllowed ?? '';
  $('forget-secrets').textContent = guide.secretsAllowed ? `Stop sending secrets to ${guide.secretsAllowed}` : 'Stop sending secrets here';
  const next = guide.next;
  // Redrawing moves the lent button, which loses the focus: where the focus was on the next
  // step (or nowhere), it goes back to the next action below.
  const active = document.activeElement;
  const onNext = !active || active === document.body || Boolean(active.closest('.next'));
  const typing = Boolean(active?.matches('input, textarea, select')) && !active.closest('.next');
  $('guide-stages').replaceChildren(...guide.stages.map((s, i) => stageItem(s, i, next.link?.url)));
  const now = guide.stages.find((s) => s.progress === 'now');
  $('next-heading').textContent = now ? `Next step · ${now.title}` : 'Next step';
  $('next-why').textContent = now?.detail ?? '';
  $('next-why').hidden = !now?.detail;
  clamp($('next-why'));
  // A failure is said once; AEM's own words are behind a disclosure.
  $('next-more-text').textContent = now?.more ?? '';
  $('next-more').hidden = !now?.more;
  $('next-why').closest('.next')?.classList.toggle('problem-now', now?.status === 'problem');
  $('next-text').textContent = next.text;
  $('next-steps').replaceChildren(...next.steps.map((s) => stepItem(s, Boolean(next.runs))));
  $('next-steps').hidden = !next.steps.length;
  $('aem-author').hidden = !guide.aemAuthorButton;
  $('aem-author-save').textContent = guide.aemAuthorButton ?? 'Save';
  giveBack();
  // The page's own action only where the next step asks for nothing else, so the one button
  // shown is always the one to press.
  const action = next.action ?? (next.steps.length || next.link ? null : guide.action);
  if (action && BUTTONS[action]) lend(BUTTONS[action]);
  $('next-link').replaceChildren(link(next.link) ?? '');
  $('next-link').hidden = !next.link;
  // Cards and sections only where they apply.
  // The fill card where there is a form to fill, and as long as a fill made from this popup
  // has something to show (its result, Undo) after the tab moved on.
  $('fill-card').hidden = !guide.fillLabel && $('undo-fill').hidden && !$('fill-result').childElementCount;
  $('keys-section').hidden = !guide.keyPairCard;
  box.dataset.next = next.stage ?? 'done';
  // IMS Link reads AEM's answer on this page by itself (the side panel: popup/aem-watch.js).
  box.dataset.watch = String(Boolean(next.watchAem));
  // IMS Link does the page steps itself (popup/aem-watch.js).
  box.dataset.runs = String(Boolean(next.runs));
  box.dataset.version = String(Number(box.dataset.version ?? 0) + 1);
  // On opening, and when the next step changes (the side panel redraws as the admin works),
  // the focus goes to the next action, unless the admin is typing elsewhere in IMS Link.
  const nextKey = `${next.stage} ${next.text} ${action ?? ''}`;
  if (!drawn || ((nextKey !== shownNext || onNext) && !typing)) focusNext();
  shownNext = nextKey;
  drawn = true;
}

/**
 * The AEM author's address: the core checks it and answers with the guide, now with links. In
 * the side panel that guide also names the site to allow (`allowSite`), asked for by this same
 * click (`allow`).
 * @param {number} tabId
 * @param {boolean} inPanel
 * @param {(guide: any) => void} allow
 */
export function wireAemAuthor(tabId, inPanel, allow) {
  $('aem-author').addEventListener('submit', (e) => {
    e.preventDefault();
    busy($('aem-author-save'), async () => {
      const reply = await send({ type: 'SetAemAuthor', tabId, address: $('aem-author-address').value, panel: inPanel });
      const problem = reply?.type === 'Refused' ? reply.problem.message : null;
      $('aem-author-problem').textContent = problem ?? '';
      $('aem-author-problem').hidden = !problem;
      if (reply?.type === 'Guide') {
        renderGuide(reply.guide);
        status('IMS Link links to your AEM author from now on.');
        allow(reply.guide);
      }
    });
  });
}
