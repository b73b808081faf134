// Runs anywhere: applies a git packfile delta (copy/insert instructions) to its base object.
import { MalformedObjectError } from './errors.ts';

function readVarint(delta: Uint8Array, pos: { at: number }): number {
  let result = 0;
  let shift = 0;
  let byte: number;
  do {
    if (pos.at >= delta.length) throw new MalformedObjectError('delta is cut off inside its size header', pos.at);
    byte = delta[pos.at++]!;
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
}

/** Plain views: Buffer's own subarray makes a Buffer object per copy, and a blob's delta has dozens of copies. */
const view = (bytes: Uint8Array) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);

export function applyDelta(deltaBytes: Uint8Array, baseBytes: Uint8Array): Buffer {
  const delta = view(deltaBytes);
  const base = view(baseBytes);
  const pos = { at: 0 };
  const baseSize = readVarint(delta, pos);
  if (baseSize !== base.length) throw new MalformedObjectError(`delta expects a base of ${baseSize} bytes, got ${base.length}`, 0);
  const out = Buffer.allocUnsafe(readVarint(delta, pos));
  let written = 0;
  const byteAt = (at: number) => {
    if (at >= delta.length) throw new MalformedObjectError('delta is cut off inside a copy instruction', at);
    return delta[at]!;
  };
  while (pos.at < delta.length) {
    const start = pos.at;
    const cmd = delta[pos.at++]!;
    if (cmd & 0x80) {
      let offset = 0;
      let size = 0;
      for (let bit = 0; bit < 4; bit++) if (cmd & (1 << bit)) offset |= byteAt(pos.at++) << (8 * bit);
      for (let bit = 0; bit < 3; bit++) if (cmd & (0x10 << bit)) size |= byteAt(pos.at++) << (8 * bit);
      offset >>>= 0;
      if (size === 0) size = 0x10000;
      if (offset + size > base.length) throw new MalformedObjectError(`delta copies bytes ${offset}–${offset + size} of a ${base.length}-byte base`, start);
      if (written + size > out.length) throw new MalformedObjectError('delta writes past the size it declared', start);
      if (size <= 16) for (let k = 0; k < size; k++) out[written + k] = base[offset + k]!;
      else out.set(base.subarray(offset, offset + size), written);
      written += size;
    } else if (cmd) {
      if (pos.at + cmd > delta.length) throw new MalformedObjectError('delta is cut off inside inserted bytes', start);
      if (written + cmd > out.length) throw new MalformedObjectError('delta writes past the size it declared', start);
      if (cmd <= 16) for (let k = 0; k < cmd; k++) out[written + k] = delta[pos.at + k]!;
      else out.set(delta.subarray(pos.at, pos.at + cmd), written);
      pos.at += cmd;
      written += cmd;
    } else {
      throw new MalformedObjectError('delta has a reserved zero instruction', start);
    }
  }
  if (written !== out.length) throw new MalformedObjectError(`delta result has ${written} bytes, not the ${out.length} it declared`, pos.at);
  return out;
}
