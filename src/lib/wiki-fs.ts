// Runs in Node: loads the config and the content folder into the site model; shared by the build and the `wiki` command.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type LoadedConfig } from './config/load-fs.ts';
import { checkAsset, needsContentCheck } from './content/asset-safety.ts';
import { discoverContent } from './content/discover-fs.ts';
import { buildSiteModel } from './site-model.ts';
import type { SiteModel } from './content/types.ts';
import { planOutputs } from './site/output-plan.ts';
import { problem, WikiContentError, type Problem } from './problems.ts';

export interface LoadedWiki extends LoadedConfig {
  model: SiteModel;
}

/** Environment overrides, so one checkout can build any folder of Markdown: WIKI_ROOT (where wiki.config.yml is), WIKI_CONTENT. */
export function wikiRootFromEnv(cwd = process.cwd()): string {
  return path.resolve(cwd, process.env.WIKI_ROOT ?? '.');
}

/** The config with the environment's overrides applied. */
export function loadWikiConfig(root = wikiRootFromEnv()): LoadedConfig {
  return loadConfig(root, process.env.WIKI_CONTENT ? { content: process.env.WIKI_CONTENT } : {});
}

export function loadWiki(root = wikiRootFromEnv()): LoadedWiki {
  const loaded = loadWikiConfig(root);
  const { config, contentDir } = loaded;
  const label = (p: string) => path.relative(root, path.join(contentDir, p)).split(path.sep).join('/') || '.';
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    throw new WikiContentError([
      problem(path.relative(root, contentDir) || contentDir, `the content folder does not exist: create it or set "content" in wiki.config.yml (or WIKI_CONTENT)`),
    ]);
  }
  const { problems: walkProblems, ...discovered } = discoverContent(contentDir, label);
  const model = buildSiteModel({
    ...discovered,
    fileLabel: label,
    defaultCommunity: config.defaultCommunity,
    language: config.language,
    mdxCommunities: config.security.mdx,
  });
  const assetProblems: Problem[] = [];
  for (const asset of model.assets) {
    const file = path.join(contentDir, asset.path);
    if (!needsContentCheck(asset.path, statSync(file).size)) continue;
    const found = checkAsset(asset.file, readFileSync(file));
    if (found) assetProblems.push(found);
  }
  model.problems.push(...walkProblems, ...assetProblems, ...planOutputs(model).problems);
  return { ...loaded, model };
}
