// Tests what `git log --follow` finds with copies harder that the engine used to miss: pages copied from files that are not pages and that the commit kept, copies and a path deleted and created again outside the content folder before a move in, against git itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { ada, git, grace, linus, TestRepo, type CommitOptions } from '../helpers/git-repo.ts';
import { replayWithCache } from '../helpers/stepwise-cache.ts';

const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} line ${i + 1} of the file`).join('\n') + '\n';

/** `git log --follow`: commit, author name and date per revision, newest first. */
function follow(dir: string, file: string): string[] {
  return git(dir, ['log', '--follow', '--format=%H%x09%an%x09%aI', '--', file]).trim().split('\n');
}

/** The status letter `git log --follow` gives the file in the commit with this subject (A, C…, R…, D, M). */
function status(dir: string, message: string, file: string): string {
  const out = git(dir, ['log', '--follow', '--format=%s', '--name-status', '--', file]).split('\n');
  const at = out.indexOf(message);
  return out.slice(at + 1).find((l) => l.trim() !== '')!.split('\t')[0]!;
}

/** Lines per author email as `git blame -C` credits them. */
function blameC(dir: string, file: string): Record<string, number> {
  const counts: Record<string, number> = {};
  let email = '';
  for (const line of git(dir, ['blame', '-C', '--line-porcelain', 'HEAD', '--', file]).split('\n')) {
    if (line.startsWith('author-mail ')) email = line.slice(13, -1).toLowerCase();
    else if (line.startsWith('\t')) counts[email] = (counts[email] ?? 0) + 1;
  }
  return counts;
}

const engine = (history: RepositoryHistory, file: string) => history.pages[file]!.revisions.map((r) => `${r.commit}\t${r.author.name}\t${r.date}`);
const linesByEmail = (history: RepositoryHistory, file: string) => Object.fromEntries(history.pages[file]!.contributors.filter((c) => c.lines > 0).map((c) => [c.email, c.lines]));

const license = lines('License', 14);
const steps: CommitOptions[] = [
  {
    author: ada,
    date: '2023-01-02T09:00:00+01:00',
    message: 'Start',
    files: {
      'LICENSE.md': license,
      'content/index.md': '# Home\n',
      'content/a.md': lines('Tips', 8),
      'extra/tips.md': lines('Tips', 7),
      // Not a page (its name does not end in .md); it stays where it is.
      'content/color-palette.md.snarf': lines('Palette', 10),
      'hr/links.md': lines('Links', 12),
      'notes/benefits.md': lines('Benefits', 9),
    },
  },
  { author: grace, date: '2023-02-03T10:00:00+00:00', message: 'License year', files: { 'LICENSE.md': license.replace('line 1 ', 'line one '), 'extra/tips.md': lines('Tips', 8) } },
  { author: linus, date: '2023-02-20T10:00:00+00:00', message: 'Links detail', files: { 'hr/links.md': lines('Links', 13) } },
  { author: grace, date: '2023-03-01T10:00:00+00:00', message: 'Benefits detail', files: { 'notes/benefits.md': lines('Benefits', 10) } },
  // Copies of files that are not pages, which the commit leaves as they are.
  { author: linus, date: '2023-03-04T11:00:00-05:00', message: 'License page', files: { 'content/about/license.md': license.replace('line 1 ', 'line one ') } },
  { author: ada, date: '2023-04-05T12:00:00+02:00', message: 'Palette page', files: { 'content/color-palette.md': lines('Palette', 10).replace('line 4 ', 'line four ') + 'Now a page\n' } },
  // Identical to a page and to a file that is no page: the same file name wins (git's exact pass scores it a point).
  { author: grace, date: '2023-04-20T12:00:00+00:00', message: 'Tips page', files: { 'content/tips.md': lines('Tips', 8) } },
  // Outside the content folder: a copy of another file, which keeps its own history.
  { author: ada, date: '2023-05-06T13:00:00+00:00', message: 'Steps from links', files: { 'hr/steps.md': lines('Links', 13).replace('line 2 ', 'line two ') + 'Steps\n' } },
  { author: grace, date: '2023-05-20T13:00:00+00:00', message: 'Links later', files: { 'hr/links.md': lines('Links', 14) } },
  // Outside too: a file deleted, and created again at its path later.
  { author: linus, date: '2023-06-07T14:00:00+00:00', message: 'Drop benefits', files: { 'notes/benefits.md': null } },
  { author: ada, date: '2023-07-08T15:00:00+00:00', message: 'Benefits again', files: { 'notes/benefits.md': 'Entirely new words here\nand nothing from before\n' } },
  { author: grace, date: '2023-08-09T16:00:00+00:00', message: 'Benefits edit', files: { 'notes/benefits.md': 'Entirely new words here\nand nothing from before\nand one more\n' } },
  {
    author: linus,
    date: '2023-09-10T17:00:00+00:00',
    message: 'Move into content',
    moves: [
      ['hr/steps.md', 'content/steps.md'],
      ['notes/benefits.md', 'content/benefits.md'],
    ],
  },
  { author: ada, date: '2023-10-11T18:00:00+00:00', message: 'After the move', files: { 'content/steps.md': lines('Links', 13).replace('line 2 ', 'line two ') + 'Steps\nMore steps\n' } },
];
const pages = ['content/about/license.md', 'content/color-palette.md', 'content/tips.md', 'content/a.md', 'content/steps.md', 'content/benefits.md', 'content/index.md'];

let repo: TestRepo;
let history: RepositoryHistory;

beforeAll(async () => {
  repo = TestRepo.create();
  for (const step of steps) repo.commit(step);
  history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
});
afterAll(() => repo.remove());

describe('copies harder and paths created again, as git log --follow follows them', () => {
  it('the scenarios are what git itself says they are', () => {
    expect(status(repo.dir, 'License page', 'content/about/license.md')).toBe('C100');
    expect(status(repo.dir, 'Palette page', 'content/color-palette.md')).toMatch(/^C/);
    expect(status(repo.dir, 'Tips page', 'content/tips.md')).toBe('C100');
    expect(status(repo.dir, 'Steps from links', 'content/steps.md')).toMatch(/^C/);
    expect(status(repo.dir, 'Drop benefits', 'content/benefits.md')).toBe('D');
    expect(git(repo.dir, ['log', '--follow', '--format=%s', '--name-only', '--', 'content/tips.md'])).toContain('extra/tips.md');
  });

  it.each(pages)('%s has the commits, authors and dates git log --follow gives', (file) => {
    expect(engine(history, file)).toEqual(follow(repo.dir, file));
  });

  it.each(pages)('%s has the creation git log --follow gives', (file) => {
    const oldest = follow(repo.dir, file).at(-1)!.split('\t');
    const created = history.pages[file]!.created;
    expect([created.commit, created.author.name, created.date]).toEqual(oldest);
  });

  it.each(pages)('%s credits lines as git blame -C does', (file) => {
    expect(linesByEmail(history, file)).toEqual(blameC(repo.dir, file));
  });

  it('says where each copy came from, and marks the deletion outside', () => {
    const first = (file: string, message: string) => history.pages[file]!.revisions.find((r) => r.message === message)!;
    expect(first('content/about/license.md', 'License page').copiedFrom).toBe('LICENSE.md');
    expect(first('content/color-palette.md', 'Palette page').copiedFrom).toBe('content/color-palette.md.snarf');
    expect(first('content/tips.md', 'Tips page').copiedFrom).toBe('extra/tips.md');
    expect(first('content/steps.md', 'Steps from links')).toMatchObject({ copiedFrom: 'hr/links.md', path: 'hr/steps.md' });
    expect(first('content/benefits.md', 'Drop benefits')).toMatchObject({ deleted: true, path: 'notes/benefits.md', blob: git(repo.dir, ['hash-object', '-t', 'blob', '/dev/null']).trim() });
    expect(first('content/benefits.md', 'Benefits again').parentBlob).toBeNull();
  });
});

describe('the cache with copies harder and paths created again outside', () => {
  it('gives after every commit, continued one commit at a time, what a walk from scratch gives', async () => {
    await replayWithCache(steps, (again, dir) => {
      for (const file of pages) expect(engine(again, file), file).toEqual(follow(dir, file));
    });
  });
});
