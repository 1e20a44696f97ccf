// Fire-and-forget effects the core returns: tell open IMS Link pages, set a tab's badge,
// watch and clear the clipboard.
import { ext } from '../shared/ext.js';
import { CLIPBOARD_ALARM, clearClipboardIf } from './clipboard.js';

export function perform(effect) {
  switch (effect.do) {
    case 'broadcast':
      // Nobody listening (popup closed) is the normal case.
      ext.runtime.sendMessage(effect.message).catch(() => {});
      break;
    case 'badge': {
      const { tabId, text, color, title } = effect;
      // The tab may be gone already.
      ext.action.setBadgeBackgroundColor({ tabId, color }).catch(() => {});
      ext.action.setBadgeText({ tabId, text }).catch(() => {});
      ext.action.setTitle({ tabId, title }).catch(() => {});
      break;
    }
    case 'clear-clipboard-later':
      // An alarm, not a timer: it outlives the popup and a stopped worker.
      ext.alarms.create(CLIPBOARD_ALARM, { when: Date.now() + effect.delayMs });
      break;
    case 'clear-clipboard-if':
      clearClipboardIf(effect.sha256).catch((err) => console.warn(`IMS Link could not check the clipboard: ${err?.message ?? err}`));
      break;
    default:
      console.warn(`IMS Link: unknown effect ${effect.do}`);
  }
}
