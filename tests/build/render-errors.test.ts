import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { failOnRenderErrors } from '../../src/integration/render-errors.ts';
import type { Problem } from '../../src/lib/problems.ts';

/** A loader that logs what Astro's glob loader logs when a page's Markdown throws while rendering. */
const failingLoader = (messages: string[]): Loader => ({
  name: 'fake-glob',
  load: async ({ logger }) => {
    for (const m of messages) logger.error(m);
  },
});

async function run(messages: string[]) {
  const passedOn: string[] = [];
  let stopped: Problem[] | undefined;
  const logger = { error: (m: string) => passedOn.push(m), warn() {}, info() {}, debug() {}, label: 'glob', options: {}, fork() { return this; } };
  const loader = failOnRenderErrors(failingLoader(messages), (entry) => `content/${entry}`, (problems) => {
    stopped = problems;
  });
  await loader.load({ logger } as unknown as LoaderContext);
  return { passedOn, stopped };
}

describe('a page that fails to render', () => {
  it('stops the build with the file named and Markdown (not MDX) said for .md', async () => {
    const { stopped, passedOn } = await run([
      'Error rendering ops/bad.md: Failed to parse Markdown file "/abs/content/ops/bad.md":\nURI malformed',
      'Error rendering ops/page.mdx: Unexpected character',
      'something else',
    ]);
    expect(stopped).toEqual([
      expect.objectContaining({ file: 'content/ops/bad.md', severity: 'error', message: 'Markdown could not be rendered: URI malformed' }),
      expect.objectContaining({ file: 'content/ops/page.mdx', message: 'MDX could not be rendered: Unexpected character' }),
    ]);
    expect(passedOn).toEqual(['something else']);
  });

  it('lets a collection without render errors load', async () => {
    expect((await run([])).stopped).toBeUndefined();
  });
});
