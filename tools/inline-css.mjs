// Puts a page's stylesheets in the page itself: each `<link rel="stylesheet" href="x.css">`
// becomes a `<style>` holding x.css, and x.css leaves the folder. An extension page fetches
// each file it names through the browser, and the popup is drawn sooner with one file fewer
// (PERFORMANCE.md: The popup). Extension pages' CSP limits scripts, not styles.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [page] = process.argv.slice(2);
const dir = dirname(page);
const html = readFileSync(page, 'utf8').replace(/<link rel="stylesheet" href="([^"]+)">/g, (_, href) => {
  const css = readFileSync(join(dir, href), 'utf8');
  if (css.includes('</style')) throw new Error(`${href} holds "</style", which would end the page's <style>`);
  rmSync(join(dir, href));
  return `<style>\n${css}</style>`;
});
writeFileSync(page, html);
