// Runs anywhere: a page's sidebar: the community's folder tree, indexed once per community, sliced to the page's neighbourhood.
import type { Community, WikiPage } from '../content/types.ts';
import { pageHref, type SiteHref } from '../content/paths.ts';
import { pageTree, type TreeNode } from './navigation.ts';

/** One entry of a page's sidebar. */
export interface SidebarNode {
  label: string;
  id?: string;
  href?: SiteHref;
  /** A folder off the current page's path: one link to the folder's page, with the number of pages at or below it. */
  collapsed?: { pages: number };
  children: SidebarNode[];
  /** Entries of a long folder left out here; the folder's page lists them all. */
  more?: SidebarMore;
}

export interface SidebarMore {
  count: number;
  label: string;
  href: SiteHref;
}

/** The community's tree with what slicing needs, computed once per community (O(pages)). */
export interface CommunityNavigation {
  name: string;
  slug: string;
  base: string;
  tree: TreeNode[];
  pageCount: number;
  /** Pages at or below each folder node (its index page included). */
  counts: ReadonlyMap<TreeNode, number>;
  /** Where each child sits among its folder's children, by page or folder id; the root's under the community slug. */
  positions: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface SliceOptions {
  /** Entries shown in one folder before the rest are left to the folder's page. */
  cap?: number;
  /** A community with at most this many pages shows its whole tree open. */
  openAllUpTo?: number;
}

/** Defaults that keep a 4,600-page community's pages near 60 KB (issue 11, item 8) and small communities fully open. */
export const SIDEBAR_CAP = 50;
export const OPEN_ALL_UP_TO = 60;

const keyOf = (node: TreeNode) => node.folder ?? node.id ?? node.label;
const isFolder = (node: TreeNode) => node.folder !== undefined && node.children.length > 0;

export function communityNavigation(community: Community, pagesById: ReadonlyMap<string, WikiPage>, base: string): CommunityNavigation {
  const tree = pageTree(community, pagesById, base);
  const counts = new Map<TreeNode, number>();
  const positions = new Map<string, Map<string, number>>();
  const index = (folder: string, nodes: TreeNode[]): number => {
    positions.set(folder, new Map(nodes.map((n, i) => [keyOf(n), i])));
    let total = 0;
    for (const node of nodes) {
      if (!isFolder(node)) total += 1;
      else {
        const count = index(node.folder!, node.children) + (node.id ? 1 : 0);
        counts.set(node, count);
        total += count;
      }
    }
    return total;
  };
  const pageCount = index(community.slug, tree);
  return { name: community.name, slug: community.slug, base, tree, pageCount, counts, positions };
}

/** The id of the entry on the way to `currentId` among the children of `folder` (ids are path prefixes). */
function onPathKey(folder: string, currentId: string): string | undefined {
  if (!currentId.startsWith(folder + '/')) return undefined;
  const next = currentId.indexOf('/', folder.length + 1);
  return next < 0 ? currentId : currentId.slice(0, next);
}

/**
 * The sidebar of the page `currentId`: the folders from the community down to the page's own folder open, each
 * with its direct children; every other folder one link with its page count; a folder of more than `cap` entries
 * shows `cap` of them around the current one and a link to the folder's page for the rest. Costs O(depth × cap).
 */
export function sidebarSlice(nav: CommunityNavigation, currentId: string | undefined, options: SliceOptions = {}): { nodes: SidebarNode[]; more?: SidebarMore } {
  const cap = options.cap ?? SIDEBAR_CAP;
  const whole = nav.pageCount <= (options.openAllUpTo ?? OPEN_ALL_UP_TO);
  const current = currentId ?? nav.slug;
  const folderHref = (folder: string) => pageHref(nav.base, folder);

  const level = (folder: string, label: string, href: SiteHref, nodes: TreeNode[]): { nodes: SidebarNode[]; more?: SidebarMore } => {
    if (whole || nodes.length <= cap) return { nodes: nodes.map(entry) };
    const key = onPathKey(folder, current);
    const at = key === undefined ? undefined : nav.positions.get(folder)?.get(key);
    const start = at === undefined ? 0 : Math.min(Math.max(0, at - Math.floor(cap / 2)), nodes.length - cap);
    return { nodes: nodes.slice(start, start + cap).map(entry), more: { count: nodes.length - cap, label, href } };
  };

  const entry = (node: TreeNode): SidebarNode => {
    const own: { label: string; id?: string; href?: SiteHref } = { label: node.label, ...(node.id ? { id: node.id } : {}), ...(node.href ? { href: node.href } : {}) };
    if (!isFolder(node)) return { ...own, children: [] };
    const folder = node.folder!;
    const href = node.href ?? folderHref(folder);
    // A folder's id is the id of its page (its index page or its generated listing page), so that page is marked current.
    own.id = node.id ?? folder;
    own.href = href;
    if (whole || current === folder || current.startsWith(folder + '/')) {
      const { nodes, more } = level(folder, node.label, href, node.children);
      return { ...own, children: nodes, ...(more ? { more } : {}) };
    }
    return { ...own, collapsed: { pages: nav.counts.get(node) ?? 0 }, children: [] };
  };

  return level(nav.slug, nav.name, folderHref(nav.slug), nav.tree);
}
