// Progress of long work: on a terminal one line redrawn in place (throttled) that a finished phase leaves as its one line; in a log only whole lines.
import { describe, expect, it } from 'vitest';
import { count, LOG_EVERY_MS, progressReporter, REDRAW_MS, type ProgressOptions } from '../../src/lib/progress.ts';
import { isWatchedTerminal } from '../../src/lib/progress-fs.ts';

/** A reporter on a recorded sink, its clock moved by hand. */
function recorded(isTTY: boolean, options: Partial<ProgressOptions> = {}) {
  const out: string[] = [];
  const clock = { now: 1000 };
  const progress = progressReporter({ sink: { isTTY, write: (text) => void out.push(text) }, clock: () => clock.now, ...options });
  return { out, text: () => out.join(''), progress, advance: (ms: number) => void (clock.now += ms) };
}

/** What a terminal shows at the end: each "\r" returns to the line's start and "\x1b[K" clears the rest. */
function screen(written: string): string[] {
  const lines = [''];
  for (const part of written.split(/(\r|\n|\x1b\[K)/)) {
    if (part === '\n') lines.push('');
    else if (part === '\r' || part === '\x1b[K') lines[lines.length - 1] = '';
    else lines[lines.length - 1] += part;
  }
  return lines;
}

describe('progressReporter on a terminal', () => {
  it('draws the phase, redraws its counts in place and leaves one final line', () => {
    const { text, progress, advance } = recorded(true);
    const walking = progress.start('history', { verb: 'walking', unit: 'commits' });
    expect(text()).toBe('\r\x1b[Khistory: walking commits');
    advance(REDRAW_MS);
    walking.update(0, 14987);
    expect(text().endsWith('\r\x1b[Khistory: walking 0/14,987 commits (0%)')).toBe(true);
    advance(REDRAW_MS);
    walking.update(4000);
    expect(text().endsWith('\r\x1b[Khistory: walking 4,000/14,987 commits (26%)')).toBe(true);
    advance(12_100);
    walking.update(14987);
    walking.end();
    expect(text().endsWith('\r\x1b[Khistory: 14,987 commits in 12.3 s\n')).toBe(true);
    expect(screen(text())).toEqual(['history: 14,987 commits in 12.3 s', '']);
  });

  it('redraws at most once per interval, however often it is told', () => {
    const { out, progress, advance } = recorded(true);
    const rendering = progress.start('pages', { verb: 'rendering', unit: 'pages', total: 1000 });
    for (let n = 1; n <= 1000; n++) {
      advance(1);
      rendering.update(n);
    }
    // The start, then one redraw per REDRAW_MS of the 1000 ms.
    expect(out.length).toBe(1 + 1000 / REDRAW_MS);
    rendering.end('1,000 pages rendered');
    expect(screen(out.join(''))).toEqual(['pages: 1,000 pages rendered in 1.0 s', '']);
  });

  it('erases a phase shorter than quietUnder, and one its caller reports itself', () => {
    const { text, progress, advance } = recorded(true, { quietUnder: 2000 });
    const quick = progress.start('check', { verb: 'reading', unit: 'pages' });
    advance(1999);
    quick.end();
    const reported = progress.start('search', { verb: 'indexing', unit: 'pages' });
    advance(5000);
    reported.clear();
    expect(screen(text())).toEqual(['']);
    expect(text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('sends finished lines to `line` when given, the live line to the sink', () => {
    const lines: string[] = [];
    const { text, progress, advance } = recorded(true, { line: (l) => void lines.push(l) });
    const phase = progress.start('pages', { verb: 'rendering', unit: 'pages', total: 2 });
    advance(500);
    phase.update(2);
    phase.end();
    expect(lines).toEqual(['pages: 2 pages in 0.5 s']);
    expect(text()).not.toContain('\n');
    expect(screen(text())).toEqual(['']);
  });
});

describe('progressReporter in a log (no terminal)', () => {
  it('writes no progress, no "\\r" and one line per phase', () => {
    const { out, progress, advance } = recorded(false);
    const walking = progress.start('history', { verb: 'walking', unit: 'commits', total: 5000 });
    for (let n = 500; n <= 5000; n += 500) {
      advance(200);
      walking.update(n);
    }
    walking.end();
    const indexing = progress.start('search', { verb: 'indexing', unit: 'pages' });
    advance(300);
    indexing.end('27 pages');
    expect(out).toEqual(['history: 5,000 commits in 2.0 s\n', 'search: 27 pages in 0.3 s\n']);
  });

  it('a phase past LOG_EVERY_MS writes one line of its counts that often, no more', () => {
    const { out, progress, advance } = recorded(false);
    const walking = progress.start('history', { verb: 'walking', unit: 'commits', total: 100_000 });
    // 25 s of updates every 100 ms: lines at 10 s and 20 s.
    for (let n = 1; n <= 250; n++) {
      advance(100);
      walking.update(n * 400);
    }
    walking.end();
    expect(out).toEqual([
      `history: walking 40,000/100,000 commits (40%), ${LOG_EVERY_MS / 1000}.0 s\n`,
      'history: walking 80,000/100,000 commits (80%), 20.0 s\n',
      'history: 100,000 commits in 25.0 s\n',
    ]);
  });

  it('leaves out phases shorter than quietUnder, and writes nothing after a phase is over', () => {
    const { out, progress, advance } = recorded(false, { quietUnder: 2000 });
    const quick = progress.start('check', { verb: 'reading', unit: 'pages' });
    advance(1500);
    quick.end();
    const slow = progress.start('check', { verb: 'reading', unit: 'pages' });
    advance(2500);
    slow.end('1,000 pages read');
    slow.end('again');
    slow.update(5);
    slow.clear();
    expect(out).toEqual(['check: 1,000 pages read in 2.5 s\n']);
  });
});

describe('count and the edge', () => {
  it('groups thousands without the locale', () => {
    expect([0, 999, 1000, 14987, 1234567].map(count)).toEqual(['0', '999', '1,000', '14,987', '1,234,567']);
  });

  it('a CI job or a dumb terminal is a log, even on a pseudo-terminal', () => {
    const tty = { isTTY: true };
    expect(isWatchedTerminal(tty, {})).toBe(true);
    expect(isWatchedTerminal({ isTTY: false }, {})).toBe(false);
    expect(isWatchedTerminal({}, {})).toBe(false);
    expect(isWatchedTerminal(tty, { CI: 'true' })).toBe(false);
    expect(isWatchedTerminal(tty, { CI: '1' })).toBe(false);
    expect(isWatchedTerminal(tty, { CI: 'false' })).toBe(true);
    expect(isWatchedTerminal(tty, { TERM: 'dumb' })).toBe(false);
  });
});
