// Tests moved text against git itself: lines moved within a page or cut from one page into another keep their authors, line for line as `git blame -C` says.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { ada, git, gitBlame, gitLogFollow, grace, linus, TestRepo, type Author } from '../helpers/git-repo.ts';

const blameCopies = (dir: string, file: string) => gitBlame(dir, file, ['-C']).map((l) => l.commit);

const section = (title: string, n: number) => [`## ${title}`, '', ...Array.from({ length: n }, (_, i) => `${title} explains step number ${i + 1} in some detail for readers.`), ''];
const text = (...parts: string[][]) => parts.flat().join('\n') + '\n';
/** A line with exactly `n` ASCII alphanumerics (and some that are not). */
const lineWith = (n: number, tag: string) => `${tag}: ${'x'.repeat(n - tag.replace(/[^A-Za-z0-9]/g, '').length)} — ü.`;

const alpha = section('Alpha', 3);
const beta = section('Beta', 5);
const gamma = section('Gamma', 4);
const delta = section('Delta', 3);
const epsilon = section('Epsilon', 5);
const epsilonEdited = epsilon.map((l, i) => (i === 3 ? 'Epsilon: Grace rewrote the second step, which now explains eviction.' : l));
const zeta = section('Zeta', 4);
const long = ['First long line that stays where it is in the page.', 'Second long line that stays where it is in the page.', 'Third long line that stays where it is in the page.'];
const l19 = lineWith(19, 'nineteen');
const l20 = lineWith(20, 'twenty');
const l39 = lineWith(39, 'thirtynine');
const l40 = lineWith(40, 'forty');
const grace3 = ['Grace collects pasted lines here, first.', 'Grace collects pasted lines here, second.', 'Grace collects pasted lines here, third.'];

let repo: TestRepo;
const c: Record<string, string> = {};
let history: RepositoryHistory;
let plain: RepositoryHistory;

function commit(author: Author, day: number, message: string, files: Record<string, string | null>): string {
  return repo.commit({ author, date: `2024-02-${String(day).padStart(2, '0')}T10:00:00+00:00`, message, files });
}

/** The commit the engine credits for the (first) line with this text. */
function creditOf(file: string, line: string): string {
  const page = history.pages[file]!;
  const lines = git(repo.dir, ['show', `HEAD:${file}`]).split('\n');
  const at = lines.indexOf(line);
  expect(at, `${file}: ${line}`).toBeGreaterThanOrEqual(0);
  return page.lineCommits[at]!;
}

beforeAll(async () => {
  repo = TestRepo.create();
  c.create = commit(ada, 1, 'Pages by Ada', {
    'content/a.md': text(['# A', ''], alpha, beta, gamma),
    'content/moves.md': text(['# Moves', ''], delta, epsilon, zeta),
    'content/short-19.md': text(['# Short', '', l19], long),
    'content/short-20.md': text(['# Short', '', l20], long),
    'content/lines.md': text(['# Lines', '', l39, 'Filler between the two long lines.', l40, 'Filler after them.']),
    'content/big.md': text(['# Big', ''], section('Storage', 6)),
    'content/source.md': text(['# Source', ''], section('Unchanged', 4)),
    'content/twin-one.md': text(['# One', ''], section('Shared', 4)),
    'content/old.md': text(['# Old', ''], section('Retired', 4)),
  });
  c.grace = commit(grace, 2, 'Pages by Grace', {
    'content/b.md': text(['# B', '', 'Grace wrote this page about the build pipeline.', '']),
    'content/twin-two.md': text(['# Two', ''], section('Shared', 4)),
    'content/copies.md': text(['# Copies', ''], grace3),
    'content/pasted.md': text(['# Pasted', '', 'Grace wrote this page.', '']),
    'content/keep.md': text(['# Keep', '', 'Grace keeps this page.', '']),
  });
  c.edit = commit(grace, 3, 'Grace edits a line that is later moved', { 'content/moves.md': text(['# Moves', ''], delta, epsilonEdited, zeta) });
  // Linus, in one commit: cuts Beta from a.md into b.md; moves Delta to the end of moves.md; moves a line
  // of 19 and one of 20 alphanumerics within a page; pastes lines of 39 and 40 from lines.md into
  // copies.md; pastes a section of source.md, which the commit does not change, into pasted.md; moves
  // Storage into a new page, leaving a stub; takes Shared out of both twins into a new page; deletes
  // old.md and keeps its section in keep.md.
  c.move = commit(linus, 4, 'Reorganise the pages', {
    'content/a.md': text(['# A', ''], alpha, gamma),
    'content/b.md': text(['# B', '', 'Grace wrote this page about the build pipeline.', ''], beta),
    'content/moves.md': text(['# Moves', ''], epsilonEdited, zeta, delta),
    'content/short-19.md': text(['# Short', ''], long, [l19]),
    'content/short-20.md': text(['# Short', ''], long, [l20]),
    'content/lines.md': text(['# Lines', '', 'Filler between the two long lines.', 'Filler after them.']),
    'content/copies.md': text(['# Copies', '', grace3[0]!, l39, grace3[1]!, l40, grace3[2]!]),
    'content/pasted.md': text(['# Pasted', '', 'Grace wrote this page.', ''], section('Unchanged', 4)),
    'content/big.md': text(['# Big', '', 'Storage moved to [its own page](storage.md).', '']),
    'content/storage.md': text(['# Storage', ''], section('Storage', 6)),
    'content/twin-one.md': text(['# One', '']),
    'content/twin-two.md': text(['# Two', '']),
    'content/shared.md': text(['# Shared', ''], section('Shared', 4)),
    'content/old.md': null,
    'content/keep.md': text(['# Keep', '', 'Grace keeps this page.', ''], section('Retired', 4)),
  });
  history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
  plain = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null, movedText: false });
});

