// Reads the clipboard, and empties it only if what it holds hashes to `sha256`: a text the
// admin copied since is left alone. `how`: 'api' (the Clipboard API, Firefox's background
// page) or 'commands' (document.execCommand, Chrome's offscreen document, which has no focus
// for the Clipboard API).
export async function clearIfHolds(sha256, how) {
  const now = how === 'api' ? await navigator.clipboard.readText() : pasted();
  if (!now || (await hex(now)) !== sha256) return false;
  if (how === 'api') await navigator.clipboard.writeText('');
  else copiedEmpty();
  return true;
}

async function hex(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function pasted() {
  const area = document.createElement('textarea');
  document.body.append(area);
  area.focus();
  document.execCommand('paste');
  const text = area.value;
  area.remove();
  return text;
}

/** An empty text in place of the secret: a `copy` whose data the handler sets. */
function copiedEmpty() {
  const put = (/** @type {ClipboardEvent} */ e) => {
    e.clipboardData.setData('text/plain', '');
    e.preventDefault();
  };
  document.addEventListener('copy', put, { once: true });
  document.execCommand('copy');
  document.removeEventListener('copy', put);
}

/** The SHA-256 (hex) of a copied text, which the worker keeps instead of the text. */
export const sha256Hex = hex;
