// Tests (Node): the copy-on-write page map reads as a plain map would, however deep its forks go, and a fork never changes the map it came from.
import { describe, expect, it } from 'vitest';
import { PageMap } from '../../src/lib/history/page-map.ts';
import type { PageState } from '../../src/lib/history/walk-state.ts';

function seeded(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

const page = (n: number): PageState => ({ historyId: n, blob: `blob-${n}`, origins: [n] });

describe('PageMap', () => {
  it('agrees with plain maps through hundreds of forks, each left as it was', () => {
    const draw = seeded(7);
    const snapshots: { map: PageMap; expected: Map<string, PageState> }[] = [];
    let map = PageMap.of(new Map(Array.from({ length: 200 }, (_, n) => [`p${n}`, page(n)])));
    let expected = map.toMap();
    for (let step = 0; step < 2500; step++) {
      const path = `p${draw(260)}`;
      const roll = draw(100);
      if (roll < 55) {
        const p = page(step);
        map.set(path, p);
        expected.set(path, p);
      } else if (roll < 85) {
        map.delete(path);
        expected.delete(path);
      } else {
        // A branch point: the snapshot keeps its pages; work goes on in a fork (or the snapshot is taken up again).
        snapshots.push({ map, expected: new Map(expected) });
        const from = draw(3) === 0 ? snapshots[draw(snapshots.length)]! : snapshots.at(-1)!;
        map = from.map.fork();
        expected = new Map(from.expected);
      }
      if (step % 10 === 0) expect(map.get(path)).toBe(expected.get(path));
    }
    expect(snapshots.length).toBeGreaterThan(150);
    for (const { map: m, expected: e } of [...snapshots, { map, expected }]) {
      expect(m.toMap()).toEqual(e);
      for (let n = 0; n < 260; n++) expect(m.get(`p${n}`)).toBe(e.get(`p${n}`));
    }
  });
});
