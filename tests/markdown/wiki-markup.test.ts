// Author HTML cannot pass for the wiki's own links: the wikilink plugin and the sanitizer in Astro's real processor.
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { buildPageIndex } from '../../src/lib/links/page-index.ts';
import { rehypeSanitizeContent } from '../../src/lib/markdown/rehype-sanitize-content.ts';
import { remarkWikiLinks } from '../../src/lib/markdown/remark-wiki-links.ts';
import { modelOf, page } from '../helpers/model.ts';

const model = modelOf({ 'ops/b.md': '# B\n', 'research/notes.md': '# Notes\n', 'ops/page.md': '# Page\n' });
const index = buildPageIndex(model.pages, model.assets);
const from = page(model, 'ops/page');

async function render(markdown: string, tokens: { remark?: string; rehype?: string } = { remark: 'build-secret', rehype: 'build-secret' }): Promise<string> {
  const processor = await createMarkdownProcessor({
    syntaxHighlight: false,
    remarkPlugins: [[remarkWikiLinks, { base: '/kb/', index, pageForFile: () => from, markupToken: tokens.remark }]],
    rehypePlugins: [[rehypeSanitizeContent, { markupToken: tokens.rehype }]],
  });
  return (await processor.render(markdown, { fileURL: new URL('file:///content/ops/page.md') })).code;
}

describe('the wiki\'s own markup', () => {
  it('keeps the classes and data attributes on the links the wikilink plugin made, and never writes the token', async () => {
    const html = await render('[[b]] and [[research/notes]].');
    expect(html).toContain('<a href="/kb/ops/b/" class="wikilink" data-wikilink="b">B</a>');
    expect(html).toContain('<a href="/kb/research/notes/" class="wikilink wikilink-cross" data-wikilink="research/notes" data-wiki-community="research">Notes</a>');
    expect(html).not.toContain('build-secret');
    expect(html).not.toContain('data-wiki-markup');
  });

  it('strips them from look-alike HTML an author wrote, so an external link cannot pass as a wikilink', async () => {
    const html = await render(
      [
        '<a class="wikilink wikilink-cross" data-wikilink="b" data-wiki-community="ops" href="https://evil.example">B</a>',
        '<span class="wikilink wikilink-broken">x</span>',
        '<a class="wikilink" data-wiki-markup="build-secret-guess" data-wikilink="b" href="https://evil.example/2">C</a>',
        '[[b]]',
      ].join(' '),
    );
    expect(html).toMatch(/<a href="https:\/\/evil\.example"[^>]*>B<\/a>/);
    expect(html).toMatch(/<a href="https:\/\/evil\.example\/2"[^>]*>C<\/a>/);
    expect(html.match(/class="wikilink/g)).toHaveLength(1);
    expect(html.match(/data-wikilink=/g)).toHaveLength(1);
    expect(html).not.toContain('data-wiki-community');
    expect(html).toContain('<a href="/kb/ops/b/" class="wikilink" data-wikilink="b">B</a>');
  });

  it('keeps none when the sanitizer was given a different token, or none', async () => {
    for (const rehype of ['another-build', undefined]) {
      const html = await render('[[b]]', { remark: 'build-secret', rehype });
      expect(html).not.toContain('wikilink');
      expect(html).not.toContain('build-secret');
      expect(html).toContain('<a href="/kb/ops/b/">B</a>');
    }
  });
});
