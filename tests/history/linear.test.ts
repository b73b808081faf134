// Tests the history engine against git itself on a linear history: authors, dates, renames, moves, co-authors, blame.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { ada, blameLinesByEmail, gitBlame, gitLogFollow, grace, linus, TestRepo } from '../helpers/git-repo.ts';

const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} line ${i + 1} of the page`).join('\n') + '\n';
const edit = (text: string, f: (ls: string[]) => string[]) => f(text.trimEnd().split('\n')).join('\n') + '\n';

let repo: TestRepo;
const c: Record<string, string> = {};
let history: RepositoryHistory;

const tuning0 = lines('Index tuning', 10);
const tuning1 = edit(tuning0, (ls) => [...ls.slice(0, 2), 'Index tuning: a rewritten third line', ...ls.slice(3), 'An added line', 'Another added line']);
const tuning2 = edit(tuning1, (ls) => [...ls.slice(0, 5), 'Index tuning: sixth line, edited while moving', ...ls.slice(6)]);
const tuning3 = edit(tuning2, (ls) => [ls[0]!, 'Index tuning: second line, by Grace', ...ls.slice(2, 8), ...ls.slice(10)]);

beforeAll(() => {
  repo = TestRepo.create();
  c.create = repo.commit({
    author: ada,
    date: '2024-01-05T09:00:00+01:00',
    message: 'Start the platform pages',
    files: {
      'content/platform/Index Tuning.md': tuning0,
      'content/platform/deploy.md': lines('Deploy', 6),
      'content/user-research/interviews.md': lines('Interviews', 5),
      'content/ünïcode notes.md': lines('Unicode', 3),
      'README.md': 'not content\n',
    },
  });
  c.coauthored = repo.commit({
    author: grace,
    date: '2024-02-10T14:30:00-05:00',
    message: 'Tune the index advice\n\nMore detail.\n\nCo-authored-by: Linus Torvalds <LINUS@example.org>',
    files: { 'content/platform/Index Tuning.md': tuning1, 'README.md': 'still not content\n' },
  });
  c.renameEdit = repo.commit({
    author: linus,
    date: '2024-03-01T08:00:00+05:30',
    message: 'Move index tuning under postgres',
    moves: [['content/platform/Index Tuning.md', 'content/platform/postgres/index-tuning.md']],
    files: { 'content/platform/postgres/index-tuning.md': tuning2 },
  });
  c.moveAcross = repo.commit({
    author: ada,
    date: '2024-04-01T12:00:00+00:00',
    message: 'Interviews belong to the platform community',
    moves: [['content/user-research/interviews.md', 'content/platform/interviews.md']],
    files: { 'content/platform/deploy.md': edit(lines('Deploy', 6), (ls) => [...ls, 'Deploy: a seventh line']) },
  });
  c.trim = repo.commit({ author: grace, date: '2024-05-02T23:59:59-07:00', message: 'Trim index tuning', files: { 'content/platform/postgres/index-tuning.md': tuning3 } });
  c.remove = repo.commit({ author: ada, date: '2024-06-01T10:00:00+02:00', message: 'Deploy page is obsolete', files: { 'content/platform/deploy.md': null } });
  c.recreate = repo.commit({ author: linus, date: '2024-07-01T10:00:00+02:00', message: 'A new deploy page', files: { 'content/platform/deploy.md': lines('New deploy', 4) } });
});

afterAll(() => repo.remove());

async function read(): Promise<RepositoryHistory> {
  return readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
}

describe('a linear history', () => {
  beforeAll(async () => {
    history = await read();
  });

  it('lists every page at HEAD by its path relative to the repository root, and nothing else', () => {
    expect(Object.keys(history.pages).sort()).toEqual([
      'content/platform/deploy.md',
      'content/platform/interviews.md',
      'content/platform/postgres/index-tuning.md',
      'content/ünïcode notes.md',
    ]);
    expect(history.head).toBe(c.recreate);
    expect(history.shallow).toBe(false);
    expect(history.warnings).toEqual([]);
    expect(history.stats).toMatchObject({ commits: 7, processed: 7, mode: 'cold' });
  });

  it.each(['content/platform/postgres/index-tuning.md', 'content/platform/interviews.md', 'content/ünïcode notes.md'])(
    'agrees with git log --follow --numstat on %s',
    (file) => {
      const page = history.pages[file]!;
      const oracle = gitLogFollow(repo.dir, file);
      expect(oracle.length).toBeGreaterThan(0);
      expect(
        page.revisions.map((r) => ({ commit: r.commit, date: r.date, name: r.author.name, email: r.author.email, subject: r.message, path: r.path, added: r.added, removed: r.removed })),
      ).toEqual(oracle.map((o) => ({ ...o, email: o.email.toLowerCase() })));
    },
  );

  it('follows a rename with edits and names the previous path', () => {
    const page = history.pages['content/platform/postgres/index-tuning.md']!;
    expect(page.revisions.map((r) => r.commit)).toEqual([c.trim, c.renameEdit, c.coauthored, c.create]);
    const moved = page.revisions.find((r) => r.commit === c.renameEdit)!;
    expect(moved).toMatchObject({ path: 'content/platform/postgres/index-tuning.md', previousPath: 'content/platform/Index Tuning.md', added: 1, removed: 1 });
    expect(page.created).toMatchObject({ commit: c.create, date: '2024-01-05T09:00:00+01:00', path: 'content/platform/Index Tuning.md', parentBlob: null });
    expect(page.updated).toMatchObject({ commit: c.trim, date: '2024-05-02T23:59:59-07:00' });
    expect(page.commits).toBe(4);
  });

  it('follows an exact move across communities', () => {
    const page = history.pages['content/platform/interviews.md']!;
    expect(page.revisions.map((r) => [r.commit, r.path, r.added, r.removed])).toEqual([
      [c.moveAcross, 'content/platform/interviews.md', 0, 0],
      [c.create, 'content/user-research/interviews.md', 5, 0],
    ]);
  });

  it('attributes every line at HEAD as git blame does, and sums lines per contributor', () => {
    for (const [file, page] of Object.entries(history.pages)) {
      expect(page.lineCommits, file).toEqual(gitBlame(repo.dir, file).map((l) => l.commit));
      const byEmail = Object.fromEntries(page.contributors.filter((p) => p.lines > 0).map((p) => [p.email, p.lines]));
      expect(byEmail, file).toEqual(blameLinesByEmail(repo.dir, file));
    }
  });

  it('credits co-authors from trailers, with the author (not the committer) as author', () => {
    const page = history.pages['content/platform/postgres/index-tuning.md']!;
    const rev = page.revisions.find((r) => r.commit === c.coauthored)!;
    expect(rev.author).toEqual({ name: 'Grace Hopper', email: 'grace@example.org' });
    expect(rev.coAuthors).toEqual([{ name: 'Linus Torvalds', email: 'linus@example.org' }]);
    const people = Object.fromEntries(page.contributors.map((p) => [p.email, p]));
    expect(people['grace@example.org']).toMatchObject({ commits: 2, coAuthored: 0, added: 4, removed: 4 });
    expect(people['linus@example.org']).toMatchObject({ commits: 1, coAuthored: 1, added: 1, removed: 1 });
    expect(people['ada@example.org']).toMatchObject({ commits: 1, added: 10, removed: 0 });
    expect(page.contributors.some((p) => /forge/i.test(p.name))).toBe(false);
  });

  it('follows a page deleted and created again later across the gap, as git log --follow does', () => {
    const page = history.pages['content/platform/deploy.md']!;
    const git = gitLogFollow(repo.dir, 'content/platform/deploy.md').map((r) => r.commit);
    expect(git).toContain(c.create);
    expect(page.revisions.map((r) => r.commit)).toEqual(git);
    expect(page.created.commit).toBe(git.at(-1));
    expect(page.revisions[0]).toMatchObject({ commit: c.recreate, parentBlob: null });
    expect(page.revisions[1]!.deleted).toBe(true);
  });

  it('reads the same history from packed objects with delta chains', async () => {
    repo.git(['repack', '-adf', '--depth=50', '--window=50', '-q']);
    repo.git(['prune-packed']);
    const packed = await read();
    expect(packed.pages).toEqual(history.pages);
  });

  it('reads a worktree whose .git is a file', async () => {
    const wt = `${repo.dir}-wt`;
    repo.git(['worktree', 'add', '-q', '--detach', wt, c.trim!]);
    const other = await readRepositoryHistory({ contentDir: `${wt}/content`, cacheDir: null });
    expect(other.head).toBe(c.trim);
    expect(other.pages['content/platform/deploy.md']?.revisions.map((r) => r.commit)).toEqual([c.moveAcross, c.create]);
    repo.git(['worktree', 'remove', '--force', wt]);
  });
});
