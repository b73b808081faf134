// Tests that content problems end the build by a thrown error Astro reports, never by process.exit.
import { rmSync } from 'node:fs';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import wikiIntegration from '../../src/integration/index.ts';
import { BuildStoppedError } from '../../src/integration/build-stop.ts';
import { writeFixture } from '../helpers/build-site.ts';

describe("the integration's config hook over content with problems", () => {
  const roots: string[] = [];
  afterEach(() => {
    vi.unstubAllEnvs();
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('logs each problem as file:line and throws an error without a stack, leaving the process to Astro', async () => {
    const root = writeFixture({
      'wiki.config.yml': 'title: Stops\n',
      'content/ops/a.md': '---\ntitle: [unclosed\n---\n',
      'content/ops/b.md': '---\nreview-by: 2023-02-30\n---\n# B\n',
    });
    roots.push(root);
    vi.stubEnv('WIKI_ROOT', root);
    vi.stubEnv('WIKI_CONTENT', '');
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const logged: string[] = [];
    const logger = {
      label: 'cop-wiki',
      options: {},
      info: () => {},
      debug: () => {},
      warn: (m: string) => logged.push(`warn ${m}`),
      error: (m: string) => logged.push(`error ${m}`),
      fork() {
        return this;
      },
    } as unknown as AstroIntegrationLogger;
    const hook = wikiIntegration().hooks['astro:config:setup']!;
    const error = await Promise.resolve()
      .then(() => hook({ updateConfig: () => ({}), logger } as never))
      .catch((e: unknown) => e);
    expect(exit).not.toHaveBeenCalled();
    exit.mockRestore();
    expect(error).toBeInstanceOf(BuildStoppedError);
    expect(error).toMatchObject({ code: 'WikiBuildStopped', stack: '', message: 'the build stopped: fix the 2 content problems listed above' });
    expect(logged).toEqual([
      'error 2 content problems to fix before the site can build:',
      expect.stringMatching(/^error content\/ops\/a\.md:3:1: error: invalid YAML/),
      expect.stringMatching(/^error content\/ops\/b\.md:2: error: review-by: is not a real calendar date/),
    ]);
  });
});
