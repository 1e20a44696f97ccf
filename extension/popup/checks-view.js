// "Check IMS" and "Connect to Target": pass or fail, the core's diagnosis with one next step,
// and the raw answer (token removed) behind a disclosure.
import { $, busy, el, send, status } from './shared.js';

function result(report, okText) {
  if (!report) return null;
  if (report.ok) {
    return el('div', { class: 'check ok', role: 'status' }, el('strong', {}, 'Passed. '), okText(report),
      report.clockWarning ? el('p', { class: 'warn' }, report.clockWarning) : null);
  }
  const d = report.diagnosis ?? {};
  return el('div', { class: 'check fail', role: 'alert' },
    el('strong', {}, 'Failed: '), d.summary ?? 'unknown problem',
    el('p', {}, d.cause ?? ''),
    el('p', {}, el('strong', {}, 'Next step: '), d.nextStep ?? ''),
    report.clockWarning ? el('p', { class: 'warn' }, report.clockWarning) : null,
    d.raw || d.httpStatus ? el('details', {}, el('summary', {}, 'Raw answer'),
      el('pre', {}, `${d.httpStatus ? `HTTP ${d.httpStatus}${d.remoteError ? ` ${d.remoteError}` : ''}\n` : ''}${d.raw ?? ''}`)) : null);
}

const expires = (r) => `Token obtained, expires ${new Date(r.expiresAtMs).toLocaleString()}.${r.attempts > 1 ? ' (IMS answered on the second try.)' : ''}`;
const activities = (r) => `Target answered: the tenant has ${r.totalActivities} activit${r.totalActivities === 1 ? 'y' : 'ies'}.`;

export function renderChecks(checks) {
  $('ims-result').replaceChildren(result(checks?.ims, expires) ?? '');
  $('target-result').replaceChildren(result(checks?.target, activities) ?? '');
  $('check-target').disabled = !checks?.ims?.ok;
}

/** Which host each check sends the secret to, in the core's words (`ProfileState.sends`). */
export function renderSends(sends) {
  $('check-ims-sends').textContent = sends?.ims ?? '';
  $('check-target-sends').textContent = sends?.target ?? '';
}

// No redraw here: a result the core records changes the session, and the worker's
// ProfileChanged redraws every open page (popup.js). Redrawing here too sent a second
// `GetPopup` and drew everything twice after each check; a result not recorded (the profile
// changed meanwhile) or a refusal changes nothing to draw.
export function wireChecks() {
  $('check-ims').addEventListener('click', () => busy($('check-ims'), async () => {
    status('Asking Adobe IMS for a token…');
    const reply = await send({ type: 'CheckIms' });
    status(reply?.report?.ok ? 'IMS check passed.' : 'IMS check failed.');
  }));
  $('check-target').addEventListener('click', () => busy($('check-target'), async () => {
    status('Calling the Target Admin API…');
    const reply = await send({ type: 'CheckTarget' });
    status(reply?.report?.ok ? 'Target connection works.' : 'Target connection failed.');
  }));
}
