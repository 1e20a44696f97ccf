// "Fill this form": snapshot the AEM page's fields, let the wasm core plan the fill from the
// profile, apply it, and remember what was there before for Undo. The page receives only the
// values its form needs, never the private key or the token.
import * as core from '../pkg/ims_link.js';
import { applyActions, snapshotForm } from './aem-page.js';
import { broadcast, read, write } from './session.js';

import { ext as api } from '../shared/ext.js';

async function inPage(tabId, func, args = []) {
  const [frame] = await api.scripting.executeScript({ target: { tabId }, world: 'MAIN', func, args });
  return frame?.result;
}

/** The browser refused to run in the tab: IMS Link may not touch this site yet. */
function noAccess(tabId, err) {
  return {
    type: 'Refused',
    problem: {
      code: 'no-site-access',
      message: 'IMS Link may not fill forms on this site yet. Click the IMS Link icon while this AEM page is open, or choose "Allow on this AEM site".',
    },
    tabId,
    detail: String(err?.message ?? err).slice(0, 200),
  };
}

export async function fillForm(tabId, confirm = [], allowOrigin = undefined) {
  let snapshot;
  try {
    snapshot = await inPage(tabId, snapshotForm);
  } catch (err) {
    return noAccess(tabId, err);
  }
  const { profile, imsConfigTitle, secretOrigins = [] } = await read('profile', 'imsConfigTitle', 'secretOrigins');
  // [issue 14] Origins the admin allowed to receive secrets; a yes from the popup adds this
  // page's origin (the core refuses any other).
  const origins = allowOrigin ? core.allowSecretOrigin(secretOrigins, allowOrigin, snapshot.url) : secretOrigins;
  if (allowOrigin) await write({ secretOrigins: origins });
  const plan = core.planFill(snapshot, profile ?? core.emptyProfile(), { confirm, imsConfigTitle: imsConfigTitle ?? undefined, secretOrigins: origins });
  const steps = plan.actions.map(({ key, action, value }) => ({ key, action, value }));
  const results = steps.length ? await inPage(tabId, applyActions, [steps]) : [];
  const applied = plan.actions.filter((a) => results.find((r) => r.key === a.key)?.ok);
  if (applied.length || plan.consent || (plan.unchanged.length && !plan.conflicts.length)) {
    // What the guide counts as filled: this form, on this AEM author (the last 20 fills).
    const { fills = {}, filled = [] } = await read('fills', 'filled');
    const origin = new URL(snapshot.url).origin;
    await write({
      // [issue 14] consent: the origin whose secrets wait for the admin's yes (the guide asks).
      // [issue 14] undoRecord masks what secret fields received (undo records hold no secret).
      fills: { ...fills, [tabId]: { url: snapshot.url, form: plan.form, applied: core.undoRecord(applied), consent: plan.consent?.origin } },
      filled: [...filled, { form: plan.form, origin }].slice(-20),
    });
    broadcast({ type: 'ProfileChanged' });
  }
  // The title given to an IMS configuration is how the Target form picks it later.
  const title = plan.form === 'ims-wizard' ? plan.actions.concat(plan.unchanged).find((a) => a.specId === 'title') : null;
  if (title) await write({ imsConfigTitle: title.after ?? title.value });
  return { type: 'FillResult', plan, results };
}

export async function undoFill(tabId) {
  const { fills = {} } = await read('fills');
  const last = fills[tabId];
  if (!last) return { type: 'Refused', problem: { code: 'nothing-to-undo', message: 'There is no fill to undo on this page.' } };
  // [issue 14] Only on the origin and path the fill was made on: the core throws
  // FillError undo-elsewhere otherwise (also when the tab's page may not be read at all).
  const pageUrl = await inPage(tabId, () => location.href).catch(() => '');
  const steps = core.undoFill(last.applied, { filledUrl: last.url, pageUrl }).map(({ key, action, value }) => ({ key, action, value }));
  let results;
  try {
    results = await inPage(tabId, applyActions, [steps]);
  } catch (err) {
    return noAccess(tabId, err);
  }
  delete fills[tabId];
  const { filled = [] } = await read('filled');
  const origin = new URL(last.url).origin;
  const i = filled.findLastIndex((f) => f.form === last.form && f.origin === origin);
  await write({ fills, filled: i < 0 ? filled : filled.filter((_, j) => j !== i) });
  broadcast({ type: 'ProfileChanged' });
  return { type: 'UndoResult', restored: results.filter((r) => r.ok).length, results };
}

/** [issue 14] The admin takes back the yes to an origin: no more secrets go there unasked. */
export async function forgetSecretOrigin(tabId, origin) {
  const { secretOrigins = [] } = await read('secretOrigins');
  await write({ secretOrigins: core.forgetSecretOrigin(secretOrigins, origin) });
  broadcast({ type: 'ProfileChanged' });
  return { type: 'ProfileChanged' };
}
