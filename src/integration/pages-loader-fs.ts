// Runs in Node at build time: the pages collection's loader, one entry per page file the content model reads, under the model's id.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { discoverContent } from '../lib/content/discover-fs.ts';
import { parseFrontMatter } from '../lib/content/front-matter.ts';
import { unwrapUrlTags } from '../lib/content/template-tags.ts';
import { MDX_SPELLINGS, mdxModulePath } from '../lib/content/mdx-names.ts';
import { isMdxPath, pageFormatOf, type ContentRule } from '../lib/content/page-rule.ts';
import { pageIdFor, toContentPath, type ContentPath } from '../lib/content/paths.ts';
import { urlNamesFor } from '../lib/content/url-names.ts';
import { problem, type Problem } from '../lib/problems.ts';
import { noProgress, type Progress } from '../lib/progress.ts';
import { entryRenderInputs } from '../lib/markdown/render-digest.ts';
import { failOnRenderErrors, stopOnRenderErrors } from './render-errors.ts';
import { renderInputs } from './render-inputs.ts';

export interface PagesLoaderOptions {
  contentDir: string;
  defaultCommunity: string;
  /** Turns a content path into the path users see in messages (e.g. "content/ops/x.md"). */
  fileLabel: (contentPath: string) => string;
  /** What is never content (config `exclude`), the rule the model's discovery used. */
  rule: ContentRule;
  /** Where the render reports its progress, finished lines going to `line` (the loader's logger). */
  progress?: (line: (text: string) => void) => Progress;
}

/**
 * Markdown pages are rendered here, from the files the model discovered, instead of by Astro's glob
 * loader: that one matches extensions case-sensitively (UPPER.MD is skipped) and reads each file
 * through a URL in which "#" and "?" cut the name short, so such pages were left out without an error.
 * MDX compiles to a module that Vite imports, which only the glob loader sets up; it is given every
 * spelling of the extension, and the model refuses the .mdx names it cannot load ("#", "?").
 */
export function wikiPagesLoader({ contentDir, defaultCommunity, fileLabel, rule, progress = () => noProgress }: PagesLoaderOptions): Loader {
  return {
    name: 'cop-wiki-pages',
    load: async (context) => {
      const discovered = discoverContent(contentDir, undefined, rule);
      const { pages } = discovered;
      // Named from the same files the model is named from, so every entry has its page's id.
      const names = urlNamesFor(discovered, defaultCommunity);
      const idOf = (file: string) => pageIdFor(toContentPath(file), names);
      // Entries are kept from the last build; those of pages gone, or now in the other format, go first.
      const current = new Map(pages.map((p) => [idOf(p.path), pageFormatOf(p.path)]));
      for (const [id, entry] of context.store.entries()) if (current.get(id) !== pageFormatOf(entry.filePath)) context.store.delete(id);
      if (pages.some((p) => pageFormatOf(p.path) === 'mdx')) {
        // The glob leaves hidden files and folders out by itself (tinyglobby's dot: false), as discovery does.
        const mdxGlob = glob({ base: contentDir, pattern: [...rule.mdxGlobPatterns], generateId: ({ entry }) => idOf(entry) });
        await failOnRenderErrors(mdxGlob, fileLabel).load(anyCaseMdx(context));
      }
      const render = await markdownRenderer(context);
      const inputs = renderInputs();
      const syncMarkdown = async (file: ContentPath, source: string) => {
        const id = idOf(file);
        const filePath = path.join(contentDir, file);
        const storedPath = path.relative(fileURLToPath(context.config.root), filePath).split(path.sep).join('/');
        // Without the integration's inputs (`astro sync` alone) there is nothing to compare with: the page is rendered.
        const digest = inputs ? context.generateDigest(entryRenderInputs(source, storedPath, inputs.site, inputs.page(filePath))) : undefined;
        if (digest !== undefined && context.store.get(id)?.digest === digest) return;
        const { data, body, bodyLine } = parseFrontMatter(source, file);
        // Blank lines stand in for the front matter, so positions in the tree are the file's own lines.
        // Link destinations written as Eleventy's or Jekyll's URL tags read as the paths they name, as the outline reads them.
        const rendered = await render('\n'.repeat(bodyLine - 1) + unwrapUrlTags(body), data, filePath);
        context.store.set({
          id,
          data: await context.parseData({ id, data, filePath }),
          body,
          filePath: storedPath,
          ...(digest === undefined ? {} : { digest }),
          rendered,
          assetImports: rendered.metadata.imagePaths,
        });
      };
      const failed: Problem[] = [];
      const markdown = pages.filter((p) => pageFormatOf(p.path) === 'md').length;
      const rendering = progress((line) => context.logger.info(line)).start('pages', { verb: 'rendering', unit: 'Markdown pages', total: markdown });
      let rendered = 0;
      for (const { path: file, source } of pages) {
        if (pageFormatOf(file) !== 'md') continue;
        try {
          await syncMarkdown(file, source);
        } catch (error) {
          failed.push(renderProblem(fileLabel(file), error));
        }
        rendering.update(++rendered);
      }
      rendering.end();
      if (failed.length > 0) stopOnRenderErrors(failed, context);
      // In `astro dev`, an edited Markdown page is rendered again (the glob loader watches the .mdx ones).
      context.watcher?.add(contentDir);
      context.watcher?.on('all', (event, changed) => {
        // Checked before it is made a content path: a file outside the content folder is no content path at all.
        const relative = path.relative(contentDir, changed).split(path.sep).join('/');
        const skipped = relative === '..' || relative.startsWith('../') || path.isAbsolute(relative) || rule.skipsPath(relative);
        if (skipped || pageFormatOf(relative) !== 'md') return;
        const file = toContentPath(relative);
        if (event === 'unlink') {
          context.store.delete(idOf(file));
        } else if (event === 'add' || event === 'change') {
          void syncMarkdown(file, readFileSync(changed, 'utf8')).catch((error: unknown) => stopOnRenderErrors([renderProblem(fileLabel(file), error)], context));
        }
      });
    },
  };
}

