// Runs anywhere: builds the site's content model (communities, pages, assets, tags, link graph) from file texts.
import { problem, type Problem } from '../problems.ts';
import { buildLinkGraph, type Backlink, type ResolvedLink } from '../links/graph.ts';
import { buildPageIndex } from '../links/page-index.ts';
import { assetTypeVerdict } from './asset-types.ts';
import { parseFrontMatter } from './front-matter.ts';
import { unloadableMdxName } from './mdx-names.ts';
import { pageShapeProblems, pageSizeProblems } from './limits.ts';
import { isIndexPage, pageFormatOf } from './page-rule.ts';
import type { Heading } from './headings.ts';
import { MarkdownSyntaxError, outlineOf, type Outline } from './outline.ts';
import {
  assetIdFor,
  communityFolderOf,
  pageIdFor,
  RESERVED_SLUGS,
  splitContentPath,
  type ContentPath,
  type PageId,
} from './paths.ts';
import { slugSegment } from './slugs.ts';
import { communityFileSchema, type PAGE_STATUSES, type PAGE_TYPES, type Steward } from './schemas.ts';
import { pageTitle, titleFromFileName } from './titles.ts';
import { parseYaml, zodProblems } from './yaml.ts';

export interface WikiPage {
  id: PageId;
  path: ContentPath;
  /** The file as the user knows it (relative to the project root), for messages and edit links. */
  file: string;
  community: string;
  format: 'md' | 'mdx';
  isIndex: boolean;
  title: string;
  summary?: string;
  /** The first paragraph, shortened: what lists show when there is no summary. */
  excerpt?: string;
  tags: string[];
  type?: (typeof PAGE_TYPES)[number];
  status?: (typeof PAGE_STATUSES)[number];
  reviewBy?: string;
  lang: string;
  headings: Heading[];
  words: number;
  links: ResolvedLink[];
  backlinks: Backlink[];
}

export interface Community {
  slug: string;
  /** Folder name under the content root; "" for the default community's root files. */
  folder: string;
  name: string;
  description?: string;
  stewards: Steward[];
  tags: string[];
  links: { label: string; url: string }[];
  meetings?: string;
  /** Home page (README.md or index.md), when there is one. */
  homeId?: PageId;
  pageIds: PageId[];
}

export interface Asset {
  id: string;
  path: ContentPath;
  file: string;
}

/** A content file that is neither page nor community file and whose type is not published. */
export interface UnpublishedFile {
  path: ContentPath;
  file: string;
  reason: string;
}

export interface Tag {
  slug: string;
  name: string;
  pageIds: PageId[];
}

export interface SiteModel {
  communities: Community[];
  pages: WikiPage[];
  assets: Asset[];
  /** Files left out of the site for their type; each is also a warning in `problems`. */
  unpublished: UnpublishedFile[];
  tags: Tag[];
  problems: Problem[];
}

export interface ContentInput {
  pages: { path: ContentPath; source: string }[];
  /** community.yml texts by top-level folder name ("" for one at the content root). */
  communityFiles: { folder: string; source: string }[];
  assets: { path: ContentPath }[];
  /** Turns a content path into the path users see in messages (e.g. "content/ops/x.md"). */
  fileLabel: (path: string) => string;
  defaultCommunity: { slug: string; name: string };
  language: string;
  /** Community slugs allowed to hold .mdx pages; "*" for all. */
  mdxCommunities: readonly string[];
}

interface CommunityDraft extends Community {
  fromFile: boolean;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).replace(/[\s,;:.]+$/, '') + '…';
}

function humanize(folder: string): string {
  return titleFromFileName(folder + '.md');
}

function readCommunityFiles(input: ContentInput, problems: Problem[]): Map<string, ReturnType<typeof communityFileSchema.parse>> {
  const byFolder = new Map<string, ReturnType<typeof communityFileSchema.parse>>();
  for (const { folder, source } of input.communityFiles) {
    const file = input.fileLabel(folder ? `${folder}/community.yml` : 'community.yml');
    const { parsed, problems: yamlProblems } = parseYaml(source, file);
    problems.push(...yamlProblems);
    if (!parsed) continue;
    const data = parsed.data ?? {};
    if (typeof data !== 'object' || Array.isArray(data)) {
      problems.push(problem(file, 'community.yml must be a set of "field: value" lines (name, description, stewards, tags, links, meetings)', { line: 1 }));
      continue;
    }
    const result = communityFileSchema.safeParse(data);
    if (!result.success) problems.push(...zodProblems(result.error, parsed, file));
    else byFolder.set(folder, result.data);
  }
  return byFolder;
}

