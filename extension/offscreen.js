// Chrome's offscreen document (reason CLIPBOARD): the worker asks it to clear the clipboard if
// it still holds a copied secret. It answers only the worker's one request.
import { clearIfHolds } from './shared/clipboard-clear.js';

chrome.runtime.onMessage.addListener((msg, sender, reply) => {
  if (msg?.target !== 'ims-link-offscreen' || msg.type !== 'clear-clipboard-if' || sender.id !== chrome.runtime.id) return false;
  clearIfHolds(msg.sha256, 'commands').then(reply, () => reply(false));
  return true;
});
