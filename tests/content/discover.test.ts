import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { discoverContent } from '../../src/lib/content/discover-fs.ts';
import { writeFixture } from '../helpers/build-site.ts';

describe('discovering the content folder', () => {
  const root = writeFixture(
    {
      'ops/community.yml': 'name: Ops',
      'ops/README.md': '# Ops',
      'ops/runbooks/Restore Plan.md': '# Restore',
      'ops/runbooks/community.yml': 'name: not a community file at this depth',
      'ops/images/flow.png': 'png',
      'ops/.obsidian/app.json': '{}',
      'ops/node_modules/x/readme.md': 'dependency',
      '.github/CODEOWNERS': '*',
      'welcome.md': '# Welcome',
      'community.yml': 'name: General',
      'recherche/Cafe\u0301.md': 'NFD on disk',
    },
    'wiki-discover-',
  );
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const found = discoverContent(root);

  it('finds pages in nested folders and at the root, with NFC paths', () => {
    expect(found.pages.map((p) => p.path).sort()).toEqual(['ops/README.md', 'ops/runbooks/Restore Plan.md', 'recherche/Café.md', 'welcome.md']);
    expect(found.pages.find((p) => p.path === 'welcome.md')?.source).toBe('# Welcome');
  });
  it('reads community.yml only at the content root and in community folders', () => {
    expect(found.communityFiles.map((c) => c.folder).sort()).toEqual(['', 'ops']);
  });
  it('treats every other file as an asset and skips dot-folders and node_modules', () => {
    expect(found.assets.map((a) => a.path).sort()).toEqual(['ops/images/flow.png', 'ops/runbooks/community.yml']);
  });
  it('reads an absolute content folder the same way', () => {
    expect(discoverContent(path.resolve(root)).pages).toHaveLength(4);
  });
});

describe('links and special files in the content folder', () => {
  const outside = writeFixture({ 'secret.md': 'SECRET=hunter2' }, 'wiki-outside-');
  const root = writeFixture(
    {
      'ops/README.md': '# Ops',
      'ops/real.md': '# Real page',
      'ops/shared/diagram.png': 'png',
      '.env': 'TOKEN=x',
    },
    'wiki-links-',
  );
  symlinkSync('/proc/self/environ', path.join(root, 'ops/environ.md'));
  symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'ops/secret.md'));
  symlinkSync('../../', path.join(root, 'ops/shared/up'));
  symlinkSync('self.md', path.join(root, 'ops/self.md'));
  symlinkSync('missing.png', path.join(root, 'ops/dangling.png'));
  symlinkSync('../.env', path.join(root, 'ops/env.txt'));
  symlinkSync('real.md', path.join(root, 'ops/alias.md'));
  symlinkSync('shared', path.join(root, 'ops/linked'));
  execFileSync('mkfifo', [path.join(root, 'ops/pipe.md')]);
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  const found = discoverContent(root, (p) => `content/${p}`);
  const messages = found.problems.map((p) => `${p.file}: ${p.severity}: ${p.message}`);

  it('refuses links that leave the content folder, naming the link, without reading the target', () => {
    expect(messages).toContainEqual(expect.stringMatching(/^content\/ops\/environ\.md: error: is a symlink to something outside the content folder/));
    expect(messages).toContainEqual(expect.stringMatching(/^content\/ops\/secret\.md: error: is a symlink to something outside/));
    expect(messages).toContainEqual(expect.stringMatching(/^content\/ops\/env\.txt: error: is a symlink to something outside the content folder \(or in a hidden folder\)/));
    const sources = found.pages.map((p) => p.source).join('\n');
    expect(sources).not.toContain('hunter2');
    expect(sources).not.toMatch(/PATH=|HOME=/);
    expect(found.pages.map((p) => p.path)).not.toContain('ops/environ.md');
  });
  it('reports loops as errors instead of walking them', () => {
    expect(messages).toContain('content/ops/shared/up: error: is a symlink loop (it points to a folder that contains it): remove it');
    expect(messages).toContain('content/ops/self.md: error: is a symlink loop (it leads back to itself): remove it');
  });
  it('leaves out dangling links and FIFOs, listed with a warning, without opening them', () => {
    const skipped = found.skipped.map((f) => `${f.file}: ${f.severity}: not published: ${f.reason}`);
    expect(skipped).toContainEqual(expect.stringMatching(/^content\/ops\/dangling\.png: warning: not published: a symlink to nothing/));
    expect(skipped).toContainEqual(expect.stringMatching(/^content\/ops\/pipe\.md: warning: not published: not a regular file/));
  });
  it('follows links that stay inside the content folder', () => {
    expect(found.pages.find((p) => p.path === 'ops/alias.md')?.source).toBe('# Real page');
    expect(found.assets.map((a) => a.path).sort()).toEqual(['ops/linked/diagram.png', 'ops/shared/diagram.png']);
    // ops/linked is ops/shared, so its loop is reported under both names.
    expect(messages).toContain('content/ops/linked/up: error: is a symlink loop (it points to a folder that contains it): remove it');
    expect(found.problems).toHaveLength(6);
  });
});
