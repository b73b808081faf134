// Runs in Node: reads objects out of one packfile through its .idx, reading only the bytes of the entries asked for.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { constants as zlib, inflateSync } from 'node:zlib';
import { PackError } from './errors.ts';

export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';
export interface GitObject {
  type: ObjectType;
  content: Buffer;
}

const TYPES: Record<number, ObjectType> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;
/** Packs are read in windows, as git maps them: one read serves the many small entries stored near each other. */
const WINDOW = 1024 * 1024;
const OVERLAP = 64 * 1024;
const WINDOWS_KEPT = 16;
/** Up to this size a pack is read whole: random access into it then costs no system calls. */
const WHOLE_PACK_BYTES = 384 * 1024 * 1024;
const WHOLE_PACK_AFTER = 2000;
const REF_DELTA = 7;

/** A raw entry: a whole object, or a delta against a base found by pack offset or by OID. */
export type PackEntry =
  | { kind: 'object'; object: GitObject }
  | { kind: 'ofs-delta'; baseOffset: number; delta: Buffer }
  | { kind: 'ref-delta'; baseOid: string; delta: Buffer };

export class PackFile {
  readonly file: string;
  private readonly idx: Buffer;
  private readonly count: number;
  private readonly fd: number;
  private readonly packEnd: number;
  private readonly windows = new Map<number, Buffer>();
  /** The whole pack, read once enough entries were asked for (a one-commit update reads a handful). */
  private whole: Buffer | null = null;
  private entriesRead = 0;

  constructor(idxFile: string, packFile: string) {
    this.file = packFile;
    this.idx = readFileSync(idxFile);
    if (this.idx.readUInt32BE(0) !== 0xff744f63 || this.idx.readUInt32BE(4) !== 2) {
      throw new PackError('UnsupportedPack', idxFile, 'only version 2 pack indexes are supported');
    }
    this.count = this.idx.readUInt32BE(8 + 255 * 4);
    if (this.idx.length < 8 + 256 * 4 + this.count * 28 + 40) throw new PackError('DamagedPack', idxFile, `the index is cut off (${this.idx.length} bytes for ${this.count} objects)`);
    this.fd = openSync(packFile, 'r');
    this.packEnd = fstatSync(this.fd).size - 20;
    const header = Buffer.alloc(12);
    readSync(this.fd, header, 0, 12, 0);
    const version = header.readUInt32BE(4);
    if (header.toString('latin1', 0, 4) !== 'PACK' || (version !== 2 && version !== 3) || this.packEnd < 12) {
      closeSync(this.fd);
      throw new PackError('DamagedPack', packFile, 'not a git pack file (its header is damaged)');
    }
  }

  private closed = false;

