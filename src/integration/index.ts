// Runs in Node at build time: the Astro integration that wires the content model, Markdown plugins and assets into the build.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { rehypeShiki, unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { WikiPage } from '../lib/content/model.ts';
import { buildPageIndex } from '../lib/links/page-index.ts';
import { rehypeHeadingAnchors } from '../lib/markdown/rehype-heading-anchors.ts';
import { rehypeSanitizeContent } from '../lib/markdown/rehype-sanitize-content.ts';
import { remarkQueryImages } from '../lib/markdown/remark-query-images.ts';
import { remarkTitleHeading } from '../lib/markdown/remark-title-heading.ts';
import { remarkWikiLinks } from '../lib/markdown/remark-wiki-links.ts';
import { rehypeSectionCredits } from '../lib/markdown/rehype-section-credits.ts';
import { errorsOf, formatProblem, sortProblems, WikiContentError } from '../lib/problems.ts';
import { repositoryPathOf } from '../lib/repository-fs.ts';
import { loadWiki, type LoadedWiki } from '../lib/wiki-fs.ts';
import { assetMiddleware, copyAssets } from './assets-fs.ts';
import { loadSiteHistory } from './history-fs.ts';
import { buildSearchIndex, describeSearchIndex } from './search-index-fs.ts';
import type { SiteData } from './site-data.ts';
import { sectionCreditLookups } from './section-credits-fs.ts';

const VIRTUAL_ID = 'virtual:wiki/site';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/**
 * Content problems end the build with every message listed, one line each and no stack trace:
 * they are the author's to fix, not a crash of the build.
 */
function loadOrStop(logger: AstroIntegrationLogger): LoadedWiki {
  let wiki: LoadedWiki | undefined;
  let problems;
  try {
    wiki = loadWiki();
    problems = sortProblems(wiki.model.problems);
  } catch (error) {
    if (!(error instanceof WikiContentError)) throw error;
    problems = error.problems;
  }
  for (const p of problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(p));
  const errors = errorsOf(problems);
  if (wiki && errors.length === 0) return wiki;
  logger.error(`${errors.length} content problem${errors.length === 1 ? '' : 's'} to fix before the site can build:`);
  for (const p of errors) logger.error(formatProblem(p));
  process.exit(1);
}

export default function wikiIntegration(): AstroIntegration {
  let wiki: LoadedWiki;
  return {
    name: 'cop-wiki',
    hooks: {
      'astro:config:setup': async ({ updateConfig, logger }) => {
        wiki = loadOrStop(logger);
        const loadedHistory = await loadSiteHistory(wiki);
        for (const warning of loadedHistory.warnings) logger.warn(warning);
        logger.info(loadedHistory.summary);
        const { config, model, contentDir } = wiki;
        const index = buildPageIndex(model.pages, model.assets);
        const byFile = new Map(model.pages.map((p) => [path.join(contentDir, p.path).normalize('NFC'), p]));
        const pageForFile = (file: string): WikiPage | undefined => byFile.get(path.resolve(file).normalize('NFC'));
        const data: SiteData = {
          config,
          model: { communities: model.communities, pages: model.pages, assets: model.assets, tags: model.tags },
          contentInRepository: repositoryPathOf(contentDir, wiki.root).path,
          history: loadedHistory.history,
        };
        updateConfig({
          base: config.base,
          ...(config.site ? { site: config.site } : {}),
          trailingSlash: 'always',
          markdown: {
            syntaxHighlight: false,
            processor: unified({
              remarkPlugins: [
                [remarkTitleHeading, { titleForFile: (file: string) => pageForFile(file)?.title }],
                [remarkWikiLinks, { base: config.base, index, pageForFile }],
                remarkQueryImages,
              ],
              rehypePlugins: [
                [rehypeSanitizeContent, { iframeHosts: config.security.iframeHosts }],
                rehypeHeadingAnchors,
                [rehypeSectionCredits, { ...sectionCreditLookups(data, pageForFile), historyKey: data.history.head }],
                [rehypeShiki, { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false }],
              ],
            }),
          },
          vite: {
            plugins: [
              {
                name: 'cop-wiki-site-data',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? `export default ${JSON.stringify(data)};` : undefined),
                // Astro's MDX output carries a directive the bundler warns about on every .mdx page; it is harmless.
                onLog: (_level: string, log: { code?: string; id?: string; message?: string }) =>
                  !(log.code === 'MODULE_LEVEL_DIRECTIVE' && /\.mdx/.test(log.id ?? log.message ?? '')),
              },
            ],
          },
        });
        logger.info(`${model.pages.length} pages in ${model.communities.length} communities from ${path.relative(process.cwd(), contentDir) || '.'}`);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(assetMiddleware(wiki.model.assets, wiki.contentDir, wiki.config.base));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const count = copyAssets(wiki.model.assets, wiki.contentDir, outDir);
        logger.info(`${count} content assets published`);
        logger.info(describeSearchIndex(await buildSearchIndex(outDir)));
      },
    },
  };
}
