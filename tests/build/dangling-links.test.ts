// Builds fixture wikis whose output holds a link to nothing and checks the build stops on it, naming the file and the link;
// a fragment the authors' own text names and no page has only warns.
import { describe, expect, it } from 'vitest';
import { buildSite, writeFixture } from '../helpers/build-site.ts';

// An .mdx page computes its own HTML when the build runs, so it can write an href the wiki's link
// rewriting never sees: the stand-in for a bug of the wiki's own pages.
const injected = "# Injected\n\n<a href={'/no' + 'where/'}>computed</a> <img src={'/ops/' + 'lost.png'} alt=\"\" />\n";

describe('a build whose output links to nothing', () => {
  it('stops, and lists each link with the built file that holds it and why it lands nowhere', () => {
    const root = writeFixture({
      'wiki.config.yml': 'title: Dangling\nbrokenLinks: warning\nsecurity:\n  mdx: [ops]\n',
      'content/ops/README.md': '# Ops\n\nSee [deploy](deploy.md#no-such-section).\n',
      'content/ops/deploy.md': '# Deploy\n\n## Steps\n',
      'content/ops/injected.mdx': injected,
    });
    const site = buildSite(root);
    expect(site.status).not.toBe(0);
    expect(site.output).toMatch(/dist\/ops\/injected\/index\.html: error: \/nowhere\/ points to nothing \(no file nowhere\/index\.html\)/);
    expect(site.output).toMatch(/dist\/ops\/injected\/index\.html: error: \/ops\/lost\.png points to nothing \(no file ops\/lost\.png, ops\/lost\.png\/index\.html or ops\/lost\.png\.html\)/);
    expect(site.output).toContain('2 internal links of the built site point to nothing, in 1 file (listed above): a bug of the wiki, not of the content, please report it');
    // The authors' stale fragment is listed too, as a warning.
    expect(site.output).toMatch(/dist\/ops\/index\.html: warning: \/ops\/deploy\/#no-such-section points to nothing \(no id or name "no-such-section" in ops\/deploy\/index\.html\)/);
    expect(site.output).not.toMatch(/\n\s+at /);
  });

  it('under a base path, stops on a link that leaves it out', () => {
    const root = writeFixture({
      'wiki.config.yml': 'title: Based\nbase: /wiki/\nsecurity:\n  mdx: [ops]\n',
      'content/ops/README.md': '# Ops\n',
      'content/ops/unbased.mdx': "# Unbased\n\n<a href={'/ops/'}>no base</a> <a href={'/wiki/ops/'}>with base</a>\n",
    });
    const site = buildSite(root, { base: '/wiki/' });
    expect(site.status).not.toBe(0);
    expect(site.output).toMatch(/dist\/ops\/unbased\/index\.html: error: \/ops\/ points to nothing \(outside the base path \/wiki\/ the site is served under\)/);
    expect(site.output).toContain('1 internal link of the built site points to nothing, in 1 file');
  });

  it('builds when the only misses are fragments of the authors’ text, and says how many; the site’s own absolute links land', () => {
    const root = writeFixture({
      'wiki.config.yml': 'title: Stale anchors\nsite: https://wiki.example.org\n',
      'content/ops/README.md': '# Ops\n\nSee [deploy](deploy.md#no-such-section) and [here](#nor-here).\n',
      'content/ops/deploy.md': '# Deploy\n\n## Steps\n',
    });
    const site = buildSite(root);
    expect(site.status, site.output).toBe(0);
    expect(site.output).toMatch(/dist\/ops\/index\.html: warning: \/ops\/#nor-here points to nothing \(no id or name "nor-here" in ops\/index\.html\)/);
    expect(site.output).toContain("2 links in the pages' text (1 file) name sections no page has (listed above); the site builds anyway");
  });
});
