// Tests the one rule for what a page is, and that content discovery and the history engine's tree diff both follow it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverContent } from '../../src/lib/content/discover-fs.ts';
import {
  contentRule,
  isHiddenName,
  isIndexName,
  isIndexPage,
  isMdxPath,
  isPageFile,
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
    const rule = contentRule();
    expect(isHiddenName('.obsidian')).toBe(true);
    expect(rule.skipReason('node_modules', true)).toEqual({ kind: 'excluded', glob: 'node_modules' });
    expect(rule.skipReason('node_modules', false)).toBeUndefined();
    expect(rule.skipsPath('ops/node_modules/x.md')).toBe(true);
    expect(rule.skipsPath('ops/vendor/x.md')).toBe(true);
    expect(rule.skipsPath('ops/.drafts/x.md')).toBe(true);
    expect(rule.skipsPath('ops/.x.md')).toBe(true);
    expect(rule.skipsPath('ops/runbooks/x.md')).toBe(false);
    expect(rule.skipsPath('ops/vendors/x.md')).toBe(false);
  });

  it.each([
    ['_site', 'docs/_site/x.md', true],
    ['_site', '_site/x.md', true],
    ['docs/_site', 'docs/_site/x.md', true],
    ['docs/_site', 'ops/docs/_site/x.md', false],
    ['/build', 'build/x.md', true],
    ['/build', 'ops/build/x.md', false],
    ['**/build', 'ops/deep/build/x.md', true],
    ['**/build', 'ops/build.md', false],
    ['gen-*', 'ops/gen-api/x.md', true],
  ] as const)('exclude %s: %s skipped %s', (glob, path, skipped) => {
    expect(contentRule([glob]).skipsPath(path)).toBe(skipped);
  });

  it('compares excluded folder names after NFC normalization', () => {
    expect(contentRule(['caf\u00e9']).skipsPath('cafe\u0301/x.md')).toBe(true);
  });

  it('takes a page named only of dots for a page, not a dot-file', () => {
    expect(isHiddenName('..md')).toBe(false);
    expect(isHiddenName('...MD')).toBe(false);
    expect(contentRule([]).skipsPath('ops/..md')).toBe(false);
    expect(isHiddenName('.md')).toBe(true);
    expect(isHiddenName('.x.md')).toBe(true);
    expect(isHiddenName('..png')).toBe(true);
  });

  it('names .mdx pages in any case, and the glob for them leaves excluded folders out', () => {
    expect(isMdxPath('ops/Caps.MDX')).toBe(true);
    expect(isMdxPath('ops/x.md')).toBe(false);
    expect(isMdxPath(undefined)).toBe(false);
    expect(contentRule(['docs/_site']).mdxGlobPatterns).toEqual(['**/*.[mM][dD][xX]', '!**/node_modules/**', '!**/vendor/**', '!docs/_site/**']);
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
        'content/vendor/lib/README.md': '# A vendored library\n',
        'content/ops/_site/guide.md': '# A built copy\n',
        'content/ops/notes.txt': 'not a page\n',
        'content/ops/archive.md.bak': 'not a page\n',
        'outside.md': '# Not in the content folder\n',
      },
    });
  });
  afterAll(() => repo.remove());

  it('lists the same pages, with the same folders excluded by default and by config', async () => {
    const discovered = discoverContent(`${repo.dir}/content`, undefined, contentRule(['_site'])).pages.map((p) => p.path).sort();
    const history = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null, exclude: ['_site'] });
    const engine = Object.keys(history.pages).map((p) => p.replace(/^content\//, '')).sort();
    expect(discovered).toEqual(['README.md', 'UPPER.MD', 'ops/Caps.Mdx', 'ops/Index.MD']);
    expect(engine).toEqual(discovered);
  });
});
