// The wiki's location, resolved once from the working folder, the environment and the clock: real paths, the repository, the content folder's path in it, today.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRepositoryRoot } from '../../src/lib/location.ts';
import { locateContent, resolveWikiLocation, type LocationInputs } from '../../src/lib/location-fs.ts';
import { writeFixture } from '../helpers/build-site.ts';
import { ada, git, TestRepo } from '../helpers/git-repo.ts';

const now = new Date('2026-03-04T23:59:00Z');
const inputs = (cwd: string, env: Record<string, string> = {}): LocationInputs => ({ cwd, env, now });

let repo: TestRepo;
let links: string;

beforeAll(() => {
  repo = TestRepo.create('wiki-location-');
  repo.commit({ author: ada, date: '2026-01-01T10:00:00+00:00', message: 'Start', files: { 'site/wiki.config.yml': 'content: pages\n', 'site/pages/ops/a.md': '# A\n' } });
  links = mkdtempSync(path.join(tmpdir(), 'wiki-location-links-'));
  symlinkSync(repo.dir, path.join(links, 'checkout'), 'dir');
});
afterAll(() => {
  repo.remove();
  rmSync(links, { recursive: true, force: true });
});

describe('resolveWikiLocation', () => {
  it('resolves WIKI_ROOT against the working folder to real paths, through a symlinked checkout', () => {
    const result = resolveWikiLocation(inputs(links, { WIKI_ROOT: 'checkout/site' }));
    expect(result.problems).toBeUndefined();
    const { location } = result as Exclude<typeof result, { problems: unknown[] }>;
    const real = realpathSync(repo.dir);
    expect(location.root).toBe(path.join(real, 'site'));
    expect(location.contentDir).toBe(path.join(real, 'site/pages'));
    expect(location.repository).toEqual({ workdir: real, gitdir: path.join(real, '.git'), commondir: path.join(real, '.git') });
    expect(location.contentInRepository).toBe('site/pages');
    expect(location.rootInRepository).toBe('site');
    expect(location.historyCache).toBeUndefined();
  });

  it('takes today from WIKI_TODAY, else the clock as a UTC date, and refuses a date that is not one', () => {
    const located = (env: Record<string, string>) => resolveWikiLocation(inputs(repo.dir, { WIKI_ROOT: 'site', ...env }));
    expect((located({}) as { location: { today: string } }).location.today).toBe('2026-03-04');
    expect((located({ WIKI_TODAY: '2026-11-22' }) as { location: { today: string } }).location.today).toBe('2026-11-22');
    expect(located({ WIKI_TODAY: '2026-02-30' }).problems).toEqual([expect.objectContaining({ file: 'WIKI_TODAY', message: 'must be a date written YYYY-MM-DD (got "2026-02-30")' })]);
  });

  it('applies WIKI_CONTENT and WIKI_HISTORY_CACHE, both against the working folder or the wiki root', () => {
    const result = resolveWikiLocation(inputs(repo.dir, { WIKI_ROOT: 'site', WIKI_CONTENT: 'pages/ops', WIKI_HISTORY_CACHE: 'cache' }));
    const { location } = result as Exclude<typeof result, { problems: unknown[] }>;
    expect(location.contentInRepository).toBe('site/pages/ops');
    expect(location.historyCache).toBe(path.join(repo.dir, 'cache'));
  });

  it('with WIKI_CONTENT alone, takes the config of the repository around that content, not the working folder\'s', () => {
    const project = writeFixture({ 'wiki.config.yml': 'title: Sample wiki\nbrokenLinks: error\n' });
    const fromRepo = resolveWikiLocation(inputs(project, { WIKI_CONTENT: path.join(repo.dir, 'site/pages') }));
    const { location, config } = fromRepo as Exclude<typeof fromRepo, { problems: unknown[] }>;
    expect(location.root).toBe(realpathSync(repo.dir));
    expect(location.contentInRepository).toBe('site/pages');
    expect(config.brokenLinks).toBe('warning');
    expect(config.title).not.toBe('Sample wiki');
    const loose = writeFixture({ 'notes/a.md': '# A\n' });
    const outside = resolveWikiLocation(inputs(project, { WIKI_CONTENT: path.join(loose, 'notes') }));
    expect((outside as { location: { root: string } }).location.root).toBe(realpathSync(path.join(loose, 'notes')));
    const own = resolveWikiLocation(inputs(project, { WIKI_ROOT: '.', WIKI_CONTENT: path.join(loose, 'notes') }));
    expect((own as { config: { brokenLinks: string } }).config.brokenLinks).toBe('error');
  });

  it('finds a worktree through its .git file: its own git folder, and the main one for objects', () => {
    const worktree = path.join(links, 'worktree');
    repo.git(['worktree', 'add', '-q', worktree]);
    const result = resolveWikiLocation(inputs(worktree, { WIKI_ROOT: 'site' }));
    const { location } = result as Exclude<typeof result, { problems: unknown[] }>;
    const real = realpathSync(repo.dir);
    expect(location.repository).toEqual({ workdir: realpathSync(worktree), gitdir: path.join(real, '.git/worktrees/worktree'), commondir: path.join(real, '.git') });
    expect(location.contentInRepository).toBe('site/pages');
  });

  it('lets the wiki root stand in for the repository root outside any repository', () => {
    const root = writeFixture({ 'wiki.config.yml': 'content: docs\n', 'docs/ops/a.md': '# A\n' });
    const result = resolveWikiLocation(inputs('/', { WIKI_ROOT: root }));
    const { location } = result as Exclude<typeof result, { problems: unknown[] }>;
    expect(location.repository).toBeUndefined();
    expect(location.contentInRepository).toBe('docs');
    expect(location.rootInRepository).toBe('');
  });

  it('gives a broken config as problems, with the root and its repository still known', () => {
    const root = path.join(repo.dir, 'broken');
    mkdirSync(root);
    writeFileSync(path.join(root, 'wiki.config.yml'), 'base: wiki\n');
    const result = resolveWikiLocation(inputs(root));
    expect(result.problems?.[0]).toMatchObject({ file: 'wiki.config.yml', line: 1 });
    expect(result).toMatchObject({ root: realpathSync(root), rootInRepository: 'broken', repository: { workdir: realpathSync(repo.dir) } });
  });
});

describe('locateContent', () => {
  it('names a folder reached through a symlink from the real repository root', () => {
    const place = locateContent(path.join(links, 'checkout/site/pages'));
    expect(place.contentInRepository).toBe('site/pages');
    expect(place.contentDir).toBe(path.join(realpathSync(repo.dir), 'site/pages'));
  });

  it('refuses a folder outside the repository given, and a missing folder without one', () => {
    const other = mkdtempSync(path.join(tmpdir(), 'wiki-location-other-'));
    git(other, ['init', '-q']);
    expect(() => locateContent(path.join(repo.dir, 'site/pages'), other)).toThrow(/is outside the repository/);
    expect(() => locateContent(path.join(repo.dir, 'nope'))).toThrow(/content folder .*nope does not exist/);
    rmSync(other, { recursive: true, force: true });
  });
});

describe('fromRepositoryRoot', () => {
  it.each([
    ['', 'content/a.md', 'content/a.md'],
    ['site', 'pages/a.md', 'site/pages/a.md'],
    ['site', '../.github/CODEOWNERS', '.github/CODEOWNERS'],
    ['site', 'wiki.config.yml', 'site/wiki.config.yml'],
    ['', '../outside.md', '../outside.md'],
  ])('from %j names %j as %j', (rootInRepository, file, expected) => {
    expect(fromRepositoryRoot({ rootInRepository }, file)).toBe(expected);
  });
});