afterAll(() => repo.remove());

const step = (title: string, n: number) => `${title} explains step number ${n} in some detail for readers.`;

describe('moved text', () => {
  it('credits every line of every page as git blame -C does', () => {
    for (const [file, page] of Object.entries(history.pages)) expect(page.lineCommits, file).toEqual(blameCopies(repo.dir, file));
  });

  it('keeps a section cut from one page and pasted into another with the people who wrote it', () => {
    for (let n = 1; n <= 5; n++) expect(creditOf('content/b.md', step('Beta', n))).toBe(c.create);
    expect(creditOf('content/b.md', '## Beta')).toBe(c.create);
    const ada = history.pages['content/b.md']!.contributors.find((p) => p.email === 'ada@example.org');
    expect(ada).toMatchObject({ commits: 0 });
    expect(ada!.lines).toBeGreaterThanOrEqual(6);
  });

  it('keeps lines moved within a page with their authors, an edited line with its editor', () => {
    for (let n = 1; n <= 3; n++) expect(creditOf('content/moves.md', step('Delta', n))).toBe(c.create);
    expect(creditOf('content/moves.md', epsilonEdited[3]!)).toBe(c.edit);
  });

  it('leaves a line moved within a page at the move score (20) with the mover, one above it with its author', () => {
    expect(l19.replace(/[^A-Za-z0-9]/g, '')).toHaveLength(19);
    expect(creditOf('content/short-19.md', l19)).toBe(c.move);
    expect(creditOf('content/short-20.md', l20)).toBe(c.create);
  });

  it('leaves a line pasted from another page at the copy score (40) with the paster, one above it with its author', () => {
    expect(l39.replace(/[^A-Za-z0-9]/g, '')).toHaveLength(39);
    expect(creditOf('content/copies.md', l39)).toBe(c.move);
    expect(creditOf('content/copies.md', l40)).toBe(c.create);
  });

  it('leaves a section pasted from a page the commit did not change with the paster', () => {
    for (let n = 1; n <= 4; n++) expect(creditOf('content/pasted.md', step('Unchanged', n))).toBe(c.move);
  });

  it('keeps a section moved into a new page, the old one left as a stub, with its author', () => {
    for (let n = 1; n <= 6; n++) expect(creditOf('content/storage.md', step('Storage', n))).toBe(c.create);
    expect(creditOf('content/storage.md', '# Storage')).toBe(c.move);
    // The new page is also a copy of the stub's old version, so its commits are those git log --follow lists.
    expect(history.pages['content/storage.md']!.revisions.map((r) => r.commit)).toEqual(gitLogFollow(repo.dir, 'content/storage.md').map((r) => r.commit));
  });

  it('finds a section in a page the commit deleted', () => {
    for (let n = 1; n <= 4; n++) expect(creditOf('content/keep.md', step('Retired', n))).toBe(c.create);
  });

  it('takes a section two changed pages both had from the later one in path order, as git does', () => {
    for (let n = 1; n <= 4; n++) expect(creditOf('content/shared.md', step('Shared', n))).toBe(c.grace);
  });

  it('keeps the counts diff-based: a moved section is added where it lands and removed where it left', () => {
    for (const file of ['content/a.md', 'content/b.md', 'content/moves.md', 'content/copies.md', 'content/keep.md']) {
      const fromGit = gitLogFollow(repo.dir, file).map((r) => [r.commit, r.added, r.removed]);
      expect(history.pages[file]!.revisions.map((r) => [r.commit, r.added, r.removed]), file).toEqual(fromGit);
    }
  });

  it('is switched off by the engine option: then every line is credited as plain git blame does', () => {
    for (const [file, page] of Object.entries(plain.pages)) expect(page.lineCommits, file).toEqual(gitBlame(repo.dir, file).map((l) => l.commit));
    expect(new Set(plain.pages['content/b.md']!.lineCommits.slice(4))).toEqual(new Set([c.move]));
  });
});

