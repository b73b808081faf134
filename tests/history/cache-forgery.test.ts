// Tests that credit cannot be forged through the history cache: it lives in the git folder, a tracked folder is refused, and a file not sealed here or disagreeing with git is ignored.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import { seal } from '../../src/lib/history/cache-seal-fs.ts';
import { ada, blameLinesByEmail, git, grace, initWithGitFile, TestRepo } from '../helpers/git-repo.ts';

const mallory = { name: 'Mallory', email: 'mallory@evil.example' };
const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'wiki-forgery-')));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The old default name of a cache file (from the real path of the clone's .git): what a forger had to compute to plant one. */
const cacheName = (gitCommondir: string) => `history-${createHash('sha1').update(`${gitCommondir}\ncontent\n`).digest('hex').slice(0, 16)}.json`;

/** A cache file written by hand, in the format the engine used to trust, giving every line of every page to Mallory. */
function forgedSnapshot(repoDir: string, head: string, commondir: string, version = 3): string {
  const oids = git(repoDir, ['rev-list', '--reverse', head]).trim().split('\n');
  const pages = git(repoDir, ['ls-tree', '-r', head, '--', 'content']).trim().split('\n').map((l) => {
    const [meta, file] = l.split('\t') as [string, string];
    const blob = meta.split(' ')[2]!;
    const lines = git(repoDir, ['cat-file', 'blob', blob]).split('\n').length - 1;
    return { file, blob, lines };
  });
  return JSON.stringify({
    version,
    key: `${commondir}\ncontent\n`,
    head,
    contentPrefix: 'content',
    nextId: pages.length,
    commits: oids.map((oid) => [oid, mallory.name, mallory.email, '2024-01-01T00:00:00+00:00', 'Everything', []]),
    histories: pages.map((p, id) => [id, [[0, p.file, p.lines, 0, 0, p.blob, null]]]),
    aliases: [],
    pages: pages.map((p, id) => [p.file, id, p.blob, Array(p.lines).fill(0)]),
    undo: [],
  });
}

function seedRepo(): TestRepo {
  const repo = TestRepo.create('wiki-forgery-origin-');
  repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'One', files: { 'content/a.md': 'a1\na2\na3\n', 'content/b.md': 'b1\n' } });
  repo.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Two', files: { 'content/a.md': 'a1\nA2\na3\n' } });
  return repo;
}

/** Every page's contributors' lines, by email, as the engine says. */
const linesByEmail = (pages: Record<string, { contributors: { email: string; lines: number }[] }>, file: string) =>
  Object.fromEntries(pages[file]!.contributors.map((c) => [c.email, c.lines]));

describe('a cache file committed into the repository', () => {
  let origin: TestRepo;
  let clone: string;
  beforeAll(() => {
    origin = seedRepo();
    clone = path.join(work, 'clone');
    // The forger knows where CI clones (the path is in every public log), so they can name the file the engine looked for.
    const base = origin.git(['rev-parse', 'HEAD']).trim();
    const file = path.join(origin.dir, 'node_modules/.cache/wiki-history', cacheName(path.join(clone, '.git')));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, forgedSnapshot(origin.dir, base, path.join(clone, '.git')));
    origin.git(['add', '-f', 'node_modules']);
    origin.git(['commit', '-q', '-m', 'Add a cache file'], origin.env(mallory, '2024-01-03T10:00:00+00:00'));
    git(work, ['clone', '-q', origin.dir, clone]);
  });
  afterAll(() => origin.remove());

  it('survives a fresh clone but gives no credit: attribution equals git blame', async () => {
    expect(existsSync(path.join(clone, 'node_modules/.cache/wiki-history'))).toBe(true);
    const history = await readRepositoryHistory({ contentDir: path.join(clone, 'content') });
    for (const file of ['content/a.md', 'content/b.md']) expect(linesByEmail(history.pages, file)).toEqual(blameLinesByEmail(clone, file));
    expect(JSON.stringify(history.pages)).not.toContain('Mallory');
    expect(history.stats?.mode).toBe('cold');
  });

  it('keeps its own cache in the git folder, where git never tracks and a clone never carries it', async () => {
    const again = await readRepositoryHistory({ contentDir: path.join(clone, 'content') });
    expect(again.stats?.mode).toBe('cached');
    expect(readdirSync(path.join(clone, '.git/cop-wiki-cache')).some((f) => /^history-.*\.json$/.test(f))).toBe(true);
    expect(git(clone, ['status', '--porcelain', '--ignored'])).toBe('');
  });

  it('puts the cache in the git folder a `.git` file points at, as in worktrees', async () => {
    const dir = mkdtempSync(path.join(work, 'linked-'));
    const gitdir = initWithGitFile(dir);
    const repo = new TestRepo(dir);
    repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'One', files: { 'content/a.md': 'a\n' } });
    await readRepositoryHistory({ contentDir: path.join(dir, 'content') });
    expect(readdirSync(path.join(gitdir, 'cop-wiki-cache')).some((f) => f.endsWith('.json'))).toBe(true);
    expect(repo.git(['status', '--porcelain', '--ignored'])).toBe('');
    rmSync(gitdir, { recursive: true, force: true });
  });
});

