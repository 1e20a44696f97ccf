"""Zips a folder's contents (not the folder itself) with stable order, for the browser stores.

Each entry gets one fixed time and mode, not the file's, so the same files make the same zip
on every machine and at every build (a reviewer can compare a store's package byte for byte).

The zip is written next to OUT and renamed over it, so OUT is never missing or half written:
Firefox keeps reading a temporarily loaded add-on from the file it was loaded from, and its
content scripts fail ("Unable to load script") if that file disappears while it runs.
"""
import os
import sys
import zipfile

# The earliest time a zip can hold (1980-01-01).
STAMP = (1980, 1, 1, 0, 0, 0)

src, out = sys.argv[1], sys.argv[2]
tmp = f"{out}.tmp"
with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
    for base, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(base, name)
            # Forward slashes whatever the OS, as the zip format and Firefox expect.
            entry = zipfile.ZipInfo(os.path.relpath(path, src).replace(os.sep, "/"), STAMP)
            entry.external_attr = 0o644 << 16
            with open(path, "rb") as f:
                z.writestr(entry, f.read(), zipfile.ZIP_DEFLATED)
os.replace(tmp, out)
