"""Draws the IMS Link icon (two linked rings on an Adobe-blue tile) at every size the stores need.

Run once when the design changes; the PNGs are committed so builds need no image tools.
"""
import math
import struct
import zlib

SS = 4  # supersampling for smooth edges


def inside_rounded_square(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def on_ring(x, y, cx, cy, r_out, r_in):
    d = math.hypot(x - cx, y - cy)
    return r_in <= d <= r_out


def pixel(x, y, size):
    """Colour of one sample point in a size x size icon, as (r, g, b, a)."""
    if not inside_rounded_square(x, y, size, size * 0.22):
        return (0, 0, 0, 0)
    s = size
    r_out, r_in = s * 0.22, s * 0.14
    left, right, cy = (s * 0.37, s * 0.5), (s * 0.63, s * 0.5), s * 0.5
    if on_ring(x, y, left[0], cy, r_out, r_in) or on_ring(x, y, right[0], cy, r_out, r_in):
        return (255, 255, 255, 255)
    t = y / s
    return (int(20 + 10 * t), int(115 - 25 * t), int(230 - 30 * t), 255)


def render(size):
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    r, g, b, a = pixel(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS, size)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            n = SS * SS
            alpha = acc[3] / n
            if acc[3]:
                row += bytes([int(acc[0] / acc[3]), int(acc[1] / acc[3]), int(acc[2] / acc[3]), int(alpha)])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    for size in (16, 32, 48, 128):
        with open(f"icon-{size}.png", "wb") as f:
            f.write(render(size))
