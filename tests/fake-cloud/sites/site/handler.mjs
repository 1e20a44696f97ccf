// A customer's site running Target (PAGES.md "Customer site"). Static pages per variant;
// the scripts Target's library comes in are put together here from `lib/atjs-library.js`:
// - `/at.js`: the at.js file as Target's Implementation page serves it: the library, then
//   `window.adobe.target.init(window, document, {<settings as JSON>})` (V, real at.js builds);
// - `/tags/launch-<name>.min.js`: a tag manager library carrying the same at.js code and
//   calling init with settings it builds at run time (no settings literal in the file), for
//   client code "acme" and serverDomain `acme.tt.omtrdc.net`, or the site's first-party
//   CNAME `target.acme-shop.test` (launch-cname).
import { readFileSync } from 'node:fs';

const LIBRARY = new URL('./lib/atjs-library.js', import.meta.url);
const ORG = '0123456789ABCDEF01234567@AdobeOrg';

/** The settings Target writes into the at.js download (the keys real at.js 2.x files carry). */
const FILE_SETTINGS = {
  clientCode: 'acme', imsOrgId: ORG, serverDomain: 'acme.tt.omtrdc.net', cookieDomain: 'acme-shop.test', crossDomain: 'disabled',
  timeout: 3000, globalMboxName: 'target-global-mbox', version: '2.11.4', defaultContentHiddenStyle: 'visibility: hidden;',
  defaultContentVisibleStyle: 'visibility: visible;', bodyHiddenStyle: 'body {opacity: 0 !important}', bodyHidingEnabled: true,
  deviceIdLifetime: 63244800000, sessionIdLifetime: 1860000, selectorsPollingTimeout: 5000, visitorApiTimeout: 2000,
  overrideMboxEdgeServer: false, overrideMboxEdgeServerTimeout: 1860000, optoutEnabled: false, optinEnabled: false,
  secureOnly: false, supplementalDataIdParamTimeout: 30, authoringScriptUrl: '//cdn.tt.omtrdc.net/cdn/target-vec.js',
  urlSizeLimit: 2048, endpoint: '/rest/v1/delivery', pageLoadEnabled: true, viewsEnabled: true, analyticsLogging: 'server_side',
  serverState: {}, decisioningMethod: 'server-side', legacyBrowserSupport: false,
};

function script(res, text) {
  res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
  res.end(text);
  return true;
}

export async function handle(req, res, { url }) {
  const library = () => readFileSync(LIBRARY, 'utf8');
  if (url.pathname === '/at.js') {
    return script(res, `${library()}\nwindow.adobe.target.init(window, document, ${JSON.stringify(FILE_SETTINGS, null, 2)});\n`);
  }
  const tags = url.pathname.match(/^\/tags\/launch-(acme|cname)\.min\.js$/);
  if (tags) {
    const serverDomain = tags[1] === 'cname' ? 'target.acme-shop.test' : 'acme.tt.omtrdc.net';
    // The tag manager's Target extension: its settings are data, assembled when the rule runs.
    const extension = `(function () {
  var data = ${JSON.stringify({ propertyName: 'Acme Shop', extensions: { 'adobe-target-v2': { settings: { targetSettings: 'from data elements' } } } })};
  function dataElement(name) { return { code: ['ac', 'me'].join(''), org: '${ORG.slice(0, 12)}' + '${ORG.slice(12)}', domain: '${serverDomain}' }[name]; }
  var settings = { clientCode: dataElement('code'), imsOrgId: dataElement('org'), serverDomain: dataElement('domain'), timeout: 3000, pageLoadEnabled: true };
  window._satellite = { property: { name: data.propertyName }, buildInfo: { environment: 'production' } };
  window.adobe.target.init(window, document, settings);
})();\n`;
    return script(res, `${library()}\n${extension}`);
  }
  return false;
}
