// Builds the hostile corpus: what must be refused stops the build by name, the rest builds, nothing leaks from outside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildHostileWiki, fateViolations, type HostileBuild } from '../helpers/hostile-build.ts';
import { ENV_CANARY, SECRET_MARKER } from '../fixtures/hostile-wiki.ts';

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** Extensions a browser runs script from when the file is opened from the site's origin. */
const EXECUTABLE = /\.(html?|shtml|xhtml?|xml|xslt?|svgz?|js|mjs|cjs)$/i;

describe('building a wiki written by an attacker', () => {
  let build: HostileBuild;
  beforeAll(() => {
    build = buildHostileWiki();
  }, 300_000);
  afterAll(() => {
    if (build) rmSync(build.site.root, { recursive: true, force: true });
  });

  it('builds once every vector it refuses is taken out, and refuses only by naming the file', () => {
    expect(build.unexplained).toBeUndefined();
    expect(build.site.status).toBe(0);
  });

  it('stops on scripted SVGs, symlinks out of the content folder, colliding outputs, forbidden .mdx and unreal dates', () => {
    expect(fateViolations(build)).toEqual([]);
  });

  it('publishes nothing read from outside the content folder', () => {
    const leaks = walk(build.site.outDir).filter((file) => {
      const text = readFileSync(path.join(build.site.outDir, file), 'latin1');
      return text.includes(SECRET_MARKER) || text.includes(ENV_CANARY.value);
    });
    expect(leaks).toEqual([]);
  });

  it('publishes no file a browser would run, other than the site\'s own pages and scripts', () => {
    const own = (file: string) => file.startsWith('_astro/') || file.startsWith('pagefind/') || file.endsWith('/index.html') || file === 'index.html' || file === '404.html' || /^feeds\/[^/]+\.xml$/.test(file) || /^sitemap[^/]*\.xml$/.test(file);
    const published = walk(build.site.outDir).filter((file) => EXECUTABLE.test(file) && !own(file));
    // The one benign SVG is the only content file of an executable type left.
    expect(published).toEqual(['hostile/diagram.svg']);
    // And no content file stands in for a page: the runbook page and the search page are the site's.
    if (build.site.exists('/ops/runbook/')) expect(build.site.html('/ops/runbook/')).toContain('The runbook');
    expect(build.site.html('/search/')).toContain('class="search-page"');
    expect(build.site.html('/search/')).not.toContain('pwn:overwrite');
    if (build.site.exists('/ops/runbook/')) expect(build.site.html('/ops/runbook/')).not.toContain('pwn:overwrite');
  });
});
