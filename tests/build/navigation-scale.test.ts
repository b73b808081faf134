// Build test: in a community of a few hundred pages, a page's sidebar holds its neighbourhood, not every page, and the home lists folders.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';

const FOLDERS = 10;
const PER_FOLDER = 30;

function fixture(): Record<string, string> {
  const files: Record<string, string> = { 'wiki.config.yml': 'title: Scale\ncontent: content\n', 'content/big/README.md': '# Big community\n\nMany pages.\n' };
  for (let f = 0; f < FOLDERS; f++) {
    for (let p = 0; p < PER_FOLDER; p++) files[`content/big/area-${f}/page-${f}-${p}.md`] = `# Page ${f}-${String(p).padStart(2, '0')}\n\nText.\n`;
  }
  for (let p = 0; p < 80; p++) files[`content/big/long/item-${p}.md`] = `# Item ${String(p).padStart(2, '0')}\n\nText.\n`;
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
    expect(sidebar).toContain('aria-current="page">Item 70</a>');
    expect(sidebar).toMatch(/<a href="\/big\/long\/">30 more in Long<\/a>/);
  });

  it('lists folders with their page counts on the community home instead of every page', () => {
    const home = site.html('/big/');
    expect(home).toMatch(/<a href="\/big\/area-0\/">Area 0<\/a><span class="count">30 pages<\/span>/);
    expect(home).toMatch(/<a href="\/big\/long\/">Long<\/a><span class="count">80 pages<\/span>/);
    expect(links(home)).toBeLessThan(150);
  });
});
