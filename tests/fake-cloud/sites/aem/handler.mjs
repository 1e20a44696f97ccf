// The fake AEM author (6.5 on premise and AEM as a Cloud Service share it; the host and
// `?variant=` tell them apart). Pages are rendered from state so a test sees what it set
// up; every form post is parsed and recorded in state.aemSubmissions as { path, fields }.
import { serveCoral } from './lib/coral-assets.mjs';
import { handleConsoles } from './lib/console-routes.mjs';
import { handleIms } from './lib/ims-routes.mjs';
import { handleKeystore } from './lib/keystore-routes.mjs';
import { KEYSTORE_PATH } from './pages/keystore.mjs';
import { handleTarget } from './lib/target-routes.mjs';
import { handleTargetCommand } from './lib/target-connect.mjs';
import { aemShell, coralPage, sendHtml } from './lib/html.mjs';

export async function handle(req, res, ctx) {
  if (req.method === 'GET' && serveCoral(res, ctx.url.pathname)) return true;
  if (req.method === 'GET' && ctx.url.pathname === '/aem/start.html') return sendHtml(res, startPage());
  return handleKeystore(req, res, ctx) || (await handleIms(req, res, ctx)) || (await handleConsoles(req, res, ctx)) || handleTargetCommand(req, res, ctx) || handleTarget(req, res, ctx);
}

// The start page an admin signs in to: navigation only, nothing IMS Link reads or fills.
function startPage() {
  const links = [
    ['Sites', '/sites.html/content'],
    ['Adobe IMS Configurations', '/libs/cq/adobeims-configuration/content/configurations.html'],
    ['Legacy Cloud Services', '/libs/cq/core/content/tools/cloudservices.html'],
    ['Keystore of authentication-service', KEYSTORE_PATH],
  ].map(([text, href]) => `<li><a href="${href}">${text}</a></li>`).join('');
  return coralPage({ title: 'AEM Start', body: aemShell({ title: 'Navigation', content: `<ul class="aem-card">${links}</ul>` }) });
}
