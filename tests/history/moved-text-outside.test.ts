// Tests moved text from files that are not pages (outside the content folder, or not Markdown) against git itself: line for line as `git blame -C` credits them.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import { parseRawTree } from '../../src/lib/history/git-objects.ts';
import { COPY_SCORE, CopyIndex, creditMovedText, type SourceFile } from '../../src/lib/history/moved-text.ts';
import { changedOldFiles } from '../../src/lib/history/tree-diff.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { ada, git, gitLogFollow, grace, linus, TestRepo, type Author } from '../helpers/git-repo.ts';

/** `git blame --line-porcelain -C HEAD`: the commit git credits for each line of the file. */
function blameCopies(dir: string, file: string): string[] {
  return git(dir, ['blame', '--line-porcelain', '-C', 'HEAD', '--', file])
    .split('\n')
    .map((line) => /^([0-9a-f]{40}) \d+ \d+/.exec(line)?.[1])
    .filter((commit): commit is string => commit !== undefined);
}

const section = (title: string, n: number) => [`## ${title}`, '', ...Array.from({ length: n }, (_, i) => `${title} explains step number ${i + 1} in some detail for readers.`), ''];
const text = (...parts: string[][]) => parts.flat().join('\n') + '\n';
const step = (title: string, n: number) => `${title} explains step number ${n} in some detail for readers.`;

let repo: TestRepo;
const c: Record<string, string> = {};
let history: RepositoryHistory;

function commit(author: Author, day: number, message: string, files: Record<string, string | null>, moves?: [string, string][]): string {
  return repo.commit({ author, date: `2024-04-${String(day).padStart(2, '0')}T10:00:00+00:00`, message, files, ...(moves ? { moves } : {}) });
}

/** The commit the engine credits for the (first) line with this text. */
function creditOf(file: string, line: string): string {
  const lines = git(repo.dir, ['show', `HEAD:${file}`]).split('\n');
  const at = lines.indexOf(line);
  expect(at, `${file}: ${line}`).toBeGreaterThanOrEqual(0);
  return history.pages[file]!.lineCommits[at]!;
}

beforeAll(async () => {
  repo = TestRepo.create('wiki-moved-outside-');
  c.create = commit(ada, 1, 'Pages and notes by Ada', {
    'content/ops.md': text(['# Ops', '', 'Ada wrote this page about operations.', '']),
    'content/a.md': text(['# A', '', 'Page A says hello.', '']),
    'content/b.md': text(['# B', '', 'Page B says hello.', '']),
    'content/pasted.md': text(['# Pasted', '', 'Linus pastes here.', '']),
    'content/twin.md': text(['# Twin', ''], section('Twin', 3)),
    'content/pair.md': text(['# Pair', ''], section('Pair', 3)),
    'notes/runbook.txt': text(['Runbook notes', ''], section('Failover', 3)),
    'kept/reference.md': text(['# Reference', ''], section('Reference', 3)),
  });
  c.grace = commit(grace, 2, 'Grace adds to the runbook notes', { 'notes/runbook.txt': text(['Runbook notes', ''], section('Failover', 3), section('Restore', 3)), 'docs/twin.md': text(['# Twin outside', ''], section('Twin', 3)), 'assets/pair.md': text(['# Pair outside', ''], section('Pair', 3)) });
  c.rename = commit(linus, 3, 'Rename the notes', {}, [['notes/runbook.txt', 'docs/runbook.md']]);
  c.partials = commit(grace, 4, 'Partials, one inside the content folder that is not a page', {
    '_includes/alpha.md': text(section('Alpha', 4)),
    '_includes/beta.md': text(section('Beta', 4)),
    'content/snippets/gamma.txt': text(section('Gamma', 4)),
  });
  // Linus cuts Restore and part of Failover out of the renamed notes into a page; the commit adds no page.
  c.cut = commit(linus, 5, 'Failover and restore into the ops page', {
    'docs/runbook.md': text(['Runbook notes', '', '## Failover', '', step('Failover', 1), '']),
    'content/ops.md': text(['# Ops', '', 'Ada wrote this page about operations.', '', step('Failover', 2), step('Failover', 3), ''], section('Restore', 3)),
  });
  // Ada folds the partials into pages (Alpha into two of them) and deletes them, adding a page too;
  // Linus's paste of a file the commit leaves alone stays his; the twin section is in a changed page
  // and a changed file outside, and git takes the later path.
  c.fold = commit(ada, 6, 'Fold the partials into the pages', {
    '_includes/alpha.md': null,
    '_includes/beta.md': null,
    'content/snippets/gamma.txt': null,
    'content/a.md': text(['# A', '', 'Page A says hello.', ''], section('Alpha', 4), section('Gamma', 4)),
    'content/b.md': text(['# B', '', 'Page B says hello.', ''], section('Alpha', 4)),
    // Mostly Ada's own text: no rename of the partial, but a page whose Beta lines come from it.
    'content/new.md': text(['# New', ''], Array.from({ length: 12 }, (_, i) => `Ada writes paragraph ${i + 1} of the new page herself, at some length.`), [''], section('Beta', 4)),
    'content/pasted.md': text(['# Pasted', '', 'Linus pastes here.', ''], section('Reference', 3)),
    'content/twin.md': text(['# Twin', '']),
    'docs/twin.md': text(['# Twin outside', '']),
    'content/pair.md': text(['# Pair', '']),
    'assets/pair.md': text(['# Pair outside', '']),
    'content/ops.md': text(['# Ops', '', 'Ada wrote this page about operations.', '', step('Failover', 2), step('Failover', 3), ''], section('Restore', 3), section('Twin', 3), section('Pair', 3)),
  });
  history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
});

