// Target cloud configuration pages of both AEMs and the Sling POSTs they make.
import { targetCloudPage, targetCreatePage, CLOUD_CREATE_PREFIX, CLOUD_EDIT_PREFIX } from '../pages/target-cloud.mjs';
import { targetLegacyPage } from '../pages/target-legacy.mjs';
import { connectTarget } from './adobe-calls.mjs';
import { parseFormBody } from './form-body.mjs';
import { coralPage, aemShell, esc, sendHtml } from './html.mjs';

const LEGACY_PAGE = /^\/etc\/cloudservices\/testandtarget\/([a-z0-9-]+)\.html$/;
const CLOUD_PAGE = new RegExp(`^${CLOUD_EDIT_PREFIX.replace(/\./g, '\\.')}/conf/([a-z0-9-]+)/settings/cloudconfigs/target$`);
const CREATE_PAGE = new RegExp(`^${CLOUD_CREATE_PREFIX.replace(/\./g, '\\.')}/conf/([a-z0-9-]+)$`);
const CONFIG_POST = /^(\/etc\/cloudservices\/testandtarget\/[a-z0-9-]+|\/conf\/[a-z0-9-]+\/settings\/cloudconfigs\/target)\/jcr:content(\.connect\.json)?$/;
const CLOUD_CONSOLE = /^\/libs\/cq\/core\/content\/tools\/cloudconfigs\.html\/conf\/([a-z0-9-]+)$/;

export async function handleTarget(req, res, ctx) {
  const { state, json } = ctx;
  const path = decodeURIComponent(ctx.url.pathname);
  let m;
  if (req.method === 'GET' && (m = LEGACY_PAGE.exec(path))) return sendHtml(res, targetLegacyPage(state, m[1]));
  if (req.method === 'GET' && (m = CLOUD_PAGE.exec(path))) return sendHtml(res, targetCloudPage(state, m[1], ctx.url.searchParams.get('fields')));
  if (req.method === 'GET' && (m = CREATE_PAGE.exec(path))) return sendHtml(res, targetCreatePage(state, m[1]));
  // Where Save & Close lands: enough of the Cloud Configurations console to show the result.
  if (req.method === 'GET' && (m = CLOUD_CONSOLE.exec(path))) {
    const rows = state.aem.targetConfigs.filter((c) => c.path.startsWith(`/conf/${m[1]}/`)).map((c) => `<li>${esc(c.title)} <code>${esc(c.path)}</code></li>`).join('');
    return sendHtml(res, coralPage({ title: 'Cloud Configurations | Adobe Experience Manager', body: aemShell({ title: `Cloud Configurations — ${m[1]}`, content: `<ul class="aem-card" id="cloudconfigs">${rows}</ul>` }) }));
  }
  if (req.method === 'POST' && (m = CONFIG_POST.exec(path))) {
    const fields = parseFormBody(req.headers['content-type'], ctx.body);
    const configPath = m[1];
    if (m[2]) return json(res, 200, await connect(state, configPath, fields));
    state.aemSubmissions.push({ path, fields });
    const i = state.aem.targetConfigs.findIndex((c) => c.path === configPath);
    // The classic dialog posts no title: the one given at Create Configuration stays.
    const title = fields['./jcr:title'] ?? state.aem.targetConfigs[i]?.title ?? configPath.split('/').at(-1);
    const saved = { path: configPath, title, tenant: fields['./tenant'] ?? '', clientCode: fields['./clientcode'] ?? '', imsConfigId: fields['./imsConfigId'] ?? '', fields };
    if (i >= 0) state.aem.targetConfigs[i] = saved;
    else state.aem.targetConfigs.push(saved);
    return json(res, 200, { status: 'ok', path: configPath });
  }
  return false;
}

// V: "Connection successful" (6.5 docs); that AEM as a Cloud Service says the same is I.
export const CONNECT_OK = 'Connection successful';

/**
 * AEM's Connect, server side, with the IMS configuration the form names and the tenant it
 * holds. AEM's words for a failure are not documented (G): they quote the answer that failed.
 */
export async function connect(state, configPath, fields) {
  const imsId = fields['./imsConfigId'] ?? '';
  const tenant = (fields['./tenant'] || fields['./clientcode'] || '').trim();
  const config = state.aem.imsConfigs.find((c) => c.id === imsId);
  let result;
  if (!config) result = { ok: false, message: 'Connection failed: no IMS configuration is selected.' };
  else if (!tenant) result = { ok: false, message: 'Connection failed: the Tenant ID is empty.' };
  else {
    const r = await connectTarget(state, config, tenant);
    result = r.ok ? { ok: true, message: CONNECT_OK }
      : r.reason ? { ok: false, message: `Connection failed: ${r.reason}` }
      : r.stage === 'ims' ? { ok: false, message: `Connection failed: unable to retrieve an access token. IMS responded with status ${r.status}: ${JSON.stringify(r.body ?? {})}` }
      : { ok: false, message: `Connection failed: Adobe Target responded with status ${r.status}: ${JSON.stringify(r.body ?? {})}` };
  }
  state.aem.actions.push({ action: 'connectTarget', path: configPath, imsConfigId: imsId, tenant, ok: result.ok });
  return { status: result.ok ? 'ok' : 'error', message: result.message };
}
