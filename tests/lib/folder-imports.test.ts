// Tests that imports between the folders of src/lib flow one way: no folder cycle, and content imports no other folder.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const lib = path.resolve(import.meta.dirname, '../../src/lib');
const IMPORT = /^import\s[^'"]*['"](\.{1,2}\/[^'"]+)['"]/gm;

/** Folder → the other src/lib folders its files import from. */
function folderImports(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const entry of readdirSync(lib, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const from = path.relative(lib, file).split(path.sep)[0]!;
    if (from === entry.name) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = path.relative(lib, path.resolve(path.dirname(file), spec!)).split(path.sep);
      if (target.length < 2 || target[0] === '..' || target[0] === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(target[0]!);
    }
  }
  return edges;
}

function cycleIn(edges: Map<string, Set<string>>): string[] | undefined {
  const done = new Set<string>();
  const visit = (node: string, trail: string[]): string[] | undefined => {
    if (trail.includes(node)) return [...trail.slice(trail.indexOf(node)), node];
    if (done.has(node)) return undefined;
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next, [...trail, node]);
      if (cycle) return cycle;
    }
    done.add(node);
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('imports between the folders of src/lib', () => {
  const edges = folderImports();

  it('finds the imports it checks', () => {
    expect(edges.get('links')).toContain('content');
  });

  it('have no cycle', () => {
    expect(cycleIn(edges)).toBeUndefined();
  });

  it('leave content at the bottom: it reads no other folder (the site model above it joins content and links)', () => {
    expect([...(edges.get('content') ?? [])]).toEqual([]);
  });
});
