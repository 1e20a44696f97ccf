#!/usr/bin/env python3
"""Gives wasm-bindgen's JS glue the short import and export names wasm-opt gave the module.

    rename-glue.py <names.json> <module.wasm> <glue.js>

wasm-opt's --minify-imports-and-exports-and-modules renames every import (`./ims_link_bg.js`
`__wbg_fetch_654fba40e8e12c90` becomes `a` `b`) and export (`sessionStep` becomes `wa`) and
prints the mapping, names.json. The long names are bytes every wake reads, and their hashes are
hex that gzip cannot shrink (issue 17). This rewrites the glue to match, in place: the keys of
the imports object `__wbg_get_imports` returns, its module's key, and each `wasm.<export>`.
The glue's own exported functions keep their names. Each name must be found as wasm-bindgen
writes it; a glue of another shape (a new wasm-bindgen) stops the build rather than a browser.
"""
import json
import re
import sys

from importlib.util import module_from_spec, spec_from_file_location

# The section reader of order-functions.py, beside this file.
_spec = spec_from_file_location("order_functions", __file__.replace("rename-glue.py", "order-functions.py"))
wasm_sections = module_from_spec(_spec)
_spec.loader.exec_module(wasm_sections)


def import_module(wasm):
    """The module name of the module's first import (the pass gives all imports one)."""
    b = open(wasm, "rb").read()
    for section, _, content, _ in wasm_sections.sections(b):
        if section == 2:
            _, j = wasm_sections.leb(b, content)
            length, j = wasm_sections.leb(b, j)
            return b[j : j + length].decode()
    sys.exit("rename-glue: the module imports nothing")


def main(names_path, wasm, glue_path):
    names = json.load(open(names_path))
    text = open(glue_path).read()
    old_modules = {module for module, _, _ in names["imports"]}
    if len(old_modules) != 1:
        sys.exit(f"rename-glue: one import module expected, found {sorted(old_modules)}")
    (old_module,), new_module = old_modules, import_module(wasm)
    # One pass each, so that a new name is never renamed again.
    text, count = re.subn(rf'"{re.escape(old_module)}"(?=: import0)', f'"{new_module}"', text)
    imports = {old: new for _, old, new in names["imports"]}
    seen = []

    def imported(m):
        seen.append(m.group(2))
        return m.group(1) + imports[m.group(2)]

    alternatives = "|".join(map(re.escape, imports))
    text = re.sub(rf"(?m)^(\s+)({alternatives})(?=: function\()", imported, text)
    if count != 1 or sorted(seen) != sorted(imports):
        missing = sorted(set(imports) - set(seen))
        sys.exit(f"rename-glue: the glue's imports object is not as expected (missing {missing})")
    exports = dict(names["exports"])
    unknown = set()

    def exported(m):
        if m.group(1) not in exports:
            unknown.add(m.group(1))
        return "wasm." + exports.get(m.group(1), m.group(1))

    text = re.sub(r"\bwasm\.([A-Za-z0-9_$]+)", exported, text)
    if unknown:
        sys.exit(f"rename-glue: the glue calls {sorted(unknown)}, which the module does not export")
    open(glue_path, "w").write(text)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
