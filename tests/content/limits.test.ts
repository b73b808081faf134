import { describe, expect, it } from 'vitest';
import { MAX_EMPHASIS_MARKS, MAX_NESTING, MAX_PAGE_BYTES } from '../../src/lib/content/limits.ts';
import { outlineOf } from '../../src/lib/content/outline.ts';
import { errorsIn, modelOf, page } from '../helpers/model.ts';

const FRONT = '---\ntitle: T\n---\n';
const nestedList = (levels: number) => Array.from({ length: levels }, (_, i) => '  '.repeat(i) + '- item').join('\n') + '\n';

describe('page limits, checked before any Markdown parser runs', () => {
  it('reports 10,000 nested divs on the line where the limit is passed, and keeps the other pages', () => {
    const model = modelOf({ 'ops/deep.md': `${FRONT}Intro\n\n${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}\n`, 'ops/fine.md': '# Fine\n' });
    expect(errorsIn(model)).toEqual([
      expect.objectContaining({ file: 'content/ops/deep.md', line: 6, column: MAX_NESTING * 5 + 1, message: expect.stringMatching(/HTML elements are nested more than 100 levels deep/) }),
    ]);
    expect(page(model, 'ops/fine').title).toBe('Fine');
  });

  it('reports a 1,000-level list and 10,000 nested quotes', () => {
    const list = modelOf({ 'ops/list.md': `${FRONT}${nestedList(1000)}` });
    expect(errorsIn(list)).toEqual([expect.objectContaining({ file: 'content/ops/list.md', line: 4 + MAX_NESTING, message: expect.stringMatching(/lists and block quotes are nested more than 100 levels/) })]);
    const quotes = modelOf({ 'ops/quote.md': `${'>'.repeat(10_000)} deep\n` });
    expect(errorsIn(quotes)).toEqual([expect.objectContaining({ file: 'content/ops/quote.md', line: 1 })]);
  });

  it('lets ordinary nesting and HTML whose end tags may be left out pass', () => {
    const mentions = Array.from({ length: 150 }, (_, i) => `Item ${i}: wrap it in \`<div>\` or <span>a span <!-- <section> -->`).join('\n\n');
    const html = mentions + '\n\n<table>' + '<tr><td>cell'.repeat(300) + '</table>\n\n' + '<p>para\n'.repeat(300) + '\n<ul>' + '<li>x'.repeat(300) + '</ul>\n';
    const model = modelOf({ 'ops/ok.md': `${nestedList(30)}\n${'> '.repeat(20)}quote\n\n${html}\n\`\`\`html\n${'<div>'.repeat(80)}${'</div>'.repeat(80)}\n\`\`\`\n` });
    expect(errorsIn(model)).toEqual([]);
  });

  it('reports a page over the size limit', () => {
    const model = modelOf({ 'ops/huge.md': '# Huge\n' + 'word '.repeat(MAX_PAGE_BYTES / 5 + 10) });
    expect(errorsIn(model)).toEqual([expect.objectContaining({ file: 'content/ops/huge.md', line: 1, message: expect.stringMatching(/the page is 2\.0 MiB, more than the 2 MiB a page may be/) })]);
  });

  it('is not fooled by fences that are no code', () => {
    // A backtick in the info string makes the line text; a fence inside a list ends with the item.
    const text = modelOf({ 'ops/a.md': `\`\`\`x\`\n${'*_'.repeat(2000)}a\n` });
    expect(errorsIn(text)).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/4000 emphasis marks/) })]);
    const listed = modelOf({ 'ops/b.md': `- item\n  \`\`\`\n\n${'*_'.repeat(2000)}a\n` });
    expect(errorsIn(listed)).toEqual([expect.objectContaining({ line: 4, message: expect.stringMatching(/4000 emphasis marks/) })]);
    const pre = modelOf({ 'ops/c.md': `<pre>\n\n\`\`\`\n${'<div>'.repeat(200)}\n` });
    expect(errorsIn(pre)).toEqual([expect.objectContaining({ line: 4, message: expect.stringMatching(/HTML elements are nested/) })]);
  });

  it('reports nested emphasis that would take the parser minutes, on its paragraph', () => {
    // 30 KB of this took 88 s to build; 4 KB is enough to show the limit.
    const model = modelOf({ 'ops/stars.md': `${FRONT}# Stars\n\nFine *text*.\n\n${'*_'.repeat(2000)}a\n` });
    expect(errorsIn(model)).toEqual([
      expect.objectContaining({ file: 'content/ops/stars.md', line: 8, message: expect.stringMatching(/this paragraph has 4000 emphasis marks \(\*, _, ~\), more than the 500 allowed/) }),
    ]);
    const spread = modelOf({ 'ops/spread.md': Array.from({ length: 10 }, () => `${'a* '.repeat(MAX_EMPHASIS_MARKS - 10)}\n`).join('\n') });
    expect(errorsIn(spread)).toEqual([expect.objectContaining({ line: 9, message: expect.stringMatching(/too many emphasis marks .* up to here/) })]);
  });

  it('lets pages with a lot of ordinary emphasis pass', () => {
    const glossary = Array.from({ length: 600 }, (_, i) => `**term ${i}**: an _explained_ ~~old~~ word`).join('\n\n');
    const list = Array.from({ length: 600 }, (_, i) => `- **term ${i}**: an _explained_ word with a snake_case_name`).join('\n');
    const nested = Array.from({ length: 300 }, (_, i) => `${'    '.repeat(i % 3)}- **item ${i}** *note*`).join('\n');
    const table = '| a | b |\n| --- | --- |\n' + Array.from({ length: 400 }, (_, i) => `| **t${i}** | _x_ |`).join('\n');
    const code = '```\n' + '**/*.md '.repeat(2000) + '\n```\n\n- item\n\n  ```\n  ' + '**/*.md '.repeat(200) + '\n  ```\n';
    const model = modelOf({ 'ops/glossary.md': glossary, 'ops/list.md': list, 'ops/nested.md': nested, 'ops/table.md': table, 'ops/code.md': code });
    expect(errorsIn(model)).toEqual([]);
    expect(model.pages).toHaveLength(5);
  });

  it('names Markdown, not MDX, when a .md page cannot be parsed', () => {
    let thrown: unknown;
    try {
      outlineOf(`${'>'.repeat(10_000)} deep\n`, 'md');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error | undefined)?.message).toMatch(/^Markdown could not be parsed: the page nests too deeply/);
  });
});
