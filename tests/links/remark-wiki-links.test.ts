// The wikilink plugin inside Astro's real unified Markdown processor.
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { buildPageIndex } from '../../src/lib/links/page-index.ts';
import { remarkTitleHeading } from '../../src/lib/markdown/remark-title-heading.ts';
import { remarkWikiLinks } from '../../src/lib/markdown/remark-wiki-links.ts';
import { modelOf, page } from '../helpers/model.ts';

const model = modelOf({
  'ops/deploy-checklist.md': '# Deploy checklist\n## Before you start\n',
  'ops/runbooks/restore.md': '# Restore from backup\n',
  'ops/images/flow.png': '',
  'research/Interview notes.md': '# Interview notes\n',
  // Linked from a page, so it is published (an asset no page links to, outside folders of pages, is not).
  'ops/page.md': '# Page\n\n![flow](images/flow.png)\n',
});
const index = buildPageIndex(model.pages, model.assets);
const from = page(model, 'ops/page');

async function render(markdown: string): Promise<string> {
  const processor = await createMarkdownProcessor({
    syntaxHighlight: false,
    remarkPlugins: [
      [remarkTitleHeading, { titleForFile: () => from.title }],
      [remarkWikiLinks, { base: '/kb/', index, pageForFile: () => from }],
    ],
  });
  const { code } = await processor.render(markdown, { fileURL: new URL('file:///content/ops/page.md') });
  return code;
}

describe('remarkWikiLinks', () => {
  it('turns wikilinks into links showing the target title, a label or a heading', async () => {
    const html = await render('[[deploy-checklist]], [[runbooks/restore|restore it]], [[deploy-checklist#Before you start]] and [[#Section]].');
    expect(html).toContain('<a href="/kb/ops/deploy-checklist/" class="wikilink" data-wikilink="deploy-checklist">Deploy checklist</a>');
    expect(html).toContain('<a href="/kb/ops/runbooks/restore/" class="wikilink" data-wikilink="runbooks/restore">restore it</a>');
    expect(html).toContain('href="/kb/ops/deploy-checklist/#before-you-start" class="wikilink" data-wikilink="deploy-checklist">Deploy checklist › Before you start</a>');
    expect(html).toContain('<a href="/kb/ops/page/#section" class="wikilink" data-wikilink="#">Section</a>');
  });

  it('marks links into another community', async () => {
    expect(await render('[[research/Interview notes]]')).toContain(
      '<a href="/kb/research/interview-notes/" class="wikilink wikilink-cross" data-wikilink="research/Interview notes" data-wiki-community="research">Interview notes</a>',
    );
  });

  it('leaves code alone and rewrites relative page and asset links to site URLs', async () => {
    const html = await render('`[[deploy-checklist]]` [back](deploy-checklist.md#before-you-start) ![flow](images/flow.png) [out](https://example.org/x.md)');
    expect(html).toContain('<code>[[deploy-checklist]]</code>');
    expect(html).toContain('<a href="/kb/ops/deploy-checklist/#before-you-start">back</a>');
    expect(html).toContain('<img src="/kb/ops/images/flow.png" alt="flow">');
    expect(html).toContain('<a href="https://example.org/x.md">out</a>');
  });

  it('renders a broken wikilink as marked text with a title saying why, not merged into the text beside it', async () => {
    const html = await render('See [[missing page]], [[gone|the label]] and [[#]] here.');
    expect(html).toContain('See <span class="wikilink wikilink-broken" title="Broken link: no page has this path, file name or title">missing page</span>, ');
    expect(html).toContain('<span class="wikilink wikilink-broken" title="Broken link: no page has this path, file name or title">the label</span> and');
  });

  it('renders broken relative links, images and references as marked text with no href or src', async () => {
    const html = await render('[gone](nowhere.md#x), ![a diagram](images/none.png), [ref][r] and [ok](deploy-checklist.md).\n\n[r]: ../missing/\n');
    expect(html).toContain('<span class="wikilink-broken" title="Broken link: no such page file">gone</span>');
    expect(html).toContain('<span class="wikilink-broken" title="Broken link: no such file in the content folder">a diagram</span>');
    expect(html).toContain('<span class="wikilink-broken" title="Broken link: no such file in the content folder">ref</span>');
    expect(html).toContain('<a href="/kb/ops/deploy-checklist/">ok</a>');
    expect(html).not.toMatch(/nowhere|none\.png|missing/);
  });

  it('drops a first heading that repeats the page title, and only that', async () => {
    expect(await render('# Page\n\nText')).not.toContain('<h1');
    expect(await render('# Something else\n\nText')).toContain('<h1 id="something-else">Something else</h1>');
  });
});
