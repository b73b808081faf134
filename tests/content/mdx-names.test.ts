// The names an .mdx page is built under, and the ones the build refuses: input/expected tables.
import { describe, expect, it } from 'vitest';
import { mdxFileFor, mdxModulePath, unloadableMdxName } from '../../src/lib/content/mdx-names.ts';
import { toContentPath } from '../../src/lib/content/paths.ts';

describe('mdxModulePath', () => {
  it.each([
    ['/c/ops/Caps.MDX', '/c/ops/Caps.mdx'],
    ['/c/ops/a.Mdx', '/c/ops/a.mdx'],
    ['/c/ops/a.mdx', '/c/ops/a.mdx'],
    ['/c/ops/UPPER.MD', '/c/ops/UPPER.MD'],
    ['/c/MDX/readme.md', '/c/MDX/readme.md'],
  ])('%s is built as %s', (file, expected) => expect(mdxModulePath(file)).toBe(expected));
});

describe('mdxFileFor', () => {
  const onDisk = new Set(['/c/ops/Caps.MDX', '/c/ops/plain.mdx']);
  const exists = (p: string) => onDisk.has(p);
  it.each([
    ['/c/ops/Caps.mdx', '/c/ops/Caps.MDX'],
    ['/c/ops/plain.mdx', undefined],
    ['/c/ops/missing.mdx', undefined],
    ['/c/ops/Caps.MDX', undefined],
  ])('%s stands for %s', (name, expected) => expect(mdxFileFor(name, exists)).toBe(expected));
});

describe('unloadableMdxName', () => {
  it.each([
    ['ops/calc.mdx', undefined],
    ['ops/Caps.MDX', undefined],
    ['ops/what?.mdx', /"\?" cannot appear in the path of an \.mdx page/],
    ['ops/C# tips.mdx', /"#" cannot appear/],
    ['C# team/page.mdx', /"#" cannot appear/],
    ['ops/..mdx', /an \.mdx page's name cannot start with "\."/],
    ['ops/50%25 off.mdx', /"%" cannot appear in the path of an \.mdx page: the build loads it by a URL, where "%" starts an escape/],
  ])('%s', (path, expected) => {
    const reason = unloadableMdxName(toContentPath(path));
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(expected);
  });
});
