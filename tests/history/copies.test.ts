// Tests copies (a template, a page moved out leaving a stub, a file outside the content folder) and pages created again at a deleted page's path, against git log --follow and git blame -C themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { ada, git, grace, linus, TestRepo, type CommitOptions } from '../helpers/git-repo.ts';
import { replayWithCache } from '../helpers/stepwise-cache.ts';

const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} line ${i + 1} of the page`).join('\n') + '\n';

/** `git log --follow`: commit, author name and date per revision, newest first. */
function follow(dir: string, file: string): string[] {
  return git(dir, ['log', '--follow', '--format=%H%x09%an%x09%aI', '--', file]).trim().split('\n');
}

const engine = (history: RepositoryHistory, file: string) => history.pages[file]!.revisions.map((r) => `${r.commit}\t${r.author.name}\t${r.date}`);

/** Lines per author email as `git blame -C` credits them, the line truth for copies. */
function blameC(dir: string, file: string): Record<string, number> {
  const counts: Record<string, number> = {};
  let email = '';
  for (const line of git(dir, ['blame', '-C', '--line-porcelain', 'HEAD', '--', file]).split('\n')) {
    if (line.startsWith('author-mail ')) email = line.slice(13, -1).toLowerCase();
    else if (line.startsWith('\t')) counts[email] = (counts[email] ?? 0) + 1;
  }
  return counts;
}

const linesByEmail = (history: RepositoryHistory, file: string) => Object.fromEntries(history.pages[file]!.contributors.filter((c) => c.lines > 0).map((c) => [c.email, c.lines]));

const template = lines('Template', 12);
const steps: CommitOptions[] = [
  {
    author: ada,
    date: '2023-01-02T09:00:00+01:00',
    message: 'Start',
    files: {
      'content/template.md': template,
      'content/guide.md': lines('Guide', 10),
      'content/gone.md': lines('Gone', 6),
      'content/away.md': lines('Away', 8),
      'docs/notes.md': lines('Notes', 10),
      'content/index.md': '# Home\n',
      // Not a page (its name does not end in .md), yet a file git follows a page back to.
      'content/draft.md.snarf': lines('Draft', 9),
    },
  },
  { author: grace, date: '2023-02-03T10:00:00+00:00', message: 'Template detail', files: { 'content/template.md': template + 'A closing line of the template\n' } },
  {
    author: linus,
    date: '2023-03-04T11:00:00-05:00',
    message: 'Two pages from the template',
    files: {
      'content/teams/alpha.md': (template + 'A closing line of the template\n').replace('line 2 ', 'line two '),
      'content/teams/beta.md': (template + 'A closing line of the template\n').replace('line 5 ', 'line five ') + 'Beta only\n',
    },
  },
  {
    author: grace,
    date: '2023-04-05T12:00:00+02:00',
    message: 'Move the guide, leaving a stub',
    files: { 'content/guide.md': 'Moved to [[handbook]].\n', 'content/handbook.md': lines('Guide', 10) },
  },
  {
    author: linus,
    date: '2023-05-06T13:00:00+00:00',
    message: 'Bring the notes in, trimming the old file',
    files: { 'docs/notes.md': lines('Notes', 3), 'content/notes.md': lines('Notes', 10).replace('line 7 ', 'line seven ') },
  },
  { author: ada, date: '2023-06-07T14:00:00+00:00', message: 'Delete gone', files: { 'content/gone.md': null } },
  { author: linus, date: '2023-06-20T10:00:00+00:00', message: 'The draft becomes a page', moves: [['content/draft.md.snarf', 'content/draft.md']], files: { 'content/draft.md': lines('Draft', 9) + 'Now a page\n' } },
  { author: grace, date: '2023-07-08T15:00:00+00:00', message: 'Gone is back', files: { 'content/gone.md': 'Entirely new words here\nand nothing from before\n' } },
  { author: linus, date: '2023-08-09T16:00:00+00:00', message: 'Rename away', moves: [['content/away.md', 'content/elsewhere.md']] },
  { author: ada, date: '2023-09-10T17:00:00+00:00', message: 'A new page where away was', files: { 'content/away.md': 'Something unrelated\n' } },
  {
    author: grace,
    date: '2023-10-11T18:00:00+00:00',
    message: 'Later edits',
    files: { 'content/teams/alpha.md': (template + 'A closing line of the template\n').replace('line 2 ', 'line two ') + 'Alpha grows\n', 'content/template.md': template + 'Changed after the copies\n' },
  },
];
const pages = ['content/template.md', 'content/teams/alpha.md', 'content/teams/beta.md', 'content/guide.md', 'content/handbook.md', 'content/notes.md', 'content/gone.md', 'content/elsewhere.md', 'content/away.md', 'content/index.md', 'content/draft.md'];

let repo: TestRepo;
let history: RepositoryHistory;

beforeAll(async () => {
  repo = TestRepo.create();
  for (const step of steps) repo.commit(step);
  history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
});
afterAll(() => repo.remove());

describe('copies and pages created again, as git log --follow follows them', () => {
  it('the scenarios are what git itself says they are', () => {
    const status = (commit: string, file: string) => git(repo.dir, ['log', '--follow', '--format=', '--name-status', '-1', `${commit}`, '--', file]).trim().split('\t')[0]!;
    const at = (message: string) => git(repo.dir, ['log', '--format=%H', `--grep=^${message}$`]).trim();
    expect(status(at('Two pages from the template'), 'content/teams/alpha.md')).toMatch(/^C/);
    expect(status(at('Two pages from the template'), 'content/teams/beta.md')).toMatch(/^C/);
    expect(status(at('Move the guide, leaving a stub'), 'content/handbook.md')).toBe('C100');
    expect(status(at('Bring the notes in, trimming the old file'), 'content/notes.md')).toMatch(/^C/);
  });

  it.each(pages)('%s has the commits, authors and dates git log --follow gives', (file) => {
    expect(engine(history, file)).toEqual(follow(repo.dir, file));
  });

  it.each(pages)('%s has the creation git log --follow gives', (file) => {
    const oldest = follow(repo.dir, file).at(-1)!.split('\t');
    const created = history.pages[file]!.created;
    expect([created.commit, created.author.name, created.date]).toEqual(oldest);
  });

  it('says which file a page was copied from, apart from renames, and leaves the source its own history', () => {
    const alpha = history.pages['content/teams/alpha.md']!;
    const copying = alpha.revisions.find((r) => r.message === 'Two pages from the template')!;
    expect(copying).toMatchObject({ copiedFrom: 'content/template.md', path: 'content/teams/alpha.md' });
    expect(copying.previousPath).toBeUndefined();
    expect(history.pages['content/handbook.md']!.revisions[0]).toMatchObject({ copiedFrom: 'content/guide.md', added: 0, removed: 0 });
    expect(history.pages['content/notes.md']!.revisions[0]!.copiedFrom).toBe('docs/notes.md');
    // The template's later change is not the copies'; the copies' changes are not the template's.
    expect(history.pages['content/template.md']!.revisions.map((r) => r.message)).toEqual(['Later edits', 'Template detail', 'Start']);
  });

  it('credits the lines of a copy of an unchanged file to the copier, as git blame -C does', () => {
    for (const file of ['content/teams/alpha.md', 'content/teams/beta.md', 'content/gone.md', 'content/away.md', 'content/elsewhere.md', 'content/template.md']) {
      expect(linesByEmail(history, file), file).toEqual(blameC(repo.dir, file));
    }
  });

  it('lists the deletion of a page created again at its path, and its old life before it', () => {
    const gone = history.pages['content/gone.md']!;
    expect(gone.revisions.map((r) => [r.message, r.deleted ?? false])).toEqual([
      ['Gone is back', false],
      ['Delete gone', true],
      ['Start', false],
    ]);
    expect(gone.revisions[0]!.parentBlob).toBeNull();
    expect(gone.revisions[1]!.blob).toBe(git(repo.dir, ['hash-object', '-t', 'blob', '/dev/null']).trim());
    const away = history.pages['content/away.md']!;
    expect(away.revisions.map((r) => r.message)).toEqual(['A new page where away was', 'Rename away', 'Start']);
    expect(history.pages['content/elsewhere.md']!.revisions[0]).toMatchObject({ message: 'Rename away', previousPath: 'content/away.md' });
  });
});

describe('the cache with copies and pages created again', () => {
  it('gives after every commit, continued one commit at a time, what a walk from scratch gives', async () => {
    await replayWithCache(steps, (again, dir) => {
      for (const file of pages) expect(engine(again, file), file).toEqual(follow(dir, file));
    });
  });
});

describe('a page deleted on a merged branch and created again', () => {
  it('continues the history the branch ended, as git log --follow does', async () => {
    const branchy = TestRepo.create();
    try {
      branchy.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'Start', files: { 'content/p.md': lines('P', 6), 'content/other.md': lines('Other', 4) } });
      branchy.git(['checkout', '-q', '-b', 'side']);
      branchy.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Remove p', files: { 'content/p.md': null } });
      branchy.git(['checkout', '-q', 'main']);
      branchy.commit({ author: linus, date: '2024-01-03T10:00:00+00:00', message: 'Other edit', files: { 'content/other.md': lines('Other', 5) } });
      branchy.merge('side', { author: ada, date: '2024-01-04T10:00:00+00:00' });
      branchy.commit({ author: linus, date: '2024-01-05T10:00:00+00:00', message: 'Bring p back', files: { 'content/p.md': 'Unrelated words\n' } });
      const result = await readRepositoryHistory({ contentDir: `${branchy.dir}/content`, cacheDir: null });
      expect(follow(branchy.dir, 'content/p.md')).toHaveLength(3);
      expect(engine(result, 'content/p.md')).toEqual(follow(branchy.dir, 'content/p.md'));
    } finally {
      branchy.remove();
    }
  });
});