function mdxAllowed(input: ContentInput, community: string): boolean {
  return input.mdxCommunities.includes('*') || input.mdxCommunities.includes(community);
}

export function buildSiteModel(input: ContentInput): SiteModel {
  const problems: Problem[] = [];
  const communityFiles = readCommunityFiles(input, problems);
  const defaultSlug = input.defaultCommunity.slug;
  const communities = new Map<string, CommunityDraft>();
  const communityFor = (folder: string | undefined): CommunityDraft | undefined => {
    const slug = folder === undefined ? defaultSlug : slugSegment(folder);
    const existing = communities.get(slug);
    if (existing) return existing;
    if (!slug) return undefined;
    const yml = communityFiles.get(folder ?? '');
    const draft: CommunityDraft = {
      slug,
      folder: folder ?? '',
      name: yml?.name ?? (folder === undefined ? input.defaultCommunity.name : humanize(folder)),
      ...(yml?.description ? { description: yml.description } : {}),
      stewards: yml?.stewards ?? [],
      tags: yml?.tags ?? [],
      links: yml?.links ?? [],
      ...(yml?.meetings ? { meetings: yml.meetings } : {}),
      pageIds: [],
      fromFile: yml !== undefined,
    };
    communities.set(slug, draft);
    return draft;
  };
  for (const folder of communityFiles.keys()) communityFor(folder || undefined);

  const pages: WikiPage[] = [];
  // Outlines are only needed while links are resolved; kept apart so the model stays serialisable.
  const outlines = new Map<WikiPage, Outline>();
  const byId = new Map<string, WikiPage[]>();
  for (const { path, source } of input.pages) {
    const file = input.fileLabel(path);
    const folder = communityFolderOf(path);
    const id = pageIdFor(path, defaultSlug);
    if (id.id === undefined) {
      problems.push(problem(file, `"${id.emptySegment}" has no letters or digits, so it cannot become a URL: rename it`));
      continue;
    }
    const community = communityFor(folder);
    if (!community) continue;
    const format = pageFormatOf(path) ?? 'md';
    if (format === 'mdx' && !mdxAllowed(input, community.slug)) {
      problems.push(problem(file, `.mdx pages run code at build time and are not allowed in community "${community.slug}" (security.mdx in wiki.config.yml): use .md`, { line: 1 }));
    }
    const unloadable = format === 'mdx' ? unloadableMdxName(path) : undefined;
    if (unloadable) problems.push(problem(file, unloadable, { line: 1 }));
    const tooBig = pageSizeProblems(file, source);
    if (tooBig.length > 0) {
      problems.push(...tooBig);
      continue;
    }
    const fm = parseFrontMatter(source, file);
    problems.push(...fm.problems);
    const badShape = pageShapeProblems(file, fm.body, fm.bodyLine);
    if (badShape.length > 0) {
      problems.push(...badShape);
      continue;
    }
    let outline;
    try {
      outline = outlineOf('\n'.repeat(fm.bodyLine - 1) + fm.body, format);
    } catch (error) {
      if (!(error instanceof MarkdownSyntaxError)) throw error;
      problems.push(problem(file, error.message, { line: error.line, column: error.column }));
      continue;
    }
    const { file: fileName, folders } = splitContentPath(path);
    const isIndex = isIndexPage(path);
    const fallbackName = isIndex ? (folders.length > 1 ? (folders.at(-1) ?? fileName) : community.name) + '.md' : fileName;
    const page: WikiPage = {
      id: id.id as PageId,
      path,
      file,
      community: community.slug,
      format,
      isIndex,
      title: pageTitle(fm.data.title, outline.firstHeading, fallbackName),
      ...(fm.data.summary ? { summary: fm.data.summary } : {}),
      ...(outline.firstParagraph ? { excerpt: shorten(outline.firstParagraph, 200) } : {}),
      tags: [...new Set(fm.data.tags ?? [])],
      ...(fm.data.type ? { type: fm.data.type } : {}),
      ...(fm.data.status ? { status: fm.data.status } : {}),
      ...(fm.data['review-by'] ? { reviewBy: fm.data['review-by'] } : {}),
      lang: fm.data.lang ?? input.language,
      headings: outline.headings,
      words: outline.words,
      links: [],
      backlinks: [],
    };
    pages.push(page);
    const same = byId.get(page.id);
    if (same) same.push(page);
    else byId.set(page.id, [page]);
    outlines.set(page, outline);
  }

  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    const files = same.map((p) => p.file);
    problems.push(problem(files[0] ?? '', `${files.join(' and ')} both map to the URL /${id}/: rename or move one of them`));
  }
  const unique = pages.filter((p) => byId.get(p.id)?.[0] === p);

  const { assets, unpublished } = collectAssets(input, problems);
  const index = buildPageIndex(unique, assets);
  // Every file's links are checked, colliding ones too, so one run lists every problem.
  const graph = buildLinkGraph(pages, index, (page) => outlines.get(page)?.links ?? [], problems);
  for (const page of unique) {
    page.links = graph.outgoing.get(page.id) ?? [];
    page.backlinks = graph.backlinks.get(page.id) ?? [];
  }

  for (const draft of communities.values()) {
    if (RESERVED_SLUGS.has(draft.slug)) {
      problems.push(problem(input.fileLabel(draft.folder || '.'), `the community folder "${draft.folder}" would take the site's own /${draft.slug}/ route: rename the folder`));
    }
  }
  checkCommunityFolders(communities, input, problems);

  for (const page of unique) {
    const community = communities.get(page.community);
    if (!community) continue;
    community.pageIds.push(page.id);
    if (page.id === community.slug) {
      community.homeId = page.id;
      if (!community.fromFile && page.title && community.folder) community.name = page.title;
      community.description ??= page.summary ?? page.excerpt;
    }
  }

  return {
    communities: [...communities.values()]
      .filter((c) => c.pageIds.length > 0 || c.fromFile)
      .map(({ fromFile: _fromFile, ...c }) => c)
      .sort((a, b) => a.name.localeCompare(b.name)),
    pages: unique.sort((a, b) => a.id.localeCompare(b.id)),
    assets,
    unpublished,
    tags: collectTags(unique),
    problems,
  };
}

