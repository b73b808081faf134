// Tests who counts as one person without a .mailmap (folded names, forge noreply logins), which generic names never join, and which authors are bots, on real repositories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';
import { foldName, joinIdentities } from '../../src/lib/history/join-identities.ts';
import type { PageHistory } from '../../src/lib/history/types.ts';
import { TestRepo } from '../helpers/git-repo.ts';

const andreaWork = { name: 'Andrea LaRowe', email: 'andrea@work.example' };
const andreaHome = { name: 'Andrea LaRowe', email: 'Andrea@Home.example' };
const andreaCased = { name: '  andrea   LAROWE ', email: 'alr@laptop.example' };
const joseNfc = { name: 'Jos\u00e9 Ruiz', email: 'jose@a.example' };
const joseNfd = { name: 'Jose\u0301 Ruiz', email: 'jose@b.example' };
const samNoreply = { name: 'Sam Doe', email: '12345+sdoe@users.noreply.github.com' };
const samWork = { name: 'Sam Doe', email: 'sam@work.example' };
const samLogin = { name: 'sdoe', email: 'sdoe@old-laptop.local' };
const samShortNoreply = { name: 'S. D.', email: 'sdoe@users.noreply.github.com' };
const kimGitlab = { name: 'Kim', email: 'kimk@users.noreply.gitlab.com' };
const kimLogin = { name: 'kimk', email: 'kim@kim.example' };
const rootA = { name: 'root', email: 'root@host-a.example' };
const rootB = { name: 'ROOT', email: 'root@host-b.example' };
const unknownA = { name: 'Unknown', email: 'u@a.example' };
const unknownB = { name: 'unknown', email: 'u@b.example' };
const robots = [
  { name: 'Kubernetes Prow Robot', email: 'k8s-infra@example.org' },
  { name: 'k8s-ci-robot', email: 'k8s-ci-robot@example.org' },
  { name: 'k8s-merge-robot', email: 'merge@example.org' },
  { name: 'Travis CI', email: 'travis@example.org' },
  { name: 'gitlab-bot', email: 'gitlab-bot@example.org' },
  { name: 'GitHub Action', email: 'action@example.org' },
  { name: 'GitHub', email: 'noreply@github.com' },
  { name: 'dependabot-preview', email: 'deps@example.org' },
  { name: 'Renovate', email: 'renovate@example.org' },
  { name: 'Docs Bot', email: 'docs-bot@example.org' },
];
const robotham = { name: 'Roberta Robotham', email: 'roberta@example.org' };
const abbot = { name: 'Abbot Talbot', email: 'abbot@example.org' };

const everyone = [andreaWork, andreaHome, andreaCased, joseNfc, joseNfd, samNoreply, samWork, samLogin, samShortNoreply, kimGitlab, kimLogin, rootA, rootB, unknownA, unknownB, ...robots, robotham, abbot];

