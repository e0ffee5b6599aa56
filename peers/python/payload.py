"""Deterministic message payloads, byte-identical to peers/node/payload.mjs and the Java
harness (io.asyncws.runtime.interop.Payloads), so any peer can verify what another sent.
The algorithm is specified in peers/README.md; change all three together."""

import re

# Prime block length: a chunk duplicated or dropped at a power-of-two offset still shows.
BLOCK_LENGTH = 65521
TEXT_UNIT_CHARS = 1009


def _block():
    out = bytearray(BLOCK_LENGTH)
    x = 0x2545F491
    for k in range(BLOCK_LENGTH):
        x = (x * 1664525 + 1013904223) & 0xFFFFFFFF
        out[k] = x >> 24
    return bytes(out)


def _code_point(j):
    # 1-, 2-, 3- and 4-byte UTF-8 characters in turn, so frame cuts land inside characters.
    kind = j % 4
    if kind == 0:
        return 0x21 + j % 94
    if kind == 1:
        return 0xA1 + j % 94
    if kind == 2:
        return 0x4E00 + j
    return 0x1F300 + j % 0x300


BLOCK = _block()
TEXT_UNIT = [chr(_code_point(j)) for j in range(TEXT_UNIT_CHARS)]


def binary_payload(seed, size):
    """Binary payload number `seed` of exactly `size` bytes."""
    start = seed % BLOCK_LENGTH
    rotated = BLOCK[start:] + BLOCK[:start]
    return (rotated * (size // BLOCK_LENGTH + 1))[:size]


def text_payload(seed, size):
    """Text payload number `seed`: a str whose UTF-8 encoding is exactly `size` bytes."""
    r = seed % TEXT_UNIT_CHARS
    rotated = TEXT_UNIT[r:] + TEXT_UNIT[:r]
    unit = "".join(rotated)
    unit_bytes = len(unit.encode("utf-8"))
    parts = [unit * (size // unit_bytes)]
    left = size % unit_bytes
    for ch in rotated:
        n = len(ch.encode("utf-8"))
        if n > left:
            break
        parts.append(ch)
        left -= n
    parts.append("." * left)
    return "".join(parts)


def parse_spec(spec):
    """Parses a plan spec such as "t0,b125,t65536" into [(is_binary, size)]."""
    plan = []
    for item in filter(None, spec.split(",")):
        m = re.fullmatch(r"([tb])(\d+)", item)
        if not m:
            raise ValueError(f"Bad message spec '{item}': expected t<bytes> or b<bytes>.")
        plan.append((m.group(1) == "b", int(m.group(2))))
    return plan


def text_fragments(text, max_bytes):
    """Splits text into str pieces of at most max_bytes UTF-8 bytes each (one character if
    max_bytes is smaller), cutting only between characters: websockets 10.4 sends text
    fragments as str, so a character cannot straddle two frames."""
    data = text.encode("utf-8")
    pieces, i = [], 0
    while i < len(data):
        end = min(i + max_bytes, len(data))
        while end < len(data) and end > i and (data[end] & 0xC0) == 0x80:
            end -= 1
        if end == i:  # max_bytes is smaller than this character: take the whole character
            end += 1
            while end < len(data) and (data[end] & 0xC0) == 0x80:
                end += 1
        pieces.append(data[i:end].decode("utf-8"))
        i = end
    return pieces
