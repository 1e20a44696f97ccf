// Target cloud configuration pages of both AEMs and the Sling POSTs they make.
import { targetCloudPage, CLOUD_EDIT_PREFIX } from '../pages/target-cloud.mjs';
import { targetLegacyPage } from '../pages/target-legacy.mjs';
import { parseFormBody } from './form-body.mjs';
import { coralPage, aemShell, esc, sendHtml } from './html.mjs';

const LEGACY_PAGE = /^\/etc\/cloudservices\/testandtarget\/([a-z0-9-]+)\.html$/;
const CLOUD_PAGE = new RegExp(`^${CLOUD_EDIT_PREFIX.replace(/\./g, '\\.')}/conf/([a-z0-9-]+)/settings/cloudconfigs/target$`);
const CONFIG_POST = /^(\/etc\/cloudservices\/testandtarget\/[a-z0-9-]+|\/conf\/[a-z0-9-]+\/settings\/cloudconfigs\/target)\/jcr:content(\.connect\.json)?$/;
const CLOUD_CONSOLE = /^\/libs\/cq\/core\/content\/tools\/cloudconfigs\.html\/conf\/([a-z0-9-]+)$/;

export async function handleTarget(req, res, ctx) {
  const { state, json } = ctx;
  const path = decodeURIComponent(ctx.url.pathname);
  let m;
  if (req.method === 'GET' && (m = LEGACY_PAGE.exec(path))) return sendHtml(res, targetLegacyPage(state, m[1]));
  if (req.method === 'GET' && (m = CLOUD_PAGE.exec(path))) return sendHtml(res, targetCloudPage(state, m[1], ctx.url.searchParams.get('fields')));
  // Where Save & Close lands: enough of the Cloud Configurations console to show the result.
  if (req.method === 'GET' && (m = CLOUD_CONSOLE.exec(path))) {
    const rows = state.aem.targetConfigs.filter((c) => c.path.startsWith(`/conf/${m[1]}/`)).map((c) => `<li>${esc(c.title)} <code>${esc(c.path)}</code></li>`).join('');
    return sendHtml(res, coralPage({ title: 'Cloud Configurations | Adobe Experience Manager', body: aemShell({ title: `Cloud Configurations — ${m[1]}`, content: `<ul class="aem-card" id="cloudconfigs">${rows}</ul>` }) }));
  }
  if (req.method === 'POST' && (m = CONFIG_POST.exec(path))) {
    const fields = parseFormBody(req.headers['content-type'], ctx.body);
    const configPath = m[1];
    if (m[2]) {
      state.aem.actions.push({ action: 'connectTarget', path: configPath, fields });
      // Placeholder until the check calls the fake Target API: tests see the recorded click.
      return json(res, 200, { status: 'pending', message: 'Connection check recorded; the fake AEM does not call Adobe Target yet.' });
    }
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
