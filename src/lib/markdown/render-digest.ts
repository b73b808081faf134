// Runs anywhere: what a page's rendered HTML depends on, as text for the pages loader's entry digests.
import type { SectionCredit } from '../attribution/sections.ts';
import type { ContentPath } from '../content/paths.ts';
import type { WikiPage } from '../content/types.ts';
import type { RepositoryContext } from '../links/repository-links.ts';

export interface SiteRenderSources {
  /** A digest of the code that renders: the wiki's own modules and its locked dependencies. */
  code: string;
  /** The wiki's config (base path, iframe hosts, repository, …). */
  config: unknown;
  pages: readonly WikiPage[];
  assets: readonly { id: string; path: ContentPath }[];
  unpublished: readonly { path: ContentPath; reason: string; refused?: true }[];
  repository: RepositoryContext;
}

/**
 * Everything any page's HTML may read from beyond its own file: the renderer, the config and the link index
 * (every page's id, title, headings and anchors, the assets, the files outside the content folder). A change
 * here renders every page again. Heading lines are left out: an edit that shifts lines changes no other page's links.
 */
export function siteRenderInputs({ code, config, pages, assets, unpublished, repository }: SiteRenderSources): string {
  return JSON.stringify({
    code,
    config,
    pages: pages.map((p) => [p.id, p.path, p.community, p.format, p.isIndex, p.title, p.permalink ?? null, p.headings.map((h) => [h.depth, h.text, h.slug]), p.anchors]),
    assets: assets.map((a) => [a.id, a.path]),
    unpublished: unpublished.map((f) => [f.path, f.refused ? f.reason : null]),
    repository: {
      contentInRepository: repository.contentInRepository,
      forge: repository.forge ?? null,
      files: repository.files ? { truncated: repository.files.truncated, cap: repository.files.cap, entries: [...repository.files.entries] } : null,
    },
  });
}

/** What one page's HTML reads from its history: its section credits, and the person page each credited author links to. */
export function pageRenderInputs(credits: readonly SectionCredit[] | undefined, personHref: (email: string) => string | undefined): unknown {
  return (credits ?? []).map((credit) => ({ ...credit, hrefs: credit.authors.map((a) => personHref(a.email) ?? null) }));
}

/** The text an entry's digest is made from: the file as read, where it is, the site-wide inputs' digest and the page's own. */
export const entryRenderInputs = (source: string, filePath: string, site: string, page: unknown): string => JSON.stringify([source, filePath, site, page]);
