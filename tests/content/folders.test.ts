// Folders of pages in the model: which get a listing page, what each lists, links to them, their crumbs and outputs.
import { describe, expect, it } from 'vitest';
import { listedFolders } from '../../src/lib/content/folders.ts';
import { buildPageIndex } from '../../src/lib/links/page-index.ts';
import { resolveMarkdownLink } from '../../src/lib/links/resolve.ts';
import { breadcrumbs } from '../../src/lib/site/navigation.ts';
import { planOutputs } from '../../src/lib/site/output-plan.ts';
import { errorsIn, modelOf, page } from '../helpers/model.ts';

const files = {
  'ops/README.md': '# Platform ops',
  'ops/Run books/restore.md': '# Restore\n\nFrom the backup.',
  'ops/Run books/Archive.md': '# Archive',
  'ops/Run books/old/ancient/stone.md': '# Stone',
  'ops/Run books/old/legacy.md': '# Legacy',
  'ops/guides/README.md': '# Guide index',
  'ops/guides/style.md': '# Style',
  'ops/archive.md': '# The archive',
  'ops/archive/2019.md': '# 2019',
  'research/deep/topic/note.md': '# Note',
  'welcome.md': '# Welcome',
};
const model = modelOf(files);
const folder = (id: string) => model.folders.find((f) => f.id === id);

describe('folders of pages', () => {
  it('are every folder with pages at any depth below it, each at the URL its index page would have', () => {
    expect(model.folders.map((f) => f.id)).toEqual([
      'ops',
      'ops/archive',
      'ops/guides',
      'ops/run-books',
      'ops/run-books/old',
      'ops/run-books/old/ancient',
      'research',
      'research/deep',
      'research/deep/topic',
    ]);
  });

  it('get a listing when no page stands at their URL and they are not a community’s own folder', () => {
    expect(listedFolders(model.folders).map((f) => f.id)).toEqual(['ops/run-books', 'ops/run-books/old', 'ops/run-books/old/ancient', 'research/deep', 'research/deep/topic']);
    expect(folder('ops/guides')).toMatchObject({ pageId: 'ops/guides', title: 'Guide index' });
    expect(folder('ops/archive')).toMatchObject({ pageId: 'ops/archive', title: 'The archive' });
  });

  it('list their own pages and subfolders by title, titled from the folder name, named as users know them', () => {
    expect(folder('ops/run-books')).toEqual({
      id: 'ops/run-books',
      community: 'ops',
      path: 'ops/Run books',
      file: 'content/ops/Run books/',
      title: 'Run books',
      pageIds: ['ops/run-books/archive', 'ops/run-books/restore'],
      subfolderIds: ['ops/run-books/old'],
    });
    expect(folder('ops/run-books/old')).toMatchObject({ title: 'Old', pageIds: ['ops/run-books/old/legacy'], subfolderIds: ['ops/run-books/old/ancient'] });
    expect(folder('research/deep')).toMatchObject({ pageIds: [], subfolderIds: ['research/deep/topic'] });
    expect(folder('ops')?.subfolderIds).toEqual(['ops/guides', 'ops/run-books', 'ops/archive']);
  });
});

describe('links to folders', () => {
  const withLinks = modelOf({
    ...files,
    'ops/Run books/old/legacy.md': '# Legacy\n\n[a](../) [b](..) [c](ancient/) [d](../../guides/) [e](../../archive) [f](../../../research/deep/topic) [g](../../) [h](../../run%20books/old)',
  });
  const index = buildPageIndex(withLinks.pages, withLinks.assets);
  const from = page(withLinks, 'ops/run-books/old/legacy');

  it('resolve, so neither the build nor `wiki check` reports them', () => {
    expect(errorsIn(withLinks)).toEqual([]);
    expect(withLinks.brokenLinks).toEqual([]);
  });

  it('land on the listing of a folder without README, else on the page at the folder’s URL', () => {
    const to = (url: string) => {
      const r = resolveMarkdownLink(index, from, url);
      return r.kind === 'folder' ? `listing ${r.folderId}` : r.kind === 'page' ? `page ${r.page.id}` : r.kind;
    };
    expect(to('../')).toBe('listing ops/run-books');
    expect(to('..')).toBe('listing ops/run-books');
    expect(to('ancient/')).toBe('listing ops/run-books/old/ancient');
    expect(to('../../run%20books/old')).toBe('listing ops/run-books/old');
    expect(to('../../../research/deep/topic')).toBe('listing research/deep/topic');
    expect(to('../../guides/')).toBe('page ops/guides');
    expect(to('../../archive')).toBe('page ops/archive');
    expect(to('../../')).toBe('page ops');
    expect(to('../nothing/')).toBe('broken');
    expect(to('../old.md')).toBe('broken');
  });
});

describe('breadcrumbs through folders without README', () => {
  const ops = model.communities.find((c) => c.slug === 'ops')!;
  const pagesById = new Map(model.pages.map((p) => [p.id as string, p]));

  it('link every folder, to its index page or its listing', () => {
    expect(breadcrumbs(page(model, 'ops/run-books/old/ancient/stone'), ops, pagesById, '/wiki/')).toEqual([
      { label: 'Platform ops', href: '/wiki/ops/' },
      { label: 'Run books', href: '/wiki/ops/run-books/' },
      { label: 'Old', href: '/wiki/ops/run-books/old/' },
      { label: 'Ancient', href: '/wiki/ops/run-books/old/ancient/' },
      { label: 'Stone' },
    ]);
  });

  it('are a listing’s own crumbs too', () => {
    const listing = folder('ops/run-books/old')!;
    expect(breadcrumbs({ id: listing.id, path: listing.path, title: listing.title }, ops, pagesById, '/')).toEqual([
      { label: 'Platform ops', href: '/ops/' },
      { label: 'Run books', href: '/ops/run-books/' },
      { label: 'Old' },
    ]);
  });
});

describe('the output plan of folder listings', () => {
  it('writes each listing at its folder’s URL', () => {
    const { outputs, problems } = planOutputs(model);
    expect(problems).toEqual([]);
    expect(outputs.get('ops/run-books/index.html')).toBe('the listing of folder content/ops/Run books/');
    expect(outputs.get('research/deep/topic/index.html')).toBe('the listing of folder content/research/deep/topic/');
    expect(outputs.get('ops/archive/index.html')).toBe('content/ops/archive.md');
  });

  it('reports a file the listing would overwrite, naming both', () => {
    // No asset type on the allowlist ends in index.html; a model built by hand shows the plan catches it anyway.
    const withAsset = { ...model, assets: [{ id: 'ops/run-books/index.html', path: 'ops/run-books/index.html', file: 'content/ops/run-books/index.html' }] } as typeof model;
    expect(planOutputs(withAsset).problems).toEqual([
      expect.objectContaining({
        file: 'content/ops/run-books/index.html',
        severity: 'error',
        message: 'the listing of folder content/ops/Run books/ and content/ops/run-books/index.html would both be written to /ops/run-books/index.html: rename or move one of them',
      }),
    ]);
  });
});
