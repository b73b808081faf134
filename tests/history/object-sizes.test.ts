// Tests ObjectStore.size against `git cat-file -s` for every object of a repository, loose and packed (whole objects and both kinds of delta), and through a replace ref.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectStore } from '../../src/lib/history/objects-fs.ts';
import { ada, TestRepo } from '../helpers/git-repo.ts';

let repo: TestRepo;

const text = (n: number, edit: number) => Array.from({ length: n }, (_, i) => (i === edit ? `edited line ${i}` : `line ${i} of a text long enough to be stored as a delta ${'x'.repeat(i % 40)}`)).join('\n') + '\n';
const allObjects = () =>
  repo
    .git(['cat-file', '--batch-all-objects', '--batch-check=%(objectname) %(objectsize)'])
    .trim()
    .split('\n')
    .map((l) => l.split(' ') as [string, string]);

beforeAll(() => {
  repo = TestRepo.create();
  for (let k = 0; k < 12; k++) repo.commit({ author: ada, date: `2023-03-${String(k + 1).padStart(2, '0')}T09:00:00+00:00`, message: `Version ${k}`, files: { 'a.txt': text(300 + k * 7, k), 'b/c.md': text(40, k) } });
});

afterAll(() => repo.remove());

describe('object sizes without inflating', () => {
  it('agrees with git for loose objects', () => {
    const store = new ObjectStore(path.join(repo.dir, '.git'));
    for (const [oid, size] of allObjects()) expect(store.size(oid), oid).toBe(Number(size));
    store.close();
  });

  it('agrees with git for packed objects and deltas (offset and ref deltas)', () => {
    repo.git(['repack', '-adq', '--depth=50', '--window=50']);
    repo.git(['prune-packed']);
    const deltas = repo.git(['cat-file', '--batch-all-objects', '--batch-check=%(deltabase)']).split('\n').filter((l) => l && !/^0+$/.test(l));
    expect(deltas.length).toBeGreaterThan(5);
    const store = new ObjectStore(path.join(repo.dir, '.git'));
    for (const [oid, size] of allObjects()) expect(store.size(oid), oid).toBe(Number(size));
    expect(store.size('0123456789012345678901234567890123456789')).toBeNull();
    store.close();
    // Without offset deltas, every delta names its base by id.
    repo.git(['-c', 'repack.useDeltaBaseOffset=false', 'repack', '-adfq', '--depth=50', '--window=50']);
    const refStore = new ObjectStore(path.join(repo.dir, '.git'));
    for (const [oid, size] of allObjects()) expect(refStore.size(oid), oid).toBe(Number(size));
    refStore.close();
  });

  it('reads a replaced object through its replacement', () => {
    const [a, b] = allObjects().filter(([oid]) => repo.git(['cat-file', '-t', oid]).trim() === 'blob');
    const store = new ObjectStore(path.join(repo.dir, '.git'), repo.dir, new Map([[a![0], b![0]]]));
    expect(store.size(a![0])).toBe(Number(b![1]));
    store.close();
  });
});
