// Turns a submitted form body into a plain object, the way Sling's POST servlet sees the
// request parameters: name -> value, or name -> [values] when a name repeats (a Coral
// switch and its hidden twin, multi-selects). Granite's foundation-form posts
// application/x-www-form-urlencoded unless the form holds a file, then multipart.

/**
 * Parses `body` (Buffer) by its content type; returns {} for anything else. With `files`, a
 * file part's value is { filename, data } (its bytes) instead of its file name.
 */
export function parseFormBody(contentType = '', body, { files = false } = {}) {
  const pairs = [];
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) pairs.push([k, v]);
  } else if (contentType.startsWith('multipart/form-data')) {
    const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
    if (boundary) pairs.push(...multipartPairs(body.toString('latin1'), boundary, files));
  }
  const fields = {};
  for (const [k, v] of pairs) {
    if (!(k in fields)) fields[k] = v;
    else fields[k] = [].concat(fields[k], v);
  }
  return fields;
}

// A file part keeps its name with the file's name as value, which is all most forms need
// to see; the keystore import asks for the bytes (`files`).
function multipartPairs(text, boundary, files) {
  const out = [];
  for (const part of text.split(`--${boundary}`).slice(1, -1)) {
    const sep = part.indexOf('\r\n\r\n');
    if (sep < 0) continue;
    const head = part.slice(0, sep);
    const name = /name="([^"]*)"/.exec(head)?.[1];
    if (name === undefined) continue;
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    const raw = part.slice(sep + 4).replace(/\r\n$/, '');
    if (filename !== undefined && files) out.push([name, { filename, data: Buffer.from(raw, 'latin1') }]);
    else out.push([name, filename ?? Buffer.from(raw, 'latin1').toString('utf8')]);
  }
  return out;
}
