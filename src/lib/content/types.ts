// Runs anywhere: the shapes of the site's content model (communities, pages, assets, tags) and of the input it is built from.
import type { Problem, Severity } from '../problems.ts';
import type { ContentFolder } from './folders.ts';
import type { SourceHeading } from './headings.ts';
import type { Outline } from './outline.ts';
import type { PageFormat } from './page-rule.ts';
import type { ContentPath, PageId } from './paths.ts';
import type { PAGE_STATUSES, PAGE_TYPES, Steward } from './schemas.ts';

/** A link of a page that resolved to a page or an asset. */
export interface ResolvedLink {
  kind: 'page' | 'asset';
  /** Page id, or asset id for assets. */
  to: string;
  line: number;
}

export interface Backlink {
  from: PageId;
  /** True when the linking page belongs to another community. */
  crossCommunity: boolean;
}

export interface WikiPage {
  id: PageId;
  path: ContentPath;
  /** The file as the user knows it (relative to the project root), for messages and edit links. */
  file: string;
  community: string;
  format: PageFormat;
  isIndex: boolean;
  title: string;
  /** The title in lists and the sidebar: the title, with its folder added when another page of its community has the same title (list-titles.ts). */
  listTitle: string;
  /** True when the file gives no title (no front matter title, no title heading) and `title` is made from its name. */
  untitled?: true;
  summary?: string;
  /** The first paragraph, shortened: what lists show when there is no summary. */
  excerpt?: string;
  tags: string[];
  type?: (typeof PAGE_TYPES)[number];
  /** A `type` the wiki does not know (Hugo's `docs`), shown as written; such a page is in no type filter. */
  typeText?: string;
  status?: (typeof PAGE_STATUSES)[number];
  reviewBy?: string;
  lang: string;
  /** With their file lines (front matter lines counted). */
  headings: SourceHeading[];
  /** Ids and names written in the page's raw HTML; links to them land on `user-content-` + name. */
  anchors: string[];
  words: number;
  /** Front matter `permalink:` as written: the URL another generator gave the page, which links may use. */
  permalink?: string;
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

/** A file (or a whole folder, its `file` ending in "/") under the content folder that is not published, and why. */
export interface UnpublishedFile {
  path: ContentPath;
  file: string;
  /** Why, worded the same for every file left out for that cause, so the list can group by it. */
  reason: string;
  /** How `wiki check` lists it: a warning for types refused and what is not a regular file, else a notice. */
  severity: 'warning' | 'notice';
  /** Refused by the safety check (assets/asset-safety.ts); also a warning at its line in `problems`, so `wiki check` lists it once. */
  refused?: true;
}

/** A candidate asset the safety check refused, and the check's message. */
export interface RefusedAsset {
  path: ContentPath;
  reason: string;
}

export interface Tag {
  slug: string;
  name: string;
  pageIds: PageId[];
}

export interface SiteModel {
  communities: Community[];
  /** Folders with a community.yml and no page yet: no community of the site, but `wiki new` can write their first page. */
  startingCommunities?: Community[];
  pages: WikiPage[];
  assets: Asset[];
  /** Files under the content folder left out of the site, each with why (not also in `problems`: there can be thousands). */
  unpublished: UnpublishedFile[];
  tags: Tag[];
  /** Every folder of pages; those with no page at their URL get a listing page (folders.ts). */
  folders: ContentFolder[];
  problems: Problem[];
  /** Links to no page or file; each is also in `problems`, as an error or a warning per config. */
  brokenLinks: Problem[];
}

export interface ContentInput {
  pages: { path: ContentPath; source: string }[];
  /** community.yml texts by top-level folder name ("" for one at the content root). */
  communityFiles: { folder: string; source: string }[];
  assets: { path: ContentPath }[];
  /** Assets the safety check refused: not published, and links to them are broken with the check's reason. */
  refusedAssets?: readonly RefusedAsset[];
  /** Turns a content path into the path users see in messages (e.g. "content/ops/x.md"). */
  fileLabel: (path: string) => string;
  defaultCommunity: { slug: string; name: string };
  language: string;
  /** Community slugs allowed to hold .mdx pages; "*" for all. */
  mdxCommunities: readonly string[];
  /** How a broken link is reported (config `brokenLinks`). */
  brokenLinks: Severity;
  /** Reads a page's outline (outline.ts `outlineOf`, the default); a cache stands in here, giving what it would give. */
  outlineOf?: (text: string, format: PageFormat) => Outline;
}
