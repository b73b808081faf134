// Tests damaged and odd git data: truncated objects, corrupt packs, and commit dates git accepts but no calendar shows.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDelta } from '../../src/lib/history/delta.ts';
import { blobReader } from '../../src/integration/revision-texts-fs.ts';
import { GitObjectError, HistoryCacheError, HistoryError, MalformedObjectError, PackError, RepositoryError } from '../../src/lib/history/errors.ts';
import { loadWalkState, saveWalkState } from '../../src/lib/history/cache-fs.ts';
import { sealKeyFor } from '../../src/lib/history/cache-seal-fs.ts';
import { toCommitId } from '../../src/lib/history/commit-id.ts';
import type { RawRevision, WalkState } from '../../src/lib/history/walk-state.ts';
import { ObjectStore } from '../../src/lib/history/objects-fs.ts';
import { parseCommit, parseTree } from '../../src/lib/history/git-objects.ts';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import { ada, grace, TestRepo } from '../helpers/git-repo.ts';

const TREE = 'a'.repeat(40);
const commitText = (author: string, committer = 'C <c@example.org> 1700000000 +0000') => Buffer.from(`tree ${TREE}\nauthor ${author}\ncommitter ${committer}\n\nSubject\n`);

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('parsers refuse malformed bytes instead of looping or reading past the end', () => {
  it('a tree cut off after an entry name is refused with the offset', () => {
    const truncated = Buffer.concat([Buffer.from('100644 a.md\0'), Buffer.alloc(20, 1), Buffer.from('100644 b.md')]);
    const error = thrown(() => parseTree(truncated));
    expect(error).toBeInstanceOf(MalformedObjectError);
    expect((error as MalformedObjectError).offset).toBe(39);
    expect((error as Error).message).toMatch(/not ended by a NUL byte \(at byte 39\)/);
    const cutInOid = Buffer.concat([Buffer.from('100644 a.md\0'), Buffer.alloc(7, 1)]);
    expect((thrown(() => parseTree(cutInOid)) as Error).message).toMatch(/cut off: its object id needs 20 bytes, 7 are left/);
    expect(parseTree(Buffer.concat([Buffer.from('100644 a.md\0'), Buffer.alloc(20, 1)]))).toEqual([{ name: 'a.md', oid: '01'.repeat(20), kind: 'blob' }]);
  });

  it('a delta that copies past its base or is cut off is refused', () => {
    const base = Buffer.from('hello');
    // base size 5, result size 4, copy offset 3 size 4: bytes 3–7 of a 5-byte base.
    const pastBase = Uint8Array.from([5, 4, 0x80 | 0x01 | 0x10, 3, 4]);
    expect(thrown(() => applyDelta(pastBase, base))).toBeInstanceOf(MalformedObjectError);
    const cut = Uint8Array.from([5, 4, 0x80 | 0x01 | 0x10, 3]);
    expect((thrown(() => applyDelta(cut, base)) as Error).message).toMatch(/cut off inside a copy instruction/);
    const insertCut = Uint8Array.from([5, 4, 4, 0x61]);
    expect((thrown(() => applyDelta(insertCut, base)) as Error).message).toMatch(/cut off inside inserted bytes/);
    expect(applyDelta(Uint8Array.from([5, 3, 0x80 | 0x01 | 0x10, 1, 3]), base).toString()).toBe('ell');
  });

  it('a commit without a tree is refused', () => {
    expect(thrown(() => parseCommit(Buffer.from('author A <a@x> 1 +0000\n\nm')))).toBeInstanceOf(MalformedObjectError);
  });
});

