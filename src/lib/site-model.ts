// Runs anywhere: builds the site's model from file texts: communities, pages, assets and tags from content, then the link graph over them.
// It sits above content/ and links/, so content never reaches into links (links read content's types only).
import { collectAssets } from './content/assets.ts';
import { pagesWithOwnUrl } from './content/collisions.ts';
import { collectFolders } from './content/folders.ts';
import { communityDrafts, communityFilesWithoutPages, communityFolderProblems, finishCommunities } from './content/communities.ts';
import { assignListTitles } from './content/list-titles.ts';
import type { Outline } from './content/outline.ts';
import { readPage } from './content/pages.ts';
import { publishedAssets } from './content/published-assets.ts';
import { collectTags } from './content/tags.ts';
import type { ContentInput, SiteModel, WikiPage } from './content/types.ts';
import { buildLinkGraph } from './links/graph.ts';
import { buildPageIndex } from './links/page-index.ts';
import type { RepositoryContext } from './links/repository-links.ts';
import type { Problem } from './problems.ts';

/** `repository`: where links that leave the content folder lead (repository-links.ts); without it, root-relative links stay as written. */
export function buildSiteModel(input: ContentInput, repository?: RepositoryContext): SiteModel {
  const problems: Problem[] = [];
  const { drafts, communityFor } = communityDrafts(input, problems);
  const pages: WikiPage[] = [];
  // Outlines are only needed while links are resolved; kept apart so the model stays serialisable.
  const outlines = new Map<WikiPage, Outline>();
  const homeNames = new Map<WikiPage, string>();
  for (const file of input.pages) {
    const read = readPage(file, input, communityFor, problems);
    if (!read) continue;
    pages.push(read.page);
    outlines.set(read.page, read.outline);
    if (read.nameAsHome) homeNames.set(read.page, read.nameAsHome);
  }
  const unique = pagesWithOwnUrl(pages, problems);
  assignListTitles(unique);

  const { assets: candidates, unpublished } = collectAssets(input, problems);
  const index = buildPageIndex(unique, candidates, unpublished, input.refusedAssets);
  // Every file's links are checked, colliding ones too, so one run lists every problem.
  const graph = buildLinkGraph(pages, index, (page) => outlines.get(page)?.links ?? [], problems, input.brokenLinks, repository);
  for (const page of unique) {
    page.links = graph.outgoing.get(page.id) ?? [];
    page.backlinks = graph.backlinks.get(page.id) ?? [];
  }
  problems.push(...communityFolderProblems(drafts, input));
  const { assets, unpublished: unlinked } = publishedAssets(candidates, unique);

  const communities = finishCommunities(drafts, unique, (page) => homeNames.get(page));
  const starting = communityFilesWithoutPages(drafts, input);
  problems.push(...starting.problems);
  return {
    communities,
    startingCommunities: starting.starting,
    pages: unique.sort((a, b) => a.id.localeCompare(b.id)),
    assets,
    unpublished: [...unpublished, ...unlinked],
    tags: collectTags(unique),
    folders: collectFolders(unique, input.fileLabel),
    problems,
    brokenLinks: graph.broken,
  };
}
