import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { fromHtml } from 'hast-util-from-html';
import { VFile } from 'vfile';
import { creditSummary, rehypeSectionCredits } from '../../src/lib/markdown/rehype-section-credits.ts';
import type { SectionCredit } from '../../src/lib/attribution/sections.ts';

const author = (name: string, lines: number, share: number, coAuthoredLines = 0) => ({ name, email: `${name.toLowerCase()}@example.org`, lines, share, coAuthoredLines });

describe('section credits in the page', () => {
  it('sums up who wrote a section', () => {
    expect(creditSummary([author('Ada', 3, 1)])).toBe('Written by Ada');
    expect(creditSummary([author('Ada', 6, 0.6), author('Grace', 3, 0.3), author('Linus', 1, 0.1)])).toBe('Written by Ada 60%, Grace 30% and 1 more');
    expect(creditSummary([author('Ada', 3, 1), author('Linus', 0, 0, 3)])).toBe('Written by Ada with Linus');
  });

  it('puts a <details> after the credited heading, names as text, people linked', () => {
    const tree = fromHtml('<h2 id="setup">Setup</h2><p>x</p><h2 id="other">Other</h2>', { fragment: true }) as Root;
    const credit: SectionCredit = {
      slug: 'setup', text: 'Setup', depth: 2, startLine: 1, endLine: 3,
      authors: [author('<Ada>', 2, 0.5), author('Grace', 2, 0.5)],
      updated: { date: '2026-01-02T10:00:00+01:00' } as SectionCredit['updated'],
    };
    const file = new VFile({ path: '/content/ops/page.md' });
    rehypeSectionCredits({ creditsForFile: (f) => (f === '/content/ops/page.md' ? [credit] : undefined), personHref: (e) => (e.startsWith('grace') ? '/people/grace/' : undefined) })(tree, file);
    expect(toHtml(tree)).toBe(
      '<h2 id="setup">Setup</h2><details class="section-credit" data-section="setup" data-pagefind-ignore="all"><summary>Written by &#x3C;Ada> 50%, Grace 50%</summary>' +
        '<ul><li>&#x3C;Ada> · 2 lines (50%)</li><li><a href="/people/grace/">Grace</a> · 2 lines (50%)</li><li>Last changed <time datetime="2026-01-02T10:00:00+01:00">2026-01-02</time></li></ul></details>' +
        '<p>x</p><h2 id="other">Other</h2>',
    );
  });
});
