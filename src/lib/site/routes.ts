// Runs anywhere: URL paths of the history views, kept clear of pages that already own those paths.

/** True when `path` or anything below it is a page id. */
const occupied = (path: string, pageIds: ReadonlySet<string>) => {
  if (pageIds.has(path)) return true;
  for (const id of pageIds) if (id.startsWith(path + '/')) return true;
  return false;
};

/**
 * `<page>/history` normally; `<page>/_/history` when a page of the wiki already lives at (or under) that path,
 * e.g. `ops/history.md` next to `ops/README.md` (a folder named "_" is the only way to take that one).
 */
export function historyPathOf(pageId: string, pageIds: ReadonlySet<string>): string {
  const plain = `${pageId}/history`;
  return occupied(plain, pageIds) ? `${pageId}/_/history` : plain;
}

/** A community's recent changes: `<community>/recent`, unless a page takes it (then only the community home lists them). */
export function communityRecentPathOf(community: string, pageIds: ReadonlySet<string>): string | undefined {
  const plain = `${community}/recent`;
  return occupied(plain, pageIds) ? undefined : plain;
}

/** Page `n` (1-based) of a paginated list at `path`: the first at `path`, then `path/2`, `path/3`… */
export const paginatedPath = (path: string, n: number) => (n <= 1 ? path : `${path}/${n}`);

export function paginate<T>(items: readonly T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages.length ? pages : [[]];
}
