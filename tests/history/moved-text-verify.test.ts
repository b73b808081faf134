// `wiki verify` with and without moved text: the engine with it agrees with `git blame -C`, without it (`--no-moved-text`) with plain `git blame`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ada, linus, TestRepo } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

const section = Array.from({ length: 6 }, (_, i) => `Restores are tested every month, step ${i + 1} of the runbook.`);
let repo: TestRepo;
/** How many lines of restores.md git's blame (with `extra`) gives Ada. */
const adaLines = (extra: string[]) => repo.git(['blame', ...extra, '--line-porcelain', 'HEAD', '--', 'content/ops/restores.md']).split('\n').filter((l) => l === 'author Ada Lovelace').length;

beforeAll(() => {
  repo = TestRepo.create('wiki-verify-moved-');
  repo.commit({
    author: ada,
    date: '2026-01-05T10:00:00+00:00',
    message: 'Ops pages',
    files: {
      'wiki.config.yml': 'title: Fixture\n',
      'content/ops/community.yml': 'name: Ops\n',
      'content/ops/backups.md': ['# Backups', '', 'Run the backup every night.', '', ...section, ''].join('\n'),
      'content/ops/restores.md': '# Restores\n\nAsk before restoring.\n',
    },
  });
  // Linus cuts the section into the other page: blame -C credits Ada, plain blame Linus.
  repo.commit({
    author: linus,
    date: '2026-02-01T10:00:00+00:00',
    message: 'Restores get their own runbook',
    files: { 'content/ops/backups.md': '# Backups\n\nRun the backup every night.\n', 'content/ops/restores.md': ['# Restores', '', 'Ask before restoring.', ...section, ''].join('\n') },
  });
});
afterAll(() => repo.remove());

describe('wiki verify and moved text', () => {
  it('agrees line for line with blame -C by default', () => {
    expect(adaLines(['-C'])).toBe(3 + section.length);
    const result = wiki(repo.dir, ['verify', '--min-agreement', '100']);
    expect(result.stdout).toMatch(/lines per author within 5% of blame -C +100\.0%  \(2 of 2\)/);
    expect(result.status).toBe(0);
  });

  it('agrees line for line with plain blame with --no-moved-text', () => {
    expect(adaLines([])).toBe(3);
    const result = wiki(repo.dir, ['verify', '--no-moved-text', '--min-agreement', '100']);
    expect(result.stdout).toMatch(/lines per author within 5% of blame +100\.0%  \(2 of 2\)/);
    expect(result.status).toBe(0);
  });
});
