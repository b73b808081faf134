// Tests degraded repositories: case-only renames, shallow clones, no repository, no commits.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import { ada, git, gitLogFollow, grace, linus, TestRepo } from '../helpers/git-repo.ts';

let repo: TestRepo;
const c: Record<string, string> = {};

beforeAll(() => {
  repo = TestRepo.create();
  c.one = repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'One', files: { 'docs/Deploy.md': 'deploy\nsteps\n' } });
  c.two = repo.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Lower-case the name', moves: [['docs/Deploy.md', 'docs/deploy.md']] });
  c.three = repo.commit({ author: linus, date: '2024-01-03T10:00:00+00:00', message: 'Three', files: { 'docs/deploy.md': 'deploy\nsteps\nmore\n' } });
});
afterAll(() => repo.remove());

describe('degraded and unusual repositories', () => {
  it('keeps history across a case-only rename', async () => {
    const h = await readRepositoryHistory({ contentDir: `${repo.dir}/docs`, cacheDir: null });
    const page = h.pages['docs/deploy.md']!;
    expect(page.revisions.map((r) => [r.commit, r.path])).toEqual([
      [c.three, 'docs/deploy.md'],
      [c.two, 'docs/deploy.md'],
      [c.one, 'docs/Deploy.md'],
    ]);
    expect(page.revisions.map((r) => r.commit)).toEqual(gitLogFollow(repo.dir, 'docs/deploy.md').map((r) => r.commit));
  });

  it('detects a shallow clone and says how to fetch the rest', async () => {
    const clone = `${repo.dir}-shallow`;
    git(tmpdir(), ['clone', '-q', '--depth', '2', `file://${repo.dir}`, clone]);
    try {
      const h = await readRepositoryHistory({ contentDir: `${clone}/docs`, cacheDir: null });
      expect(h.shallow).toBe(true);
      expect(h.warnings).toHaveLength(1);
      expect(h.warnings[0]).toMatch(/shallow clone: history before .* is missing/);
      expect(h.warnings[0]).toContain('git fetch --unshallow');
      // The boundary commit looks like the page's creation: exactly the hazard the warning names.
      expect(h.pages['docs/deploy.md']!.revisions.map((r) => r.commit)).toEqual([c.three, c.two]);
      expect(h.pages['docs/deploy.md']!.created.commit).toBe(c.two);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('gives an empty result with one warning outside any repository', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wiki-norepo-'));
    mkdirSync(path.join(dir, 'content'));
    writeFileSync(path.join(dir, 'content', 'a.md'), '# A\n');
    try {
      const h = await readRepositoryHistory({ contentDir: path.join(dir, 'content'), cacheDir: null });
      expect(h).toMatchObject({ head: null, shallow: false, pages: {} });
      expect(h.warnings).toHaveLength(1);
      expect(h.warnings[0]).toMatch(/not inside a git repository/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives an empty result with one warning for a repository without commits', async () => {
    const empty = TestRepo.create();
    mkdirSync(path.join(empty.dir, 'content'));
    writeFileSync(path.join(empty.dir, 'content', 'a.md'), '# A\n');
    try {
      const h = await readRepositoryHistory({ contentDir: path.join(empty.dir, 'content'), cacheDir: null });
      expect(h).toMatchObject({ head: null, pages: {} });
      expect(h.warnings).toEqual([expect.stringMatching(/has no commits yet/)]);
    } finally {
      empty.remove();
    }
  });

  it('names a missing content folder in one clear message', async () => {
    await expect(readRepositoryHistory({ contentDir: `${repo.dir}/nope`, cacheDir: null })).rejects.toThrow(/content folder .*nope does not exist/);
  });
});
