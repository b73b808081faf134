import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
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
