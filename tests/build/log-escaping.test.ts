// The build's log lines quote content (titles, file names) and the wiki's folder: hostile characters in them print escaped.
import { describe, expect, it } from 'vitest';
import { buildSite, writeFixture } from '../helpers/build-site.ts';

/** What must never reach the log raw: C0 (but newlines), DEL, C1, bidi controls. */
const RAW_UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('build log', () => {
  it('escapes control and bidi characters from content and paths in every line the wiki logs', () => {
    // The folder name reaches the "pages in communities from …" line, which no problem formatter touches.
    const root = writeFixture(
      {
        'wiki.config.yml': 'title: Fixture\n',
        'content/ops/a.md': '---\ntitle: "A \\e[2J\\e]0;owned\\a \\u202Eevil"\n---\nText.\n',
        'content/ops/\x1b[31mred.md': '# Red\n\nSee [[a#nowhere]].\n',
      },
      'wiki-\x1b[35m\u202e-',
    );
    const site = buildSite(root, { env: { NO_COLOR: '1', FORCE_COLOR: '0' } });
    expect(site.status, site.output).toBe(0);
    const wikiLines = site.output.split('\n').filter((line) => line.includes('[cop-wiki]'));
    expect(wikiLines.some((line) => line.includes('\\x1b[31mred.md') && line.includes('\\x1b[2J\\x1b]0;owned\\x07 \\u202eevil')), site.output).toBe(true);
    expect(wikiLines.some((line) => line.includes('pages in 1 communities from') && line.includes('wiki-\\x1b[35m\\u202e-')), site.output).toBe(true);
    for (const line of wikiLines) expect(line).not.toMatch(RAW_UNSAFE);
  });
});
