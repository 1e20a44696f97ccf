// Helpers shared by the popup's views.
export const api = globalThis.browser ?? globalThis.chrome;
export const $ = (id) => document.getElementById(id);

/** Sends a message to the worker; one retry covers a worker that is restarting. */
export async function send(message) {
  try {
    return await api.runtime.sendMessage(message);
  } catch {
    await new Promise((r) => setTimeout(r, 200));
    return api.runtime.sendMessage(message);
  }
}

export function status(text) {
  $('status').textContent = text;
}

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return e;
}

export async function copyText(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    status(`Copied ${what}.`);
  } catch {
    status(`Could not copy ${what}: select it and copy by hand.`);
  }
}

/** Locks a button while its action runs, so it cannot be clicked twice. */
export async function busy(button, action) {
  if (button.disabled) return;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}
