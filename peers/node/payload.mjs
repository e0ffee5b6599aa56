// Deterministic message payloads, byte-identical to peers/python/payload.py and the Java
// harness (io.asyncws.runtime.interop.Payloads), so any peer can verify what another sent.
// The algorithm is specified in peers/README.md; change all three together.

// Prime block length: a chunk that is duplicated or dropped at a power-of-two offset
// (a typical buffer bug) still changes the content.
const BLOCK_LENGTH = 65521;
const TEXT_UNIT_CHARS = 1009;

const BLOCK = (() => {
  const block = Buffer.alloc(BLOCK_LENGTH);
  let x = 0x2545f491;
  for (let k = 0; k < BLOCK_LENGTH; k++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    block[k] = x >>> 24;
  }
  return block;
})();

// 1-, 2-, 3- and 4-byte UTF-8 characters in turn, so every text frame boundary
// is likely to fall inside a character.
const TEXT_UNIT = Array.from({ length: TEXT_UNIT_CHARS }, (_, j) => {
  switch (j % 4) {
    case 0: return 0x21 + (j % 94);
    case 1: return 0xa1 + (j % 94);
    case 2: return 0x4e00 + j;
    default: return 0x1f300 + (j % 0x300);
  }
});

const utf8Length = (cp) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Binary payload number `seed` of exactly `size` bytes. */
export function binaryPayload(seed, size) {
  const out = Buffer.alloc(size);
  for (let i = 0, from = seed % BLOCK_LENGTH; i < size; ) {
    const n = BLOCK.copy(out, i, from);
    i += n;
    from = 0;
  }
  return out;
}

/** Text payload number `seed`: valid UTF-8 of exactly `size` bytes, as a Buffer. */
export function textPayload(seed, size) {
  const r = seed % TEXT_UNIT_CHARS;
  const rotated = TEXT_UNIT.slice(r).concat(TEXT_UNIT.slice(0, r));
  const unit = Buffer.from(String.fromCodePoint(...rotated), 'utf8');
  const out = Buffer.alloc(size);
  let i = 0;
  for (; i + unit.length <= size; i += unit.length) unit.copy(out, i);
  let tail = '';
  for (const cp of rotated) {
    if (utf8Length(cp) > size - i) break;
    tail += String.fromCodePoint(cp);
    i += utf8Length(cp);
  }
  tail += '.'.repeat(size - i);
  out.write(tail, size - Buffer.byteLength(tail), 'utf8');
  return out;
}

/** Parses a plan spec such as "t0,b125,t65536" into [{binary, size}]. */
export function parseSpec(spec) {
  return spec.split(',').filter((s) => s.length > 0).map((item) => {
    const m = /^([tb])(\d+)$/.exec(item);
    if (!m) throw new Error(`Bad message spec '${item}': expected t<bytes> or b<bytes>.`);
    return { binary: m[1] === 'b', size: Number(m[2]) };
  });
}