describe('moved text and the cache', () => {
  let cacheDir: string;
  beforeAll(() => {
    cacheDir = mkdtempSync(path.join(tmpdir(), 'wiki-moved-text-cache-'));
  });
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('never continues a cache made with the option off when it is on, nor the other way', async () => {
    const off = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir, movedText: false });
    expect(off.stats?.mode).toBe('cold');
    const on = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir });
    expect(on.stats?.mode).toBe('cold');
    expect(on.pages).toEqual(history.pages);
    const onAgain = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir, movedText: true });
    expect(onAgain.stats?.mode).toBe('cached');
    const offAgain = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir, movedText: false });
    expect(offAgain.pages).toEqual(plain.pages);
  });
});

describe('moved text at a merge', () => {
  let mrepo: TestRepo;
  const m: Record<string, string> = {};
  let merged: RepositoryHistory;
  const at = (day: number) => `2024-03-${String(day).padStart(2, '0')}T10:00:00+00:00`;

  beforeAll(async () => {
    mrepo = TestRepo.create();
    m.base = mrepo.commit({ author: ada, date: at(1), message: 'Base', files: { 'content/x.md': text(['# X', ''], section('Kappa', 4), ['X ends here.']), 'content/y.md': text(['# Y', '', 'Y starts here.']), 'content/z.md': text(['# Z', '']) } });
    mrepo.git(['checkout', '-q', '-b', 'feature']);
    m.feature = mrepo.commit({ author: grace, date: at(2), message: 'Feature: Mu in z', files: { 'content/z.md': text(['# Z', ''], section('Mu', 4)), 'content/x.md': text(['# X', ''], section('Kappa', 4), ['X ends here, says Grace.']) } });
    mrepo.git(['checkout', '-q', 'main']);
    m.main = mrepo.commit({ author: linus, date: at(3), message: 'Main: edit y', files: { 'content/y.md': text(['# Y', '', 'Y starts here, says Linus.']) } });
    mrepo.git(['merge', '-q', '--no-commit', '--no-ff', 'feature'], mrepo.env(linus, at(4)));
    // The merge itself moves Kappa (from both sides) and Mu (only the feature side had it) into y.md.
    m.merge = mrepo.commit({
      author: linus,
      date: at(4),
      message: 'Merge feature, gathering sections in y',
      files: { 'content/x.md': text(['# X', '', 'X ends here, says Grace.']), 'content/z.md': text(['# Z', '']), 'content/y.md': text(['# Y', '', 'Y starts here, says Linus.', ''], section('Kappa', 4), section('Mu', 4)) },
    });
    merged = await readRepositoryHistory({ contentDir: `${mrepo.dir}/content`, cacheDir: null });
  });
  afterAll(() => mrepo.remove());

  it('credits the lines a merge moved as git blame -C does, from either parent', () => {
    expect(mrepo.git(['rev-list', '--parents', '-n', '1', 'HEAD']).trim().split(' ')).toHaveLength(3);
    for (const [file, page] of Object.entries(merged.pages)) expect(page.lineCommits, file).toEqual(blameCopies(mrepo.dir, file));
    const y = merged.pages['content/y.md']!;
    const lines = mrepo.git(['show', 'HEAD:content/y.md']).split('\n');
    expect(y.lineCommits[lines.indexOf(step('Kappa', 2))]).toBe(m.base);
    expect(y.lineCommits[lines.indexOf(step('Mu', 2))]).toBe(m.feature);
    // Still the merge's own lines in its counts, as `git show --cc` has them.
    expect(y.revisions.find((r) => r.commit === m.merge)).toMatchObject({ merge: true });
  });
});