describe('a configured cache folder', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = seedRepo();
    repo = new TestRepo(realpathSync(repo.dir));
  });
  afterAll(() => repo.remove());

  it('is refused, with a warning, when git tracks files in it', async () => {
    const cacheDir = path.join(repo.dir, '.wiki-cache');
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path.join(cacheDir, cacheName(path.join(repo.dir, '.git'))), forgedSnapshot(repo.dir, head, path.join(repo.dir, '.git')));
    repo.git(['add', '-f', '.wiki-cache']);
    repo.commit({ author: mallory, date: '2024-01-03T10:00:00+00:00', message: 'Cache', files: {} });
    const history = await readRepositoryHistory({ contentDir: path.join(repo.dir, 'content'), cacheDir });
    expect(history.warnings.join('\n')).toMatch(/history cache folder .*\.wiki-cache holds \.wiki-cache\/history-[0-9a-f]+\.json, which git tracks/);
    expect(linesByEmail(history.pages, 'content/a.md')).toEqual(blameLinesByEmail(repo.dir, 'content/a.md'));
    // Nothing written there either: the tracked files stay as committed.
    expect(repo.git(['status', '--porcelain'])).toBe('');
    expect((await readRepositoryHistory({ contentDir: path.join(repo.dir, 'content'), cacheDir })).stats?.mode).toBe('cold');
    repo.git(['rm', '-q', '-r', '--cached', '.wiki-cache']);
    repo.git(['commit', '-q', '-m', 'No cache'], repo.env(ada, '2024-01-04T10:00:00+00:00'));
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('is refused when it is a symlink git tracks, wherever it points', async () => {
    const elsewhere = mkdtempSync(path.join(work, 'elsewhere-'));
    symlinkSync(elsewhere, path.join(repo.dir, 'linked-cache'));
    repo.commit({ author: mallory, date: '2024-01-05T10:00:00+00:00', message: 'Link a cache', files: {} });
    const history = await readRepositoryHistory({ contentDir: path.join(repo.dir, 'content'), cacheDir: path.join(repo.dir, 'linked-cache') });
    expect(history.warnings.join('\n')).toMatch(/holds linked-cache, which git tracks/);
    expect(readdirSync(elsewhere)).toEqual([]);
    repo.git(['rm', '-q', 'linked-cache']);
    repo.git(['commit', '-q', '-m', 'Unlink'], repo.env(ada, '2024-01-06T10:00:00+00:00'));
  });

  it('inside the working tree but untracked is used', async () => {
    const cacheDir = path.join(repo.dir, 'untracked-cache');
    expect((await readRepositoryHistory({ contentDir: path.join(repo.dir, 'content'), cacheDir })).warnings).toEqual([]);
    expect((await readRepositoryHistory({ contentDir: path.join(repo.dir, 'content'), cacheDir })).stats?.mode).toBe('cached');
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('ignores, with a warning, a cache file that is not sealed by this machine', async () => {
    const cacheDir = mkdtempSync(path.join(work, 'copied-'));
    // A first run makes the folder's key; then a file from elsewhere (an artifact, a copy) replaces the cache.
    await readRepositoryHistory({ contentDir: path.join(repo.dir, 'content'), cacheDir });
    const head = repo.git(['rev-parse', 'HEAD']).trim();
    const [file] = readdirSync(cacheDir).filter((f) => f.endsWith('.json'));
    writeFileSync(path.join(cacheDir, file!), forgedSnapshot(repo.dir, head, path.join(repo.dir, '.git')));
    const history = await readRepositoryHistory({ contentDir: path.join(repo.dir, 'content'), cacheDir });
    expect(history.warnings.join('\n')).toMatch(/is not sealed by this machine's key .*ignored/);
    expect(history.stats?.mode).toBe('cold');
    expect(linesByEmail(history.pages, 'content/a.md')).toEqual(blameLinesByEmail(repo.dir, 'content/a.md'));
  });

  it('ignores, with a warning, a sealed cache whose commits disagree with git', async () => {
    const cacheDir = mkdtempSync(path.join(work, 'resealed-'));
    await readRepositoryHistory({ contentDir: path.join(repo.dir, 'content'), cacheDir });
    const [file] = readdirSync(cacheDir).filter((f) => f.endsWith('.json'));
    // Whoever holds the key (a misconfigured shared folder) still cannot rename the authors git recorded.
    const key = Buffer.from(readFileSync(path.join(cacheDir, 'seal.key'), 'utf8'), 'hex');
    const text = readFileSync(path.join(cacheDir, file!), 'utf8').split('\n')[1]!.replaceAll(ada.name, mallory.name).replaceAll(grace.name, mallory.name);
    writeFileSync(path.join(cacheDir, file!), `${seal(key, text)}\n${text}`);
    const history = await readRepositoryHistory({ contentDir: path.join(repo.dir, 'content'), cacheDir });
    expect(history.warnings.join('\n')).toMatch(/does not match the repository \(it says [0-9a-f]{12} is by Mallory .*but git says/);
    expect(JSON.stringify(history.pages)).not.toContain('Mallory');
  });
});
