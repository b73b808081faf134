// Runs anywhere: the phases of long work (history walked, pages rendered, search indexed) as a live line on a terminal and whole lines in a log.

/** Where progress goes. A terminal someone watches gets one line rewritten in place; anything else (a pipe, a CI log) only whole lines. */
export interface ProgressSink {
  isTTY: boolean;
  write(text: string): void;
}

export interface ProgressOptions {
  sink: ProgressSink;
  /** Milliseconds from any fixed point (performance.now at the edge). */
  clock: () => number;
  /** A phase done sooner leaves no line, so a small wiki's output stays as it was; 0 reports every phase. */
  quietUnder?: number;
  /** Where whole lines go (a build's logger); by default the sink, each ended with "\n". */
  line?: (text: string) => void;
}

export interface PhaseWork {
  /** What the phase does, before its counts: "walking" in "history: walking 4,000/14,987 commits (26%)". */
  verb: string;
  /** What it counts: "commits", "pages". */
  unit: string;
  /** How many there are, when known at the start; `update` may give it later. */
  total?: number;
}

export interface Phase {
  /** `done` of the total so far; the total may come with the first update. */
  update(done: number, total?: number): void;
  /** The phase is finished: one line, "history: 14,987 commits in 12.3 s", or `result` in place of the count. */
  end(result?: string): void;
  /** The phase is finished and its caller reports it in its own words: the live line is erased, nothing is written. */
  clear(): void;
}

export interface Progress {
  start(label: string, work: PhaseWork): Phase;
}

/** A terminal redraws at most this often, so a phase counting fast costs no time writing. */
export const REDRAW_MS = 100;
/**
 * A log gets no progress lines at all, except for a phase past this long, which gets one this often:
 * a CI log then shows what a slow build is doing (and some CI systems stop a job silent for minutes)
 * without thousands of lines.
 */
export const LOG_EVERY_MS = 10_000;

const CLEAR_LINE = '\r\x1b[K';

/** 14987 as "14,987": fixed, so output never depends on the machine's locale. */
export const count = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

export const noProgress: Progress = { start: () => ({ update() {}, end() {}, clear() {} }) };

export function progressReporter({ sink, clock, quietUnder = 0, line = (text) => sink.write(`${text}\n`) }: ProgressOptions): Progress {
  return {
    start(label, { verb, unit, total: knownTotal }) {
      const started = clock();
      let total = knownTotal;
      let done: number | undefined;
      let drawn = started;
      let logged = started;
      let finished = false;
      const describe = () => {
        if (done === undefined || total === undefined) return `${label}: ${verb} ${total === undefined ? '' : `${count(total)} `}${unit}`;
        const percent = total > 0 ? ` (${Math.floor((done / total) * 100)}%)` : '';
        return `${label}: ${verb} ${count(done)}/${count(total)} ${unit}${percent}`;
      };
      const draw = () => sink.write(`${CLEAR_LINE}${describe()}`);
      const erase = () => {
        if (sink.isTTY) sink.write(CLEAR_LINE);
      };
      if (sink.isTTY) draw();
      return {
        update(n, t) {
          if (finished) return;
          done = n;
          if (t !== undefined) total = t;
          const now = clock();
          if (sink.isTTY) {
            if (now - drawn < REDRAW_MS) return;
            drawn = now;
            draw();
          } else if (now - logged >= LOG_EVERY_MS) {
            logged = now;
            line(`${describe()}, ${seconds(now - started)}`);
          }
        },
        end(result) {
          if (finished) return;
          finished = true;
          const elapsed = clock() - started;
          erase();
          if (elapsed < quietUnder) return;
          line(`${label}: ${result ?? `${count(done ?? total ?? 0)} ${unit}`} in ${seconds(elapsed)}`);
        },
        clear() {
          if (finished) return;
          finished = true;
          erase();
        },
      };
    },
  };
}
