// Runs anywhere: the site view's health section: thresholds from the config, knowledge at risk over the whole wiki, each community's share of it.
import type { WikiConfig } from '../config/schema.ts';
import type { Community } from '../content/types.ts';
import { monthlyContributions, type MonthCount } from '../attribution/activity.ts';
import {
  activeContributors,
  knowledgeAtRisk,
  pagesByFreshness,
  type ActiveContributor,
  type HealthThresholds,
  type PageAtRisk,
  type PageFreshness,
} from '../attribution/health.ts';
import type { PageRecord } from '../attribution/page-record.ts';

export interface CommunityHealth {
  active: ActiveContributor[];
  freshness: PageFreshness[];
  atRisk: PageAtRisk[];
  /** Distinct commits per month, the last 24 months. */
  months: MonthCount[];
}

export const thresholdsOf = (attribution: WikiConfig['attribution']): HealthThresholds => ({
  atRiskShare: attribution.atRiskShare,
  inactiveDays: attribution.inactiveDays,
  activeWindowDays: attribution.activeDays,
});

/** Every page's risk, judged once: a person's last contribution counts across the whole wiki, not one community. */
export function atRiskOf(
  pages: readonly { id: string; status?: string | undefined; reviewBy?: string | undefined }[],
  recordsById: ReadonlyMap<string, PageRecord>,
  lastByEmail: ReadonlyMap<string, string>,
  today: string,
  thresholds: HealthThresholds,
): PageAtRisk[] {
  const input = pages.map((p) => {
    const history = recordsById.get(p.id)?.history;
    return { id: p.id, ...(p.status ? { status: p.status } : {}), ...(p.reviewBy ? { reviewBy: p.reviewBy } : {}), ...(history ? { history } : {}) };
  });
  return knowledgeAtRisk(input, lastByEmail, today, thresholds);
}

/** One community's health; its pages at risk keep the wiki-wide order (the ranking does not depend on the other pages). */
export function communityHealth(community: Pick<Community, 'pageIds'>, records: readonly PageRecord[], atRisk: readonly PageAtRisk[], today: string, thresholds: HealthThresholds): CommunityHealth {
  const ids = new Set<string>(community.pageIds);
  const outdated = new Set(atRisk.filter((r) => r.reasons.some((reason) => reason.kind === 'outdated')).map((r) => r.id));
  return {
    active: activeContributors(records, today, thresholds.activeWindowDays),
    freshness: pagesByFreshness(records, today, thresholds.activeWindowDays, outdated),
    atRisk: atRisk.filter((r) => ids.has(r.id)),
    months: monthlyContributions(records.flatMap((r) => r.history.revisions), today, 24),
  };
}
