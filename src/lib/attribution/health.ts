// Runs anywhere: a community's health: who is active, how fresh its pages are, and which knowledge is at risk.
import type { Person, Revision } from '../history/types.ts';
import { daysSince, timeOf } from './dates.ts';
import { humanUpdate } from './human-update.ts';
import type { PageRecord } from './page-record.ts';

export interface HealthThresholds {
  /** Share of a page's surviving lines from one person above which the page depends on them (0–1). */
  atRiskShare: number;
  /** Days without any contribution after which a person counts as gone. */
  inactiveDays: number;
  /** Days counted as "recently active". */
  activeWindowDays: number;
}

export const DEFAULT_THRESHOLDS: HealthThresholds = { atRiskShare: 0.8, inactiveDays: 180, activeWindowDays: 90 };

export interface ActiveContributor extends Person {
  commits: number;
  last: string;
}

/** Non-bot people with commits (authored or co-authored) in the last `windowDays`, most commits first. */
export function activeContributors(pages: readonly PageRecord[], today: string, windowDays: number): ActiveContributor[] {
  const people = new Map<string, { person: Person; commits: Set<string>; last: string }>();
  for (const { history } of pages) {
    for (const revision of history.revisions) {
      if (revision.bot || daysSince(revision.date, today) > windowDays) continue;
      for (const person of [revision.author, ...revision.coAuthors]) {
        const entry = people.get(person.email) ?? { person, commits: new Set<string>(), last: revision.date };
        entry.commits.add(revision.commit);
        if (timeOf(revision.date) > timeOf(entry.last)) entry.last = revision.date;
        people.set(person.email, entry);
      }
    }
  }
  return [...people.values()]
    .map(({ person, commits, last }) => ({ name: person.name, email: person.email, commits: commits.size, last }))
    .sort((a, b) => b.commits - a.commits || timeOf(b.last) - timeOf(a.last) || a.name.localeCompare(b.name));
}

export interface PageFreshness {
  id: string;
  /** The last change by a person (bots' commits are left out: a bot touching a page does not make it fresh). */
  updated: Revision;
  days: number;
  /** `outdated` when its front matter says `status: outdated`, however recent its last change. */
  freshness: 'fresh' | 'aging' | 'stale' | 'outdated';
}

/**
 * Pages marked outdated first, then from the longest untouched to the latest: fresh within the active window, stale
 * after a year, counted from the last change by a person.
 */
export function pagesByFreshness(pages: readonly PageRecord[], today: string, windowDays: number, outdated: ReadonlySet<string> = new Set()): PageFreshness[] {
  const rank = (f: PageFreshness) => (f.freshness === 'outdated' ? 0 : 1);
  return pages
    .map(({ id, history }) => {
      const updated = humanUpdate(history);
      const days = daysSince(updated.date, today);
      const freshness = outdated.has(id) ? 'outdated' : days <= windowDays ? 'fresh' : days <= 365 ? 'aging' : 'stale';
      return { id, updated, days, freshness } as PageFreshness;
    })
    .sort((a, b) => rank(a) - rank(b) || b.days - a.days || a.id.localeCompare(b.id));
}

/** The newest contribution (authored or co-authored, any page) per email. */
export function lastContributions(pages: readonly PageRecord[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const { history } of pages) {
    for (const revision of history.revisions) {
      if (revision.bot) continue;
      for (const person of [revision.author, ...revision.coAuthors]) {
        const known = last.get(person.email);
        if (!known || timeOf(revision.date) > timeOf(known)) last.set(person.email, revision.date);
      }
    }
  }
  return last;
}

export type RiskReason =
  | { kind: 'single-holder'; person: Person; share: number; lastContribution: string; inactiveDays: number }
  | { kind: 'review-overdue'; reviewBy: string }
  | { kind: 'outdated' };

export interface PageAtRisk {
  id: string;
  reasons: RiskReason[];
}

export interface RiskInput {
  id: string;
  status?: string;
  reviewBy?: string;
  /** Absent for pages git knows nothing about (untracked): only their front matter can put them at risk. */
  history?: PageRecord['history'];
}

/**
 * A page is at risk when its surviving text is at least `atRiskShare` from one person who has contributed nowhere
 * in `inactiveDays` (`lastContribution` is per email, across the whole wiki), or when it is past its review-by date
 * or marked outdated.
 */
export function knowledgeAtRisk(pages: readonly RiskInput[], lastContribution: ReadonlyMap<string, string>, today: string, thresholds: HealthThresholds): PageAtRisk[] {
  const atRisk: PageAtRisk[] = [];
  for (const page of pages) {
    const reasons: RiskReason[] = [];
    const contributors = page.history?.contributors ?? [];
    const total = contributors.reduce((n, c) => n + c.lines, 0);
    const top = contributors[0];
    if (top && total > 0 && top.lines / total >= thresholds.atRiskShare) {
      const last = lastContribution.get(top.email) ?? page.history!.updated.date;
      const idle = daysSince(last, today);
      if (idle >= thresholds.inactiveDays) {
        reasons.push({ kind: 'single-holder', person: { name: top.name, email: top.email }, share: top.lines / total, lastContribution: last, inactiveDays: idle });
      }
    }
    if (page.reviewBy && page.reviewBy < today) reasons.push({ kind: 'review-overdue', reviewBy: page.reviewBy });
    if (page.status === 'outdated') reasons.push({ kind: 'outdated' });
    if (reasons.length > 0) atRisk.push({ id: page.id, reasons });
  }
  const weight = (p: PageAtRisk) => (p.reasons.some((r) => r.kind === 'single-holder') ? 0 : 1);
  return atRisk.sort((a, b) => weight(a) - weight(b) || b.reasons.length - a.reasons.length || a.id.localeCompare(b.id));
}
