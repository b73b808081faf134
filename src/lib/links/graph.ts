// Runs anywhere: resolves every page's links, reports the broken ones, and inverts them into backlinks.
import type { LinkOccurrence } from '../content/outline.ts';
import type { Backlink, ResolvedLink } from '../content/types.ts';
import { problem, type Problem, type Severity } from '../problems.ts';
import type { IndexablePage, PageIndex } from './page-index.ts';
import { imageUrlProblem } from './image-urls.ts';
import { resolveMarkdownLink, resolveWikilink } from './resolve.ts';
import type { RepositoryContext } from './repository-links.ts';

export interface LinkGraph {
  outgoing: Map<string, ResolvedLink[]>;
  backlinks: Map<string, Backlink[]>;
  /** Links to no page or file, each also pushed to `problems` with the given severity. */
  broken: Problem[];
}

export function buildLinkGraph<P extends IndexablePage & { file: string }>(
  pages: readonly P[],
  index: PageIndex<P>,
  linksOf: (page: P) => readonly LinkOccurrence[],
  problems: Problem[],
  brokenSeverity: Severity,
  repository?: RepositoryContext,
): LinkGraph {
  const outgoing = new Map<string, ResolvedLink[]>();
  const backlinks = new Map<string, Backlink[]>();
  const broken: Problem[] = [];
  for (const page of pages) {
    const resolved: ResolvedLink[] = [];
    for (const link of linksOf(page)) {
      // Astro imports Markdown images, never those in raw HTML.
      const imageProblem = link.isImage && !link.html ? imageUrlProblem(link.target) : undefined;
      if (imageProblem) {
        problems.push(problem(page.file, `image "${link.raw}": ${imageProblem}`, { line: link.line, column: link.column }));
        continue;
      }
      const result = link.kind === 'wikilink' ? resolveWikilink(index, page, link.target, link.heading) : resolveMarkdownLink(index, page, link.target, { ...(repository ? { repository } : {}), ...(link.isImage ? { image: true } : {}) });
      const at = { line: link.line, column: link.column };
      if (result.kind === 'broken') {
        const what = link.kind === 'wikilink' ? link.raw : `link to "${link.raw}"`;
        const found = problem(page.file, `broken ${what}: ${result.reason}`, at, brokenSeverity);
        broken.push(found);
        problems.push(found);
        continue;
      }
      // A folder's listing is no page, and a forge URL no file of the wiki: neither gets backlinks.
      if (result.kind === 'external' || result.kind === 'folder' || result.kind === 'repository') continue;
      if (result.kind === 'page' && result.headingMissing) {
        problems.push(problem(page.file, `${link.raw}: page "${result.page.title}" has no heading "${result.headingMissing}"`, at, 'warning'));
      }
      resolved.push(result.kind === 'page' ? { kind: 'page', to: result.page.id, line: link.line } : { kind: 'asset', to: result.assetId, line: link.line });
    }
    outgoing.set(page.id, resolved);
    const targets = new Set(resolved.filter((l) => l.kind === 'page' && l.to !== page.id).map((l) => l.to));
    for (const target of targets) {
      const list = backlinks.get(target) ?? [];
      list.push({ from: page.id, crossCommunity: index.byId.get(target)?.community !== page.community });
      backlinks.set(target, list);
    }
  }
  return { outgoing, backlinks, broken };
}
