// Runs anywhere: applies a git packfile delta (copy/insert instructions) to its base object.

function readVarint(delta: Uint8Array, pos: { at: number }): number {
  let result = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = delta[pos.at++]!;
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
}

export function applyDelta(delta: Uint8Array, base: Uint8Array): Buffer {
  const pos = { at: 0 };
  const baseSize = readVarint(delta, pos);
  if (baseSize !== base.length) throw new Error(`delta expects a base of ${baseSize} bytes, got ${base.length}`);
  const out = Buffer.allocUnsafe(readVarint(delta, pos));
  let written = 0;
  while (pos.at < delta.length) {
    const cmd = delta[pos.at++]!;
    if (cmd & 0x80) {
      let offset = 0;
      let size = 0;
      for (let bit = 0; bit < 4; bit++) if (cmd & (1 << bit)) offset |= delta[pos.at++]! << (8 * bit);
      for (let bit = 0; bit < 3; bit++) if (cmd & (0x10 << bit)) size |= delta[pos.at++]! << (8 * bit);
      offset >>>= 0;
      if (size === 0) size = 0x10000;
      out.set(base.subarray(offset, offset + size), written);
      written += size;
    } else if (cmd) {
      out.set(delta.subarray(pos.at, pos.at + cmd), written);
      pos.at += cmd;
      written += cmd;
    } else {
      throw new Error('delta has a reserved zero instruction');
    }
  }
  if (written !== out.length) throw new Error('delta result has the wrong size');
  return out;
}
