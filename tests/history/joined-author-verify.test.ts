// `wiki verify` on lines whose commit is no page's revision (text moved out of a deleted page) by a person the engine joined from two emails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grace, TestRepo } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

const adaOld = { name: 'Ada Lovelace', email: 'ada@old.example' };
const adaNew = { name: 'Ada Lovelace', email: 'ada@new.example' };
const section = Array.from({ length: 6 }, (_, k) => `Every restore is rehearsed on a copy of production first, step ${k + 1} of the runbook.`);
const own = Array.from({ length: 14 }, (_, k) => `Grace's own runbook text about failover drills, paragraph ${k + 1}.`);
let repo: TestRepo;

beforeAll(() => {
  repo = TestRepo.create('wiki-verify-joined-');
  repo.commit({
    author: adaOld,
    date: '2026-01-05T10:00:00+00:00',
    message: 'Restore notes',
    files: { 'wiki.config.yml': 'title: Fixture\n', 'content/ops/community.yml': 'name: Ops\n', 'content/ops/old-restores.md': ['# Restores', '', ...section, ''].join('\n') },
  });
  // Ada's newer email is the one she uses most, so it is the joined person's key; the old one is joined into it.
  for (const [day, body] of [['06', 'Ask first.'], ['07', 'Ask the on-call first.'], ['08', 'Ask the on-call engineer first.']]) {
    repo.commit({ author: adaNew, date: `2026-01-${day}T10:00:00+00:00`, message: 'Contacts', files: { 'content/ops/contacts.md': `# Contacts\n\n${body}\n` } });
  }
  // Grace moves the section into a new page and deletes the old one: too little alike for a rename, so the
  // section's lines keep Ada's first commit, which is now no revision of any page.
  repo.commit({
    author: grace,
    date: '2026-02-01T10:00:00+00:00',
    message: 'One runbook',
    files: { 'content/ops/old-restores.md': null, 'content/ops/runbook.md': ['# Runbook', '', ...own, '', ...section, ''].join('\n') },
  });
});
afterAll(() => repo.remove());

describe('wiki verify and joined identities', () => {
  it("counts a line as agreeing when blame names one of the person's emails and the commit is no page's revision", () => {
    const blamed = repo.git(['blame', '-C', '--line-porcelain', 'HEAD', '--', 'content/ops/runbook.md']).split('\n').filter((l) => l === `author-mail <${adaOld.email}>`);
    expect(blamed.length).toBeGreaterThanOrEqual(section.length);
    expect(repo.git(['log', '--follow', '--format=%aE', '--', 'content/ops/runbook.md']).trim()).toBe(grace.email);
    const result = wiki(repo.dir, ['verify', '--min-agreement', '100']);
    expect(result.stdout).toMatch(/lines per author within 5% of blame -C +100\.0%  \(2 of 2\)/);
    expect(result.stdout).toMatch(/line for line: 0 of/);
    expect(result.status).toBe(0);
  });
});
