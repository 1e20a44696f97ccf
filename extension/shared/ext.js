// The one place that picks the browser's extension API: `browser` in Firefox, `chrome` in
// Chromium. Whatever differs between the two belongs here, not in `if firefox` branches.
// (The content script is a classic script and cannot import it; it does the same lookup once.)
export const ext = globalThis.browser ?? globalThis.chrome;
