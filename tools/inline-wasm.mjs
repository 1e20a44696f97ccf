// Writes a classic script that hands the wasm bytes to the page without fetch, so the
// www page also works opened from disk (file://), where fetch and ES modules are blocked.
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, out] = process.argv.slice(2);
const b64 = readFileSync(wasmPath).toString('base64');
writeFileSync(
  out,
  `'use strict';\nglobalThis.imsLinkWasmBytes = () => Uint8Array.from(atob('${b64}'), (c) => c.charCodeAt(0));\n`,
);
