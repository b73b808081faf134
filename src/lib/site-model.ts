// Runs anywhere: builds the site's model from file texts: communities, pages, assets and tags from content, then the link graph over them.
// It sits above content/ and links/, so content never reaches into links (links read content's types only).
import { collectAssets } from './content/assets.ts';
import { pagesWithOwnUrl } from './content/collisions.ts';
import { communityDrafts, communityFolderProblems, finishCommunities } from './content/communities.ts';
import type { Outline } from './content/outline.ts';
import { readPage } from './content/pages.ts';
import { collectTags } from './content/tags.ts';
import type { ContentInput, SiteModel, WikiPage } from './content/types.ts';
import { buildLinkGraph } from './links/graph.ts';
import { buildPageIndex } from './links/page-index.ts';
import type { Problem } from './problems.ts';

export function buildSiteModel(input: ContentInput): SiteModel {
  const problems: Problem[] = [];
  const { drafts, communityFor } = communityDrafts(input, problems);
  const pages: WikiPage[] = [];
  // Outlines are only needed while links are resolved; kept apart so the model stays serialisable.
  const outlines = new Map<WikiPage, Outline>();
  for (const file of input.pages) {
    const read = readPage(file, input, communityFor, problems);
    if (!read) continue;
    pages.push(read.page);
    outlines.set(read.page, read.outline);
  }
  const unique = pagesWithOwnUrl(pages, problems);

  const { assets, unpublished } = collectAssets(input, problems);
  const index = buildPageIndex(unique, assets, unpublished);
  // Every file's links are checked, colliding ones too, so one run lists every problem.
  const graph = buildLinkGraph(pages, index, (page) => outlines.get(page)?.links ?? [], problems, input.brokenLinks);
  for (const page of unique) {
    page.links = graph.outgoing.get(page.id) ?? [];
    page.backlinks = graph.backlinks.get(page.id) ?? [];
  }
  problems.push(...communityFolderProblems(drafts, input));

  return {
    communities: finishCommunities(drafts, unique),
    pages: unique.sort((a, b) => a.id.localeCompare(b.id)),
    assets,
    unpublished,
    tags: collectTags(unique),
    problems,
    brokenLinks: graph.broken,
  };
}
