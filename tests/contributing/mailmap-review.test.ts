// Which .mailmap changes `wiki check` asks a reviewer to confirm: table of base, change and the lines warned about.
import { describe, expect, it } from 'vitest';
import { mailmapChangeFindings } from '../../src/lib/contributing/mailmap-review.ts';

const warned = (base: string[], now: string[]) => mailmapChangeFindings(base.join('\n'), now.join('\n'), '.mailmap', 'origin/main').map((f) => [f.line, f.message.split(':')[0]]);

describe('mailmap review', () => {
  it.each([
    ['a new alias at another domain', [], ['Ada <ada@example.org> <mallory@evil.example>'], [[1, 'maps <mallory@evil.example> to Ada <ada@example.org>']]],
    ['one for a commit name only', [], ['Ada <ada@example.org> Mal <mallory@evil.example>'], [[1, 'maps Mal <mallory@evil.example> to Ada <ada@example.org>']]],
    ['an email moved to another person at its own domain', ['Ada <ada@example.org> <a@example.org>'], ['Mallory <mallory@example.org> <a@example.org>'], [[1, 'maps <a@example.org> to Mallory <mallory@example.org>']]],
    ['a later line overriding an earlier one', ['Ada <ada@example.org> <a@example.org>'], ['Ada <ada@example.org> <a@example.org>', 'Eve <eve@example.org> <a@example.org>'], [[2, 'maps <a@example.org> to Eve <eve@example.org>']]],
    ['a new alias at the same domain', [], ['Ada <ada@example.org> <a.lovelace@EXAMPLE.org>'], []],
    ['a proper name for an email', [], ['Ada Lovelace <ada@example.org>'], []],
    ['an unchanged line moved down', ['Ada <ada@example.org> <ada@home.example>'], ['# people', 'Ada <ada@example.org> <ada@home.example>'], []],
    ['a removed line', ['Ada <ada@example.org> <ada@home.example>'], [], []],
  ])('%s', (_, base, now, expected) => {
    expect(warned(base, now)).toEqual(expected);
  });

  it('says which person the email belonged to at the base', () => {
    const [finding] = mailmapChangeFindings('Ada <ada@example.org> <a@example.org>\n', 'Mallory <mallory@example.org> <a@example.org>\n', '.mailmap', 'origin/main');
    expect(finding).toMatchObject({ file: '.mailmap', line: 1, severity: 'warning' });
    expect(finding!.message).toContain('it was Ada <ada@example.org> at origin/main: another person');
  });
});