const renderProblem = (file: string, error: unknown): Problem =>
  problem(file, `Markdown could not be rendered: ${(error instanceof Error ? error.message : String(error)).trim().split('\n')[0]}`);

// Astro hands loaders its entry types by extension; the glob loader reads them, the public type leaves them out.
type ContextWithEntryTypes = LoaderContext & { entryTypes?: Map<string, unknown> };

/**
 * The loader context as Astro's glob loader needs it for `Caps.MDX`: the .mdx entry type under every
 * spelling of the extension, and the entry recorded under its lower-case module name (see mdxModulePath).
 * It sees only the .mdx entries, since it deletes every entry it did not load.
 */
function anyCaseMdx(context: ContextWithEntryTypes): ContextWithEntryTypes {
  const mdx = context.entryTypes?.get('.mdx');
  if (!context.entryTypes || !mdx) return context;
  const entryTypes = new Map(context.entryTypes);
  for (const ext of MDX_SPELLINGS) entryTypes.set(ext, mdx);
  const store = {
    ...context.store,
    keys: () => context.store.entries().flatMap(([id, entry]) => (isMdxPath(entry.filePath) ? [id] : [])),
    set: (entry: Parameters<typeof context.store.set>[0]) => context.store.set({ ...entry, ...(entry.filePath ? { filePath: mdxModulePath(entry.filePath) } : {}) }),
  };
  return { ...context, entryTypes, store };
}

/** Astro's own Markdown renderer for content entries, with the project's processor and plugins. */
async function markdownRenderer({ config }: LoaderContext) {
  const { markdown, image } = config;
  const renderer = await markdown.processor.createRenderer({
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  });
  return async (body: string, frontmatter: Record<string, unknown>, filePath: string) => {
    const result = await renderer.render(body, { frontmatter, fileURL: pathToFileURL(filePath) });
    return {
      html: result.code,
      metadata: { ...result.metadata, imagePaths: [...result.metadata.localImagePaths, ...result.metadata.remoteImagePaths] },
    };
  };
}
