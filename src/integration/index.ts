// Runs in Node at build time: the Astro integration that wires the content model, Markdown plugins and assets into the build.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { rehypeShiki, unified, type RemarkPlugin } from '@astrojs/markdown-remark';
import { createHash, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import remarkSmartypants from 'remark-smartypants';
import { listedFolders } from '../lib/content/folders.ts';
import { mdxModulePath } from '../lib/content/mdx-names.ts';
import type { WikiPage } from '../lib/content/types.ts';
import { defaultCommunityNote } from '../lib/content/url-names.ts';
import { unpublishedSummary } from '../lib/content/unpublished.ts';
import { brokenLinksSummary } from '../lib/links/broken-summary.ts';
import { buildPageIndex } from '../lib/links/page-index.ts';
import { rehypeHeadingAnchors } from '../lib/markdown/rehype-heading-anchors.ts';
import { rehypeSanitizeContent } from '../lib/markdown/rehype-sanitize-content.ts';
import { rehypeAuthorAnchorLinks } from '../lib/markdown/rehype-author-anchor-links.ts';
import { rehypeCodeLanguage } from '../lib/markdown/rehype-code-language.ts';
import { remarkIgnoreLayout } from '../lib/markdown/remark-ignore-layout.ts';
import { remarkTemplateTags } from '../lib/markdown/remark-template-tags.ts';
import { remarkQueryImages } from '../lib/markdown/remark-query-images.ts';
import { remarkTitleHeading } from '../lib/markdown/remark-title-heading.ts';
import { remarkWikiLinks } from '../lib/markdown/remark-wiki-links.ts';
import { rehypeSectionCredits } from '../lib/markdown/rehype-section-credits.ts';
import { errorsOf, formatProblem, sortProblems, WikiContentError } from '../lib/problems.ts';
import { locatedOrThrow, resolveWikiLocation, type LocationInputs } from '../lib/location-fs.ts';
import { loadWiki, type LoadedWiki } from '../lib/wiki-fs.ts';
import { assetMiddleware, copyAssets } from './assets-fs.ts';
import { BuildStoppedError, plural } from './build-stop.ts';
import { pagesWithoutOutput } from './built-pages-fs.ts';
import { readBuiltPages, stopOnDanglingLinks } from './built-links-fs.ts';
import { loadBuiltLinksCache, saveBuiltLinksCache } from './built-links-cache-fs.ts';
import { mdxAnyCasePlugin } from './mdx-any-case-fs.ts';
import { loadSiteHistory } from './history-fs.ts';
import { buildSearchIndex, describeSearchIndex } from './search-index-fs.ts';
import { siteDataModule, type SiteData } from './site-data.ts';
import { sectionCreditLookups } from './section-credits-fs.ts';
import { renderCodeDigest } from './render-code-fs.ts';
import { provideRenderInputs } from './render-inputs.ts';
import { pageRenderInputs, siteRenderInputs } from '../lib/markdown/render-digest.ts';
import { provideRevisionTexts } from './revision-texts.ts';
import { blobReader } from './revision-texts-fs.ts';
import { outdatedBeforeBotsFs } from './outdated-fs.ts';
import { buildSiteView, type SiteView } from '../lib/site-view/site-view.ts';
import { terminalSafeLogger } from './terminal-logger.ts';
import { count } from '../lib/progress.ts';
import { isWatchedTerminal, stderrProgress } from '../lib/progress-fs.ts';

const VIRTUAL_ID = 'virtual:wiki/site';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/**
 * Content problems end the build with every message listed, one line each and no stack trace:
 * they are the author's to fix, not a crash of the build. The hook throws, and Astro exits non-zero.
 */
function loadOrStop(logger: AstroIntegrationLogger, inputs: LocationInputs): LoadedWiki {
  let wiki: LoadedWiki | undefined;
  let problems;
  try {
    wiki = loadWiki(locatedOrThrow(resolveWikiLocation(inputs)));
    problems = sortProblems(wiki.model.problems);
  } catch (error) {
    if (!(error instanceof WikiContentError)) throw error;
    problems = error.problems;
  }
  for (const p of problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(p));
  const errors = errorsOf(problems);
  if (wiki && errors.length === 0) return wiki;
  logger.error(`${plural(errors.length, 'content problem')} to fix before the site can build:`);
  for (const p of errors) logger.error(formatProblem(p));
  throw new BuildStoppedError(`the build stopped: fix the ${plural(errors.length, 'content problem')} listed above`);
}

/**
 * Plugin options with the build's secret (wiki-markup.ts) out of sight of Astro's config digest: a new one each
 * build would clear the content store every time (no page kept), and the digest is written to the cache folder.
 */
function withMarkupToken<T extends object>(options: T, token: string): T & { markupToken: string } {
  return Object.defineProperty({ ...options }, 'markupToken', { value: token, enumerable: false }) as T & { markupToken: string };
}

export default function wikiIntegration(): AstroIntegration {
  let wiki: LoadedWiki;
  let revisionTexts: ReturnType<typeof blobReader> | undefined;
  let cwd: string;
  let env: LocationInputs['env'];
  let cacheDir: string;
  return {
    name: 'cop-wiki',
    hooks: {
      'astro:config:setup': async ({ updateConfig, logger }) => {
        logger = terminalSafeLogger(logger);
        // The edge: the only place the build reads the working folder, the environment and the clock.
        const inputs: LocationInputs = { cwd: process.cwd(), env: process.env, now: new Date() };
        cwd = inputs.cwd;
        env = inputs.env;
        wiki = loadOrStop(logger, inputs);
        // The summary below is the phase's line; the live line only shows the walk as it goes.
        const walking = stderrProgress(env, (line) => logger.info(line)).start('history', { verb: 'walking', unit: 'commits' });
        const loadedHistory = await loadSiteHistory(wiki, (done, total) => walking.update(done, total));
        walking.clear();
        for (const warning of loadedHistory.warnings) logger.warn(warning);
        logger.info(loadedHistory.summary);
        const { config, model, contentDir } = wiki;
        const index = buildPageIndex(model.pages, model.assets, model.unpublished, model.unpublished.filter((f) => f.refused));
        // An .mdx page is compiled under its module name (Caps.MDX as Caps.mdx), so files are looked up by that name.
        const byFile = new Map(model.pages.map((p) => [mdxModulePath(path.join(contentDir, p.path)).normalize('NFC'), p]));
        const pageForFile = (file: string): WikiPage | undefined => byFile.get(mdxModulePath(path.resolve(file)).normalize('NFC'));
        // Unknowable to content, so author HTML cannot pass for the wiki's own links (wiki-markup.ts).
        const markupToken = randomUUID();
        const data: SiteData = {
          config,
          model: { communities: model.communities, pages: model.pages, assets: model.assets, tags: model.tags, folders: model.folders },
          contentInRepository: wiki.location.contentInRepository.normalize('NFC'),
          history: loadedHistory.history,
          today: wiki.location.today,
          outdatedBeforeBots: await outdatedBeforeBotsFs(wiki.location.repository?.commondir, model.pages, loadedHistory.history.pages),
        };
        let view: SiteView | undefined;
        const siteView = () => (view ??= buildSiteView(data));
        // The history pages read past page texts through this reader; it is closed when the build is done.
        revisionTexts?.close();
        revisionTexts = blobReader(wiki.location.repository?.commondir);
        provideRevisionTexts(revisionTexts);
        const credits = sectionCreditLookups(data, pageForFile, siteView);
        // The pages loader renders a page again only when its digest of these changes (pages-loader-fs.ts).
        const site = siteRenderInputs({ code: renderCodeDigest(), config, pages: model.pages, assets: model.assets, unpublished: model.unpublished, repository: wiki.repositoryLinks });
        provideRenderInputs({
          site: createHash('sha256').update(site).digest('hex'),
          page: (file) => pageRenderInputs(credits.creditsForFile(file), credits.personHref),
        });
        updateConfig({
          base: config.base,
          ...(config.site ? { site: config.site } : {}),
          trailingSlash: 'always',
          markdown: {
            syntaxHighlight: false,
            // Astro would curl quotes and join dashes before any project plugin runs, so `[[Don't Panic]]`
            // and `[[a--b]]` would change before they are read; typography runs after wikilinks instead.
            processor: unified({
              smartypants: false,
              remarkPlugins: [
                remarkIgnoreLayout,
                [remarkTitleHeading, { titleForFile: (file: string) => pageForFile(file)?.title }],
                [remarkWikiLinks, withMarkupToken({ base: config.base, index, pageForFile, repository: wiki.repositoryLinks }, markupToken)],
                remarkTemplateTags,
                // Its types name unist's Node where Astro's name mdast's Root; the plugin takes any tree.
                remarkSmartypants as RemarkPlugin,
                remarkQueryImages,
              ],
              rehypePlugins: [
                [
                  rehypeSanitizeContent,
                  withMarkupToken({ iframeHosts: config.security.iframeHosts, rawHtmlLinks: { base: config.base, index, pageForFile, repository: wiki.repositoryLinks } }, markupToken),
                ],
                rehypeHeadingAnchors,
                rehypeAuthorAnchorLinks,
                [rehypeSectionCredits, credits],
                rehypeCodeLanguage,
                [rehypeShiki, { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false }],
              ],
            }),
          },
          vite: {
            plugins: [
              mdxAnyCasePlugin(),
              {
                name: 'cop-wiki-site-data',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                // One string literal parsed at run time: the bundler reads one token instead of an object literal of every
                // revision of every page, and V8 parses JSON far faster than the same data as JavaScript.
                load: (id: string) => (id === RESOLVED_ID ? siteDataModule(data) : undefined),
                // Astro's MDX output carries a directive the bundler warns about on every .mdx page; it is harmless.
                onLog: (_level: string, log: { code?: string; id?: string; message?: string }) =>
                  !(log.code === 'MODULE_LEVEL_DIRECTIVE' && /\.mdx/.test(log.id ?? log.message ?? '')),
              },
            ],
          },
        });
        logger.info(`${model.pages.length} pages in ${model.communities.length} communities from ${path.relative(inputs.cwd, contentDir) || '.'}`);
        const moved = defaultCommunityNote(model.communities, config.defaultCommunity.slug);
        if (moved) logger.info(moved);
      },
      // Astro's cache folder (config `cacheDir`), where the built-link check keeps what it read last build.
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(assetMiddleware(wiki.model.assets, wiki.contentDir, wiki.config.base));
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        logger = terminalSafeLogger(logger);
        revisionTexts?.close();
        revisionTexts = undefined;
        provideRevisionTexts(undefined);
        const outDir = fileURLToPath(dir);
        const unbuilt = pagesWithoutOutput([...wiki.model.pages, ...listedFolders(wiki.model.folders)], outDir);
        if (unbuilt.length > 0) {
          for (const p of unbuilt) logger.error(formatProblem(p));
          throw new BuildStoppedError(`${plural(unbuilt.length, 'page')} of the wiki ${unbuilt.length === 1 ? 'was' : 'were'} not built (listed above)`);
        }
        const { copied, problems } = copyAssets(wiki.model.assets, wiki.contentDir, outDir);
        if (problems.length > 0) {
          for (const p of problems) logger.error(formatProblem(p));
          throw new BuildStoppedError(`${plural(problems.length, 'content asset')} would overwrite a file the build wrote (listed above)`);
        }
        logger.info(`${copied} content assets published`);
        // Grouped by reason, so the list stays short at thousands of files; `--verbose` and `wiki check` give every one.
        for (const line of unpublishedSummary(wiki.model.unpublished, { fullList: 'each with its reason: `npm run wiki -- check`, or build with --verbose' })) logger.warn(line);
        for (const f of wiki.model.unpublished) logger.debug(`not published: ${f.file}: ${f.reason}`);
        // Pagefind reports nothing until it is done, and Astro's own "Waiting for integration" line would break a
        // line redrawn in place: a terminal is told what the wait is for, a log keeps its one line per phase.
        if (isWatchedTerminal(process.stderr, env)) logger.info(`search: indexing ${count(pages.length)} built pages`);
        // Pagefind indexes in its own process while the pages are read for their links; the links are checked once
        // its files are written too (the site as served). Its failure is reported first, as when it ran alone.
        const cache = loadBuiltLinksCache(cacheDir);
        const [search, read] = await Promise.allSettled([buildSearchIndex(outDir), readBuiltPages(outDir, cache)]);
        if (search.status === 'rejected') throw search.reason;
        logger.info(describeSearchIndex(search.value));
        if (read.status === 'rejected') throw read.reason;
        const unsaved = saveBuiltLinksCache(cacheDir, read.value.byHash);
        if (unsaved) logger.warn(unsaved);
        stopOnDanglingLinks(logger, outDir, { base: wiki.config.base, ...(wiki.config.site ? { site: wiki.config.site } : {}) }, cwd, read.value);
        // Last, so a team adopting an existing repository sees what is left to fix (config `brokenLinks: warning`).
        const broken = brokenLinksSummary(wiki.model.pages.length, wiki.model.brokenLinks);
        if (broken) logger.warn(broken);
      },
    },
  };
}
