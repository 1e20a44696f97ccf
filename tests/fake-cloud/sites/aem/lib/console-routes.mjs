// How an admin reaches the Target configuration pages: AEM 6.5's Legacy Cloud Services
// overview with its Create Configuration dialog (posting WCMCommand's createPage), and
// AEMaaCS's Tools > Cloud Services > Adobe Target console.
import { LEGACY_CONSOLE_PATH, TARGET_PARENT, WCMCOMMAND_PATH, legacyCloudServicesPage, pageName, slingHtmlResponse } from '../pages/cloudservices-legacy.mjs';
import { CONFIGURATIONS_PATH, targetContainersPage, targetSiteConfigsPage } from '../pages/target-configurations.mjs';
import { variantFor } from '../pages/ims-variants.mjs';
import { parseFormBody } from './form-body.mjs';
import { sendHtml } from './html.mjs';

const SITE_CONFIGS = new RegExp(`^${CONFIGURATIONS_PATH.replace(/\./g, '\\.')}/conf/([a-z0-9-]+)$`);

export async function handleConsoles(req, res, ctx) {
  const { state, url } = ctx;
  const path = decodeURIComponent(url.pathname);
  let m;
  if (req.method === 'GET' && path === LEGACY_CONSOLE_PATH) {
    return sendHtml(res, legacyCloudServicesPage(state, { cloud: variantFor(url, ctx.host) === 'cloud' }));
  }
  if (req.method === 'GET' && path === CONFIGURATIONS_PATH) return sendHtml(res, targetContainersPage(state));
  if (req.method === 'GET' && (m = SITE_CONFIGS.exec(path))) return sendHtml(res, targetSiteConfigsPage(state, m[1]));
  if (req.method === 'POST' && path === WCMCOMMAND_PATH) {
    const fields = parseFormBody(req.headers['content-type'], ctx.body);
    state.aemSubmissions.push({ path, fields });
    return createPage(res, state, fields);
  }
  return false;
}

// WCMCommandServlet's createPage, for Adobe Target configurations only: the page is the
// configuration, so it is stored at once with its title (no settings until the dialog's OK).
function createPage(res, state, fields) {
  const parent = fields.parentPath ?? '';
  const fail = (status, message) => sendHtml(res, slingHtmlResponse({ status, message, parent }), status);
  if (fields.cmd !== 'createPage') return fail(400, `Unknown command: ${fields.cmd ?? ''}`);
  if (parent !== TARGET_PARENT) return fail(403, `The fake AEM creates Adobe Target configurations only (under ${TARGET_PARENT}).`);
  const title = (fields.title ?? '').trim();
  if (!title) return fail(400, 'Title: This field is required.');
  const name = pageName(fields.label?.trim() || title);
  if (!name) return fail(400, 'Name: not a valid page name.');
  const configPath = `${parent}/${name}`;
  if (state.aem.targetConfigs.some((c) => c.path === configPath)) return fail(409, `A configuration named "${name}" already exists at ${configPath}.`);
  state.aem.targetConfigs.push({ path: configPath, title, tenant: '', clientCode: '', imsConfigId: '', template: fields.template ?? '' });
  return sendHtml(res, slingHtmlResponse({ status: 200, message: 'Page created', path: configPath, parent }));
}
