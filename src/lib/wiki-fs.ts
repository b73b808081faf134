// Runs in Node: loads the config and the content folder into the site model; shared by the build and the `wiki` command.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from './config/load-fs.ts';
import { refusedAssets } from './assets/refused-assets-fs.ts';
import { discoverContent } from './content/discover-fs.ts';
import { contentRule } from './content/page-rule.ts';
import { buildSiteModel } from './site-model.ts';
import { repositoryContext } from './links/repository-files-fs.ts';
import type { RepositoryContext } from './links/repository-links.ts';
import type { ContentInput, SiteModel } from './content/types.ts';
import type { WikiLocation } from './location.ts';
import type { LocatedWiki } from './location-fs.ts';
import { planOutputs } from './site/output-plan.ts';
import { problem, WikiContentError } from './problems.ts';

export interface LoadedWiki extends LoadedConfig {
  model: SiteModel;
  /** Where the wiki is, as the edge resolved it; `root` and `contentDir` are its folders. */
  location: WikiLocation;
  /** The repository around the content folder, as links that leave it need it; the build's renderer uses the same. */
  repositoryLinks: RepositoryContext;
}

/** The wiki's files, read and sorted: the first half of `loadWiki`, for a caller that reads page outlines ahead (outline-cache-fs.ts). */
export interface WikiFiles extends LocatedWiki {
  discovered: ReturnType<typeof discoverContent>;
  label: (path: string) => string;
}

export function readWikiFiles({ config, location }: LocatedWiki): WikiFiles {
  const { root, contentDir } = location;
  const label = (p: string) => path.relative(root, path.join(contentDir, p)).split(path.sep).join('/') || '.';
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    throw new WikiContentError([
      problem(path.relative(root, contentDir) || contentDir, `the content folder does not exist: create it or set "content" in wiki.config.yml (or WIKI_CONTENT)`),
    ]);
  }
  return { config, location, label, discovered: discoverContent(contentDir, label, contentRule(config.exclude)) };
}

/** The content model of the files read; `outlineOf` reads page outlines (default outline.ts's; a cache may stand in). */
export function modelWiki({ config, location, label, discovered: found }: WikiFiles, { outlineOf }: Pick<ContentInput, 'outlineOf'> = {}): LoadedWiki {
  const { root, contentDir } = location;
  const { problems: walkProblems, skipped, ...discovered } = found;
  const repositoryLinks = repositoryContext(location, config.repository);
  const { refused, warnings: assetWarnings } = refusedAssets(contentDir, discovered.assets, label);
  const model = buildSiteModel({
    ...discovered,
    refusedAssets: refused,
    fileLabel: label,
    defaultCommunity: config.defaultCommunity,
    language: config.language,
    mdxCommunities: config.security.mdx,
    brokenLinks: config.brokenLinks,
    ...(outlineOf ? { outlineOf } : {}),
  }, repositoryLinks);
  model.problems.push(...walkProblems, ...assetWarnings, ...planOutputs(model).problems);
  model.unpublished.unshift(...skipped);
  return { config, root, contentDir, location, model, repositoryLinks };
}

/** The content model of the wiki at `location`, with the config read there. */
export const loadWiki = (located: LocatedWiki, options: Pick<ContentInput, 'outlineOf'> = {}): LoadedWiki => modelWiki(readWikiFiles(located), options);
