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

  it('recomputes from scratch when the history was rewritten', async () => {
    repo.git(['commit', '-q', '--amend', '-m', 'Four, reworded'], repo.env(grace, '2024-01-05T10:00:00+00:00'));
    const rewritten = await withCache();
    expect(rewritten.stats).toMatchObject({ mode: 'cold', processed: 4, commits: 4 });
    expect(rewritten.stats?.restartReason).toMatch(/rewritten/);
    expect(rewritten.pages).toEqual((await cold()).pages);
    expect(rewritten.pages['content/c.md']!.updated.message).toBe('Four, reworded');
  });

  it('ignores a cache file of another format version or a torn one', async () => {
    const [file] = readdirSync(cacheDir).filter((f) => f.endsWith('.json'));
    writeFileSync(path.join(cacheDir, file!), '{"version": 0');
    const result = await withCache();
    expect(result.stats).toMatchObject({ mode: 'cold', processed: 4 });
  });
});
