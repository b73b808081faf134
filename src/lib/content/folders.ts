// Runs anywhere: every folder of pages, with its pages and subfolders, and whether a page already stands at its URL.
// A folder that has none gets a generated listing page at that URL, so a link or a breadcrumb to a folder always lands.
import type { ContentPath, PageId } from './paths.ts';
import { titleFromFileName } from './titles.ts';

/** A folder that holds pages, at any depth below it. */
export interface ContentFolder {
  /** The URL path its index page would have: "ops/runbooks" (page ids are made of the folder ids). */
  id: PageId;
  community: string;
  /** The folder in the content folder, as first met ("ops/Run books"); folders whose names slug alike share one entry. */
  path: ContentPath;
  /** The folder as users know it, for messages: "content/ops/Run books/". */
  file: string;
  /** The title of the page at its URL, else one made from the folder's name. */
  title: string;
  /** The page at its URL: its README or index page, or a page of the same name beside it (`runbooks.md`). */
  pageId?: PageId;
  /** Pages directly in it (not its index page), by title. */
  pageIds: PageId[];
  /** Folders directly in it, by title. */
  subfolderIds: PageId[];
}

interface FolderPage {
  id: PageId;
  path: ContentPath;
  community: string;
  title: string;
  isIndex: boolean;
}

/** The folders a page lies in, from its community down: content paths beside the ids they take. */
export function foldersOfPage(page: Pick<FolderPage, 'id' | 'path'>): { path: ContentPath; id: PageId }[] {
  const names = page.path.split('/').slice(0, -1);
  const ids = page.id.split('/');
  return names.map((_, i) => ({ path: names.slice(0, i + 1).join('/') as ContentPath, id: ids.slice(0, i + 1).join('/') as PageId }));
}

const byTitle = (titleOf: (id: PageId) => string) => (a: PageId, b: PageId) => titleOf(a).localeCompare(titleOf(b)) || a.localeCompare(b);

/** Every folder of pages, community folders included, ordered by id. */
export function collectFolders(pages: readonly FolderPage[], fileLabel: (path: string) => string): ContentFolder[] {
  const pagesById = new Map(pages.map((p) => [p.id as string, p]));
  const folders = new Map<string, ContentFolder>();
  for (const page of pages) {
    const chain = foldersOfPage(page);
    chain.forEach(({ path, id }, depth) => {
      let folder = folders.get(id);
      if (!folder) {
        const standing = pagesById.get(id);
        const name = path.slice(path.lastIndexOf('/') + 1);
        folder = {
          id,
          community: page.community,
          path,
          file: `${fileLabel(path)}/`,
          title: standing?.title ?? titleFromFileName(name + '.md'),
          ...(standing ? { pageId: standing.id } : {}),
          pageIds: [],
          subfolderIds: [],
        };
        folders.set(id, folder);
        const parent = chain[depth - 1];
        if (parent) folders.get(parent.id)?.subfolderIds.push(id);
      }
    });
    const own = chain.at(-1);
    if (own && !page.isIndex) folders.get(own.id)?.pageIds.push(page.id);
  }
  const titleOf = (id: PageId) => pagesById.get(id)?.title ?? folders.get(id)?.title ?? id;
  for (const folder of folders.values()) {
    folder.pageIds.sort(byTitle(titleOf));
    folder.subfolderIds.sort(byTitle(titleOf));
  }
  return [...folders.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The folders that get a generated listing page: below a community's own folder, and with no page at their URL. */
export const listedFolders = (folders: readonly ContentFolder[]): ContentFolder[] =>
  folders.filter((f) => f.pageId === undefined && f.id.includes('/'));
