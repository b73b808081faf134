// Runs anywhere: compares the history engine's page histories with what native git says (`git log --follow`, `git blame -C` or plain `git blame`).
import type { PageHistory, Person } from './types.ts';

/** One commit of a page as `git log --follow --cc` lists it (merges only where they wrote lines of their own). */
export interface GitCommitFact {
  commit: string;
  /** Author date, ISO 8601 strict. */
  date: string;
  /** After .mailmap (`%aN`, `%aE`). */
  name: string;
  email: string;
  /** As committed (`%an`, `%ae`): bots are matched on both, as the engine does. */
  rawName: string;
  rawEmail: string;
}

/** One line of the page at HEAD as `git blame --line-porcelain` (with -C, or without) credits it (author after .mailmap). */
export interface GitBlameLine {
  commit: string;
  name: string;
  email: string;
}

export interface GitPageFacts {
  /** Newest first, as git prints them. */
  log: GitCommitFact[];
  blame: GitBlameLine[];
  /** Whether `blame` is `git blame -C`'s answer (false: plain `git blame`'s, asked for or standing in). */
  copies: boolean;
  /** Set when `blame -C` failed (git's message) and plain blame stood in for it. */
  blameWithoutCopies?: string;
}

/** The blame the page's lines were compared with, as the reasons name it. */
export const blameName = (git: Pick<GitPageFacts, 'copies'>): string => (git.copies ? 'blame -C' : 'blame');

/** Who the engine says authored a commit, for lines whose commit is not among the page's own revisions. */
export type EngineAuthorOf = (commit: string) => { person: Person; bot: boolean } | undefined;

export type BotTest = (person: { name: string; email: string }) => boolean;

export interface PageVerdict {
  path: string;
  commits: boolean;
  authors: boolean;
  created: boolean;
  updated: boolean;
  /** Share of the page's lines (bot lines on both sides left out) credited to another author than blame's. */
  lineShare: number;
  lines: boolean;
  /** Lines of the page, and those whose commit is not the one blame names for that line (all of them when the line counts differ). */
  lineCount: number;
  linesDiffer: number;
  /** One short reason per check that disagrees. */
  reasons: string[];
}

/** "Within 5%": at most this share of a page's lines is credited to someone other than git's blame names. */
export const LINE_TOLERANCE = 0.05;

const short = (commit: string) => commit.slice(0, 7);
const day = (date: string) => date.slice(0, 10);
const who = (email: string) => email.toLowerCase();

function describeMissing(label: string, ids: readonly string[], dateOf: (id: string) => string): string {
  if (ids.length === 0) return '';
  // The oldest is the telling one: a history cut at a move misses everything before it.
  const oldest = ids[ids.length - 1]!;
  return `; ${label} ${short(oldest)} ${day(dateOf(oldest))}${ids.length > 1 ? ` and ${ids.length - 1} more` : ''}`;
}

/**
 * Each email the engine joined into a person (`Person.joined`), to that person's key email, so git's raw
 * `%aE` and blame's `author-mail` name the person the engine credits; other emails stay as they are.
 */
export function joinedEmailKeys(pages: Iterable<PageHistory>): (email: string) => string {
  const keys = new Map<string, string>();
  for (const page of pages) for (const r of page.revisions) for (const e of r.author.joined ?? []) keys.set(who(e), who(r.author.email));
  return (email) => keys.get(who(email)) ?? who(email);
}

export function comparePage(page: PageHistory, git: GitPageFacts, engineAuthorOf: EngineAuthorOf, isBot: BotTest, sameAs: (email: string) => string = who): PageVerdict {
  const reasons: string[] = [];
  const engine = page.revisions.filter((r) => !r.bot);
  const native = git.log.filter((c) => !isBot({ name: c.name, email: c.email }) && !isBot({ name: c.rawName, email: c.rawEmail }));
  const engineIds = new Set(engine.map((r) => r.commit as string));
  const nativeIds = new Set(native.map((c) => c.commit));
  const engineDate = new Map(engine.map((r) => [r.commit as string, r.date]));
  const nativeDate = new Map(native.map((c) => [c.commit, c.date]));

  const missing = native.filter((c) => !engineIds.has(c.commit)).map((c) => c.commit);
  const extra = engine.filter((r) => !nativeIds.has(r.commit)).map((r) => r.commit as string);
  const commits = missing.length === 0 && extra.length === 0;
  if (!commits) {
    reasons.push(
      `commits: engine ${engine.length}, git ${native.length}` +
        describeMissing('first missing', missing, (id) => nativeDate.get(id) ?? '') +
        describeMissing('first extra', extra, (id) => engineDate.get(id) ?? ''),
    );
  }

  const engineAuthors = new Map(engine.map((r) => [who(r.author.email), r.author.name]));
  const nativeAuthors = new Map(native.map((c) => [sameAs(c.email), c.name]));
  const onlyEngine = [...engineAuthors].filter(([e]) => !nativeAuthors.has(e));
  const onlyGit = [...nativeAuthors].filter(([e]) => !engineAuthors.has(e));
  const authors = onlyEngine.length === 0 && onlyGit.length === 0;
  if (!authors) {
    const list = (people: [string, string][]) => people.map(([email, name]) => `${name} <${email}>`).join(', ') || 'none';
    reasons.push(`authors: engine only ${list(onlyEngine)}; git only ${list(onlyGit)}`);
  }

  const end = (which: 'created' | 'updated') => {
    const e = which === 'created' ? engine.at(-1) : engine[0];
    const g = which === 'created' ? native.at(-1) : native[0];
    if (e?.commit === g?.commit) return true;
    const side = (x: { commit: string; date: string; name: string } | undefined) => (x ? `${short(x.commit)} ${day(x.date)} by ${x.name}` : 'none');
    reasons.push(`${which}: engine ${side(e && { commit: e.commit, date: e.date, name: e.author.name })}, git ${side(g)}`);
    return false;
  };
  const created = end('created');
  const updated = end('updated');

  const { share, reason } = compareLines(page, git.blame, blameName(git), engineAuthorOf, isBot, sameAs);
  const lines = share <= LINE_TOLERANCE;
  if (reason && !lines) reasons.push(reason);
  return { path: page.path, commits, authors, created, updated, lineShare: share, lines, ...lineForLine(page, git.blame), reasons };
}

