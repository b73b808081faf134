// Runs anywhere: what a big community's home lists instead of every page: its top-level folders with their page counts, its own pages, A–Z.
import { pageHref, type SiteHref } from '../content/paths.ts';
import type { CommunityNavigation } from './sidebar.ts';

/** A community with more pages than this lists folders and its top-level pages on its home, not every page. */
export const HOME_LISTS_ALL_UP_TO = 100;

/** A list of more pages than this (a tag's) shows titles only, A–Z, so that 4,600 pages stay well under 1 MB. */
export const SUMMARIES_UP_TO = 200;

export interface FolderSummary {
  label: string;
  href: SiteHref;
  pages: number;
}

export interface CommunityContents {
  folders: FolderSummary[];
  /** Ids of the pages straight in the community folder (a folder holding only its index page counts as a page). */
  pageIds: string[];
}

export function communityContents(nav: CommunityNavigation): CommunityContents {
  const folders: FolderSummary[] = [];
  const pageIds: string[] = [];
  for (const node of nav.tree) {
    if (node.folder !== undefined && node.children.length > 0) folders.push({ label: node.label, href: node.href ?? pageHref(nav.base, node.folder), pages: nav.counts.get(node) ?? 0 });
    else if (node.id) pageIds.push(node.id);
  }
  return { folders, pageIds };
}

export interface InitialGroup<T> {
  /** "A"…"Z", or "#" for titles that start with anything else. */
  initial: string;
  items: T[];
}

const initialOf = (label: string) => {
  const first = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
};

/** Items grouped by the first letter of their label, "#" first, then A to Z; items keep their order within a group. */
export function groupByInitial<T>(items: readonly T[], labelOf: (item: T) => string): InitialGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const initial = initialOf(labelOf(item));
    const group = groups.get(initial);
    if (group) group.push(item);
    else groups.set(initial, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === '#' ? -1 : b === '#' ? 1 : a.localeCompare(b))).map(([initial, list]) => ({ initial, items: list }));
}
