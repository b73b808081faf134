// `wiki check` lists files left out by type, links out of the content folder, loops and files on reserved routes.
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixtureInRepository as writeFixture } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

const clean = {
  'wiki.config.yml': 'title: Fixture\n',
  'content/ops/README.md': '# Ops\n\nSee [[deploy]].\n',
  'content/ops/deploy.md': '# Deploy\n',
};

describe('wiki check on hostile files', () => {
  it('warns about every file it would leave out, and passes', () => {
    const root = writeFixture({
      ...clean,
      'content/media/page.html': '<script>alert(1)</script>',
      'content/media/sw.js': 'self.onfetch = () => {}',
      'content/media/photo.png': 'png',
      'content/ops/deploy.md': '# Deploy\n\n![photo](../media/photo.png)\n',
    });
    const result = wiki(root, ['check']);
    expect(result.stdout).toContain("content/media/page.html: warning: not published: .html files run script on the site's origin; link to it elsewhere or convert it to a page");
    expect(result.stdout).toContain('content/media/sw.js: warning: not published: .js files run as script on the site\'s origin');
    expect(result.stdout).not.toContain('photo.png');
    expect(result.stdout).toContain('wiki check passed: 0 errors, 2 warnings');
    expect(result.status).toBe(0);
  });

  it('fails on links out of the content folder, loops, other spellings of a community folder and reserved routes', () => {
    const root = writeFixture({
      ...clean,
      'content/OPS/runbook/index.html': '<h1>Replaced</h1>',
      'content/search/logo.png': 'png',
      'content/ops/deploy.md': '# Deploy\n\n![logo](../search/logo.png)\n',
    });
    symlinkSync('/proc/self/environ', path.join(root, 'content/ops/environ.md'));
    symlinkSync('..', path.join(root, 'content/ops/loop'));
    const result = wiki(root, ['check']);
    expect(result.stdout).toMatch(/^content\/ops\/environ\.md: error: is a symlink to something outside the content folder/m);
    expect(result.stdout).toMatch(/^content\/ops\/loop: error: is a symlink loop/m);
    expect(result.stdout).toMatch(/^content\/ops: error: the folders content\/ops and content\/OPS are one community/m);
    expect(result.stdout).toMatch(/^content\/OPS\/runbook\/index\.html: warning: not published: \.html files/m);
    expect(result.stdout).toMatch(/^content\/search\/logo\.png: error: .*inside \/search\/, which is the site's search page/m);
    expect(result.stdout).toMatch(/wiki check failed: 4 errors, 1 warning/);
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at |ELOOP|PATH=/m);
    expect(result.status).toBe(1);
  });
});
