#!/usr/bin/env python3
"""Names a wasm module's functions so that wasm-opt's --reorder-functions-by-name puts each one
next to the function its code most resembles, for gzip: deflate finds repeats only within the
last 32 KB, and rustc lays out functions in no such order (monomorphized copies of one generic,
the derives' readers of similar structs, end up far apart).

    order-functions.py <in.wasm> <out.wasm> [--gram N] [--power P]

The module must have a name section (wasm-bindgen's output has one). Only the names of the
module's own functions change, to their rank in the new order; the code is untouched, and
wasm-opt drops the names when it writes the optimized module. The order is a greedy chain: from
the first function by name, always to the unplaced function sharing the most 4-byte sequences
with the last one placed (divided by the square root of its own count, so that long functions do
not win every time). Deterministic: no set or dict order decides anything.

`--gram` (4) and `--power` (0.5) change the sequences' length and the count's exponent: each
gives a layout as good as the shipped one, and `./build.sh size` gzips five of them, as the
layout alone moves the gzipped size by a few hundred bytes either way.
"""
import argparse
import collections
import itertools
import sys


def leb(b, i):
    """The unsigned LEB128 number at b[i], and the index after it."""
    result = shift = 0
    while True:
        byte = b[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def uleb(n):
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def sections(b):
    """(id, start of the section, start of its content, content length) for each section."""
    out, i = [], 8
    while i < len(b):
        start, sid = i, b[i]
        size, i = leb(b, i + 1)
        out.append((sid, start, i, size))
        i += size
    return out


def skip_limits(b, j):
    flags = b[j]
    _, j = leb(b, j + 1)
    return leb(b, j)[1] if flags & 1 else j


def imported_functions(b, start):
    count, j = leb(b, start)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, j = leb(b, j)
            j += n
        kind, j = b[j], j + 1
        if kind == 0:  # function: type index
            _, j = leb(b, j)
            functions += 1
        elif kind == 1:  # table: element type, limits
            j = skip_limits(b, j + 1)
        elif kind == 2:  # memory: limits
            j = skip_limits(b, j)
        elif kind == 3:  # global: value type, mutability
            j += 2
        else:
            sys.exit(f'order-functions: import kind {kind} not known')
    return functions


def bodies(b, start):
    count, j = leb(b, start)
    out = []
    for _ in range(count):
        size, j = leb(b, j)
        out.append(b[j:j + size])
        j += size
    return out


def function_names(b, start, end):
    """The name section's function names, and its other subsections as they are."""
    n, k = leb(b, start)
    k += n  # "name"
    names, others = {}, []
    while k < end:
        sub, (size, body) = b[k], leb(b, k + 1)
        if sub == 1:
            count, j = leb(b, body)
            for _ in range(count):
                index, j = leb(b, j)
                n, j = leb(b, j)
                names[index] = b[j:j + n]
                j += n
        else:
            others.append(b[k:body + size])
        k = body + size
    return names, others


def chain(code, names, first_index, gram=4, power=0.5):
    """The functions in the greedy order, as indexes into `code`."""
    grams = [set(c[i:i + gram] for i in range(len(c) - gram + 1)) for c in code]
    holders = collections.defaultdict(list)
    for f, g in enumerate(grams):
        for q in g:
            holders[q].append(f)
    weight = [1 / (len(g) ** power + 1) for g in grams]
    left = set(range(len(code)))
    by_name = sorted(left, key=lambda f: (names.get(first_index + f, b''), f))
    order, cur, fallback = [], by_name[0], 0
    while True:
        left.discard(cur)
        order.append(cur)
        if not left:
            return order
        shared = collections.Counter(itertools.chain.from_iterable(holders[q] for q in grams[cur]))
        best = max(((n * weight[f], -f) for f, n in shared.items() if f in left), default=None)
        if best is not None:
            cur = -best[1]
            continue
        while by_name[fallback] not in left:
            fallback += 1
        cur = by_name[fallback]


def main(src, dst, gram=4, power=0.5):
    b = open(src, 'rb').read()
    secs = sections(b)
    found = {sid: (start, size) for sid, _, start, size in secs if sid in (2, 10)}
    imports = imported_functions(b, found[2][0]) if 2 in found else 0
    code = bodies(b, found[10][0])
    name_section = next(((s, i, n) for sid, s, i, n in secs
                         if sid == 0 and b[i + 1:i + 5] == b'name' and b[i] == 4), None)
    if name_section is None:
        sys.exit('order-functions: the module has no name section')
    _, start, size = name_section
    names, others = function_names(b, start, start + size)
    rank = {f: r for r, f in enumerate(chain(code, names, imports, gram, power))}
    width = len(str(len(code)))
    entries = sorted([(i, n) for i, n in names.items() if i < imports]
                     + [(imports + f, str(r).zfill(width).encode()) for f, r in rank.items()])
    sub = uleb(len(entries)) + b''.join(uleb(i) + uleb(len(n)) + n for i, n in entries)
    # Subsections in their ids' order: the module's name (0) before the functions' (1).
    content = (uleb(4) + b'name' + b''.join(o for o in others if o[0] == 0)
               + bytes([1]) + uleb(len(sub)) + sub + b''.join(o for o in others if o[0] > 1))
    out = bytearray(b[:8])
    for sid, s, i, n in secs:
        out += bytes([0]) + uleb(len(content)) + content if (s, i, n) == name_section else b[s:i + n]
    open(dst, 'wb').write(out)


if __name__ == '__main__':
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument('src')
    parser.add_argument('dst')
    parser.add_argument('--gram', type=int, default=4)
    parser.add_argument('--power', type=float, default=0.5)
    a = parser.parse_args()
    main(a.src, a.dst, a.gram, a.power)
