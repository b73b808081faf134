// Runs anywhere: breadcrumbs and the community page tree, computed from the model for the pages to render.
import type { Community, WikiPage } from '../content/types.ts';
import { pageHref, splitContentPath, type SiteHref } from '../content/paths.ts';
import { titleFromFileName } from '../content/titles.ts';

export interface Crumb {
  label: string;
  href?: SiteHref;
}

export interface TreeNode {
  label: string;
  id?: string;
  href?: SiteHref;
  /** For a folder: its folder id (the page-id prefix of its pages), whose page is at `pageHref(base, folder)`. */
  folder?: string;
  children: TreeNode[];
}

const byLabel = (a: TreeNode, b: TreeNode) => Number(b.children.length > 0) - Number(a.children.length > 0) || a.label.localeCompare(b.label);

/** Folder ids from the community down to the page's own folder, e.g. ["ops", "ops/runbooks"]. */
function folderIds(page: WikiPage): string[] {
  const segments = page.id.split('/');
  return Array.from({ length: segments.length - 1 }, (_, i) => segments.slice(0, i + 1).join('/'));
}

/**
 * Community › folders › page. Every folder of pages has a page at its URL (its index page, else its generated
 * listing), so every folder crumb links. A folder listing passes itself as `page`, its folder path as `path`.
 */
export function breadcrumbs(page: Pick<WikiPage, 'id' | 'path' | 'title'>, community: Community, pagesById: ReadonlyMap<string, WikiPage>, base: string): Crumb[] {
  const { folders } = splitContentPath(page.path);
  const crumbs: Crumb[] = [];
  const segments = page.id.split('/');
  segments.slice(0, -1).forEach((_, depth) => {
    const id = segments.slice(0, depth + 1).join('/');
    if (depth === 0) crumbs.push({ label: community.name, href: pageHref(base, community.slug) });
    else crumbs.push({ label: pagesById.get(id)?.title ?? titleFromFileName((folders[depth] ?? id) + '.md'), href: pageHref(base, id) });
  });
  if (page.id !== community.slug) crumbs.push({ label: page.title });
  return crumbs;
}

/** The community's pages as nested folders, folder index pages standing for their folder. */
export function pageTree(community: Community, pagesById: ReadonlyMap<string, WikiPage>, base: string): TreeNode[] {
  const root: TreeNode = { label: community.name, children: [] };
  const folders = new Map<string, TreeNode>([[community.slug, root]]);
  const folderNode = (id: string, label: string): TreeNode => {
    const existing = folders.get(id);
    if (existing) return existing;
    const parentId = id.slice(0, id.lastIndexOf('/'));
    const node: TreeNode = { label, folder: id, children: [] };
    folderNode(parentId, parentId).children.push(node);
    folders.set(id, node);
    return node;
  };
  for (const id of community.pageIds) {
    const page = pagesById.get(id);
    if (!page || page.id === community.slug) continue;
    const { folders: names } = splitContentPath(page.path);
    const ids = folderIds(page);
    ids.forEach((folderId, depth) => depth > 0 && folderNode(folderId, titleFromFileName((names[depth] ?? folderId) + '.md')));
    if (page.isIndex) {
      const node = folderNode(page.id, page.title);
      Object.assign(node, { label: page.title, id: page.id, href: pageHref(base, page.id) });
    } else {
      folderNode(ids.at(-1) ?? community.slug, community.slug).children.push({ label: page.listTitle, id: page.id, href: pageHref(base, page.id), children: [] });
    }
  }
  const sort = (node: TreeNode) => {
    node.children.sort(byLabel);
    node.children.forEach(sort);
  };
  sort(root);
  return root.children;
}