describe('commit dates git accepts', () => {
  it('an author date past year 9999 gives way to the committer date, with the reason', () => {
    const c = parseCommit(commitText('A <a@example.org> 99999999999999 +0000'));
    expect(c.date).toBe('2023-11-14T22:13:20+00:00');
    expect(c.dateProblem).toMatch(/author date 99999999999999 is outside the years 1–9999, so the committer date is used/);
  });
  it('with both dates unusable, the epoch is shown (as git does)', () => {
    const c = parseCommit(commitText('A <a@example.org> 99999999999999 +0000', 'C <c@example.org> 99999999999999 +0000'));
    expect(c.date).toBe('1970-01-01T00:00:00+00:00');
    expect(c.dateProblem).toMatch(/1970-01-01 is shown/);
  });
  it('an impossible time zone is read as UTC', () => {
    const c = parseCommit(commitText('A <a@example.org> 1700000000 +9999'));
    expect(c.date).toBe('2023-11-14T22:13:20+00:00');
    expect(c.dateProblem).toMatch(/time zone \+9999/);
  });
  it('an author line with an empty email or none keeps its name and date', () => {
    expect(parseCommit(commitText('Ada <> 1700000000 +0100'))).toMatchObject({ authorName: 'Ada', authorEmail: '', date: '2023-11-14T23:13:20+01:00' });
    const bare = parseCommit(commitText('Ada Lovelace 1700000000 +0100'));
    expect(bare).toMatchObject({ authorName: 'Ada Lovelace', authorEmail: '', date: '2023-11-14T23:13:20+01:00' });
    expect(bare.dateProblem).toBeUndefined();
    expect(parseCommit(commitText('Ada Lovelace'))).toMatchObject({ authorName: 'Ada Lovelace', date: '2023-11-14T22:13:20+00:00' });
  });
  it('every date is one Date can read', () => {
    for (const author of ['A <a> 99999999999999 +0000', 'A <a> 1 +9999', 'A <a> -99999999999999 -0000', 'A', '', 'A <a> 253402300799 +2359']) {
      const { date } = parseCommit(commitText(author, 'C <c> x'));
      expect(Number.isNaN(Date.parse(date)), `${author} → ${date}`).toBe(false);
    }
  });
});