  /** Closes the pack's file; a second call does nothing. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private offsetAt(i: number): number {
    const table = 8 + 256 * 4 + this.count * 24;
    const small = this.idx.readUInt32BE(table + i * 4);
    if (!(small & 0x80000000)) return small;
    const large = table + this.count * 4 + (small & 0x7fffffff) * 8;
    return this.idx.readUInt32BE(large) * 2 ** 32 + this.idx.readUInt32BE(large + 4);
  }

  /** The entry's offset in the pack, or -1 when this pack does not hold the object. */
  find(oid: Buffer): number {
    const first = oid[0]!;
    let lo = first === 0 ? 0 : this.idx.readUInt32BE(8 + (first - 1) * 4);
    let hi = this.idx.readUInt32BE(8 + first * 4);
    const names = 8 + 256 * 4;
    const head = oid.readUInt32BE(0);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = names + mid * 20;
      // Most steps are settled by the first four bytes (entry against oid, like the compare below).
      const first4 = this.idx.readUInt32BE(at);
      const cmp = first4 !== head ? (first4 < head ? -1 : 1) : this.idx.compare(oid, 0, 20, at, at + 20);
      if (cmp === 0) return this.offsetAt(mid);
      if (cmp < 0) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  private bytes(offset: number, end: number): Buffer {
    if (this.whole) return this.whole.subarray(offset, end);
    const start = offset - (offset % WINDOW);
    if (end > start + WINDOW + OVERLAP) {
      const raw = Buffer.allocUnsafe(end - offset);
      readSync(this.fd, raw, 0, raw.length, offset);
      return raw;
    }
    let window = this.windows.get(start);
    if (window) {
      this.windows.delete(start);
    } else {
      window = Buffer.allocUnsafe(Math.min(WINDOW + OVERLAP, this.packEnd - start));
      readSync(this.fd, window, 0, window.length, start);
      if (this.windows.size >= WINDOWS_KEPT) this.windows.delete(this.windows.keys().next().value as number);
    }
    this.windows.set(start, window);
    return window.subarray(offset - start, end - start);
  }

  /** An entry's type and size from its header, and where the header ends; `span` bytes are read for it. */
  private entryHeader(offset: number, span: number): { header: Buffer; type: number; size: number; end: number } {
    if (!(offset >= 12 && offset < this.packEnd)) throw new PackError('DamagedPack', this.file, `the index points at offset ${offset}, outside the pack's ${this.packEnd} bytes (a truncated pack?)`);
    const header = this.bytes(offset, Math.min(offset + span, this.packEnd));
    let pos = 0;
    const next = () => {
      if (pos >= header.length) throw new PackError('DamagedPack', this.file, `the entry at offset ${offset} is cut off inside its header`);
      return header[pos++]!;
    };
    let byte = next();
    const type = (byte >> 4) & 7;
    let size = byte & 15;
    for (let shift = 4; byte & 0x80; shift += 7) {
      byte = next();
      size += (byte & 0x7f) * 2 ** shift;
    }
    return { header, type, size, end: pos };
  }

  /**
   * The size of the object stored at `offset` without inflating it: a whole object's header says it,
   * and a delta's result size is the second number at the start of its (partly inflated) data.
   */
  sizeAt(offset: number): number {
    const { header, type, size, end } = this.entryHeader(offset, 32 + 20);
    let pos = end;
    const next = () => {
      if (pos >= header.length) throw new PackError('DamagedPack', this.file, `the entry at offset ${offset} is cut off inside its header`);
      return header[pos++]!;
    };
    if (type !== OFS_DELTA && type !== REF_DELTA) return size;
    if (type === OFS_DELTA) while (next() & 0x80);
    else pos += 20;
    // Two varints (base size, result size) take at most 20 bytes; a deflate prefix yields them once
    // past its block header (a dynamic Huffman table can take a few hundred bytes).
    const start = offset + pos;
    for (let take = 256; ; take *= 4) {
      const end = Math.min(this.packEnd, start + take);
      const prefix = inflateSync(this.bytes(start, end), { finishFlush: zlib.Z_SYNC_FLUSH });
      const sizes = leadingVarints(prefix, 2);
      if (sizes) return sizes[1]!;
      if (end === this.packEnd || take > 1024 * 1024) throw new PackError('DamagedPack', this.file, `the delta at offset ${offset} is cut off inside its size header`);
    }
  }

  readEntry(offset: number): PackEntry {
    if (!this.whole && ++this.entriesRead === WHOLE_PACK_AFTER && this.packEnd <= WHOLE_PACK_BYTES) this.whole = readFileSync(this.file);
    const { type, size, end } = this.entryHeader(offset, 32);
    let pos = end;
    let byte: number;
    // zlib stops at the end of its stream, so reading a little past the entry is harmless; deflate
    // output is never much larger than its input (a few bytes per 16 KiB block, plus headers).
    const raw = this.bytes(offset, Math.min(this.packEnd, offset + pos + 20 + 64 + size + (size >>> 8)));
    // zlib's output buffer is 16 KiB unless told; a small object would keep all of it alive in the caches.
    const inflate = (data: Buffer) => inflateSync(data, { chunkSize: Math.max(64, size + 1) });
    if (type === OFS_DELTA) {
      byte = raw[pos++]!;
      let back = byte & 0x7f;
      while (byte & 0x80) {
        byte = raw[pos++]!;
        back = (back + 1) * 128 + (byte & 0x7f);
      }
      if (!(back > 0 && back <= offset)) throw new PackError('DamagedPack', this.file, `the delta at offset ${offset} points ${back} bytes back, outside the pack`);
      return { kind: 'ofs-delta', baseOffset: offset - back, delta: inflate(raw.subarray(pos)) };
    }
    if (type === REF_DELTA) {
      const baseOid = raw.toString('hex', pos, pos + 20);
      return { kind: 'ref-delta', baseOid, delta: inflate(raw.subarray(pos + 20)) };
    }
    const objectType = TYPES[type];
    if (!objectType) throw new PackError('DamagedPack', this.file, `unknown object type ${type} at offset ${offset}`);
    return { kind: 'object', object: { type: objectType, content: inflate(raw.subarray(pos)) } };
  }
}

/** The first `count` little-endian base-128 numbers of `bytes`, or null when it ends before them. */
function leadingVarints(bytes: Uint8Array, count: number): number[] | null {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const b of bytes) {
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b & 0x80) continue;
    out.push(value);
    if (out.length === count) return out;
    value = 0;
    shift = 0;
  }
  return null;
}
