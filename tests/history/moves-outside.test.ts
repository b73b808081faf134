// Tests pages moved into the content folder from elsewhere in the repository, and git's rename similarity rules, against git log --follow itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import type { RepositoryHistory } from '../../src/lib/history/types.ts';
import { ada, blameLinesByEmail, git, grace, linus, TestRepo } from '../helpers/git-repo.ts';

const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} line ${i + 1} of the page`).join('\n') + '\n';

/** What git itself says: `git log --follow` commit, author name and date per revision, newest first. */
function follow(dir: string, file: string): string[] {
  return git(dir, ['log', '--follow', '-M50%', '--format=%H%x09%an%x09%aI', '--', file]).trim().split('\n');
}

const engine = (history: RepositoryHistory, file: string) => {
  const page = history.pages[file]!;
  return page.revisions.map((r) => `${r.commit}\t${r.author.name}\t${r.date}`);
};

let repo: TestRepo;
let history: RepositoryHistory;
const pages = ['content/runbook.md', 'content/on-call.md', 'content/guides/setup.md', 'content/exact.md', 'content/at-boundary.md', 'content/below-boundary.md'];


beforeAll(async () => {
  repo = TestRepo.create();
  repo.commit({
    author: ada,
    date: '2023-01-02T09:00:00+01:00',
    message: 'Start the playbook at the root',
    files: {
      'runbook.md': lines('Runbook', 12),
      'on-call.md': lines('On call', 10),
      'setup.md': lines('Setup', 8),
      'exact.md': lines('Exact', 6),
      'obsolete.md': lines('Totally unrelated words', 9),
      // Two 64-byte chunks (git ends a chunk at a newline or after 64 bytes), and two plus a 2-byte one.
      'boundary-kept.md': 'k'.repeat(63) + '\n' + 'q'.repeat(63) + '\n',
      'boundary-cut.md': 'c'.repeat(63) + '\n' + 'd'.repeat(63) + '\n' + 'e\n',
      'content/index.md': '# Home\n',
    },
  });
  repo.commit({ author: grace, date: '2023-02-03T10:00:00+00:00', message: 'Runbook detail', files: { 'runbook.md': lines('Runbook', 14) } });
  repo.commit({ author: linus, date: '2023-03-04T11:00:00-05:00', message: 'On-call rota', files: { 'on-call.md': lines('On call', 10).replace('line 3', 'line three') } });
  // Earlier still, one page was renamed at the root: --follow reaches through both moves.
  repo.commit({ author: grace, date: '2023-04-05T12:00:00+02:00', message: 'Rename setup', moves: [['setup.md', 'guides/setup.md']] });
  repo.commit({
    author: ada,
    date: '2023-05-06T13:00:00+00:00',
    message: 'Move the playbook into content',
    moves: [
      ['runbook.md', 'content/runbook.md'],
      ['on-call.md', 'content/on-call.md'],
      ['guides/setup.md', 'content/guides/setup.md'],
      ['exact.md', 'content/exact.md'],
      ['boundary-kept.md', 'content/at-boundary.md'],
      ['boundary-cut.md', 'content/below-boundary.md'],
    ],
    files: {
      // Small edits while moving: similar, not identical.
      'content/runbook.md': lines('Runbook', 14).replace('line 5', 'line five'),
      'content/on-call.md': lines('On call', 10).replace('line three', 'line 3') + 'A new closing line\n',
      // The first chunk alone: 64 of 128 bytes is exactly git's 50% (a rename); 64 of 130 is below it (sizes alone rule it out).
      'content/at-boundary.md': 'k'.repeat(63) + '\n',
      'content/below-boundary.md': 'c'.repeat(63) + '\n',
      // An unrelated file deleted outside in the same commit must not be paired with anything.
      'obsolete.md': null,
    },
  });
  repo.commit({ author: linus, date: '2023-06-07T14:00:00+00:00', message: 'After the move', files: { 'content/runbook.md': lines('Runbook', 15).replace('line 5', 'line five') } });
  history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
});

afterAll(() => repo.remove());

describe('pages moved into the content folder from elsewhere', () => {
  it.each(pages)('%s has the commits, authors and dates git log --follow gives', (file) => {
    expect(engine(history, file)).toEqual(follow(repo.dir, file));
  });

  it.each(pages)('%s has the creation git log --follow gives', (file) => {
    const oldest = follow(repo.dir, file).at(-1)!.split('\t');
    const created = history.pages[file]!.created;
    expect([created.commit, created.author.name, created.date]).toEqual(oldest);
  });

  it('follows a page through an earlier rename outside the content folder', () => {
    const page = history.pages['content/guides/setup.md']!;
    expect(page.revisions.map((r) => r.path)).toEqual(['content/guides/setup.md', 'guides/setup.md', 'setup.md']);
    expect(page.revisions[0]!.previousPath).toBe('guides/setup.md');
  });

  it('credits lines as git blame does across the move', () => {
    for (const file of pages) {
      const byEmail = Object.fromEntries(history.pages[file]!.contributors.filter((p) => p.lines > 0).map((p) => [p.email, p.lines]));
      expect(byEmail, file).toEqual(blameLinesByEmail(repo.dir, file));
    }
  });

  it('pairs an identical blob as an exact move and never pairs the unrelated deleted file', () => {
    expect(history.pages['content/exact.md']!.revisions[0]).toMatchObject({ previousPath: 'exact.md', added: 0, removed: 0 });
    for (const page of Object.values(history.pages)) expect(page.revisions.map((r) => r.path)).not.toContain('obsolete.md');
  });

  it('decides the size boundary as git does: kept at exactly half, cut below it', () => {
    expect(follow(repo.dir, 'content/at-boundary.md')).toHaveLength(2);
    expect(follow(repo.dir, 'content/below-boundary.md')).toHaveLength(1);
    expect(history.pages['content/at-boundary.md']!.revisions[0]!.previousPath).toBe('boundary-kept.md');
    expect(history.pages['content/below-boundary.md']!.revisions).toHaveLength(1);
  });
});
