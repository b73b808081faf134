// Raw HTML links inside Astro's real Markdown processor: resolved like Markdown links, the Markdown's own links left alone, hostile URLs inert.
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { buildPageIndex } from '../../src/lib/links/page-index.ts';
import type { RepositoryContext } from '../../src/lib/links/repository-links.ts';
import { rehypeSanitizeContent } from '../../src/lib/markdown/rehype-sanitize-content.ts';
import { remarkWikiLinks } from '../../src/lib/markdown/remark-wiki-links.ts';
import { modelOf, page } from '../helpers/model.ts';

const model = modelOf({
  'ops/deploy.md': '# Deploy\n\n<a name="rollback"></a>\n',
  'ops/images/flow.png': '',
  // The page uses the image, so it is published (published-assets.ts).
  'ops/page.md': '# Page\n\n![flow](images/flow.png)\n',
});
const index = buildPageIndex(model.pages, model.assets);
const from = page(model, 'ops/page');
const repository: RepositoryContext = {
  contentInRepository: 'docs',
  files: { entries: new Map([['tools/run.sh', { path: 'tools/run.sh', kind: 'file' }]]), truncated: false, cap: 10 },
  forge: { forge: 'gitlab', web: 'https://gitlab.com/g/r', branch: 'main' },
};
const markupToken = 'secret-token';

async function render(markdown: string): Promise<string> {
  const options = { base: '/kb/', index, pageForFile: () => from, repository };
  const processor = await createMarkdownProcessor({
    syntaxHighlight: false,
    remarkPlugins: [[remarkWikiLinks, { ...options, markupToken }]],
    rehypePlugins: [[rehypeSanitizeContent, { markupToken, rawHtmlLinks: options }]],
  });
  return (await processor.render(markdown, { fileURL: new URL('file:///repo/docs/ops/page.md') })).code;
}

describe('raw HTML links', () => {
  it('resolve to pages, fragments on authors anchors, assets and the forge', async () => {
    const html = await render(
      '<a href="deploy.md#rollback">d</a> <img src="images/flow.png" alt="f"> <a href="/tools/run.sh">t</a> <a href="../../tools/run.sh">u</a>\n\n' +
        '<picture><source srcset=" images/flow.png 2x , https://cdn.example/x.png 1x"><img src="images/flow.png" alt="p"></picture>',
    );
    expect(html).toContain('<a href="/kb/ops/deploy/#user-content-rollback">d</a>');
    expect(html).toContain('<img src="/kb/ops/images/flow.png" alt="f">');
    expect(html).toContain('<a href="https://gitlab.com/g/r/-/blob/main/tools/run.sh">t</a>');
    expect(html).toContain('<a href="https://gitlab.com/g/r/-/blob/main/tools/run.sh">u</a>');
    expect(html).toContain('<source srcset="/kb/ops/images/flow.png 2x, https://cdn.example/x.png 1x">');
  });

  it('leave the links Markdown made as they are, even beside raw HTML claiming to be Markdown', async () => {
    const html = await render('[m](deploy.md) <a href="deploy.md" data-wiki-from-markdown="guess">r</a> <span>[[deploy]]</span>');
    expect(html).toContain('<a href="/kb/ops/deploy/">m</a>');
    expect(html).toContain('<a href="/kb/ops/deploy/">r</a>');
    expect(html).not.toContain('data-wiki-from-markdown');
  });

  it('render broken ones as marked text and keep hostile URLs from becoming links', async () => {
    const html = await render(
      '<a href="gone.md">g <b>bold</b></a> <img src="no.png" alt="alt words"> <a href="/../../etc/passwd">e</a> <a href="..%2f..%2f..%2fetc%2fpasswd">p</a> ' +
        '<a href="java\tscript:alert(1)">j</a> <a href="/\\evil.example">b</a> <a href="//evil.example/">x</a>',
    );
    expect(html).toContain('<span class="wikilink-broken" title="Broken link: no such page file">g <b>bold</b></span>');
    expect(html).toContain('<span class="wikilink-broken" title="Broken link: no such file in the content folder">alt words</span>');
    expect(html).toContain('<span class="wikilink-broken" title="Broken link: the link climbs above the repository root">e</span>');
    expect(html).toContain('<span class="wikilink-broken" title="Broken link: the link climbs above the repository root">p</span>');
    expect(html).toContain('<a>j</a>');
    expect(html).toContain('<span class="wikilink-broken" title="Broken link: no such file in the repository">b</span>');
    expect(html).toContain('<a href="//evil.example/">x</a>');
    expect(html).not.toMatch(/passwd|javascript/);
  });
});
