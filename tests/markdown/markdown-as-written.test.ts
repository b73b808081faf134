// Markdown as people write it, through the model (what `wiki check` reads) and Astro's real processor with the site's plugins.
import { createMarkdownProcessor, rehypeShiki } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { outlineOf } from '../../src/lib/content/outline.ts';
import { buildPageIndex } from '../../src/lib/links/page-index.ts';
import { resolveMarkdownLink, resolveWikilink } from '../../src/lib/links/resolve.ts';
import { rehypeAuthorAnchorLinks } from '../../src/lib/markdown/rehype-author-anchor-links.ts';
import { rehypeCodeLanguage, shikiLanguage } from '../../src/lib/markdown/rehype-code-language.ts';
import { rehypeHeadingAnchors } from '../../src/lib/markdown/rehype-heading-anchors.ts';
import { rehypeSanitizeContent } from '../../src/lib/markdown/rehype-sanitize-content.ts';
import { remarkWikiLinks } from '../../src/lib/markdown/remark-wiki-links.ts';
import { modelOf, page } from '../helpers/model.ts';

const model = modelOf({
  'ops/page.md': '# Page\n\nSee [[TOC]] and `[[x]]`.\n',
  'ops/anchors.md': '# Anchors\n\n<a name="install"></a>\nText.\n\n<div id="faq">FAQ</div>\n\n## Setup\n',
  'ops/menu.md': '# Café menu\n',
});
const index = buildPageIndex(model.pages, model.assets);
const from = page(model, 'ops/page');

async function render(markdown: string, file = from): Promise<string> {
  const processor = await createMarkdownProcessor({
    syntaxHighlight: false,
    remarkPlugins: [[remarkWikiLinks, { base: '/', index, pageForFile: () => file }]],
    rehypePlugins: [rehypeSanitizeContent, rehypeHeadingAnchors, rehypeAuthorAnchorLinks, rehypeCodeLanguage, [rehypeShiki, { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false }]],
  });
  const { code } = await processor.render(markdown, { fileURL: new URL(`file:///content/${file.path}`) });
  return code;
}

describe('double brackets that are not wikilinks', () => {
  const body = ['[[TOC]]', '', '[[_TOC_]]', '', 'Inline `[[code span]]` here.', '', '```', '[[fenced]]', '```', '', '    [[indented]]', '', '[[anchors]]'].join('\n');

  it('the outline finds only the real wikilink', () => {
    expect(outlineOf(body, 'md').links.map((l) => l.target)).toEqual(['anchors']);
  });

  it('the model reports no broken link for [[TOC]]', () => {
    expect(model.problems.filter((p) => p.message.includes('TOC'))).toEqual([]);
  });

  it('the renderer drops the TOC markers and keeps code as written', async () => {
    const html = await render(body);
    expect(html).not.toContain('TOC');
    expect(html).toContain('[[code span]]');
    expect(html).toContain('[[fenced]]');
    expect(html).toContain('[[indented]]');
    expect(html.match(/<a /g)).toEqual(['<a ']);
    expect(html).toContain('href="/ops/anchors/"');
    expect(html).not.toContain('<p></p>');
  });
});

describe('code fence languages as people tag them', () => {
  it.each([
    ['SQL', 'sql'],
    ['Python', 'python'],
    ['golang', 'go'],
    ['Powershell', 'powershell'],
    ['console', 'shellsession'],
    ['shell-session', 'shellsession'],
    ['no-such-language', 'plaintext'],
  ])('%s is Shiki’s %s', (tag, id) => expect(shikiLanguage(tag)).toBe(id));

  it('highlights SQL and golang fences and leaves an unknown one plain, without a warning', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const html = await render('```SQL\nSELECT 1 FROM t;\n```\n\n```golang\npackage main\n```\n\n```Klingon\nqapla\n```\n');
      expect(html).toContain('data-language="sql"');
      expect(html).toContain('data-language="go"');
      expect(html).toContain('data-language="plaintext"');
      // Highlighted: the keyword has its own coloured span.
      expect(html).toMatch(/<span style="--shiki-light:[^"]+">SELECT<\/span>/);
      expect(warnings).toEqual([]);
    } finally {
      console.warn = warn;
    }
  });
});

describe('anchors written by authors', () => {
  const anchors = page(model, 'ops/anchors');

  it('the model knows a page’s raw-HTML ids and names', () => {
    expect(anchors.anchors).toEqual(['install', 'faq']);
  });

  it('links to them from other pages resolve onto the sanitizer’s prefix and are not missing headings', () => {
    expect(resolveWikilink(index, from, 'anchors', 'install')).toMatchObject({ kind: 'page', anchor: 'user-content-install' });
    expect(resolveWikilink(index, from, 'anchors', 'install')).not.toHaveProperty('headingMissing');
    expect(resolveMarkdownLink(index, from, 'anchors.md#faq')).toMatchObject({ kind: 'page', anchor: 'user-content-faq' });
    // A heading keeps its own id.
    expect(resolveMarkdownLink(index, from, 'anchors.md#setup')).toMatchObject({ kind: 'page', anchor: 'setup' });
    expect(model.problems.filter((p) => p.file.includes('anchors'))).toEqual([]);
  });

  it('rendered links land on the prefixed ids, from the same page and from others', async () => {
    const same = await render('<a name="install"></a>\n\n## Setup\n\n[go](#install) <a href="#install">raw</a> [s](#setup)\n', anchors);
    expect(same).toContain('name="user-content-install"');
    expect(same).toContain('href="/ops/anchors/#user-content-install">go</a>');
    expect(same).toContain('href="#user-content-install">raw</a>');
    expect(same).toContain('href="/ops/anchors/#setup"');
    const other = await render('[[anchors#install]] and [faq](anchors.md#faq)\n');
    expect(other).toContain('href="/ops/anchors/#user-content-install"');
    expect(other).toContain('href="/ops/anchors/#user-content-faq"');
  });
});

describe('Unicode', () => {
  it('a title written NFD finds a page titled NFC', () => {
    expect(resolveWikilink(index, from, 'Cafe\u0301 Menu')).toMatchObject({ kind: 'page', page: { id: 'ops/menu' } });
  });
});

describe('a page that is only HTML', () => {
  it('renders, sanitized', async () => {
    const html = await render('<div><p>hi</p><img src="x.png" onerror="alert(1)"><script>alert(2)</script></div>\n');
    expect(html).toContain('<p>hi</p>');
    expect(html).toContain('<img src="x.png">');
    expect(html).not.toContain('alert');
  });
});