describe('a repository with odd commits and damaged objects', () => {
  let repo: TestRepo;
  afterEach(() => repo?.remove());

  const writeRaw = (text: string): string =>
    execFileSync('git', ['hash-object', '-w', '-t', 'commit', '--literally', '--stdin'], { cwd: repo.dir, input: text, encoding: 'utf8' }).trim();

  it("keeps every other commit's history and warns naming the odd commits", async () => {
    repo = TestRepo.create();
    const first = repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'One', files: { 'docs/a.md': 'one\n' } });
    const second = repo.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Two', files: { 'docs/a.md': 'one\ntwo\n' } });
    const tree = (rev: string) => repo.git(['rev-parse', `${rev}^{tree}`]).trim();
    repo.commit({ author: ada, date: '2024-01-03T10:00:00+00:00', message: 'Three', files: { 'docs/a.md': 'one\ntwo\nthree\n' } });
    const t3 = tree('HEAD');
    repo.commit({ author: ada, date: '2024-01-04T10:00:00+00:00', message: 'Four', files: { 'docs/a.md': 'one\ntwo\nthree\nfour\n' } });
    const t4 = tree('HEAD');
    const far = writeRaw(`tree ${t3}\nparent ${second}\nauthor Far Future <far@example.org> 99999999999999 +0000\ncommitter Far Future <far@example.org> 99999999999999 +0000\n\nFar\n`);
    const odd = writeRaw(`tree ${t4}\nparent ${far}\nauthor No Email 1704448800 +9999\ncommitter No Email <> 1704448800 +9999\n\nOdd\n`);
    repo.git(['update-ref', 'refs/heads/main', odd]);
    const h = await readRepositoryHistory({ contentDir: path.join(repo.dir, 'docs'), cacheDir: null });
    const page = h.pages['docs/a.md']!;
    expect(page.revisions.map((r) => r.commit)).toEqual([odd, far, second, first]);
    expect(page.revisions.find((r) => r.commit === second)!.date).toBe('2024-01-02T10:00:00+00:00');
    expect(page.revisions.find((r) => r.commit === far)!.date).toBe('1970-01-01T00:00:00+00:00');
    expect(page.revisions.find((r) => r.commit === odd)).toMatchObject({ date: '2024-01-05T10:00:00+00:00' });
    expect(h.warnings).toEqual([
      expect.stringMatching(new RegExp(`^commit ${far} \\(Far Future\\): its author date 99999999999999 is outside`)),
      expect.stringMatching(new RegExp(`^commit ${odd} \\(No Email\\): its time zone \\+9999`)),
    ]);
  });

  it('names the repository and object of a truncated loose object', async () => {
    repo = TestRepo.create();
    repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'One', files: { 'docs/a.md': 'one\n'.repeat(200) } });
    const blob = repo.git(['rev-parse', 'HEAD:docs/a.md']).trim();
    const file = path.join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2));
    chmodSync(file, 0o644);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const error = await readRepositoryHistory({ contentDir: path.join(repo.dir, 'docs'), cacheDir: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitObjectError);
    expect(error).toMatchObject({ code: 'CorruptObject', oid: blob, repository: repo.dir });
    expect((error as Error).message).toMatch(new RegExp(`^${repo.dir}: git object ${blob} is damaged: `));
  });

  it('names the repository and object read from a corrupt pack', async () => {
    repo = TestRepo.create();
    repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'One', files: { 'docs/a.md': 'one\n'.repeat(200) } });
    repo.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Two', files: { 'docs/a.md': 'one\n'.repeat(200) + 'two\n' } });
    repo.git(['gc', '-q']);
    const packDir = path.join(repo.dir, '.git', 'objects', 'pack');
    const pack = path.join(packDir, readdirSync(packDir).find((n) => n.endsWith('.pack'))!);
    // Overwrite the middle of the pack: every entry there fails to inflate (or points nowhere).
    const bytes = readFileSync(pack);
    chmodSync(pack, 0o644);
    bytes.fill(0xff, 12, bytes.length - 20);
    writeFileSync(pack, bytes);
    const error = await readRepositoryHistory({ contentDir: path.join(repo.dir, 'docs'), cacheDir: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitObjectError);
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    expect(error).toMatchObject({ oid: head, repository: repo.dir });
    expect((error as Error).message).toContain(`${repo.dir}: git object ${head} is damaged`);
  });

  it('names the pack whose header or index is damaged instead of skipping it', async () => {
    repo = TestRepo.create();
    repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'One', files: { 'docs/a.md': 'one\n' } });
    repo.git(['gc', '-q']);
    const packDir = path.join(repo.dir, '.git', 'objects', 'pack');
    const pack = path.join(packDir, readdirSync(packDir).find((n) => n.endsWith('.pack'))!);
    const bytes = readFileSync(pack);
    chmodSync(pack, 0o644);
    bytes.write('JUNK', 0, 'latin1');
    writeFileSync(pack, bytes);
    const error = await readRepositoryHistory({ contentDir: path.join(repo.dir, 'docs'), cacheDir: null }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`${repo.dir}: ${pack}: not a git pack file (its header is damaged)`);
    const idx = pack.replace(/\.pack$/, '.idx');
    chmodSync(idx, 0o644);
    truncateSync(idx, 1100);
    const cut = await readRepositoryHistory({ contentDir: path.join(repo.dir, 'docs'), cacheDir: null }).catch((e: unknown) => e);
    expect((cut as Error).message).toMatch(new RegExp(`^${repo.dir}: ${idx}: the index is cut off`));
  });
});

