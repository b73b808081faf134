// Build test: in a community of a few hundred pages, a page's sidebar holds its neighbourhood, not every page, and the home lists folders.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';

const FOLDERS = 10;
const PER_FOLDER = 30;
const LONG = 210;

function fixture(): Record<string, string> {
  const files: Record<string, string> = { 'wiki.config.yml': 'title: Scale\ncontent: content\n', 'content/big/README.md': '# Big community\n\nMany pages.\n' };
  for (let f = 0; f < FOLDERS; f++) {
    for (let p = 0; p < PER_FOLDER; p++) files[`content/big/area-${f}/page-${f}-${p}.md`] = `# Page ${f}-${String(p).padStart(2, '0')}\n\nText.\n`;
  }
  // Over SUMMARIES_UP_TO, so the folder's listing page lists titles A–Z, not every page with its summary.
  for (let p = 0; p < LONG; p++) files[`content/big/long/item-${p}.md`] = `# Item ${String(p).padStart(3, '0')}\n\nText about item ${p}.\n`;
  return files;
}

const sidebarOf = (html: string) => html.match(/<aside class="sidebar"[\s\S]*?<\/aside>/)?.[0] ?? '';
const links = (html: string) => html.match(/<a [^>]*href=/g)?.length ?? 0;

describe('navigation in a community of a few hundred pages', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = buildSite(writeFixture(fixture(), 'wiki-nav-scale-'));
  });
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('builds', () => {
    expect(site.status, site.output.slice(-3000)).toBe(0);
  });

  it('gives a page a sidebar of its own folder and the other folders collapsed, far fewer entries than pages', () => {
    const sidebar = sidebarOf(site.html('/big/area-3/page-3-7/'));
    expect(links(sidebar)).toBeLessThan(60);
    expect(sidebar).toMatch(/<a href="\/big\/area-3\/page-3-7\/" aria-current="page">Page 3-07<\/a>/);
    expect(sidebar).toContain('href="/big/area-3/page-3-29/"');
    expect(sidebar).not.toContain('href="/big/area-4/page-4-0/"');
    expect(sidebar).toMatch(/<a href="\/big\/area-4\/">Area 4<span class="count">30<span class="sr-only"> pages<\/span><\/span><\/a>/);
    expect(sidebar).toMatch(/<nav class="tree" aria-label="[^"]+">/);
  });

  it('caps a long folder around the current page with a link to the folder for the rest', () => {
    const sidebar = sidebarOf(site.html('/big/long/item-70/'));
    expect(sidebar).toContain('aria-current="page">Item 070</a>');
    expect(sidebar).toMatch(/<a href="\/big\/long\/">160 more in Long<\/a>/);
  });

  it('lists a folder of more pages than it shows summaries for as titles A to Z', () => {
    const listing = site.html('/big/long/');
    expect(listing).toContain('<nav class="a-to-z" aria-label="Pages by first letter">');
    expect(listing).toContain('<a href="/big/long/item-209/">Item 209</a>');
    expect(listing).not.toContain('Text about item');
    expect(site.html('/big/area-3/')).toContain('Text.');
  });

  it('lists folders with their page counts on the community home instead of every page', () => {
    const home = site.html('/big/');
    expect(home).toMatch(/<a href="\/big\/area-0\/">Area 0<\/a><span class="count">30 pages<\/span>/);
    expect(home).toMatch(/<a href="\/big\/long\/">Long<\/a><span class="count">210 pages<\/span>/);
    expect(links(home)).toBeLessThan(150);
  });
});
