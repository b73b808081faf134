// Tests the site wiring: the engine's pages keyed by page id, through the content folder's place in the repository.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteHistory } from '../../src/integration/history-fs.ts';
import { loadWiki } from '../../src/lib/wiki-fs.ts';
import { ada, grace, TestRepo } from '../helpers/git-repo.ts';
import { locateFixture } from '../helpers/location.ts';

let repo: TestRepo;
const c: Record<string, string> = {};

beforeAll(() => {
  repo = TestRepo.create();
  writeFileSync(path.join(repo.dir, 'wiki.config.yml'), 'content: docs/wiki\n');
  c.one = repo.commit({ author: ada, date: '2024-01-01T10:00:00+00:00', message: 'One', files: { 'docs/wiki/Platform Engineering/Index Tuning.md': '# Index tuning\n\nText.\n', 'docs/wiki/welcome.md': '# Welcome\n' } });
  c.two = repo.commit({ author: grace, date: '2024-01-02T10:00:00+00:00', message: 'Two', files: { 'docs/wiki/Platform Engineering/Index Tuning.md': '# Index tuning\n\nText.\n\nMore.\n' } });
});
afterAll(() => repo.remove());

describe('site history', () => {
  it('keys each page history by page id', async () => {
    const wiki = loadWiki(locateFixture(repo.dir));
    const loaded = await loadSiteHistory(wiki);
    const ids = wiki.model.pages.map((p) => p.id).sort();
    expect(Object.keys(loaded.history.pages).sort()).toEqual(ids);
    const tuning = wiki.model.pages.find((p) => p.path.endsWith('Index Tuning.md'))!;
    expect(loaded.history.pages[tuning.id]!.revisions.map((r) => r.commit)).toEqual([c.two, c.one]);
    expect(loaded.history.pages[tuning.id]!.path).toBe('docs/wiki/Platform Engineering/Index Tuning.md');
    expect(loaded.history.head).toBe(c.two);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.summary).toMatch(/history of 2 pages from 2 commits/);
  });

  it('turns an unreadable repository into one warning, not a failed build', async () => {
    const wiki = loadWiki(locateFixture(repo.dir));
    // The branch names a commit the repository does not have, as in a damaged or partial clone.
    writeFileSync(path.join(repo.dir, '.git', 'refs', 'heads', 'main'), '0123456789012345678901234567890123456789\n');
    const loaded = await loadSiteHistory(wiki);
    expect(loaded.history).toEqual({ head: null, shallow: false, pages: {} });
    expect(loaded.warnings).toEqual([`page history is not shown: ${repo.dir}: git object 0123456789012345678901234567890123456789 is missing: not found in ${path.join(repo.dir, '.git')} (a damaged or partial clone?)`]);
  });
});
