"""Zips a folder's contents (not the folder itself) with stable order, for the browser stores.

The zip is written next to OUT and renamed over it, so OUT is never missing or half written:
Firefox keeps reading a temporarily loaded add-on from the file it was loaded from, and its
content scripts fail ("Unable to load script") if that file disappears while it runs.
"""
import os
import sys
import zipfile

src, out = sys.argv[1], sys.argv[2]
tmp = f"{out}.tmp"
with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
    for base, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(base, name)
            # Forward slashes whatever the OS, as the zip format and Firefox expect.
            z.write(path, os.path.relpath(path, src).replace(os.sep, "/"))
os.replace(tmp, out)
