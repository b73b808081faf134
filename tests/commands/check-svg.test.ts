// `wiki check` reads SVG assets as browsers do: compressed .svgz and UTF-16 files are checked too, editors' exports pass; a refused one is a warning, a link to it broken.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeFixtureInRepository as writeFixture } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

const SCRIPT_SVG = '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>';
const benign = (name: string) => readFileSync(path.join(import.meta.dirname, '../fixtures/svg/benign', name), 'utf8');

describe('wiki check on SVG assets', () => {
  it('warns about script hidden in .svgz and UTF-16 files with file:line, passes real exports, and fails on a link to a refused one', () => {
    const root = writeFixture({
      'wiki.config.yml': 'title: Fixture\nbrokenLinks: error\n',
      'content/ops/README.md': '# Ops\n',
      // A page in the folder publishes its files, so each is checked.
      'content/ops/files/README.md': '# Files\n\n![wide](wide.svg)\n',
      'content/ops/files/inkscape.svg': benign('inkscape.svg'),
      'content/ops/files/drawio.svg': benign('drawio.svg'),
      'content/ops/files/prefixed.svg': '<svg xmlns="http://www.w3.org/2000/svg">\n<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script></svg>',
    });
    writeFileSync(path.join(root, 'content/ops/files/zipped.svgz'), gzipSync(SCRIPT_SVG));
    writeFileSync(path.join(root, 'content/ops/files/wide.svg'), Buffer.from('\uFEFF' + SCRIPT_SVG, 'utf16le'));
    const result = wiki(root, ['check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/content\/ops\/files\/zipped\.svgz:2:1: warning: SVG contains <script>/);
    expect(result.stdout).toMatch(/content\/ops\/files\/wide\.svg:2:1: warning: SVG contains <script>/);
    expect(result.stdout).toMatch(/content\/ops\/files\/prefixed\.svg:2:1: warning: SVG contains <script> \(<s:script>/);
    expect(result.stdout).toMatch(/content\/ops\/files\/README\.md:3:1: error: broken link to "wide\.svg": wide\.svg is not published: SVG contains <script>/);
    expect(result.stdout).not.toMatch(/inkscape\.svg|drawio\.svg/);
    expect(result.stdout).toMatch(/wiki check failed: 1 error, 3 warnings/);
  });
});
