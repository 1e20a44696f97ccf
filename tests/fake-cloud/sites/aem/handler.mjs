// The fake AEM author (6.5 on premise and AEM as a Cloud Service share it; the host and
// `?variant=` tell them apart). Pages are rendered from state so a test sees what it set
// up; every form post is parsed and recorded in state.aemSubmissions as { path, fields }.
import { serveCoral } from './lib/coral-assets.mjs';
import { handleConsoles } from './lib/console-routes.mjs';
import { handleIms } from './lib/ims-routes.mjs';
import { handleTarget } from './lib/target-routes.mjs';

export async function handle(req, res, ctx) {
  if (req.method === 'GET' && serveCoral(res, ctx.url.pathname)) return true;
  return (await handleIms(req, res, ctx)) || (await handleConsoles(req, res, ctx)) || handleTarget(req, res, ctx);
}
