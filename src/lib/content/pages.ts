// Runs anywhere: one page file read into a WikiPage: its id, the .mdx policy, the limits, front matter and outline.
import { problem, type Problem } from '../problems.ts';
import type { CommunityDraft } from './communities.ts';
import { parseFrontMatter, splitFrontMatter } from './front-matter.ts';
import { pageShapeProblems, pageSizeProblems } from './limits.ts';
import { unloadableMdxName } from './mdx-names.ts';
import { MarkdownSyntaxError, outlineOf, type Outline } from './outline.ts';
import { isIndexPage, pageFormatOf, type PageFormat } from './page-rule.ts';
import { pageIdFor, splitContentPath, toPageId, type ContentPath, type PageId } from './paths.ts';
import { templateTagsMessage, unwrapUrlTags } from './template-tags.ts';
import { pageTitle } from './titles.ts';
import { urlNamesOf } from './url-names.ts';
import type { ContentInput, WikiPage } from './types.ts';

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).replace(/[\s,;:.]+$/, '') + '…';
}

function mdxAllowed(input: ContentInput, community: string): boolean {
  return input.mdxCommunities.includes('*') || input.mdxCommunities.includes(community);
}

/**
 * The text a page's outline is read from: its body, on the file's own lines (blank lines stand for the
 * front matter), URL-wrapping template tags unwrapped in Markdown. A reader given the same text and
 * format reads the same outline, which is what lets outlines be cached and read ahead (outline-cache-fs.ts).
 */
export function outlineText(source: string, format: PageFormat): string {
  const { body, bodyLine } = splitFrontMatter(source);
  return '\n'.repeat(bodyLine - 1) + (format === 'md' ? unwrapUrlTags(body) : body);
}

/** `outlineText`, for a page the limits let reach the parser (as `readPage` applies them); undefined for one they stop. */
export function parseableOutlineText(source: string, format: PageFormat): string | undefined {
  if (pageSizeProblems('', source).length > 0) return undefined;
  const { body, bodyLine } = splitFrontMatter(source);
  return pageShapeProblems('', body, bodyLine).length > 0 ? undefined : outlineText(source, format);
}

/** The community folder of a page; undefined for a file at the content root. */
export type CommunityFor = (folder: string | undefined) => CommunityDraft | undefined;

/**
 * The page a file makes, with the outline its links are read from; undefined when it cannot be a page
 * (no URL, too big, unparseable), the reasons pushed to `problems`. Links are resolved later, over all pages.
 */
export function readPage(file: { path: ContentPath; source: string }, input: ContentInput, communityFor: CommunityFor, problems: Problem[]): { page: WikiPage; outline: Outline; nameAsHome?: string } | undefined {
  const { path, source } = file;
  const label = input.fileLabel(path);
  const id = pageIdFor(path, urlNamesOf(input));
  const { file: fileName, folders } = splitContentPath(path);
  const community = communityFor(folders[0]);
  if (!community) return undefined;
  const format = pageFormatOf(path) ?? 'md';
  if (format === 'mdx' && !mdxAllowed(input, community.slug)) {
    problems.push(problem(label, `.mdx pages run code at build time and are not allowed in community "${community.slug}" (security.mdx in wiki.config.yml): use .md`, { line: 1 }));
  }
  const unloadable = format === 'mdx' ? unloadableMdxName(path) : undefined;
  if (unloadable) problems.push(problem(label, unloadable, { line: 1 }));
  const tooBig = pageSizeProblems(label, source);
  if (tooBig.length > 0) {
    problems.push(...tooBig);
    return undefined;
  }
  const fm = parseFrontMatter(source, label);
  problems.push(...fm.problems);
  const badShape = pageShapeProblems(label, fm.body, fm.bodyLine);
  if (badShape.length > 0) {
    problems.push(...badShape);
    return undefined;
  }
  let outline: Outline;
  try {
    outline = (input.outlineOf ?? outlineOf)(outlineText(source, format), format);
  } catch (error) {
    if (!(error instanceof MarkdownSyntaxError)) throw error;
    problems.push(problem(label, error.message, { line: error.line, column: error.column }));
    return undefined;
  }
  if (outline.templateTags) problems.push(problem(label, templateTagsMessage(outline.templateTags), outline.templateTags, 'warning'));
  const isIndex = isIndexPage(path);
  const fallbackName = isIndex ? (folders.length > 1 ? (folders.at(-1) ?? fileName) : community.name) + '.md' : fileName;
  const title = pageTitle(fm.data.title, outline.firstHeading, fallbackName);
  const untitled = !fm.data.title?.trim() && !outline.firstHeading;
  const page: WikiPage = {
    id: toPageId(id),
    path,
    file: label,
    community: community.slug,
    format,
    isIndex,
    title,
    listTitle: title,
    ...(untitled ? { untitled } : {}),
    ...(fm.data.summary ? { summary: fm.data.summary } : {}),
    ...(outline.firstParagraph ? { excerpt: shorten(outline.firstParagraph, 200) } : {}),
    tags: [...new Set(fm.data.tags ?? [])],
    ...(fm.data.type ? { type: fm.data.type } : typeof fm.data.typeText === 'string' ? { typeText: fm.data.typeText } : {}),
    ...(fm.data.status ? { status: fm.data.status } : {}),
    ...(fm.data['review-by'] ? { reviewBy: fm.data['review-by'] } : {}),
    lang: fm.data.lang ?? input.language,
    headings: outline.headings,
    anchors: outline.anchors,
    words: outline.words,
    ...(typeof fm.data.permalink === 'string' ? { permalink: fm.data.permalink } : {}),
    links: [],
    backlinks: [],
  };
  // A community is named by its home page's own words only: front matter, or the heading that opens it.
  const nameAsHome = fm.data.title?.trim() || outline.leadingHeading;
  return { page, outline, ...(nameAsHome ? { nameAsHome } : {}) };
}
