// Tests the page signatures kept beside the history cache: a commit adding a page finds its copy source as git log --follow does, reading only the new blobs, and a signature file not sealed here is not believed.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import { ada, git, grace, linus, TestRepo } from '../helpers/git-repo.ts';

const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} line ${i + 1} of the page`).join('\n') + '\n';

/** `git log --follow`: commit and author per revision, newest first. */
const follow = (dir: string, file: string) => git(dir, ['log', '--follow', '--format=%H%x09%an', '--', file]).trim().split('\n');

describe('page signatures kept in the cache', () => {
  let repo: TestRepo;
  let cacheDir: string;
  const read = () => readRepositoryHistory({ contentDir: path.join(repo.dir, 'content'), cacheDir });
  const engine = async (file: string) => (await read()).pages[file]!.revisions.map((r) => `${r.commit}\t${r.author.name}`);

  beforeAll(() => {
    repo = TestRepo.create('wiki-cache-sigs-');
    cacheDir = path.join(repo.dir, '.git', 'test-cache');
    const files: Record<string, string> = {};
    for (let p = 0; p < 30; p++) files[`content/p${p}.md`] = lines(`Page ${p}`, 10 + p);
    repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'Pages', files });
    // A copy in the cold walk, so the signatures of HEAD's pages are kept.
    repo.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'A copy', files: { 'content/copy.md': lines('Page 3', 13) + 'Copied\n' } });
  });
  afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

  it('are written by a walk that searched for copies, and used by the next one', async () => {
    const cold = await read();
    expect(cold.stats?.mode).toBe('cold');
    expect(readdirSync(cacheDir).some((f) => f.endsWith('.sigs'))).toBe(true);
    repo.commit({ author: linus, date: '2024-01-03T10:00:00+00:00', message: 'Edit', files: { 'content/p7.md': lines('Page 7', 17) + 'An edit\n' } });
    repo.commit({ author: ada, date: '2024-01-04T10:00:00+00:00', message: 'Another copy', files: { 'content/again.md': lines('Page 7', 17) + 'An edit\nAgain\n' } });
    const next = await read();
    expect(next.stats?.mode).toBe('incremental');
    // Commits, trees and the new blobs only: no page is read again to be scored.
    expect(next.stats!.objectReads).toBeLessThan(20);
    expect(next.pages['content/again.md']!.revisions[0]!.copiedFrom).toBe('content/p7.md');
    expect(await engine('content/again.md')).toEqual(follow(repo.dir, 'content/again.md'));
  });

  it('are not believed when not sealed here', async () => {
    const [file] = readdirSync(cacheDir).filter((f) => f.endsWith('.sigs'));
    writeFileSync(path.join(cacheDir, file!), `${'0'.repeat(64)}\nnot signatures`);
    repo.commit({ author: grace, date: '2024-01-05T10:00:00+00:00', message: 'A third copy', files: { 'content/third.md': lines('Page 20', 30) + 'Third\n' } });
    const next = await read();
    expect(next.stats?.mode).toBe('incremental');
    expect(next.pages['content/third.md']!.revisions[0]!.copiedFrom).toBe('content/p20.md');
    expect(await engine('content/third.md')).toEqual(follow(repo.dir, 'content/third.md'));
  });
});
