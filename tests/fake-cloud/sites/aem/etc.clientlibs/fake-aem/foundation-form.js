// What Granite's foundation-form does for the fake pages: post the form's fields
// (application/x-www-form-urlencoded, the encoding Granite's AJAX forms use without file
// fields) and report the response. Disabled fields are left out, as a browser does.

/** Posts `form` to its action, optionally with extra [name, value] pairs; resolves to the parsed JSON response. */
export async function postForm(form, extra = []) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) params.append(k, typeof v === 'string' ? v : v.name);
  for (const [k, v] of extra) params.append(k, v);
  return postParams(form.getAttribute('action'), params);
}

export async function postParams(url, params) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: params.toString(),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.message ?? `HTTP ${res.status}`);
  return body;
}

/** Resolves when Coral has upgraded `root`'s components (their properties work from then on). */
export function coralReady(root = document.body) {
  return new Promise((resolve) => window.Coral.commons.ready(root, () => resolve()));
}

/** Shows a Coral alert in `area` (variant: success, error, info). */
export function showResult(area, variant, header, text) {
  const alert = document.createElement('coral-alert');
  alert.variant = variant;
  const h = document.createElement('coral-alert-header');
  h.textContent = header;
  const c = document.createElement('coral-alert-content');
  c.textContent = text;
  alert.append(h, c);
  area.replaceChildren(alert);
  area.hidden = false;
}
