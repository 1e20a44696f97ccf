// Shared page chrome for the fake AEM: Coral's stylesheet and script loaded the way an AEM
// page loads clientlibs, plus an escape helper for values that come from test state.

/** Escapes text for HTML element content and attribute values. */
export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * A Coral page. `window.Typekit` is stubbed before Coral loads because Coral otherwise
 * fetches Adobe's web fonts from use.typekit.net, which this offline fake cloud cannot
 * serve. Icons are fetched as SVG and inlined (data-coral-icons-external="off"): the
 * "js" mode is broken in 4.21.11 (resources/spectrum-icons-color.js is not valid JS), and
 * inline symbols avoid cross-document <use> references.
 */
export function coralPage({ title, body, scripts = [], styles = [] }) {
  return `<!doctype html>
<html lang="en" class="coral--light">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/etc.clientlibs/coral/css/coral.min.css">
<link rel="stylesheet" href="/etc.clientlibs/fake-aem/shell.css">
${styles.map((s) => `<link rel="stylesheet" href="${s}">`).join('\n')}
<script>window.Typekit = { load() {} };</script>
<script src="/etc.clientlibs/coral/js/coral.min.js" data-coral-icons="/etc.clientlibs/coral/resources/" data-coral-icons-external="off"></script>
</head>
<body class="coral--light">
${body}
${scripts.map((s) => `<script type="module" src="${s}"></script>`).join('\n')}
</body>
</html>`;
}

export function sendHtml(res, html, status = 200) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
  return true;
}

/** AEM's global bar (product name, help, notifications, profile). */
export function globalNav(product = 'Adobe Experience Manager') {
  return `<div class="aem-globalnav"><span class="aem-globalnav-logo" aria-hidden="true"></span><span class="aem-globalnav-product">${esc(product)}</span>
<span class="aem-globalnav-spacer"></span><coral-icon icon="help" size="S" aria-label="Help"></coral-icon><coral-icon icon="bell" size="S" aria-label="Notifications"></coral-icon><coral-icon icon="user" size="S" aria-label="Profile"></coral-icon></div>`;
}

/** The title bar under it: `left` (back/cancel), the title, then the page's `actions`. */
export function titleBar({ title, left = '', actions = '' }) {
  return `<div class="aem-titlebar">${left}<h1 class="aem-titlebar-title">${esc(title)}</h1><div class="aem-titlebar-actions">${actions}</div></div>`;
}

/** AEM's Touch UI frame: global bar, title bar, content. */
export function aemShell({ title, left = '', actions = '', content }) {
  return `${globalNav()}\n${titleBar({ title, left, actions })}\n<main class="aem-content">${content}</main>`;
}
