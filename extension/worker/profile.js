// The integration profile: captures from pages and pastes are merged by the wasm core;
// values that would replace different ones wait as conflicts until the admin chooses.
import * as core from '../pkg/ims_link.js';
import { ext as api } from '../shared/ext.js';
import { broadcast, read, write } from './session.js';

// Snapshots arrive in bursts; each change is a read-modify-write, so they run one at a time.
let queue = Promise.resolve();
function serial(fn) {
  const run = queue.then(fn, fn);
  queue = run.catch(() => {});
  return run;
}

async function load() {
  const { profile, pending = [], notices = [] } = await read('profile', 'pending', 'notices');
  return { profile: profile ?? core.emptyProfile(), pending, notices };
}

/**
 * A check's pass is only true of the values it was made with: the core says which results
 * (and whether the token) the changed fields void.
 */
export async function voided(fields) {
  const stale = core.staleChecks(fields);
  if (stale.ims) return { token: null, checks: {} };
  if (!stale.target) return {};
  const { checks = {} } = await read('checks');
  return checks.target ? { checks: { ...checks, target: null } } : {};
}

/** Merges a capture; its conflicting values are kept aside with the capture they came from. */
async function absorb(capture, replace = []) {
  const { profile, pending, notices } = await load();
  const merged = core.mergeCapture(profile, capture, replace);
  const fields = new Set(merged.conflicts.map((c) => c.field));
  const stillPending = pending.filter((p) => !p.conflicts.some((c) => fields.has(c.field)));
  const next = merged.conflicts.length ? [...stillPending, { capture, conflicts: merged.conflicts }] : stillPending;
  const newNotices = [...(capture.notices ?? []), ...notices].slice(0, 5);
  await write({ profile: merged.profile, pending: next, notices: newNotices, ...(await voided(merged.changed)) });
  if (merged.changed.length || merged.conflicts.length) broadcast({ type: 'ProfileChanged' });
  return merged;
}

export async function profileState() {
  const { profile, pending, notices } = await load();
  const { checks = {}, keyPair } = await read('checks', 'keyPair');
  return {
    type: 'ProfileState',
    profile,
    findings: core.diagnoseProfile(profile, Date.now()),
    conflicts: pending.flatMap((p) => p.conflicts),
    notices,
    checks,
    hasKeyPair: Boolean(keyPair),
  };
}

export function pageSnapshot(snapshot, tabId) {
  return serial(async () => {
    const capture = core.captureFromPage(snapshot, Date.now());
    if (!capture) return null;
    const merged = await absorb(capture);
    badge(tabId, merged);
    return null;
  });
}

/** The toolbar badge tells that this page gave the profile something, or wants a choice. */
function badge(tabId, merged) {
  if (typeof tabId !== 'number') return;
  const action = api.action;
  const conflicts = merged.conflicts.length;
  const text = conflicts ? '!' : merged.changed.length ? '+' : '';
  if (!text) return;
  action.setBadgeBackgroundColor({ tabId, color: conflicts ? '#b45309' : '#0d66d0' }).catch(() => {});
  action.setBadgeText({ tabId, text }).catch(() => {});
  action.setTitle({ tabId, title: conflicts ? 'IMS Link: this page shows values that differ from the profile' : 'IMS Link: values captured from this page' }).catch(() => {});
}

export const importText = (kind, text, fileName) => serial(async () => {
  const source = { kind: fileName ? 'file' : 'paste', url: fileName ?? undefined, atMs: Date.now() };
  const capture = {
    'workspace-json': () => core.parseWorkspaceJson(text, source),
    payload: () => core.parsePayload(text, source),
    scopes: () => core.parseScopes(text, source),
  }[kind]();
  await absorb(capture);
  return profileState();
});

// Typing is the admin's own choice: it replaces what was there.
export const editField = (field, value) => serial(async () => {
  await absorb(core.typedValue(field, value, Date.now()), [field]);
  return profileState();
});

export const resolveConflicts = (accept) => serial(async () => {
  const { pending } = await load();
  await write({ pending: [] });
  for (const p of pending) {
    const chosen = p.conflicts.map((c) => c.field).filter((f) => accept.includes(f));
    if (chosen.length) await absorb(p.capture, chosen);
  }
  // absorb() re-adds the conflicts not chosen; the admin declined those.
  await write({ pending: [] });
  broadcast({ type: 'ProfileChanged' });
  return profileState();
});

export const clearProfile = (fields) => serial(async () => {
  const { profile } = await load();
  const cleared = core.clearProfile(profile, fields ?? undefined);
  await write({ profile: cleared, pending: [], notices: [], ...(fields ? await voided(fields) : { token: null, checks: {}, filled: [] }) });
  broadcast({ type: 'ProfileChanged' });
  return profileState();
});

/** Reads at.js's settings where they live, in the site page's own world (needs activeTab). */
function atjsSettings() {
  const s = globalThis.targetGlobalSettings ?? {};
  const text = (v) => (typeof v === 'string' ? v.slice(0, 256) : '');
  return { url: location.href, clientCode: text(s.clientCode), serverDomain: text(s.serverDomain), imsOrgId: text(s.imsOrgId), version: text(globalThis.adobe?.target?.VERSION) };
}

export const readSiteSettings = (tabId) => serial(async () => {
  let settings;
  try {
    [{ result: settings }] = await api.scripting.executeScript({ target: { tabId }, world: 'MAIN', func: atjsSettings });
  } catch {
    return { type: 'Refused', problem: { code: 'no-site-access', message: 'IMS Link may not read this page yet: click the IMS Link icon while the page is open, then try again.' } };
  }
  const capture = core.captureFromAtjs(settings, Date.now());
  if (!capture) return { type: 'Refused', problem: { code: 'no-at-js', message: 'This page has no Adobe Target at.js settings (targetGlobalSettings). Open a page of your site that runs Target.' } };
  await absorb(capture);
  return profileState();
});
