// Tests the one line matcher: text split one way for everyone, and the history page's diff marking exactly the lines the engine credits.
import { describe, expect, it } from 'vitest';
import { carryOrigins } from '../../src/lib/history/blame.ts';
import { splitLines } from '../../src/lib/history/line-match.ts';
import { diffRevision } from '../../src/lib/site/revision-diff.ts';
import { random } from './xdiff-oracle.ts';

const NEW_COMMIT = 1_000_000;

/** What the engine says of `after` against `before`: new lines it credits to the commit, old lines it drops, and its counts. */
function engine(before: string, after: string) {
  const oldLines = splitLines(before);
  // Each old line is its own origin, so the carried origins say which old lines survive.
  const carried = carryOrigins([{ lines: oldLines, origins: oldLines.map((_, i) => i) }], splitLines(after), NEW_COMMIT);
  const kept = new Set(carried.origins);
  return {
    credited: carried.origins.flatMap((o, i) => (o === NEW_COMMIT ? [i + 1] : [])),
    dropped: oldLines.flatMap((_, i) => (kept.has(i) ? [] : [i + 1])),
    added: carried.added,
    removed: carried.removed,
  };
}

/** What the history page shows for the same two texts, every changed line in view. */
function display(before: string, after: string) {
  const diff = diffRevision(before, after, { context: 0, maxLines: Infinity });
  const lines = diff.hunks.flatMap((h) => h.lines);
  return {
    credited: lines.filter((l) => l.kind === 'added').map((l) => l.newLine!),
    dropped: lines.filter((l) => l.kind === 'removed').map((l) => l.oldLine!),
    added: diff.added,
    removed: diff.removed,
  };
}


const VOCABULARY = ['', '', '', '## Steps', 'Run the backup.', 'See [[Other]].', '- one', '- two', '```', 'npm ci', '}', '  indented'];

/** An old text and a new one made from it by seeded edits: insertions, deletions, block moves, duplicated and blank lines, CRLF, final newline. */
function pair(seed: number): [string, string] {
  const r = random(seed);
  const line = () => r.pick(VOCABULARY);
  const old = Array.from({ length: r.int(14) }, line);
  const lines = [...old];
  for (let edits = 1 + r.int(4); edits > 0; edits--) {
    const at = r.int(lines.length + 1);
    const size = 1 + r.int(3);
    switch (r.int(6)) {
      case 0:
        lines.splice(at, 0, ...Array.from({ length: size }, line));
        break;
      case 1:
        lines.splice(at, size);
        break;
      case 2: {
        const block = lines.splice(at, size);
        lines.splice(r.int(lines.length + 1), 0, ...block);
        break;
      }
      case 3:
        if (lines.length > 0) lines.splice(at, 0, ...lines.slice(Math.max(0, at - size), at));
        break;
      case 4:
        lines.splice(at, 0, ...Array.from({ length: size }, () => ''));
        break;
      default:
        if (at < lines.length) lines[at] = `${lines[at]}\r`;
    }
  }
  const crlf = (ls: string[]) => (r.int(5) === 0 ? ls.map((l) => `${l}\r`) : ls);
  const text = (ls: string[]) => {
    if (ls.length === 0) return '';
    return ls.join('\n') + (r.int(4) === 0 ? '' : '\n');
  };
  return [text(crlf(old)), text(crlf(lines))];
}

describe('splitting text into lines', () => {
  it('splits once for everyone: each line keeps its newline, a missing final newline and CRLF make different lines', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\n')).toEqual(['\n']);
    expect(splitLines('a\n\nb')).toEqual(['a\n', '\n', 'b']);
    expect(splitLines('a\r\nb\r\n')).toEqual(['a\r\n', 'b\r\n']);
    expect(splitLines('a')).not.toEqual(splitLines('a\n'));
  });

  it('counts a final line whose newline was added or dropped as changed, as git does', () => {
    expect(engine('a\nb', 'a\nb\n')).toEqual({ credited: [2], dropped: [2], added: 1, removed: 1 });
    expect(display('a\nb', 'a\nb\n')).toEqual({ credited: [2], dropped: [2], added: 1, removed: 1 });
    expect(display('a\r\nb\n', 'a\nb\n')).toEqual(engine('a\r\nb\n', 'a\nb\n'));
    expect(engine('a\r\nb\n', 'a\nb\n').credited).toEqual([1]);
  });
});

describe('the diff shown is the diff credited', () => {
  it('marks as added exactly the lines the engine credits, and shows its counts, over many generated edits', () => {
    let changed = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const [before, after] = pair(seed);
      const credit = engine(before, after);
      if (credit.added + credit.removed > 0) changed++;
      expect({ seed, ...display(before, after) }).toEqual({ seed, ...credit });
    }
    // The generator does make changes; a test over identical pairs would prove nothing.
    expect(changed).toBeGreaterThan(1200);
  });

  it('shows every line of both texts once, in order', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const [before, after] = pair(seed);
      // An unchanged text has no hunks at all: nothing to show.
      if (before === after) continue;
      const lines = diffRevision(before, after, { context: Infinity, maxLines: Infinity }).hunks.flatMap((h) => h.lines);
      const text = (kind: 'added' | 'removed') => lines.filter((l) => l.kind !== kind).map((l) => l.segments.map((s) => s.text).join(''));
      const bare = (t: string) => splitLines(t).map((l) => l.replace(/\n$/, ''));
      expect(text('removed')).toEqual(bare(after));
      expect(text('added')).toEqual(bare(before));
    }
  });

  // Inputs where the display (the diff package's diffLines) and the credit (xdiff's change compaction) used to mark
  // different lines; the lines expected are the ones `git diff` marks.
  it('marks an added item and the blank line before it where git does', () => {
    const before = '## Steps\nnpm ci\n- two\n';
    const after = '## Steps\nnpm ci\n\n- two\n## Steps\n- two\n';
    expect(display(before, after)).toEqual({ credited: [3, 4, 5], dropped: [], added: 3, removed: 0 });
    expect(engine(before, after).credited).toEqual([3, 4, 5]);
  });

  it('marks the blank line a rewrite left where git does', () => {
    expect(display('- x\n}\n\n', '\n\n')).toEqual({ credited: [1], dropped: [1, 2], added: 1, removed: 2 });
    expect(engine('- x\n}\n\n', '\n\n').credited).toEqual([1]);
  });
});
