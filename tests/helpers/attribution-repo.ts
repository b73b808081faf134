// Test helper: a fixture wiki whose git history has several authors, a co-author, a bot and a rename; shared by the site view's unit tests and the build's wiring tests.
import { ada, grace, linus, TestRepo } from './git-repo.ts';

export const renovate = { name: 'renovate[bot]', email: 'bot@renovate.example' };

const backupsV1 = [
  '---',
  'title: Backups',
  '---',
  'How we back up the databases.',
  '',
  '## Nightly',
  '',
  'Run the backup nightly at two.',
  'Keep seven days of backups.',
  '',
  '## Restore',
  '',
  'Restore onto a fresh replica.',
  '',
].join('\n');
const backupsV2 = backupsV1
  .replace('Run the backup nightly at two.', 'Run the full backup nightly at three.')
  .replace('Restore onto a fresh replica.', 'Restore onto a fresh replica.\nCheck the row counts afterwards.\nThen tell the on-call channel.');
const backupsV3 = backupsV2.replace('Keep seven days of backups.', 'Keep seven days of backups .');

/** The build's date the assertions on ages are written against. */
export const ATTRIBUTION_TODAY = '2026-11-22';

export function attributionRepo(): TestRepo {
  const repo = TestRepo.create('wiki-attribution-');
  repo.commit({
    author: ada,
    date: '2024-03-01T10:00:00+00:00',
    message: 'Start the ops community',
    files: {
      'wiki.config.yml': 'title: Fixture wiki\nbots: [bot@renovate.example]\nattribution:\n  revisionsPerPage: 5\n',
      'content/ops/community.yml': 'name: Ops\nstewards:\n  - name: Ada Lovelace\n    email: ada@example.org\n    github: ada\n  - name: Nobody Yet\n    email: nobody@example.org\n',
      'content/ops/README.md': '# Ops\n\nThe ops community.\n',
      'content/ops/backups.md': backupsV1,
      'content/ops/legacy.md': '# Legacy\n\nOnly Ada knows this.\n',
      'content/ops/deploy-notes.md': '# Deploy\n\nShip it.\n',
      'content/research/README.md': '# Research\n',
    },
  });
  repo.commit({
    author: grace,
    date: '2026-09-10T09:00:00+02:00',
    message: 'Backups: full backups <at three>\n\nCo-authored-by: Linus Torvalds <linus@example.org>',
    files: { 'content/ops/backups.md': backupsV2 },
  });
  repo.commit({ author: renovate, date: '2026-10-01T08:00:00+00:00', message: 'Fix spacing', files: { 'content/ops/backups.md': backupsV3 } });
  for (const day of [1, 2, 3, 4]) {
    repo.commit({ author: linus, date: `2026-11-0${day}T12:00:00+00:00`, message: `Deploy notes, take ${day}`, files: { 'content/ops/deploy-notes.md': `# Deploy\n\nShip it (take ${day}).\n` } });
  }
  repo.commit({ author: grace, date: '2026-11-20T12:00:00+00:00', message: 'Rename deploy notes', moves: [['content/ops/deploy-notes.md', 'content/ops/deploy.md']] });
  repo.commit({ author: linus, date: '2026-11-21T12:00:00+00:00', message: 'A page called recent', files: { 'content/research/recent.md': '# Recent findings\n\nNew.\n' } });
  return repo;
}
