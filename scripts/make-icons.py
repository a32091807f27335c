#!/usr/bin/env python3
"""Draws Safety Net's icons (a net held in a circle, on the app's green) as PNGs with the
standard library only. Run once when the design changes; the PNGs are committed."""
import math, struct, sys, zlib
from pathlib import Path

GREEN = (47, 111, 94)
WHITE = (255, 255, 255)
OUT = Path(__file__).resolve().parent.parent / "public" / "icons"

def png(path, size, pixels):
    raw = b"".join(b"\x00" + bytes(pixels[y * size * 4:(y + 1) * size * 4]) for y in range(size))
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    path.write_bytes(data)

def mark(u, v):
    """1 where the white mark is, for u, v in [-1, 1] (the mark fills a circle of radius 1)."""
    r = math.hypot(u, v)
    ring = 0.80 <= r <= 0.95 and v > -0.15
    bowl = r < 0.80 and v > -0.15
    line = 0.07
    net = bowl and (abs(((u + 10) / 0.32) % 1 - 0.5) > 0.5 - line / 0.32 or abs(((v + 10) / 0.32) % 1 - 0.5) > 0.5 - line / 0.32)
    head = math.hypot(u, v + 0.50) < 0.20
    rim = abs(v + 0.15) < 0.07 and r < 0.95
    return ring or net or head or rim

def draw(size, maskable):
    ss = 3
    px = bytearray(size * size * 4)
    scale = 0.56 if maskable else 0.66  # maskable keeps the mark inside the 80 % safe zone
    corner = 0.0 if maskable else 0.22
    for y in range(size):
        for x in range(size):
            bg = fg = 0
            for sy in range(ss):
                for sx in range(ss):
                    fx = (x + (sx + 0.5) / ss) / size * 2 - 1
                    fy = (y + (sy + 0.5) / ss) / size * 2 - 1
                    # rounded-square background
                    qx, qy = max(abs(fx) - (1 - corner), 0), max(abs(fy) - (1 - corner), 0)
                    inside = corner == 0 or math.hypot(qx, qy) <= corner
                    if inside:
                        bg += 1
                        if mark(fx / scale, fy / scale):
                            fg += 1
            n = ss * ss
            a = bg / n
            t = fg / max(bg, 1)
            c = [round(GREEN[i] * (1 - t) + WHITE[i] * t) for i in range(3)]
            i = (y * size + x) * 4
            px[i:i + 4] = bytes(c + [round(a * 255)])
    return px

def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, size, maskable in [("icon-192.png", 192, False), ("icon-512.png", 512, False),
                                 ("maskable-192.png", 192, True), ("maskable-512.png", 512, True),
                                 ("apple-touch-icon.png", 180, True)]:
        png(OUT / name, size, draw(size, maskable))
        print("wrote", OUT / name, file=sys.stderr)

if __name__ == "__main__":
    main()
