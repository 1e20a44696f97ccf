// What most sites set, if anything: flags and timeouts, no client code (adobe-surfaces.md §8, V).
window.targetGlobalSettings = { pageLoadEnabled: false, timeout: 5000 };
