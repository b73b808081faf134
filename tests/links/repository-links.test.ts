// Links read from the repository root: where they lead inside and outside the content folder, and hostile paths that must lead nowhere.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ForgeRepository } from '../../src/lib/forge/forges.ts';
import { folderUrl, rawUrl } from '../../src/lib/forge/links.ts';
import { listRepositoryFiles } from '../../src/lib/links/repository-files-fs.ts';
import { placeInRepository, resolveInRepository, type RepositoryContext } from '../../src/lib/links/repository-links.ts';
import { htmlLinksOf } from '../../src/lib/content/html-links.ts';
import { buildPageIndex } from '../../src/lib/links/page-index.ts';
import { resolveMarkdownLink } from '../../src/lib/links/resolve.ts';
import { modelOf, page } from '../helpers/model.ts';

const github: ForgeRepository = { forge: 'github', web: 'https://github.com/org/repo', branch: 'main' };
const entries = new Map([
  ['scripts', { path: 'scripts', kind: 'folder' as const }],
  ['scripts/deploy.sh', { path: 'scripts/deploy.sh', kind: 'file' as const }],
  ['codeowners', { path: 'CODEOWNERS', kind: 'file' as const }],
]);
const context: RepositoryContext = { contentInRepository: 'docs', files: { entries, truncated: false, cap: 10 }, forge: github };

describe('placeInRepository', () => {
  it('joins and normalises, and names nothing above the repository root', () => {
    expect(placeInRepository('docs/ops', '../../scripts/x.sh')).toBe('scripts/x.sh');
    expect(placeInRepository('', './a/./b/../c')).toBe('a/c');
    expect(placeInRepository('', '../etc/passwd')).toBeUndefined();
    expect(placeInRepository('docs', '../../etc/passwd')).toBeUndefined();
    expect(placeInRepository('docs', 'a/../../../x')).toBeUndefined();
  });
});

describe('resolveInRepository', () => {
  const resolve = (target: string, rootRelative: boolean, extra: Partial<RepositoryContext> = {}, image = false) =>
    resolveInRepository({ ...context, ...extra }, 'ops/page.md', target, { rootRelative, image });

  it('keeps targets inside the content folder for the page index, whatever the case of the folder', () => {
    expect(resolve('docs/ops/deploy.md', true)).toEqual({ kind: 'content', path: 'ops/deploy.md' });
    expect(resolve('DOCS/ops/deploy.md', true)).toEqual({ kind: 'content', path: 'ops/deploy.md' });
    expect(resolve('docs', true)).toEqual({ kind: 'content', path: '' });
    expect(resolve('../../docs/x.md', false)).toEqual({ kind: 'content', path: 'x.md' });
    expect(resolve('docsx/a.md', true)).toMatchObject({ kind: 'broken' });
  });

  it('sends files and folders outside it to the forge, spelled as on disk', () => {
    expect(resolve('../../scripts/deploy.sh', false)).toEqual({ kind: 'forge', url: 'https://github.com/org/repo/blob/main/scripts/deploy.sh' });
    expect(resolve('codeowners', true)).toEqual({ kind: 'forge', url: 'https://github.com/org/repo/blob/main/CODEOWNERS' });
    expect(resolve('scripts/', true)).toEqual({ kind: 'forge', url: 'https://github.com/org/repo/tree/main/scripts' });
    expect(resolve('scripts/deploy.sh', true, {}, true)).toEqual({ kind: 'forge', url: 'https://github.com/org/repo/raw/main/scripts/deploy.sh' });
  });

  it('reports what does not exist, what has no forge, and what lies outside any repository', () => {
    expect(resolve('scripts/other.sh', true)).toEqual({ kind: 'broken', reason: 'no such file in the repository' });
    expect(resolve('scripts/other.sh', true, { files: { entries, truncated: true, cap: 10 } })).toEqual({
      kind: 'broken',
      reason: 'no such file in the repository (only the first 10 files outside the content folder are looked at)',
    });
    expect(resolve('CODEOWNERS', true, { forge: undefined })).toEqual({
      kind: 'broken',
      reason: '"CODEOWNERS" is outside the content folder: set repository in wiki.config.yml to link to it on the forge',
    });
    expect(resolve('CODEOWNERS', true, { files: undefined })).toEqual({
      kind: 'broken',
      reason: 'the link leads outside the content folder, and the wiki is not in a git repository',
    });
  });

  it('never leads above the repository root, however the path is written', () => {
    for (const target of ['../../../etc/passwd', '../../../../../../etc/passwd']) expect(resolve(target, false)).toMatchObject({ kind: 'broken', reason: 'the link climbs above the repository root' });
    for (const target of ['../etc/passwd', '../../../etc/passwd', 'docs/../../x']) expect(resolve(target, true)).toMatchObject({ kind: 'broken', reason: 'the link climbs above the repository root' });
  });
});

