// The views agree on a real repository: "updated", freshness and the health table skip bots' commits, and a page a bot touched after someone marked it outdated stays outdated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteData } from '../../src/integration/site-data.ts';
import { humanUpdate } from '../../src/lib/attribution/human-update.ts';
import { buildSiteView, type SiteView } from '../../src/lib/site-view/site-view.ts';
import { ada, grace, gitLogFollow, TestRepo } from '../helpers/git-repo.ts';
import { siteDataOf } from '../helpers/site-data.ts';

const today = '2026-11-22';
const renovate = { name: 'renovate[bot]', email: 'bot@renovate.example' };
const runbook = (extra: string) => `---\ntitle: Runbook\n---\nRestart the service.\n${extra}`;
const legacy = (status: string, extra = '') => `---\ntitle: Legacy\n${status}---\nThe old cluster.\n${extra}`;

describe('views that agree about bots and outdated pages', () => {
  let repo: TestRepo;
  let data: SiteData;
  let view: SiteView;
  const ops = () => data.model.communities.find((c) => c.slug === 'ops')!;
  beforeAll(async () => {
    repo = TestRepo.create('wiki-views-agree-');
    repo.commit({
      author: ada,
      date: '2026-03-01T10:00:00+00:00',
      message: 'Start',
      files: {
        'wiki.config.yml': 'title: Agree\nbots: [bot@renovate.example]\n',
        'content/ops/community.yml': 'name: Ops\n',
        'content/ops/README.md': '# Ops\n',
        'content/ops/runbook.md': runbook(''),
        'content/ops/legacy.md': legacy(''),
        'content/ops/archive.md': legacy(''),
      },
    });
    // Grace's last word on the runbook is in June (aging by November); the bot touches it two days before the build.
    repo.commit({ author: grace, date: '2026-06-01T09:00:00+00:00', message: 'Runbook: logs', files: { 'content/ops/runbook.md': runbook('Check the logs.\n') } });
    repo.commit({
      author: grace,
      date: '2026-08-01T09:00:00+00:00',
      message: 'Legacy and archive are outdated',
      files: { 'content/ops/legacy.md': legacy('status: outdated\n'), 'content/ops/archive.md': legacy('status: outdated\n') },
    });
    repo.commit({
      author: renovate,
      date: '2026-11-20T08:00:00+00:00',
      message: 'Bump versions',
      files: {
        'content/ops/runbook.md': runbook('Check the logs (v2).\n'),
        'content/ops/legacy.md': legacy('status: outdated\n', 'Version 2.\n'),
        // A front-matter "normaliser" bot drops the mark: only a person can say the page is current again.
        'content/ops/archive.md': legacy(''),
      },
    });
    data = await siteDataOf(repo.dir, today);
    view = buildSiteView(data);
  });
  afterAll(() => repo?.remove());

  it('dates a page by the last change a person made, as git log shows it, not by the bot after it', () => {
    const log = gitLogFollow(repo.dir, 'content/ops/runbook.md');
    expect(log[0]!.email).toBe(renovate.email);
    const lastHuman = log.find((r) => r.email !== renovate.email)!;
    const history = view.historyOf('ops/runbook')!;
    expect(history.updated.commit).toBe(log[0]!.commit);
    expect(humanUpdate(history).commit).toBe(lastHuman.commit);
    expect(humanUpdate(history).author.email).toBe(grace.email);
  });

  it('keeps the freshness of a page a bot touched where the person left it', () => {
    const runbookRow = view.healthOf(ops()).freshness.find((f) => f.id === 'ops/runbook')!;
    expect([runbookRow.updated.author.email, runbookRow.updated.date, runbookRow.freshness]).toEqual([grace.email, '2026-06-01T09:00:00+00:00', 'aging']);
  });

  it('keeps a page outdated, never fresh, when only a bot changed it since it was marked', () => {
    const row = view.healthOf(ops()).freshness.find((f) => f.id === 'ops/legacy')!;
    expect([row.freshness, row.updated.author.email]).toEqual(['outdated', grace.email]);
    // Outdated pages head the table, before the stalest.
    expect(view.healthOf(ops()).freshness.slice(0, 2).map((f) => f.id).sort()).toEqual(['ops/archive', 'ops/legacy']);
    expect(view.atRisk.find((r) => r.id === 'ops/legacy')!.reasons).toContainEqual({ kind: 'outdated' });
  });

  it('keeps a page outdated when a bot took its mark away after the person who set it', () => {
    expect(data.model.pages.find((p) => p.id === 'ops/archive')!.status).toBeUndefined();
    // What git says the person left: the mark, in the file at Grace's commit.
    const graceCommit = gitLogFollow(repo.dir, 'content/ops/archive.md').find((r) => r.email === grace.email)!.commit;
    expect(repo.git(['show', `${graceCommit}:content/ops/archive.md`])).toContain('status: outdated');
    const row = view.healthOf(ops()).freshness.find((f) => f.id === 'ops/archive')!;
    expect([row.freshness, row.updated.commit]).toEqual(['outdated', graceCommit]);
    expect(view.atRisk.find((r) => r.id === 'ops/archive')?.reasons).toContainEqual({ kind: 'outdated' });
    // A page a person changed last is as HEAD says: the runbook was never marked.
    expect(data.outdatedBeforeBots).toEqual(['ops/archive']);
    expect([view.keptOutdated('ops/archive'), view.keptOutdated('ops/legacy'), view.keptOutdated('ops/runbook')]).toEqual([true, false, false]);
    // The one rule the page, its badge in page lists and the health views share: marked at HEAD or kept through bots.
    expect(data.model.pages.filter((p) => view.isOutdated(p)).map((p) => p.id).sort()).toEqual(['ops/archive', 'ops/legacy']);
    expect(view.atRisk.filter((r) => r.reasons.some((reason) => reason.kind === 'outdated')).map((r) => r.id).sort()).toEqual(['ops/archive', 'ops/legacy']);
  });
});