describe('every error the engine throws is typed, naming what it is about', () => {
  let repo: TestRepo | undefined;
  afterEach(() => repo?.remove());

  it('a folder outside any repository, a missing content folder and one outside the repository', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'wiki-no-repo-'));
    try {
      const noRepo = await readRepositoryHistory({ contentDir: outside, repoDir: outside, cacheDir: null }).catch((e: unknown) => e);
      expect(noRepo).toBeInstanceOf(RepositoryError);
      expect(noRepo).toMatchObject({ code: 'NoRepository', path: outside, message: `${outside} is not inside a git repository` });
      const missing = path.join(outside, 'nothing-here');
      const noFolder = await readRepositoryHistory({ contentDir: missing, cacheDir: null }).catch((e: unknown) => e);
      expect(noFolder).toMatchObject({ code: 'NoContentFolder', path: missing, message: `the content folder ${missing} does not exist` });
      repo = TestRepo.create();
      repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'One', files: { 'docs/a.md': 'one\n' } });
      const away = await readRepositoryHistory({ contentDir: outside, repoDir: repo.dir, cacheDir: null }).catch((e: unknown) => e);
      expect(away).toBeInstanceOf(HistoryError);
      expect(away).toMatchObject({ code: 'OutsideRepository', path: outside });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a damaged pack entry is a GitObjectError caused by a PackError naming the pack file', async () => {
    repo = TestRepo.create();
    repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'One', files: { 'docs/a.md': 'one\n' } });
    repo.git(['gc', '-q']);
    const packDir = path.join(repo.dir, '.git', 'objects', 'pack');
    const pack = path.join(packDir, readdirSync(packDir).find((n) => n.endsWith('.pack'))!);
    chmodSync(pack, 0o644);
    // Keep the header, cut the entries: the index then points past the pack's end.
    truncateSync(pack, 12 + 20);
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const error = await readRepositoryHistory({ contentDir: path.join(repo.dir, 'docs'), cacheDir: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CorruptObject', oid: head, repository: repo.dir });
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(PackError);
    expect(cause).toMatchObject({ code: 'DamagedPack', file: pack });
    expect((cause as Error).message).toMatch(/outside the pack's 12 bytes/);
  });

  it('a cache key that cannot be written names its file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wiki-cache-key-'));
    try {
      // A folder where the key file should be: it can be neither written nor read.
      mkdirSync(path.join(dir, 'seal.key'));
      const error = thrown(() => sealKeyFor(dir));
      expect(error).toBeInstanceOf(HistoryCacheError);
      expect(error).toMatchObject({ code: 'CacheUnwritable', path: path.join(dir, 'seal.key') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the object store', () => {
  let repo: TestRepo;
  afterEach(() => repo?.remove());

  const packed = () => {
    repo = TestRepo.create();
    repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'One', files: { 'docs/a.md': 'one\n' } });
    repo.git(['gc', '-q']);
    repo.commit({ author: ada, date: '2024-01-02T10:00:00+00:00', message: 'Two', files: { 'docs/b.md': 'two\n' } });
    return { inPack: repo.git(['rev-parse', 'HEAD~1:docs/a.md']).trim(), loose: repo.git(['rev-parse', 'HEAD:docs/b.md']).trim() };
  };
  const openFds = () => readdirSync('/proc/self/fd').map((fd) => { try { return readlinkSync(`/proc/self/fd/${fd}`); } catch { return ''; } });

  it('says which objects it has without reading them, packed or loose', () => {
    const { inPack, loose } = packed();
    const store = new ObjectStore(path.join(repo.dir, '.git'), repo.dir);
    try {
      expect([store.has(inPack), store.has(loose), store.has('0'.repeat(40))]).toEqual([true, true, false]);
      expect(store.reads).toBe(0);
      expect(thrown(() => store.has('HEAD'))).toMatchObject({ code: 'InvalidId', value: 'HEAD' });
    } finally {
      store.close();
    }
  });

  it('a missing object is an error with the reason, not undefined', async () => {
    packed();
    const store = new ObjectStore(path.join(repo.dir, '.git'), repo.dir);
    try {
      const error = await store.read('0'.repeat(40)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitObjectError);
      expect(error).toMatchObject({ code: 'MissingObject', oid: '0'.repeat(40), repository: repo.dir });
      expect((error as Error).message).toMatch(/is missing: not found in .*\(a damaged or partial clone\?\)/);
    } finally {
      store.close();
    }
  });

  it('closes its pack files, and refuses reads once closed', async () => {
    const { inPack } = packed();
    const store = new ObjectStore(path.join(repo.dir, '.git'), repo.dir);
    expect((await store.read(inPack)).content.toString()).toBe('one\n');
    const packs = () => openFds().filter((f) => f.startsWith(repo.dir) && f.endsWith('.pack'));
    expect(packs()).toHaveLength(1);
    store.close();
    store.close();
    expect(packs()).toEqual([]);
    const error = await store.read(inPack).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RepositoryError);
    expect(error).toMatchObject({ code: 'StoreClosed', path: repo.dir });
  });

  it('the blob reader of the history pages: absent is undefined, damaged throws with the reason, close closes its files', async () => {
    const { inPack, loose } = packed();
    const reader = blobReader(path.join(repo.dir, '.git'));
    expect(await reader.text(inPack)).toBe('one\n');
    expect(await reader.text('0'.repeat(40))).toBeUndefined();
    const file = path.join(repo.dir, '.git', 'objects', loose.slice(0, 2), loose.slice(2));
    chmodSync(file, 0o644);
    writeFileSync(file, 'not zlib');
    const error = await reader.text(loose).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CorruptObject', oid: loose });
    reader.close();
    expect(openFds().filter((f) => f.startsWith(repo.dir))).toEqual([]);
  });
});

