// What a popup must never show: "null" or "undefined" left by a missing value (replaceChildren
// and template strings print them). Shared by the Chromium and Firefox suites.
export function strayText(text) {
  return text.match(/\b(?:null|undefined|NaN|\[object Object\])\b/g) ?? [];
}
