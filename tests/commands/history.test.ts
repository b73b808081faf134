// `wiki history` and `wiki stats` print names, emails, subjects and paths from git escaped; their JSON reads back to the raw values.
import { describe, expect, it } from 'vitest';
import { TestRepo } from '../helpers/git-repo.ts';
import { wiki } from '../helpers/wiki-command.ts';

/** What must never reach a terminal raw: C0 (but the output's own newlines), DEL, C1, bidi controls. */
const RAW_UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const evil = { name: 'Eve \x1b[31mEvil\x1b]0;owned\x07 \u202Eredro', email: 'evil\x1b[2J@example.org' };
const subject = 'Fix \x1b[2J\x1b[Hall clear\u009b31m ##[warning]pwned';
const hostilePath = 'content/ops/\x1b[32mgreen\u202Egpj.md';

function hostileRepo(): TestRepo {
  const repo = TestRepo.create('wiki-history-cmd-');
  repo.commit({
    author: evil,
    date: '2026-03-01T10:00:00+00:00',
    message: subject,
    files: {
      'wiki.config.yml': 'title: Fixture\n',
      'content/ops/community.yml': 'name: "Ops \\e[5mblink\\n::error::fake"\n',
      [hostilePath]: '# Green\n\nText.\n',
    },
  });
  return repo;
}

const noFakeCommands = (output: string) => output.split('\n').filter((line) => /^\s*::/.test(line) || line.includes('##['));

describe('wiki history and wiki stats with hostile git fields', () => {
  it('escapes author names, emails and paths in the summary', () => {
    const repo = hostileRepo();
    const result = wiki(repo.dir, ['history']);
    expect(result.status).toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).not.toMatch(RAW_UNSAFE);
    expect(noFakeCommands(output)).toEqual([]);
    expect(result.stdout).toContain('content/ops/\\x1b[32mgreen\\u202egpj.md: 1 commit, created 2026-03-01 by Eve \\x1b[31mEvil\\x1b]0;owned\\x07 \\u202eredro');
  });

  it('writes JSON that holds no raw control character and parses back to the exact names and subject', () => {
    const repo = hostileRepo();
    const result = wiki(repo.dir, ['history', '--json']);
    expect(result.status).toBe(0);
    expect(result.stdout.replaceAll('\n', '')).not.toMatch(RAW_UNSAFE);
    expect(noFakeCommands(result.stdout)).toEqual([]);
    const page = JSON.parse(result.stdout).pages[hostilePath];
    expect(page.created.author).toEqual({ name: evil.name, email: evil.email.toLowerCase() });
    expect(page.created.message).toBe(subject);
  });

  it('escapes community and person names in the stats report', () => {
    const repo = hostileRepo();
    const result = wiki(repo.dir, ['stats']);
    expect(result.status).toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).not.toMatch(RAW_UNSAFE);
    expect(noFakeCommands(output)).toEqual([]);
    expect(result.stdout).toContain('Ops \\x1b[5mblink\\n::error::fake');
    expect(result.stdout).toContain('\\x1b[31mEvil');
  });
});