describe('identities without a .mailmap', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = TestRepo.create('wiki-identities-');
    everyone.forEach((author, k) => {
      const day = String(k + 1).padStart(2, '0');
      repo.commit({ author, date: `2024-01-${day}T10:00:00+00:00`, message: `Line ${k}`, files: { 'content/p.md': everyone.slice(0, k + 1).map((_, j) => `line ${j}\n`).join('') } });
    });
  });
  afterAll(() => repo.remove());

  const read = async (options: { joinByName?: boolean; notBots?: string[] } = {}) =>
    (await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null, ...options })).pages['content/p.md']!;
  /** git's own authors, grouped as the engine should group them: by the email it reports for each commit. */
  const gitAuthors = () => repo.git(['log', '--format=%H %aE']).trim().split('\n').map((l) => l.split(' ') as [string, string]);
  const personOf = (page: PageHistory, email: string) => {
    const [commit] = gitAuthors().find(([, e]) => e.toLowerCase() === email.toLowerCase())!;
    return page.revisions.find((r) => r.commit === commit)!.author;
  };

  it('joins one name under several emails, any case, spacing or Unicode form, and credits the person once', async () => {
    const page = await read();
    const andrea = personOf(page, andreaWork.email);
    expect(personOf(page, andreaHome.email)).toBe(andrea);
    expect(personOf(page, andreaCased.email)).toBe(andrea);
    // The newest spelling, as git recorded it.
    expect(andrea.name).toBe(repo.git(['log', '-1', '--format=%an', `--author=${andreaCased.email}`]).trim());
    expect(foldName(andrea.name)).toBe('andrea larowe');
    expect(andrea.joined?.length).toBe(2);
    const contributor = page.contributors.filter((c) => foldName(c.name) === 'andrea larowe');
    expect(contributor).toHaveLength(1);
    // Each revision is one commit git lists: three of them are Andrea's.
    expect(contributor[0]!.commits).toBe(gitAuthors().filter(([, e]) => [andreaWork, andreaHome, andreaCased].some((a) => a.email.toLowerCase() === e.toLowerCase())).length);
    expect(personOf(page, joseNfd.email)).toBe(personOf(page, joseNfc.email));
  });

  it('joins a forge noreply address to the person with that login, by name or by another noreply', async () => {
    const page = await read();
    const sam = personOf(page, samWork.email);
    for (const other of [samNoreply, samLogin, samShortNoreply]) expect(personOf(page, other.email)).toBe(sam);
    // The address someone reads is the person's key; the noreply ones are listed as joined.
    expect(sam.email).toBe(samWork.email);
    expect(sam.joined).toEqual([samShortNoreply.email, samNoreply.email, samLogin.email].sort());
    expect(personOf(page, kimGitlab.email)).toBe(personOf(page, kimLogin.email));
  });

  it('never joins people by a generic name', async () => {
    const page = await read();
    expect(personOf(page, rootA.email)).not.toBe(personOf(page, rootB.email));
    expect(personOf(page, rootA.email).email).toBe(rootA.email);
    expect(personOf(page, unknownA.email).email).not.toBe(personOf(page, unknownB.email).email);
    // Names with fewer than two letters or digits never join either.
    const people = joinIdentities(
      [
        { person: { name: '', email: 'x@a.example' }, mapped: false, bot: false },
        { person: { name: '', email: 'y@b.example' }, mapped: false, bot: false },
        { person: { name: ' - ', email: 'z@c.example' }, mapped: false, bot: false },
        { person: { name: '-', email: 'w@d.example' }, mapped: false, bot: false },
      ],
      () => true,
    );
    expect(new Set([...people.values()].map((p) => p.email)).size).toBe(4);
  });

  it('recognises robots, CI, forge and update bots by name, and not people whose names only contain "bot"', async () => {
    const page = await read();
    const botEmails = new Set(page.revisions.filter((r) => r.bot).map((r) => r.author.email));
    expect([...botEmails].sort()).toEqual(robots.map((r) => r.email.toLowerCase()).sort());
    const names = page.contributors.map((c) => c.name);
    for (const r of robots) expect(names).not.toContain(r.name);
    expect(names).toContain(robotham.name);
    expect(names).toContain(abbot.name);
  });

  it('applies identities after the cache: a warm cache gives the identities the current config asks for', async () => {
    // The cache holds commits' raw names and emails only, so changing .mailmap or the config needs no new cache key.
    const cacheDir = `${repo.dir}/.wiki-cache`;
    const cold = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir });
    const warm = await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir, joinByName: false, notBots: ['Travis CI'] });
    expect(cold.stats?.mode).toBe('cold');
    expect(warm.stats?.mode).toBe('cached');
    const names = (h: typeof cold) => h.pages['content/p.md']!.contributors.map((c) => c.name);
    expect(names(cold).filter((n) => foldName(n) === 'andrea larowe')).toHaveLength(1);
    expect(names(warm).filter((n) => foldName(n) === 'andrea larowe')).toHaveLength(3);
    expect(names(warm)).toContain('Travis CI');
    expect(names(cold)).not.toContain('Travis CI');
  });

  it('the config turns joining off and exempts names from the bot patterns', async () => {
    const page = await read({ joinByName: false, notBots: ['Travis CI', '*@users.noreply.github.com'] });
    expect(personOf(page, andreaWork.email)).not.toBe(personOf(page, andreaHome.email));
    expect(personOf(page, samNoreply.email).email).toBe(samNoreply.email);
    expect(page.contributors.filter((c) => foldName(c.name) === 'andrea larowe')).toHaveLength(3);
    expect(page.contributors.map((c) => c.name)).toContain('Travis CI');
    expect(page.revisions.find((r) => r.author.name === 'k8s-ci-robot')!.bot).toBe(true);
  });
});

describe('identities with a .mailmap', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = TestRepo.create('wiki-identities-mailmap-');
    const mailmap = ['Pat Lee <pat@one.example>', 'Pat Lee <pat@two.example>', 'Andrea LaRowe <andrea@proper.example> <andrea@work.example>'].join('\n') + '\n';
    repo.commit({ author: andreaWork, date: '2024-01-01T10:00:00+00:00', message: 'One', files: { '.mailmap': mailmap, 'content/p.md': 'a\n' } });
    repo.commit({ author: { name: 'andrea larowe', email: 'andrea@home.example' }, date: '2024-01-02T10:00:00+00:00', message: 'Two', files: { 'content/p.md': 'a\nb\n' } });
    repo.commit({ author: { name: 'pat', email: 'pat@one.example' }, date: '2024-01-03T10:00:00+00:00', message: 'Three', files: { 'content/p.md': 'a\nb\nc\n' } });
    repo.commit({ author: { name: 'P. Lee', email: 'pat@two.example' }, date: '2024-01-04T10:00:00+00:00', message: 'Four', files: { 'content/p.md': 'a\nb\nc\nd\n' } });
    repo.commit({ author: { name: 'Pat Lee', email: 'pat@three.example' }, date: '2024-01-05T10:00:00+00:00', message: 'Five', files: { 'content/p.md': 'a\nb\nc\nd\ne\n' } });
  });
  afterAll(() => repo.remove());

  it('keeps what .mailmap says and joins only the commits it does not map', async () => {
    const page = (await readRepositoryHistory({ contentDir: `${repo.dir}/content`, cacheDir: null })).pages['content/p.md']!;
    // git's own mailmap view of each commit (%aN/%aE apply .mailmap), newest first like the revisions.
    const mapped = repo.git(['log', '--format=%aN|%aE']).trim().split('\n').map((l) => l.split('|'));
    const authors = page.revisions.map((r) => r.author);
    // Andrea: .mailmap's name and email; the unmapped commit under her name joins her.
    expect(authors[4]).toEqual({ name: mapped[4]![0], email: mapped[4]![1], joined: ['andrea@home.example'] });
    expect(authors[3]).toBe(authors[4]);
    // Two mapped Pat Lees stay two people, and a third, unmapped one joins neither.
    expect(authors[1]!.email).toBe(mapped[1]![1]);
    expect(authors[2]!.email).toBe(mapped[2]![1]);
    expect(new Set([authors[0]!.email, authors[1]!.email, authors[2]!.email]).size).toBe(3);
  });
});