afterAll(() => repo.remove());

describe('moved text from files that are not pages', () => {
  it('credits every line of every page as git blame -C does', () => {
    expect(Object.keys(history.pages).sort()).toEqual(['content/a.md', 'content/b.md', 'content/new.md', 'content/ops.md', 'content/pair.md', 'content/pasted.md', 'content/twin.md']);
    for (const [file, page] of Object.entries(history.pages)) expect(page.lineCommits, file).toEqual(blameCopies(repo.dir, file));
  });

  it('keeps a section cut from a renamed file outside the content folder with the two people who wrote it', () => {
    expect(creditOf('content/ops.md', step('Failover', 2))).toBe(c.create);
    for (let n = 1; n <= 3; n++) expect(creditOf('content/ops.md', step('Restore', n))).toBe(c.grace);
    expect(creditOf('content/ops.md', '## Restore')).toBe(c.grace);
    const people = history.pages['content/ops.md']!.contributors.map((p) => p.email).sort();
    expect(people).toEqual(['ada@example.org', 'grace@example.org', 'linus@example.org']);
  });

  it('keeps partials folded into several pages, one added, and deleted, with their author', () => {
    for (const file of ['content/a.md', 'content/b.md']) for (let n = 1; n <= 4; n++) expect(creditOf(file, step('Alpha', n))).toBe(c.partials);
    for (let n = 1; n <= 4; n++) expect(creditOf('content/a.md', step('Gamma', n))).toBe(c.partials);
    for (let n = 1; n <= 4; n++) expect(creditOf('content/new.md', step('Beta', n))).toBe(c.partials);
    expect(gitLogFollow(repo.dir, 'content/new.md').map((r) => r.commit)).toEqual([c.fold]);
    expect(history.pages['content/new.md']!.revisions.map((r) => r.commit)).toEqual([c.fold]);
  });

  it('leaves text pasted from a file outside that the commit did not change with the paster', () => {
    for (let n = 1; n <= 3; n++) expect(creditOf('content/pasted.md', step('Reference', n))).toBe(c.fold);
  });

  it('takes a section a changed page and a changed file outside both had from the later path, as git does', () => {
    expect('content/twin.md' < 'docs/twin.md' && 'assets/pair.md' < 'content/pair.md').toBe(true);
    for (let n = 1; n <= 3; n++) expect(creditOf('content/ops.md', step('Twin', n))).toBe(c.grace);
    for (let n = 1; n <= 3; n++) expect(creditOf('content/ops.md', step('Pair', n))).toBe(c.create);
  });
});

