// Tests the one rule for what a page is, and that content discovery and the history engine's tree diff both follow it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverContent } from '../../src/lib/content/discover-fs.ts';
import {
  isExcludedFolder,
  isHiddenName,
  isInSkippedPlace,
  isIndexName,
  isIndexPage,
  isMdxPath,
  isPageFile,
  MDX_GLOB_PATTERNS,
  pageFormatOf,
} from '../../src/lib/content/page-rule.ts';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import { ada, TestRepo } from '../helpers/git-repo.ts';

describe('the page rule', () => {
  it.each([
    ['guide.md', true, 'md'],
    ['UPPER.MD', true, 'md'],
    ['Caps.Mdx', true, 'mdx'],
    ['notes.txt', false, undefined],
    ['.hidden.md', false, 'md'],
    ['archive.md.bak', false, undefined],
    ['markdown', false, undefined],
  ] as const)('%s: a page file %s, format %s', (name, page, format) => {
    expect(isPageFile(name)).toBe(page);
    expect(pageFormatOf(name)).toBe(format);
  });

  it('knows index names in any case, with or without an extension', () => {
    expect(['README', 'readme.md', 'Index.MD', 'index.mdx'].every(isIndexName)).toBe(true);
    expect(['readme.txt', 'indexes.md', 'home.md'].some(isIndexName)).toBe(false);
    expect(isIndexPage('ops/runbooks/README.md')).toBe(true);
    expect(isIndexPage('ops/README')).toBe(false);
    expect(isIndexPage('readme/guide.md')).toBe(false);
  });

  it('skips hidden entries and excluded folders, and only folders by the excluded name', () => {
    expect(isHiddenName('.obsidian')).toBe(true);
    expect(isExcludedFolder('node_modules')).toBe(true);
    expect(isInSkippedPlace('ops/node_modules/x.md')).toBe(true);
    expect(isInSkippedPlace('ops/.drafts/x.md')).toBe(true);
    expect(isInSkippedPlace('ops/.x.md')).toBe(true);
    expect(isInSkippedPlace('ops/runbooks/x.md')).toBe(false);
  });

  it('takes a page named only of dots for a page, not a dot-file', () => {
    expect(isHiddenName('..md')).toBe(false);
    expect(isHiddenName('...MD')).toBe(false);
    expect(isInSkippedPlace('ops/..md')).toBe(false);
    expect(isHiddenName('.md')).toBe(true);
    expect(isHiddenName('.x.md')).toBe(true);
    expect(isHiddenName('..png')).toBe(true);
  });

  it('names .mdx pages in any case, and the glob for them leaves excluded folders out', () => {
    expect(isMdxPath('ops/Caps.MDX')).toBe(true);
    expect(isMdxPath('ops/x.md')).toBe(false);
    expect(isMdxPath(undefined)).toBe(false);
    expect(MDX_GLOB_PATTERNS).toEqual(['**/*.[mM][dD][xX]', '!**/node_modules/**']);
  });
});

describe('discovery and the history engine agree on which files are pages', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = TestRepo.create('wiki-page-rule-');
    repo.commit({
      author: ada,
      date: '2024-01-05T09:00:00+01:00',
      message: 'Pages and things that are not pages',
      files: {
        'content/README.md': '# Home\n',
        'content/UPPER.MD': '# Upper\n',
        'content/ops/Index.MD': '# Ops\n',
        'content/ops/Caps.Mdx': '# Caps\n',
        'content/ops/.draft.md': '# Hidden file\n',
        'content/.hidden/x.md': '# Hidden folder\n',
        'content/node_modules/x.md': '# A dependency\n',
        'content/ops/node_modules/pkg/readme.md': '# A nested dependency\n',
        'content/ops/notes.txt': 'not a page\n',
        'content/ops/archive.md.bak': 'not a page\n',
        'outside.md': '# Not in the content folder\n',
      },
    });
  });
  afterAll(() => repo.remove());

  it('lists the same pages', async () => {
    const discovered = discoverContent(`${repo.dir}/content`).pages.map((p) => p.path).sort();
    const history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null });
    const engine = Object.keys(history.pages).map((p) => p.replace(/^content\//, '')).sort();
    expect(discovered).toEqual(['README.md', 'UPPER.MD', 'ops/Caps.Mdx', 'ops/Index.MD']);
    expect(engine).toEqual(discovered);
  });
});
