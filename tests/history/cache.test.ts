// Tests the on-disk cache: a new commit costs only itself, a rewritten history is recomputed, results equal a cold run.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import { ada, grace, linus, TestRepo } from '../helpers/git-repo.ts';

let repo: TestRepo;
let cacheDir: string;
const withCache = () => readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir });
const cold = () => readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });

beforeAll(() => {
  repo = TestRepo.create();
  cacheDir = mkdtempSync(path.join(tmpdir(), 'wiki-history-cache-'));
  repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'One', files: { 'content/a.md': 'a1\na2\na3\n', 'content/b.md': 'b1\n' } });
  repo.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Two', files: { 'content/a.md': 'a1\nA2\na3\n' } });
  repo.commit({ author: linus, date: '2024-01-03T10:00:00+00:00', message: 'Three', files: { 'content/b.md': 'b1\nb2\n' } });
});
afterAll(() => {
  repo.remove();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('the history cache', () => {
  it('walks everything once, then nothing while HEAD stays', async () => {
    const first = await withCache();
    expect(first.stats).toMatchObject({ mode: 'cold', processed: 3, commits: 3 });
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const again = await withCache();
    expect(again.stats).toMatchObject({ mode: 'cached', processed: 0, commits: 3 });
    expect(again.pages).toEqual(first.pages);
  });

  it('processes only the new commit and agrees with a cold run', async () => {
    repo.commit({ author: ada, date: '2024-01-04T10:00:00+00:00', message: 'Four', files: { 'content/a.md': 'a1\nA2\na3\na4\n', 'content/c.md': 'c\n' } });
    const next = await withCache();
    expect(next.stats).toMatchObject({ mode: 'incremental', processed: 1, commits: 4 });
    expect(next.pages).toEqual((await cold()).pages);
    expect(next.pages['content/a.md']!.lineCommits).toHaveLength(4);
  });

  it('keeps appending one small record per run, merges included, and still agrees with a cold run', async () => {
    repo.commit({ author: grace, date: '2024-01-04T11:00:00+00:00', message: 'Five', files: { 'content/b.md': 'b1\nb2\nb3\n' } });
    expect((await withCache()).stats).toMatchObject({ mode: 'incremental', processed: 1 });
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.commit({ author: linus, date: '2024-01-04T12:00:00+00:00', message: 'Side', files: { 'content/a.md': 'a0\na1\nA2\na3\na4\n' } });
    repo.git(['checkout', '-q', 'main']);
    repo.commit({ author: ada, date: '2024-01-04T13:00:00+00:00', message: 'Main', files: { 'content/a.md': 'a1\nA2\na3\na4\na5\n' } });
    repo.merge('side', { author: grace, date: '2024-01-04T14:00:00+00:00' });
    const merged = await withCache();
    expect(merged.stats).toMatchObject({ mode: 'incremental', processed: 3 });
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.log'))).toHaveLength(1);
    expect(merged.pages).toEqual((await cold()).pages);
    // Read back from snapshot plus log in a fresh run: nothing left to walk, same answer.
    const again = await withCache();
    expect(again.stats).toMatchObject({ mode: 'cached', processed: 0 });
    expect(again.pages).toEqual(merged.pages);
  });

  it('continues the cache when a branch forked from an earlier commit is merged, as pull requests are', async () => {
    const forkPoint = repo.git(['rev-parse', 'HEAD~3']).trim();
    repo.git(['checkout', '-q', '-b', 'pull-request', forkPoint]);
    repo.commit({ author: linus, date: '2024-01-04T15:00:00+00:00', message: 'PR one', files: { 'content/c.md': 'c\nfrom the PR\n', 'content/d.md': 'd\n' } });
    repo.commit({ author: grace, date: '2024-01-04T16:00:00+00:00', message: 'PR two', files: { 'content/b.md': 'b0\nb1\nb2\n' } });
    repo.git(['checkout', '-q', 'main']);
    repo.merge('pull-request', { author: ada, date: '2024-01-04T17:00:00+00:00', resolve: { 'content/b.md': 'b0\nb1\nb2\nb3\n' } });
    const merged = await withCache();
    expect(merged.stats).toMatchObject({ mode: 'incremental', processed: 3, commits: 11 });
    expect(merged.pages).toEqual((await cold()).pages);
    expect(merged.pages['content/d.md']!.created.message).toBe('PR one');
    const again = await withCache();
    expect(again.stats).toMatchObject({ mode: 'cached' });
    expect(again.pages).toEqual(merged.pages);
  });

  it('recomputes from scratch when the history was rewritten', async () => {
    // As after a force-push: the pull request's merge is dropped and another commit takes its place.
    repo.git(['reset', '-q', '--hard', 'HEAD~1']);
    repo.commit({ author: grace, date: '2024-01-05T10:00:00+00:00', message: 'Rewritten', files: { 'content/c.md': 'c\nc2\n' } });
    const rewritten = await withCache();
    expect(rewritten.stats).toMatchObject({ mode: 'cold', processed: 9, commits: 9 });
    expect(rewritten.stats?.restartReason).toMatch(/rewritten/);
    expect(rewritten.pages).toEqual((await cold()).pages);
    expect(rewritten.pages['content/c.md']!.updated.message).toBe('Rewritten');
    expect(rewritten.pages['content/c.md']!.revisions.map((r) => r.message)).toEqual(['Rewritten', 'Four']);
  });

  it('ignores a cache file of another format version or a torn one', async () => {
    const [file] = readdirSync(cacheDir).filter((f) => f.endsWith('.json'));
    writeFileSync(path.join(cacheDir, file!), '{"version": 0');
    const result = await withCache();
    expect(result.stats).toMatchObject({ mode: 'cold', processed: 9 });
  });
});
