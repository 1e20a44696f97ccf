// "Read AEM's result": asks the worker to read AEM's own verdict (Check Health, Connect) in
// this tab. The core keeps and explains it; the guide's stages show it.
import { $, busy, send, status } from './shared.js';

export function wireAemVerdict(tabId, refresh) {
  $('read-aem').addEventListener('click', () => busy($('read-aem'), async () => {
    status("Reading AEM's result…");
    const reply = await send({ type: 'ReadAemResult', tabId });
    status(reply?.type === 'Refused' ? reply.problem.message : "Read AEM's result; the guide shows what it means.");
    refresh();
  }));
}
