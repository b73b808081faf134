// Runs anywhere: every file the build will write, known from the model before anything is written, and the collisions.
import { historyPathOf, communityRecentPathOf } from './routes.ts';
import { listedFolders } from '../content/folders.ts';
import type { SiteModel } from '../content/types.ts';
import { RESERVED_SLUGS } from '../content/paths.ts';
import { problem, type Problem } from '../problems.ts';

/** Who writes an output: a content file (named as users know it) or the site itself. */
interface Source {
  label: string;
  /** The content file behind it; undefined for the site's own routes. */
  file?: string;
}

export interface OutputPlan {
  /** Output path (relative to the build folder, no base) to what writes it. */
  outputs: ReadonlyMap<string, string>;
  problems: Problem[];
}

const SITE_FILES: [string, string][] = [
  ['index.html', "the site's home page"],
  ['404.html', "the site's 404 page"],
  ['recent/index.html', "the site's recent changes"],
  ['search/index.html', "the site's search page"],
  ['tags/index.html', "the site's tag list"],
  ['people/index.html', "the site's people list"],
  ['feeds/recent.xml', "the site's Atom feed"],
];

const SITE_FOLDER_OWNERS: Record<string, string> = {
  tags: "the site's tag pages",
  people: "the site's people pages",
  search: "the site's search page",
  recent: "the site's recent changes",
  pagefind: "the site's search index",
  _astro: "the site's scripts and styles",
  feeds: "the site's Atom feeds",
  '404': "the site's 404 page",
};

const foldersOf = (output: string) => {
  const parts = output.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
};

/**
 * Collisions are errors naming both sources. The site's top-level route folders belong to the site alone:
 * nothing from content may be written inside them, even under a name the site does not use today.
 */
export function planOutputs(model: Pick<SiteModel, 'communities' | 'pages' | 'assets' | 'folders'>): OutputPlan {
  const files = new Map<string, Source>();
  const folders = new Map<string, Source>();
  const siteFolders = new Map([...RESERVED_SLUGS].map((slug) => [slug, SITE_FOLDER_OWNERS[slug] ?? `the site's own /${slug}/ route`]));
  const problems: Problem[] = [];

  const report = (a: Source, b: Source, message: string) => {
    const file = b.file ?? a.file;
    if (file !== undefined) problems.push(problem(file, message));
  };
  const claim = (output: string, source: Source) => {
    const top = output.split('/')[0] ?? '';
    const owner = siteFolders.get(top);
    if (source.file !== undefined && owner !== undefined && output.includes('/')) {
      report({ label: owner }, source, `${source.label} would be published at /${output}, inside /${top}/, which is ${owner}: move it to another folder`);
      return;
    }
    const same = files.get(output);
    if (same) return report(same, source, `${same.label} and ${source.label} would both be written to /${output}: rename or move one of them`);
    const folderUser = folders.get(output);
    if (folderUser) return report(folderUser, source, `${source.label} would be written to /${output}, a folder ${folderUser.label} needs: rename or move one of them`);
    for (const folder of foldersOf(output)) {
      const file = files.get(folder);
      if (file) return report(file, source, `${source.label} needs /${folder}/ to be a folder, but ${file.label} is written there: rename or move one of them`);
    }
    files.set(output, source);
    for (const folder of foldersOf(output)) if (!folders.has(folder)) folders.set(folder, source);
  };

  for (const [output, label] of SITE_FILES) claim(output, { label });
  const pageIds = new Set<string>(model.pages.map((p) => p.id));
  const pagesById = new Map(model.pages.map((p) => [p.id as string, p]));
  for (const community of model.communities) {
    // A community on a reserved route is already an error of the model; its pages are not planned twice.
    if (RESERVED_SLUGS.has(community.slug)) continue;
    const home = community.homeId ? pagesById.get(community.homeId) : undefined;
    claim(`${community.slug}/index.html`, home ? { label: home.file, file: home.file } : { label: `the home of community "${community.name}"` });
    const recent = communityRecentPathOf(community.slug, pageIds);
    if (recent) claim(`${recent}/index.html`, { label: `the recent changes of community "${community.name}"` });
    claim(`feeds/${community.slug}.xml`, { label: `the Atom feed of community "${community.name}"` });
  }
  for (const page of model.pages) {
    if (RESERVED_SLUGS.has(page.community)) continue;
    if (page.id !== page.community) claim(`${page.id}/index.html`, { label: page.file, file: page.file });
    claim(`${historyPathOf(page.id, pageIds)}/index.html`, { label: `the history of ${page.file}`, file: page.file });
  }
  // A folder with a page at its URL has no listing, so a listing never meets a page there; anything else it meets is an error.
  for (const folder of listedFolders(model.folders)) {
    if (RESERVED_SLUGS.has(folder.community)) continue;
    claim(`${folder.id}/index.html`, { label: `the listing of folder ${folder.file}`, file: folder.file });
  }
  for (const asset of model.assets) claim(asset.id, { label: asset.file, file: asset.file });

  return { outputs: new Map([...files].map(([output, source]) => [output, source.label])), problems };
}