describe('tree entry names git would never write', () => {
  const entry = (name: string) => Buffer.concat([Buffer.from(`100644 ${name}\0`), Buffer.alloc(20, 1)]);
  it.each([['..'], ['.'], [''], ['a/b.md']])('%j is refused with the offset of the name', (name) => {
    const tree = Buffer.concat([entry('ok.md'), entry(name)]);
    const error = thrown(() => parseTree(tree));
    expect(error).toBeInstanceOf(MalformedObjectError);
    expect(error).toMatchObject({ offset: 33 + 7 });
    expect((error as Error).message).toContain(`tree entry name ${JSON.stringify(name)} is not a file name`);
  });
  it('a name that only starts with dots is a name', () => {
    expect(parseTree(entry('..a.md')).map((e) => e.name)).toEqual(['..a.md']);
  });
});

describe('a sealed cache whose ids are not ids', () => {
  it('is ignored with a warning that says what it holds', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wiki-cache-ids-'));
    try {
      const commit = { oid: toCommitId('a'.repeat(40)), name: 'A', email: 'a@x', date: '2024-01-01T00:00:00+00:00', subject: 's', coAuthors: [], time: 1704067200 };
      const state: WalkState = {
        head: 'a'.repeat(40),
        contentPrefix: 'docs',
        commits: [commit],
        histories: new Map([[0, [{ commitIndex: 0, path: 'docs/../../etc/passwd', added: 1, removed: 0, merge: false, blob: 'b'.repeat(40), parentBlob: null } as unknown as RawRevision]]]),
        aliases: new Map(),
        nextHistoryId: 1,
        pages: new Map([['docs/../../etc/passwd', { historyId: 0, blob: 'b'.repeat(40), origins: [0] }]]),
        undo: [],
      };
      saveWalkState(dir, 'key', state);
      const loaded = loadWalkState(dir, 'key');
      expect(loaded.state).toBeUndefined();
      expect(loaded.warning).toMatch(/^the history cache .*history-[0-9a-f]{16}\.json holds "docs\/\.\.\/\.\.\/etc\/passwd" is not a path from the repository root: it has a "\.\." segment: it is ignored/);
      const good = { ...state, histories: new Map([[0, [{ ...state.histories.get(0)![0]!, path: 'docs/a.md' } as RawRevision]]]) };
      saveWalkState(dir, 'key', good);
      expect(loadWalkState(dir, 'key').state?.histories.get(0)?.[0]).toMatchObject({ commitIndex: 0, path: 'docs/a.md' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
