// Fire-and-forget effects the core returns: tell open IMS Link pages, set a tab's badge.
import { ext } from '../shared/ext.js';

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
    default:
      console.warn(`IMS Link: unknown effect ${effect.do}`);
  }
}