describe('forge folder and raw URLs', () => {
  it('are each forge own routes', () => {
    const at = (forge: ForgeRepository['forge'], web: string) => ({ forge, web, branch: 'dev' });
    expect(folderUrl(at('gitlab', 'https://gitlab.com/g/r'), 'a b')).toBe('https://gitlab.com/g/r/-/tree/dev/a%20b');
    expect(rawUrl(at('gitlab', 'https://gitlab.com/g/r'), 'i.png')).toBe('https://gitlab.com/g/r/-/raw/dev/i.png');
    expect(folderUrl(at('gitea', 'https://gitea.com/o/r'), 'src')).toBe('https://gitea.com/o/r/src/branch/dev/src');
    expect(rawUrl(at('forgejo', 'https://codeberg.org/o/r'), 'i.png')).toBe('https://codeberg.org/o/r/raw/branch/dev/i.png');
    expect(folderUrl(at('bitbucket', 'https://bitbucket.org/t/r'), 'src')).toBe('https://bitbucket.org/t/r/src/dev/src?at=dev');
    expect(rawUrl(at('bitbucket', 'https://bitbucket.org/t/r'), 'i.png')).toBe('https://bitbucket.org/t/r/raw/dev/i.png');
  });
});

describe('htmlLinksOf', () => {
  it('reads href, src and each srcset candidate with where the attribute is written', () => {
    expect(htmlLinksOf('<p>\n  <a title="x" href="a.md">A</a> <img src=" b.png " alt="">\n<source srcset="c.png 2x, d.png 1x"></p>')).toEqual([
      { url: 'a.md', isImage: false, line: 2, column: 16 },
      { url: 'b.png', isImage: true, line: 2, column: 39 },
      { url: 'c.png', isImage: true, line: 3, column: 9 },
      { url: 'd.png', isImage: true, line: 3, column: 9 },
    ]);
  });

  it('skips fragments, comments and attributes of other elements', () => {
    expect(htmlLinksOf('<a href="#top">t</a><!-- <a href="x.md"> --><div src="y.md"></div><a name="n">')).toEqual([]);
  });
});

describe('listRepositoryFiles', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'wiki-repo-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const file of ['docs/page.md', 'scripts/x.sh', '.git/HEAD', 'node_modules/p/index.js', 'nested/.git/HEAD', 'nested/inner.txt', '.github/CODEOWNERS']) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), 'x');
  }
  symlinkSync('/etc', path.join(root, 'etc-link'));

  it('lists what is outside the content folder, lstat-ed, without .git, node_modules or nested repositories', () => {
    const listed = listRepositoryFiles(root, path.join(root, 'docs'));
    expect([...listed.entries.values()].map((e) => `${e.kind} ${e.path}`).sort()).toEqual([
      'file .github/CODEOWNERS',
      'file etc-link',
      'file scripts/x.sh',
      'folder .github',
      'folder nested',
      'folder scripts',
    ]);
    expect(listed.truncated).toBe(false);
  });

  it('stops at its cap and says so', () => {
    const listed = listRepositoryFiles(root, path.join(root, 'docs'), 2);
    expect(listed.entries.size).toBe(2);
    expect(listed.truncated).toBe(true);
  });
});

describe('resolveMarkdownLink with the repository', () => {
  const model = modelOf({ 'ops/page.md': '# Page\n', 'ops/deploy.md': '# Deploy\n' });
  const index = buildPageIndex(model.pages, model.assets);
  const from = page(model, 'ops/page');

  it('reads root-relative links from the repository root only when it knows the repository', () => {
    expect(resolveMarkdownLink(index, from, '/docs/ops/deploy.md', { repository: context })).toMatchObject({ kind: 'page', page: { id: 'ops/deploy' } });
    expect(resolveMarkdownLink(index, from, '/docs/ops/deploy.md')).toEqual({ kind: 'external' });
    expect(resolveMarkdownLink(index, from, '//evil.example/docs/ops/deploy.md', { repository: context })).toEqual({ kind: 'external' });
  });

  it('reports a NUL in a path instead of failing', () => {
    expect(resolveMarkdownLink(index, from, 'a%00b.md', { repository: context })).toEqual({ kind: 'broken', reason: 'the path has a NUL character' });
    expect(resolveMarkdownLink(index, from, '/docs/a%00b.md', { repository: context })).toEqual({ kind: 'broken', reason: 'the path has a NUL character' });
  });
});
