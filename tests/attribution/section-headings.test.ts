// Tests that section credits, the page outline and the rendered heading ids name the same headings, so no credit loses its heading.
import type { Element, Root as HastRoot } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import rehypeRaw from 'rehype-raw';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { sectionCredits, sectionCreditsOf, sourceHeadings } from '../../src/lib/attribution/sections.ts';
import { parseMarkdown } from '../../src/lib/content/markdown-parser.ts';
import { rehypeHeadingAnchors } from '../../src/lib/markdown/rehype-heading-anchors.ts';
import { ada, grace, history, rev } from '../helpers/history-fixtures.ts';
import { modelOf, page } from '../helpers/model.ts';

const markdown = [
  '---',
  'title: Runbook',
  '---',
  'Intro.',
  '',
  '## Set up `psql`',
  'Text.',
  '',
  '## *Careful* with [the docs](other.md)',
  'Text.',
  '',
  '### Set up `psql`',
  'A repeat.',
  '',
  '## Press <kbd>Ctrl</kbd>+<kbd>C</kbd>',
  'Text.',
  '',
  '## Logo ![the logo](logo.png)',
  'Text.',
  '',
  '#### Too deep for a credit',
  'Text.',
].join('\n') + '\n';

const mdx = ['# Home', '', '## Start **here**', 'Text.', '', '## Start **here**', 'Again.', '', '## Then `code`', 'Text.'].join('\n') + '\n';

/** Every line by Ada except the last, so the page has two authors and every section gets a credit. */
function creditsOf(source: string, format: 'md' | 'mdx') {
  const a = rev(ada, '2025-01-01T10:00:00Z');
  const g = rev(grace, '2025-02-01T10:00:00Z');
  const lines = source.split('\n').length - 1;
  return sectionCredits(source, format, history([g, a], Array.from({ length: lines }, (_, i) => (i === lines - 1 ? g.commit : a.commit))));
}

/** The ids the heading anchors give the rendered page (raw HTML parsed first, as the sanitizer does). */
function renderedIds(body: string): string[] {
  const hast = toHast(parseMarkdown(body, 'md'), { allowDangerousHtml: true }) as HastRoot;
  const parsed = rehypeRaw()(hast, new VFile()) as HastRoot;
  rehypeHeadingAnchors()(parsed);
  const ids: string[] = [];
  visit(parsed, 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName) && typeof node.properties.id === 'string') ids.push(node.properties.id);
  });
  return ids;
}

describe('section credits and headings', () => {
  it('take the same headings, lines and all, from the content model as from parsing the file again', () => {
    const setext = ['---', 'title: T', 'tags: [a]', '---', 'Intro', '=====', '', '- ## In a list', '', '> ### Quoted', '', 'Plain', '-----', '', '```', '## not a heading', '```', '<h2>HTML</h2>', ''].join('\n');
    const model = modelOf({ 'ops/runbook.md': markdown, 'ops/setext.md': setext, 'ops/home.mdx': mdx });
    for (const [id, source, format] of [['ops/runbook', markdown, 'md'], ['ops/setext', setext, 'md'], ['ops/home', mdx, 'mdx']] as const) {
      const fromModel = page(model, id).headings;
      expect(fromModel).toEqual(sourceHeadings(source, format));
      expect(fromModel.length).toBeGreaterThan(1);
      const a = rev(ada, '2025-01-01T10:00:00Z');
      const g = rev(grace, '2025-02-01T10:00:00Z');
      const lines = source.split('\n').length - 1;
      const h = history([g, a], Array.from({ length: lines }, (_, i) => (i % 2 ? g.commit : a.commit)));
      expect(sectionCreditsOf(source, () => fromModel, h)).toEqual(sectionCredits(source, format, h));
    }
  });

  it('cover exactly the outline headings a credit is for, with the ids the rendered page has', () => {
    const model = modelOf({ 'ops/runbook.md': markdown });
    const outline = page(model, 'ops/runbook').headings;
    const credits = creditsOf(markdown, 'md');
    expect(credits.map((c) => c.slug)).toEqual(outline.filter((h) => h.depth <= 3).map((h) => h.slug));
    expect(credits.map((c) => c.text)).toEqual(outline.filter((h) => h.depth <= 3).map((h) => h.text));
    expect(outline.map((h) => h.slug)).toEqual(renderedIds(markdown.split('---\n')[2]!));
    expect(outline.map((h) => h.slug)).toEqual([
      'set-up-psql',
      'careful-with-the-docs',
      'set-up-psql-1',
      'press-ctrlc',
      'logo-',
      'too-deep-for-a-credit',
    ]);
  });

  it('do the same on an .mdx page, repeats numbered', () => {
    const model = modelOf({ 'ops/home.mdx': mdx });
    const outline = page(model, 'ops/home').headings;
    expect(creditsOf(mdx, 'mdx').map((c) => c.slug)).toEqual(outline.map((h) => h.slug));
    expect(outline.map((h) => h.slug)).toEqual(['home', 'start-here', 'start-here-1', 'then-code']);
  });
});
