// Builds the hostile corpus: what must be refused stops the build by name, unsafe files are left out with a warning, the rest builds, nothing leaks from outside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { buildHostileWiki, fateViolations, filesUnder, leakedFiles, type HostileBuild } from '../helpers/hostile-build.ts';

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

  it('leaves out scripted SVGs with a warning naming each, and stops on symlinks out of the content folder, colliding outputs, forbidden .mdx and unreal dates', () => {
    expect(fateViolations(build)).toEqual([]);
  });

  it('shows a page\'s images and links to withheld SVGs as broken links saying why', () => {
    for (const file of ['script.svg', 'foreign-object.svg', 'UPPER.SVG']) {
      expect(build.warnings.join('\n')).toMatch(new RegExp(`content/svg/README\\.md:\\d+:\\d+: warning: broken link to "${file.replace('.', '\\.')}": ${file.replace('.', '\\.')} is not published: SVG contains`));
    }
    const html = build.site.html('/svg/');
    expect(html).toMatch(/class="wikilink-broken"[^>]*title="Broken link: script\.svg is not published: SVG contains/);
    expect(html).not.toMatch(/(src|href)="[^"]*(script|foreign-object|UPPER)\.svg/i);
  });

  it('publishes nothing read from outside the content folder', () => {
    expect(leakedFiles(build.site.outDir)).toEqual([]);
  });

  it('publishes no file a browser would run, other than the site\'s own pages and scripts', () => {
    const own = (file: string) => file.startsWith('_astro/') || file.startsWith('pagefind/') || file.endsWith('/index.html') || file === 'index.html' || file === '404.html' || /^feeds\/[^/]+\.xml$/.test(file) || /^sitemap[^/]*\.xml$/.test(file);
    const published = filesUnder(build.site.outDir).filter((file) => EXECUTABLE.test(file) && !own(file));
    // The one benign SVG is the only content file of an executable type left.
    expect(published).toEqual(['hostile/diagram.svg']);
    // And no content file stands in for a page: the runbook page and the search page are the site's.
    if (build.site.exists('/ops/runbook/')) expect(build.site.html('/ops/runbook/')).toContain('The runbook');
    expect(build.site.html('/search/')).toContain('class="search-page"');
    expect(build.site.html('/search/')).not.toContain('pwn:overwrite');
    if (build.site.exists('/ops/runbook/')) expect(build.site.html('/ops/runbook/')).not.toContain('pwn:overwrite');
  });
});