/** The strict figure: each line's commit against the commit blame names for it, authors aside. */
function lineForLine(page: PageHistory, blame: readonly GitBlameLine[]): { lineCount: number; linesDiffer: number } {
  if (page.lineCommits.length !== blame.length) {
    const lineCount = Math.max(page.lineCommits.length, blame.length);
    return { lineCount, linesDiffer: lineCount };
  }
  let linesDiffer = 0;
  for (let k = 0; k < blame.length; k++) if (page.lineCommits[k] !== blame[k]!.commit) linesDiffer++;
  return { lineCount: blame.length, linesDiffer };
}

function compareLines(page: PageHistory, blame: readonly GitBlameLine[], name: string, engineAuthorOf: EngineAuthorOf, isBot: BotTest, sameAs: (email: string) => string): { share: number; reason?: string } {
  if (page.lineCommits.length !== blame.length) {
    return { share: 1, reason: `lines: engine has ${page.lineCommits.length} lines, ${name} ${blame.length}` };
  }
  const own = new Map(page.revisions.map((r) => [r.commit as string, { person: r.author, bot: r.bot === true }]));
  let counted = 0;
  let differ = 0;
  let first: string | undefined;
  for (let k = 0; k < blame.length; k++) {
    const b = blame[k]!;
    const e = own.get(page.lineCommits[k]!) ?? engineAuthorOf(page.lineCommits[k]!);
    const blameBot = isBot(b);
    const engineBot = e?.bot ?? false;
    if (blameBot && engineBot) continue;
    counted++;
    // Both sides through `sameAs`: a commit that is no page's revision has git's own email, which may be one the engine joined.
    const same = blameBot === engineBot && e !== undefined && sameAs(e.person.email) === sameAs(b.email);
    if (same) continue;
    differ++;
    // One name with two emails is two people to this check: show the emails then.
    const sameName = e !== undefined && e.person.name === b.name;
    const engineWho = e ? (engineBot ? 'a bot' : sameName ? `${e.person.name} <${e.person.email}>` : e.person.name) : 'unknown';
    const blameWho = blameBot ? 'a bot' : sameName ? `${b.name} <${who(b.email)}>` : b.name;
    first ??= `line ${k + 1}: engine ${engineWho} (${short(page.lineCommits[k]!)}), ${name} ${blameWho} (${short(b.commit)})`;
  }
  const share = counted === 0 ? 0 : differ / counted;
  if (differ === 0) return { share };
  return { share, reason: `lines: ${differ} of ${counted} (${percent(share)}) credited differently from ${name}; first ${first}` };
}

export interface Agreement {
  pages: number;
  /** Line for line: lines in all, lines whose commit differs from blame's, and the pages they are on. */
  lineCount: number;
  linesDiffer: number;
  pagesWithLinesDiffering: number;
  commits: number;
  authors: number;
  created: number;
  updated: number;
  lines: number;
}

/** How many pages agree on each check. */
export function agreementOf(verdicts: readonly PageVerdict[]): Agreement {
  const count = (test: (v: PageVerdict) => boolean) => verdicts.filter(test).length;
  return {
    pages: verdicts.length,
    lineCount: verdicts.reduce((n, v) => n + v.lineCount, 0),
    linesDiffer: verdicts.reduce((n, v) => n + v.linesDiffer, 0),
    pagesWithLinesDiffering: count((v) => v.linesDiffer > 0),
    commits: count((v) => v.commits),
    authors: count((v) => v.authors),
    created: count((v) => v.created),
    updated: count((v) => v.updated),
    lines: count((v) => v.lines),
  };
}

export const percent = (share: number): string => `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;

/** The lowest of the checks' agreement, as a share (1 with no pages). */
export function lowestAgreement(a: Agreement): number {
  if (a.pages === 0) return 1;
  return Math.min(a.commits, a.authors, a.created, a.updated, a.lines) / a.pages;
}

/** FNV-1a over the seed and the path: the same sample on every run and machine. */
function hash(seed: string, text: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed}\n${text}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** `n` of the paths, chosen by a seeded hash (all of them when n is undefined or not smaller); sorted. */
export function samplePaths(paths: readonly string[], n: number | undefined, seed: string): string[] {
  const sorted = [...paths].sort();
  if (n === undefined || n >= sorted.length) return sorted;
  return sorted
    .map((p) => ({ p, h: hash(seed, p) }))
    .sort((a, b) => a.h - b.h || (a.p < b.p ? -1 : 1))
    .slice(0, n)
    .map((x) => x.p)
    .sort();
}
