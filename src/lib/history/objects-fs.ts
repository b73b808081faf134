// Runs in Node: reads git objects by OID from packs and loose files, with a byte-bounded cache of resolved pack entries (delta bases).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs';
import path from 'node:path';
import { constants as zlib, inflateSync } from 'node:zlib';
import git from 'isomorphic-git';
import { applyDelta } from './delta.ts';
import { Lru } from './lru.ts';
import { GitObjectError, MalformedObjectError, InvalidIdError, objectError, PackError, RepositoryError } from './errors.ts';
import { PackFile, type GitObject, type ObjectType } from './pack-fs.ts';

export type { GitObject, ObjectType };

/** Git keeps 96 MiB of delta bases; a little less keeps the engine's peak memory within budget at 50k commits. */
const BASE_CACHE_BYTES = 32 * 1024 * 1024;
const OID = /^[0-9a-f]{40}$/;
/** A cache key for an entry: its pack's number above the offset (offsets stay far below 2^40, packs below 2^12). */
const PACK_STRIDE = 2 ** 40;
const sizeOfObject = (object: GitObject) => object.content.length + 64;

export class ObjectStore {
  private readonly objectsDirs: string[];
  private packs: PackFile[] = [];
  /** Resolved entries of every pack, by pack and offset (numbers hash fastest). */
  private readonly cache = new Lru<number, GitObject>(BASE_CACHE_BYTES, sizeOfObject);
  /** Objects read; the benchmark and tests use it to see what a run cost. */
  reads = 0;

  private readonly commondir: string;
  /** The repository as messages name it. */
  readonly repository: string;

  /** `refs/replace/` as git reads them: an object id to the id whose object is read in its place. */
  private readonly replacements: ReadonlyMap<string, string>;

  constructor(commondir: string, repository = commondir, replacements: ReadonlyMap<string, string> = new Map()) {
    this.commondir = commondir;
    this.repository = repository;
    this.replacements = replacements;
    const own = path.join(commondir, 'objects');
    this.objectsDirs = [own, ...alternates(own)];
    this.loadPacks();
  }

  private loadPacks(): void {
    for (const p of this.packs) p.close();
    this.packs = [];
    this.cache.clear();
    for (const dir of this.objectsDirs) {
      const packDir = path.join(dir, 'pack');
      let names: string[] = [];
      try {
        names = readdirSync(packDir);
      } catch {
        continue;
      }
      for (const name of names.filter((n) => n.endsWith('.idx')).sort()) {
        const pack = path.join(packDir, name.replace(/\.idx$/, '.pack'));
        try {
          this.packs.push(new PackFile(path.join(packDir, name), pack));
        } catch (error) {
          if (error instanceof PackError && error.code === 'DamagedPack') throw error.in(this.repository);
          // An index this reader does not understand (v1), or a pack gone since it was listed, is left to isomorphic-git below.
        }
      }
    }
  }

  private closed = false;

  /** Closes every pack file the store holds open; reading afterwards is an error. A second call does nothing. */
  close(): void {
    this.closed = true;
    for (const p of this.packs) p.close();
    this.packs = [];
    this.cache.clear();
  }

  private checkOpen(oid: string): void {
    if (this.closed) throw new RepositoryError('StoreClosed', this.repository, `${this.repository}: git object ${oid} was asked for after the object store was closed`);
    if (!OID.test(oid)) throw new InvalidIdError('a git object id', oid, 'it is not 40 lowercase hex digits');
  }

  /**
   * Whether the repository holds the object, without reading it: for callers that expect some objects
   * to be absent (beyond a shallow clone's boundary). Everything else reads, and a failed read throws.
   */
  has(asked: string): boolean {
    this.checkOpen(asked);
    const oid = this.replaced(asked);
    this.key.write(oid, 'hex');
    if (this.packs.some((p) => p.find(this.key) >= 0)) return true;
    if (this.objectsDirs.some((dir) => existsSync(path.join(dir, oid.slice(0, 2), oid.slice(2))))) return true;
    this.loadPacks();
    return this.packs.some((p) => p.find(this.key) >= 0);
  }

  /** The id whose object git reads for `oid`: its replacement's, followed as git does (up to 5 deep), or itself. */
  private replaced(oid: string): string {
    let at = oid;
    for (let depth = 0; depth < 5; depth++) {
      const next = this.replacements.get(at);
      if (next === undefined || next === oid) return at;
      at = next;
    }
    throw new GitObjectError('CorruptObject', this.repository, oid, 'its refs/replace/ replacements go more than 5 deep (a loop?)');
  }

