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
