// Runs anywhere: splits page text into lines as git counts them and matches the lines of two versions (a minimal diff, like git's).
import { diffArrays } from 'diff';

/** A final line without a newline is a different line to git ("\ No newline at end of file"), so it is marked. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\u0000no-eol';
  return lines;
}

export interface LineMatch {
  /** For each new line, the index of the old line it is unchanged from, or -1 when it is new. */
  fromOld: Int32Array;
  added: number;
  removed: number;
}

export function matchLines(oldLines: readonly string[], newLines: readonly string[]): LineMatch {
  const fromOld = new Int32Array(newLines.length).fill(-1);
  let start = 0;
  const shortest = Math.min(oldLines.length, newLines.length);
  while (start < shortest && oldLines[start] === newLines[start]) fromOld[start] = start++;
  let oldEnd = oldLines.length;
  let newEnd = newLines.length;
  while (oldEnd > start && newEnd > start && oldLines[oldEnd - 1] === newLines[newEnd - 1]) fromOld[--newEnd] = --oldEnd;
  let added = 0;
  let removed = 0;
  if (start === oldEnd || start === newEnd) {
    return { fromOld, added: newEnd - start, removed: oldEnd - start };
  }
  let o = start;
  let n = start;
  for (const part of diffArrays(oldLines.slice(start, oldEnd), newLines.slice(start, newEnd))) {
    const count = part.count ?? part.value.length;
    if (part.added) {
      n += count;
      added += count;
    } else if (part.removed) {
      o += count;
      removed += count;
    } else {
      for (let k = 0; k < count; k++) fromOld[n++] = o++;
    }
  }
  return { fromOld, added, removed };
}