  /**
   * The object's size in bytes, read from its pack entry's header or its loose header without
   * inflating the rest; null when the repository does not hold it. What rename scoring checks first.
   */
  size(asked: string): number | null {
    this.checkOpen(asked);
    const oid = this.replaced(asked);
    try {
      this.key.write(oid, 'hex');
      for (const pack of this.packs) {
        const offset = pack.find(this.key);
        if (offset >= 0) return pack.sizeAt(offset);
      }
      const raw = this.looseBytes(oid);
      if (raw) {
        // The header is the first few inflated bytes; a dynamic Huffman table before them can take a few hundred input bytes.
        for (let take = 256; ; take *= 8) {
          const start = inflateSync(raw.subarray(0, take), { finishFlush: zlib.Z_SYNC_FLUSH });
          const header = /^(?:commit|tree|blob|tag) (\d+)\0/.exec(start.toString('latin1', 0, 40));
          if (header) return Number(header[1]);
          if (take >= raw.length || start.includes(0)) throw new MalformedObjectError('loose object has no "<type> <size>" header', 0);
        }
      }
    } catch (error) {
      throw objectError(this.repository, oid, error);
    }
    return null;
  }

  /** The object (its replacement's, when refs/replace/ names one); a GitObjectError naming it and why when it is missing or damaged. */
  async read(asked: string): Promise<GitObject> {
    this.checkOpen(asked);
    this.reads++;
    const oid = this.replaced(asked);
    try {
      const found = this.readPacked(oid) ?? this.readLoose(oid);
      if (found) return found;
      // A pack may have appeared since the store opened (gc, fetch); then let isomorphic-git try its ways.
      this.loadPacks();
      const again = this.readPacked(oid);
      if (again) return again;
    } catch (error) {
      // zlib's "unexpected end of file", a delta past its base, an offset past the pack's end: all one message.
      throw objectError(this.repository, oid, error);
    }
    try {
      const { type, object } = await git.readObject({ fs, gitdir: this.commondir, oid, format: 'content' });
      return { type: type as ObjectType, content: Buffer.from(object as Uint8Array) };
    } catch (error) {
      throw new GitObjectError('MissingObject', this.repository, oid, `not found in ${this.commondir} (a damaged or partial clone?)`, { cause: error });
    }
  }

  private readonly key = Buffer.alloc(20);

  private readPacked(oid: string): GitObject | null {
    const key = this.key;
    key.write(oid, 'hex');
    for (let i = 0; i < this.packs.length; i++) {
      const offset = this.packs[i]!.find(key);
      if (offset >= 0) return this.resolve(i, offset);
    }
    return null;
  }

  private resolve(packIndex: number, offset: number): GitObject {
    const key = packIndex * PACK_STRIDE + offset;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const entry = this.packs[packIndex]!.readEntry(offset);
    let object: GitObject;
    if (entry.kind === 'object') object = entry.object;
    else {
      const base = entry.kind === 'ofs-delta' ? this.resolve(packIndex, entry.baseOffset) : this.readPacked(entry.baseOid) ?? this.readLoose(entry.baseOid);
      if (!base) throw new PackError('DamagedPack', this.packs[packIndex]!.file, `the delta base ${entry.kind === 'ref-delta' ? entry.baseOid : `at pack offset ${entry.baseOffset}`} of the entry at offset ${offset} is missing`);
      object = { type: base.type, content: applyDelta(entry.delta, base.content) };
    }
    if (sizeOfObject(object) <= BASE_CACHE_BYTES / 8) this.cache.set(key, object);
    return object;
  }

  /** The deflated bytes of a loose object, from the first objects folder that has it. */
  private looseBytes(oid: string): Buffer | null {
    for (const dir of this.objectsDirs) {
      try {
        return readFileSync(path.join(dir, oid.slice(0, 2), oid.slice(2)));
      } catch {
        continue;
      }
    }
    return null;
  }

  private readLoose(oid: string): GitObject | null {
    const raw = this.looseBytes(oid);
    if (raw) {
      const inflated = inflateSync(raw);
      const nul = inflated.indexOf(0);
      const header = /^(commit|tree|blob|tag) (\d+)$/.exec(inflated.toString('latin1', 0, Math.max(nul, 0)));
      if (nul < 0 || !header) throw new MalformedObjectError('loose object has no "<type> <size>" header', 0);
      const content = inflated.subarray(nul + 1);
      if (content.length !== Number(header[2])) throw new MalformedObjectError(`loose object is ${content.length} bytes, its header says ${header[2]}`, nul + 1);
      return { type: header[1] as ObjectType, content };
    }
    return null;
  }
}

function alternates(objectsDir: string): string[] {
  try {
    return readFileSync(path.join(objectsDir, 'info', 'alternates'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => path.resolve(objectsDir, l));
  } catch {
    return [];
  }
}
