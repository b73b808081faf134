// The draft a new page starts from, and "did you mean" for community names.
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/lib/content/front-matter.ts';
import { aYearAfter, newPageText, pageFileName } from '../../src/lib/contributing/new-page.ts';
import { editDistance, nearest } from '../../src/lib/contributing/suggest.ts';

describe('new page', () => {
  it('names the file after the title slug', () => {
    expect(pageFileName('Rotate TLS Certificates (2026)')).toBe('rotate-tls-certificates-2026.md');
    expect(pageFileName('Índice útil')).toBe('índice-útil.md');
    expect(pageFileName('!!!')).toBeUndefined();
  });

  it('sets review-by a year later, 29 February becoming 28 February', () => {
    expect(aYearAfter('2026-11-22')).toBe('2027-11-22');
    expect(aYearAfter('2028-02-29')).toBe('2029-02-28');
  });

  it('writes front matter the wiki accepts', () => {
    const text = newPageText({ title: 'Yes: "quoted" #1', type: 'how-to', tags: ['postgres', 'on call'], today: '2026-11-22' });
    const parsed = parseFrontMatter(text, 'x.md');
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toMatchObject({ title: 'Yes: "quoted" #1', tags: ['postgres', 'on call'], type: 'how-to', status: 'draft', 'review-by': '2027-11-22' });
    expect(parsed.data.summary).toBe('');
    expect(parseFrontMatter(newPageText({ title: 'T', today: '2026-01-01' }), 'y.md').data).toMatchObject({ tags: [], status: 'draft' });
  });
});

describe('suggestions', () => {
  const communities = [
    { slug: 'platform-engineering', name: 'Platform engineering' },
    { slug: 'user-research', name: 'User research' },
  ];
  const names = (c: (typeof communities)[number]) => [c.slug, c.name];

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('Ops', 'ops')).toBe(0);
  });

  it('finds the nearest community by slug, name or first word, and nothing for unrelated input', () => {
    expect(nearest('plattform', communities, names)?.slug).toBe('platform-engineering');
    expect(nearest('user-reserch', communities, names)?.slug).toBe('user-research');
    expect(nearest('research', communities, names)?.slug).toBe('user-research');
    expect(nearest('zzzzzzzz', communities, names)).toBeUndefined();
  });
});