function collectAssets(input: ContentInput, problems: Problem[]): { assets: Asset[]; unpublished: UnpublishedFile[] } {
  const assets: Asset[] = [];
  const unpublished: UnpublishedFile[] = [];
  const seen = new Map<string, Asset>();
  for (const { path } of input.assets) {
    const file = input.fileLabel(path);
    const verdict = assetTypeVerdict(path);
    if (!verdict.published) {
      // A warning, not an error: an existing folder full of odd files must still build, with these left out.
      problems.push(problem(file, `not published: ${verdict.reason}`, {}, 'warning'));
      unpublished.push({ path, file, reason: verdict.reason });
      continue;
    }
    const id = assetIdFor(path, input.defaultCommunity.slug);
    if (id.id === undefined) {
      problems.push(problem(file, `"${id.emptySegment}" has no letters or digits, so it cannot become a URL: rename it`));
      continue;
    }
    const other = seen.get(id.id);
    if (other) {
      problems.push(problem(other.file, `${other.file} and ${file} both map to the URL /${id.id}: rename one of them`));
      continue;
    }
    const asset = { id: id.id, path, file };
    seen.set(id.id, asset);
    assets.push(asset);
  }
  return { assets, unpublished };
}

function checkCommunityFolders(communities: Map<string, CommunityDraft>, input: ContentInput, problems: Problem[]): void {
  const folders = new Map<string, Set<string>>();
  // Assets count too: content/OPS/x.png would publish into /ops/ from a folder the ops CODEOWNERS rule misses.
  for (const { path } of [...input.pages, ...input.assets]) {
    const folder = communityFolderOf(path);
    if (folder === undefined) continue;
    const slug = slugSegment(folder);
    if (!folders.has(slug)) folders.set(slug, new Set());
    folders.get(slug)?.add(folder);
  }
  for (const [slug, names] of folders) {
    if (names.size > 1 && communities.has(slug)) {
      const list = [...names].map((n) => input.fileLabel(n));
      problems.push(problem(list[0] ?? '', `the folders ${list.join(' and ')} are one community (/${slug}/): merge or rename them`));
    }
  }
}

function collectTags(pages: readonly WikiPage[]): Tag[] {
  const tags = new Map<string, Tag>();
  for (const page of pages) {
    for (const name of page.tags) {
      const slug = slugSegment(name);
      if (!slug) continue;
      const tag = tags.get(slug) ?? { slug, name, pageIds: [] };
      tag.pageIds.push(page.id);
      tags.set(slug, tag);
    }
  }
  return [...tags.values()].sort((a, b) => a.name.localeCompare(b.name));
}
