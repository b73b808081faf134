// Copying assets into the build folder never replaces a file the build already wrote.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { copyAssets } from '../../src/integration/assets-fs.ts';
import type { Asset } from '../../src/lib/content/types.ts';
import { toContentPath } from '../../src/lib/content/paths.ts';
import { writeFixture } from '../helpers/build-site.ts';

describe('copyAssets', () => {
  const root = writeFixture({ 'content/ops/a.png': 'new', 'content/ops/b.png': 'b', 'dist/ops/a.png': 'already there', 'dist/ops/deploy': 'a file' });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const asset = (id: string, p: string): Asset => ({ id, path: toContentPath(p), file: `content/${p}` });

  it('copies new files and reports, without overwriting, a file already written at an asset\'s path', () => {
    const result = copyAssets(
      [asset('ops/a.png', 'ops/a.png'), asset('ops/b.png', 'ops/b.png'), asset('ops/deploy/c.png', 'ops/b.png')],
      path.join(root, 'content'),
      path.join(root, 'dist'),
    );
    expect(result.copied).toBe(1);
    expect(result.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'content/ops/a.png: cannot be published at /ops/a.png without replacing what the build already wrote there: rename or move it',
      'content/ops/b.png: cannot be published at /ops/deploy/c.png without replacing what the build already wrote there: rename or move it',
    ]);
    expect(readFileSync(path.join(root, 'dist/ops/a.png'), 'utf8')).toBe('already there');
    expect(readFileSync(path.join(root, 'dist/ops/b.png'), 'utf8')).toBe('b');
  });
});
