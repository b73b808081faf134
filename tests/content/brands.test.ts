// Tests the branded-type constructors: each accepts what it names and refuses the rest, with the reason.
import { describe, expect, it } from 'vitest';
import { InvalidPathError, toContentPath, toPageId, toRepoPath } from '../../src/lib/content/paths.ts';
import { isCommitId, toCommitId } from '../../src/lib/history/commit-id.ts';
import { InvalidIdError } from '../../src/lib/history/errors.ts';

const refusal = (make: () => unknown): string => {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return `${(error as Error & { code: string }).code}: ${(error as Error).message}`;
  }
  return 'accepted';
};

describe('toRepoPath keeps a path from the repository root as git spells it', () => {
  it.each([
    ['content/ops/a.md', 'content/ops/a.md'],
    ['README.md', 'README.md'],
    // Not normalised: git compares bytes, and the engine matches NFD and NFC where it keys pages by id.
    ['docs/Cafe\u0301.md', 'docs/Cafe\u0301.md'],
    ['docs/a b/..c.md', 'docs/a b/..c.md'],
    ['a\\b.md', 'a\\b.md'],
  ])('%j', (raw, expected) => expect(toRepoPath(raw)).toBe(expected));

  it.each([
    ['', 'it is empty'],
    ['/etc/passwd', 'it starts with "/"'],
    ['docs//a.md', 'it has an empty segment'],
    ['docs/', 'it has an empty segment'],
    ['docs/../a.md', 'it has a ".." segment'],
    ['./a.md', 'it has a "." segment'],
    ['..', 'it has a ".." segment'],
    ['a\0b.md', 'it contains a NUL byte'],
  ])('refuses %j: %s', (raw, why) => {
    expect(refusal(() => toRepoPath(raw))).toBe(`InvalidPath: ${JSON.stringify(raw)} is not a path from the repository root: ${why}`);
  });
});

describe('toContentPath normalises, then refuses what climbs out of the content folder', () => {
  it.each([
    ['ops/a.md', 'ops/a.md'],
    ['./ops/a.md', 'ops/a.md'],
    ['ops\\runbooks\\a.md', 'ops/runbooks/a.md'],
    ['recherche/Cafe\u0301.md', 'recherche/Café.md'],
    ['', ''],
  ])('%j → %j', (raw, expected) => expect(toContentPath(raw)).toBe(expected));

  it.each([
    ['../secret.md', 'it has a ".." segment'],
    ['ops/../../x.md', 'it has a ".." segment'],
    ['/abs/a.md', 'it starts with "/"'],
    ['ops//a.md', 'it has an empty segment'],
    ['ops/a\0.md', 'it contains a NUL byte'],
  ])('refuses %j: %s', (raw, why) => {
    const error = (() => {
      try {
        toContentPath(raw);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidPathError);
    expect(error).toMatchObject({ code: 'InvalidPath', value: raw });
    expect((error as Error).message).toMatch(why);
  });
});

describe('toPageId accepts only ids made of slugs', () => {
  it.each(['ops', 'platform-engineering/postgres/index-tuning', 'ops/runbooks/deploy_checklist', 'recherche/café'])('%j', (raw) => expect(toPageId(raw)).toBe(raw));
  it.each([
    ['', 'it has an empty segment'],
    ['ops/', 'it has an empty segment'],
    ['Ops/Page', '"Ops" is not a slug'],
    ['ops/a b', '"a b" is not a slug'],
    ['ops/../x', '".." is not a slug'],
    ['ops/a.md', '"a.md" is not a slug'],
  ])('refuses %j: %s', (raw, why) => expect(refusal(() => toPageId(raw))).toBe(`InvalidPath: ${JSON.stringify(raw)} is not a page id: ${why}`));
});

describe('toCommitId accepts full lowercase object ids only', () => {
  const sha1 = '0123456789abcdef0123456789abcdef01234567';
  const sha256 = `${sha1}${'f'.repeat(24)}`;
  it.each([sha1, sha256])('%s', (raw) => {
    expect(toCommitId(raw)).toBe(raw);
    expect(isCommitId(raw)).toBe(true);
  });
  it.each([
    ['', 'empty'],
    [sha1.slice(0, 7), 'abbreviated'],
    [sha1.toUpperCase(), 'upper case'],
    [`${sha1}0`, '41 digits'],
    [`${sha1}\n`, 'a trailing newline'],
    ['HEAD', 'a ref name'],
    ['g'.repeat(40), 'not hex'],
    ['12', 'a commit index'],
  ])('refuses %j (%s)', (raw) => {
    expect(isCommitId(raw)).toBe(false);
    let error: unknown;
    try {
      toCommitId(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidIdError);
    expect(error).toMatchObject({ code: 'InvalidId', value: raw, message: `${JSON.stringify(raw)} is not a commit id: a commit id is 40 or 64 lowercase hex digits` });
  });
});
