// "Connect to Adobe Target" of the AEM 6.5 classic dialog: a POST to the classic command
// servlet with cmd=connect and the dialog's values (adobe-surfaces.md §8: the path and cmd V,
// the IMS parameters G). Values that cannot work are refused here; with IMS, AEM then really
// connects: a token from the fake IMS with the IMS configuration it stored, then the fake
// Target API (`connect` in target-routes.mjs).
import { parseFormBody } from './form-body.mjs';
import { connect } from './target-routes.mjs';

export const COMMAND_PATH = '/libs/cq/analytics/testandtarget/command';

/** Whether AEM would connect with these dialog values: { ok, message }. */
export function connectVerdict(state, fields) {
  const clientCode = (fields['./clientcode'] ?? '').trim();
  if (!clientCode) return { ok: false, message: 'Client Code is missing.' };
  if (fields['./authentication'] === 'ims') {
    if (!(fields['./tenant'] ?? '').trim()) return { ok: false, message: 'Tenant ID is missing.' };
    const ims = state.aem.imsConfigs.find((c) => c.id === fields['./imsConfigId']);
    if (!ims) return { ok: false, message: 'Select an IMS Configuration.' };
    if (ims.cloudServiceName !== 'Adobe Target') return { ok: false, message: `The IMS configuration "${ims.title}" is not for Adobe Target.` };
    return { ok: true, message: 'Connection successful' };
  }
  if (!(fields['./email'] ?? '').trim() || !(fields['./password'] ?? '')) return { ok: false, message: 'Email and Password are required.' };
  return { ok: true, message: 'Connection successful' };
}

/** The command servlet's route; false when the request is not for it. */
export function handleTargetCommand(req, res, ctx) {
  if (req.method !== 'POST' || ctx.url.pathname !== COMMAND_PATH) return false;
  return answer(req, res, ctx);
}

async function answer(req, res, ctx) {
  const fields = parseFormBody(req.headers['content-type'], ctx.body);
  if (fields.cmd !== 'connect') return ctx.json(res, 400, { success: false, message: `Unknown command ${fields.cmd ?? ''}`.trim() });
  let verdict = connectVerdict(ctx.state, fields);
  if (verdict.ok && fields['./authentication'] === 'ims') {
    const connected = await connect(ctx.state, fields.path ?? '', fields);
    verdict = { ok: connected.status === 'ok', message: connected.message };
  } else {
    ctx.state.aem.actions.push({ action: 'connectTarget', path: fields.path, fields, ok: verdict.ok });
    if (!verdict.ok) verdict.message = `Connection failed: ${verdict.message}`;
  }
  return ctx.json(res, verdict.ok ? 200 : 400, { success: verdict.ok, message: verdict.message });
}
