// The safety net after the build: a page of the model without a written index.html is a problem naming its file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pagesWithoutOutput } from '../../src/integration/built-pages-fs.ts';
import { modelOf } from '../helpers/model.ts';

describe('pagesWithoutOutput', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'wiki-out-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('names each page of the model whose URL has no index.html, and only those', () => {
    const { pages } = modelOf({ 'ops/README.md': '# Ops\n', 'ops/deploy.md': '# Deploy\n', 'ops/Café.md': '# Café\n', 'ops/gone.md': '# Gone\n' });
    for (const id of ['ops', 'ops/deploy', 'ops/café']) {
      mkdirSync(path.join(outDir, id), { recursive: true });
      writeFileSync(path.join(outDir, id, 'index.html'), '<!doctype html>');
    }
    const problems = pagesWithoutOutput(pages, outDir);
    expect(problems.map((p) => [p.file, p.severity])).toEqual([['content/ops/gone.md', 'error']]);
    expect(problems[0]!.message).toContain('the build wrote no page for it at /ops/gone/');
  });
});
