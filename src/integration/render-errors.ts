// Runs in Node at build time: makes a page that fails to render stop the build with one line naming its file.
import type { Loader, LoaderContext } from 'astro/loaders';
import { isMdxPath } from '../lib/content/page-rule.ts';
import { formatProblem, problem, type Problem } from '../lib/problems.ts';

const RENDER_ERROR = /^Error rendering (.+?): (?:Failed to parse Markdown file "[^"]*":\s*)?([\s\S]*)$/;

/**
 * Astro's glob loader logs a page whose Markdown fails to render and publishes it empty, with exit
 * code 0. This wrapper turns each such log line into a problem (`file: error: Markdown could not be
 * rendered: …`) and ends the build once the collection is loaded, every failed page listed.
 */
export function failOnRenderErrors(loader: Loader, fileLabel: (entry: string) => string, stop: (problems: Problem[], context: LoaderContext) => void = stopOnRenderErrors): Loader {
  return {
    ...loader,
    load: async (context) => {
      const problems: Problem[] = [];
      const logger = Object.create(context.logger) as LoaderContext['logger'];
      logger.error = (message: string) => {
        const found = RENDER_ERROR.exec(message);
        if (!found) return context.logger.error(message);
        const entry = found[1]!;
        const kind = isMdxPath(entry) ? 'MDX' : 'Markdown';
        problems.push(problem(fileLabel(entry), `${kind} could not be rendered: ${found[2]!.trim().split('\n')[0]}`));
      };
      await loader.load({ ...context, logger });
      if (problems.length > 0) stop(problems, context);
    },
  };
}

/** In a build the run ends with an error Astro reports; `astro dev` (which watches files) keeps serving while the author fixes the page. */
export function stopOnRenderErrors(problems: Problem[], context: Pick<LoaderContext, 'logger' | 'watcher'>): void {
  const lines = problems.map(formatProblem);
  if (context.watcher) {
    for (const line of lines) context.logger.error(line);
    return;
  }
  throw new Error(`${problems.length} page${problems.length === 1 ? '' : 's'} could not be rendered:\n${lines.join('\n')}`);
}
