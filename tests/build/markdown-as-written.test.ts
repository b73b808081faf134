// Builds a wiki written the way existing repositories are: folders committed NFD, author anchors, tagged fences, HTML-only pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const NFD_JOSE = 'Jose\u0301';
const NFD_ZOE = 'Zoe\u0308';

describe('a wiki as people wrote it', () => {
  let site: BuiltSite;
  beforeAll(() => {
    const root = writeFixture({
      'wiki.config.yml': 'title: As written\n',
      'content/team/community.yml': 'name: Team\n',
      // Committed NFD (as macOS writes names), linked NFC; and the reverse.
      [`content/team/${NFD_JOSE}/README.md`]: '# José\n\n![me](photo.png)\n',
      [`content/team/${NFD_JOSE}/photo.png`]: PNG,
      'content/team/Zoë/README.md': '# Zoë\n',
      'content/team/README.md': [
        '# People',
        '',
        '[[TOC]]',
        '',
        '[José](José/README.md), [[José/README|José again]], ![José](Jos%C3%A9/photo.png),',
        `[Zoë](${NFD_ZOE}/README.md), [[${NFD_ZOE}/README|Zoë again]].`,
        '',
        'See [install](guide.md#install) and [[guide#faq]]; `[[not a link]]`.',
        '',
      ].join('\n'),
      'content/team/guide.md': '# Guide\n\n<a name="install"></a>\nInstall it.\n\n<div id="faq">FAQ</div>\n\nBack to [install](#install) or <a href="#faq">faq</a>.\n',
      'content/team/queries.md': '# Queries\n\n```SQL\nSELECT name FROM people;\n```\n\n```golang\npackage main\n```\n\n```Klingon\nqapla\n```\n',
      'content/team/html-only.md': '<div><p>hi there</p><img src="photo.png" onerror="alert(1)"></div>\n',
    });
    site = buildSite(root);
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  }, 240_000);
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('links NFC to a folder written NFD, and NFD to one written NFC', () => {
    const html = site.html('/team/');
    expect(html).toContain('href="/team/jos%C3%A9/"');
    expect(html).toContain('href="/team/zo%C3%AB/"');
    expect(html).toContain('src="/team/jos%C3%A9/photo.png"');
    expect(site.html('/team/jos%C3%A9/')).toContain('src="/team/jos%C3%A9/photo.png"');
    expect(existsSync(path.join(site.outDir, 'team', 'jos\u00e9', 'photo.png'))).toBe(true);
    const dirs = readdirSync(path.join(site.outDir, 'team'));
    expect(dirs).toContain('josé');
    expect(dirs).toContain('zoë');
  });

  it('renders [[TOC]] as nothing and double brackets in code as code', () => {
    const html = site.html('/team/');
    expect(html).not.toContain('[[TOC]]');
    expect(html).toContain('<code>[[not a link]]</code>');
  });

  it('lands links to author anchors on the sanitizer’s ids, from this page and others', () => {
    const guide = site.html('/team/guide/');
    expect(guide).toContain('name="user-content-install"');
    expect(guide).toContain('id="user-content-faq"');
    expect(guide).toContain('href="/team/guide/#user-content-install"');
    expect(guide).toContain('href="#user-content-faq"');
    const home = site.html('/team/');
    expect(home).toContain('href="/team/guide/#user-content-install"');
    expect(home).toContain('href="/team/guide/#user-content-faq"');
    expect(site.output).not.toMatch(/has no heading/);
  });

  it('highlights fences tagged SQL and golang, and leaves an unknown language plain without a warning', () => {
    const html = site.html('/team/queries/');
    expect(html).toContain('data-language="sql"');
    expect(html).toContain('data-language="go"');
    expect(html).toContain('data-language="plaintext"');
    expect(site.output).not.toContain('[Shiki]');
  });

  it('renders a page that is only HTML, sanitized', () => {
    const html = site.html('/team/html-only/');
    expect(html).toContain('<p>hi there</p>');
    expect(html).not.toContain('alert(1)');
    expect(existsSync(path.join(site.outDir, 'team/html-only/index.html'))).toBe(true);
  });
});
