import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { loadConfig } from '../../src/lib/config/load-fs.ts';
import { parseFrontMatter } from '../../src/lib/content/front-matter.ts';
import { WikiContentError } from '../../src/lib/problems.ts';
import { writeFixture } from '../helpers/build-site.ts';
import { modelOf } from '../helpers/model.ts';

/** The "billion laughs" document: nine levels of aliases, each expanding the one before nine times. */
function billionLaughs(key = 'lol'): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) {
    const name = String.fromCharCode(97 + i);
    const previous = String.fromCharCode(96 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  lines.push(`${key}: *i`);
  return lines.join('\n') + '\n';
}

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('YAML alias bombs', () => {
  it('are a problem on the line of the first alias in front matter', () => {
    const { problems } = parseFrontMatter(`---\n${billionLaughs()}---\nBody\n`, 'content/ops/page.md');
    expect(problems).toEqual([expect.objectContaining({ file: 'content/ops/page.md', line: 3, severity: 'error' })]);
    expect(problems[0]!.message).toMatch(/invalid YAML: its aliases \(\*name\) repeat other values too many times/);
  });

  it('are a problem in community.yml, and the model still builds', () => {
    const model = modelOf({ 'ops/community.yml': billionLaughs('name'), 'ops/page.md': '# Page\n' });
    expect(model.problems).toEqual([expect.objectContaining({ file: 'content/ops/community.yml', line: 2, severity: 'error' })]);
    expect(model.pages.map((p) => p.id)).toEqual(['ops/page']);
  });

  it('are a problem in wiki.config.yml', () => {
    const root = writeFixture({ 'wiki.config.yml': billionLaughs('title') }, 'wiki-yaml-');
    roots.push(root);
    let thrown: unknown;
    try {
      loadConfig(root);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WikiContentError);
    expect((thrown as WikiContentError).problems).toEqual([expect.objectContaining({ file: 'wiki.config.yml', line: 2 })]);
  });

  it('leave a few ordinary aliases alone', () => {
    const { data, problems } = parseFrontMatter('---\ntags: &t [a, b]\nsummary: s\n---\n', 'content/x.md');
    expect(problems).toEqual([]);
    expect(data.tags).toEqual(['a', 'b']);
  });
});