describe('moved text from files outside at a merge', () => {
  let mrepo: TestRepo;
  const m: Record<string, string> = {};
  const at = (day: number) => `2024-05-${String(day).padStart(2, '0')}T10:00:00+00:00`;

  beforeAll(() => {
    mrepo = TestRepo.create('wiki-moved-outside-merge-');
    m.base = mrepo.commit({ author: ada, date: at(1), message: 'Base', files: { 'content/y.md': text(['# Y', '', 'Y starts here.']), 'notes/kappa.txt': text(section('Kappa', 4)) } });
    mrepo.git(['checkout', '-q', '-b', 'feature']);
    m.feature = mrepo.commit({ author: grace, date: at(2), message: 'Feature: notes on Mu', files: { 'notes/mu.txt': text(section('Mu', 4)) } });
    mrepo.git(['checkout', '-q', 'main']);
    m.main = mrepo.commit({ author: linus, date: at(3), message: 'Main: edit y', files: { 'content/y.md': text(['# Y', '', 'Y starts here, says Linus.']) } });
    mrepo.git(['merge', '-q', '--no-commit', '--no-ff', 'feature'], mrepo.env(linus, at(4)));
    // The merge folds both notes into y.md (Mu only the feature side had) and deletes them.
    m.merge = mrepo.commit({ author: linus, date: at(4), message: 'Merge feature, notes into y', files: { 'notes/kappa.txt': null, 'notes/mu.txt': null, 'content/y.md': text(['# Y', '', 'Y starts here, says Linus.', ''], section('Kappa', 4), section('Mu', 4)) } });
  });
  afterAll(() => mrepo.remove());

  it('credits the lines a merge took from files outside as git blame -C does, from either parent', async () => {
    expect(mrepo.git(['rev-list', '--parents', '-n', '1', 'HEAD']).trim().split(' ')).toHaveLength(3);
    const merged = await readRepositoryHistory({ contentDir: `${mrepo.dir}/content`, cacheDir: null });
    const y = merged.pages['content/y.md']!;
    expect(y.lineCommits).toEqual(blameCopies(mrepo.dir, 'content/y.md'));
    const lines = mrepo.git(['show', 'HEAD:content/y.md']).split('\n');
    expect(y.lineCommits[lines.indexOf(step('Kappa', 2))]).toBe(m.base);
    expect(y.lineCommits[lines.indexOf(step('Mu', 2))]).toBe(m.feature);
  });
});

describe('the files a commit changed or deleted', () => {
  it('are the pairs of git diff-tree -r with a regular file on the old side', async () => {
    const readRaw = async (oid: string) => parseRawTree(execFileSync('git', ['-C', repo.dir, 'cat-file', 'tree', oid]));
    const rootOf = (rev: string) => git(repo.dir, ['rev-parse', `${rev}^{tree}`]).trim();
    for (const at of [c.rename!, c.cut!, c.fold!]) {
      const fromGit = git(repo.dir, ['diff-tree', '-r', '--no-renames', `${at}^`, at])
        .split('\n')
        .map((line) => /^:(\d+) (\d+) ([0-9a-f]{40}) [0-9a-f]{40} [A-Z]\t(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null && m[1]!.startsWith('100'))
        // Deleted: the new side holds no regular file there (git prints mode 000000).
        .map((m) => ({ path: m[4]!, blob: m[3]!, deleted: !m[2]!.startsWith('100') }));
      expect(fromGit.length, at).toBeGreaterThan(0);
      expect(await changedOldFiles(readRaw, rootOf(`${at}^`), rootOf(at))).toEqual(fromGit);
    }
  });
});

describe('moved text from many files outside', () => {
  const own = 99;
  const filler = (f: number) => Array.from({ length: 6 }, (_, i) => `File ${f} says something of its own on line ${i}, nothing a page holds.`);
  const wanted = ['The one paragraph that was cut from file 321 into the page.', 'Its second line, also long enough to be worth a copy.'];

  it('follows back only the file a run was copied from, however many the commit changed', async () => {
    const files: SourceFile[] = Array.from({ length: 500 }, (_, f) => ({ path: `vendor/file-${String(f).padStart(3, '0')}.txt`, lines: f === 321 ? [...filler(f), ...wanted] : filler(f), origins: null }));
    const asked: string[][] = [];
    const index = new CopyIndex(files, async (paths) => {
      asked.push([...paths]);
      return paths.map(() => ({ origins: [1, 2, 3, 4, 5, 6, 7, 8] }));
    });
    const lines = ['# Page', ...wanted, 'A line of the page.'];
    const origins = [0, own, own, 0];
    expect(wanted.join('').replace(/[^A-Za-z0-9]/g, '').length).toBeGreaterThan(COPY_SCORE);
    const credited = await creditMovedText({ origins }, lines, own, [{ own: { lines: ['# Page', 'A line of the page.'], origins: [0, 0] }, ownPath: 'content/page.md', copies: async () => index }]);
    expect(asked).toEqual([['vendor/file-321.txt']]);
    expect(origins).toEqual([0, 7, 8, 0]);
    expect(credited).toBe(2);
  });

  it('follows back nothing when no run scores above the copy score', async () => {
    const asked: string[][] = [];
    const short = 'Short line.';
    const index = new CopyIndex([{ path: 'docs/x.md', lines: [short], origins: null }], async (paths) => {
      asked.push([...paths]);
      return paths.map(() => ({ origins: [1] }));
    });
    const origins = [0, own];
    await creditMovedText({ origins }, ['# Page', short], own, [{ own: { lines: ['# Page'], origins: [0] }, ownPath: 'content/page.md', copies: async () => index }]);
    expect(asked).toEqual([]);
    expect(origins).toEqual([0, own]);
  });
});
