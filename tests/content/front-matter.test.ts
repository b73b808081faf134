import { describe, expect, it } from 'vitest';
import { parseFrontMatter, splitFrontMatter } from '../../src/lib/content/front-matter.ts';

const parse = (text: string) => parseFrontMatter(text, 'content/x/page.md');

describe('splitting front matter', () => {
  it('finds the body line after the closing fence', () => {
    const split = splitFrontMatter('---\ntitle: A\ntags: [a]\n---\n# Body\n');
    expect(split.yaml).toBe('title: A\ntags: [a]\n');
    expect(split.bodyLine).toBe(5);
    expect(split.body).toBe('# Body\n');
  });
  it('treats a page without fences as all body', () => {
    expect(splitFrontMatter('# Title\n')).toEqual({ yamlLine: 1, body: '# Title\n', bodyLine: 1 });
  });
  it('accepts an empty block', () => {
    const split = splitFrontMatter('---\n---\nText');
    expect(split.yaml).toBe('');
    expect(split.bodyLine).toBe(3);
  });
});

describe('validating front matter', () => {
  it('accepts every documented field', () => {
    const { data, problems } = parse('---\ntitle: Index tuning\nsummary: How\ntags: [postgres, performance]\ntype: how-to\nstatus: stable\nreview-by: 2027-01-31\nlang: fr\n---\nBody');
    expect(problems).toEqual([]);
    expect(data).toMatchObject({ title: 'Index tuning', tags: ['postgres', 'performance'], type: 'how-to', status: 'stable', 'review-by': '2027-01-31', lang: 'fr' });
  });
  it('reports malformed YAML with its file line', () => {
    const { problems } = parse('---\ntitle: A\ntags: [a, b\n---\nBody');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/x/page.md', severity: 'error' });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
    expect(problems[0]!.message).toMatch(/invalid YAML/);
  });
  it('reports a field of the wrong type on the line of that field', () => {
    const { problems } = parse('---\ntitle: A\ntype: tutorial\nstatus: 3\n---\n');
    expect(problems.map((p) => [p.line, p.severity, p.message.split(':')[0]])).toEqual([
      [3, 'warning', 'type'],
      [4, 'error', 'status'],
    ]);
    expect(problems[0]!.message).toContain('how-to');
  });
  it('keeps an unknown type as plain text with a warning, and other generators\' fields as they are', () => {
    const { data, problems } = parse('---\ntitle: A\ntype: docs\nlayout: post\nweight: 3\ndate: 2020-01-01\npermalink: /x/\n---\n');
    expect(problems).toEqual([expect.objectContaining({ line: 3, severity: 'warning', message: expect.stringMatching(/^type: "docs" is not one of/) })]);
    expect(data).toMatchObject({ title: 'A', typeText: 'docs', layout: 'post', weight: 3, permalink: '/x/' });
    expect(data.type).toBeUndefined();
  });
  it('reports a first line of more than three dashes on that line', () => {
    const { problems } = parse('-----\ntitle: A\n---\n# A\n');
    expect(problems).toEqual([expect.objectContaining({ line: 1, severity: 'error', message: expect.stringMatching(/opens with "-----".*exactly three dashes/) })]);
    expect(parse('\n\n----\ntitle: A\n---\n').problems[0]).toMatchObject({ line: 3 });
    // A thematic break that is not followed by a field is Markdown, not front matter.
    expect(parse('-----\n\n# A\n').problems).toEqual([]);
  });
  it('reads front matter after blank lines, as Astro does', () => {
    const { data, problems, bodyLine } = parse('\n\n---\ntitle: A\n---\n# A\n');
    expect(problems).toEqual([]);
    expect(data.title).toBe('A');
    expect(bodyLine).toBe(6);
  });
  it('refuses dates that do not exist instead of rolling them over', () => {
    const { problems } = parse('---\nreview-by: 2023-02-30\n---\n');
    expect(problems[0]).toMatchObject({ line: 2 });
    expect(problems[0]!.message).toMatch(/review-by: is not a real calendar date/);
    expect(parse('---\nreview-by: 30/01/2024\n---\n').problems[0]!.message).toMatch(/YYYY-MM-DD/);
  });
  it('keeps what the author typed when YAML would change the type', () => {
    expect(parse('---\ntitle: 1e3\n---\n').data.title).toBe('1e3');
    expect(parse('---\ntitle: yes\ntags: [2024, 1.50]\n---\n').data).toMatchObject({ title: 'yes', tags: ['2024', '1.50'] });
    expect(parse('---\ntitle: null\n---\n').data.title).toBeUndefined();
  });
  it('reports an unclosed block and TOML front matter', () => {
    expect(parse('---\ntitle: A\n# Body').problems[0]!.message).toMatch(/never closed/);
    expect(parse('+++\ntitle = "A"\n+++\n').problems[0]!.message).toMatch(/TOML/);
  });
  it('refuses front matter that is a list or text', () => {
    expect(parse('---\n- a\n- b\n---\n').problems[0]!.message).toMatch(/field: value/);
  });
});
