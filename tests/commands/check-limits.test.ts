// `wiki check` reports the same page limits as the build, with file:line and no stack trace.
import { describe, expect, it } from 'vitest';
import { writeFixtureInRepository as writeFixture } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

function billionLaughs(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
  return [...lines, 'title: *i'].join('\n') + '\n';
}

describe('wiki check on hostile pages', () => {
  it('lists nesting, emphasis, alias bombs and query images like the build does', () => {
    const root = writeFixture({
      'wiki.config.yml': 'title: Fixture\n',
      'content/ops/README.md': '# Ops\n',
      'content/ops/divs.md': `# Divs\n\n${'<div>'.repeat(10_000)}x\n`,
      'content/ops/stars.md': `# Stars\n\n${'*_'.repeat(15_000)}a\n`,
      'content/ops/laughs.md': `---\n${billionLaughs()}---\n# L\n`,
      'content/ops/images.md': '# Images\n\n![x](?raw)\n',
    });
    const result = wiki(root, ['check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('content/ops/divs.md:3:501: error: HTML elements are nested more than 100 levels deep');
    expect(result.stdout).toContain('content/ops/stars.md:3: error: this paragraph has 30000 emphasis marks');
    expect(result.stdout).toMatch(/content\/ops\/laughs\.md:3:\d+: error: invalid YAML: its aliases/);
    expect(result.stdout).toContain('content/ops/images.md:3:1: error: image "?raw"');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
  });
});
