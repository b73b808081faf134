// Which URLs from content may become links and images, read the way a browser reads them.
import { describe, expect, it } from 'vitest';
import { isSafeImageUrl, safeAbsoluteUrl } from '../../src/lib/content/safe-url.ts';

describe('safeAbsoluteUrl (community.yml links)', () => {
  it.each([
    'javascript:alert(document.domain)//https://example.org',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    ' \u001fjavascript:alert(1)',
    '  javascript:alert(1)  ',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,iVBORw0KGgo=',
    'file:///etc/passwd',
    'ftp://example.org/x',
    'blob:https://example.org/uuid',
    'irc://irc.example.org/ops',
    '//evil.example/x',
    '/ops/page/',
    'chat.example.org/ops',
    'mailto:',
    'https:',
    'https://',
    '',
  ])('refuses %j', (url) => {
    expect(safeAbsoluteUrl(url)).toBeUndefined();
  });

  it.each([
    ['https://chat.example.org/channels/ops', 'https://chat.example.org/channels/ops'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://Example.ORG/a b', 'https://example.org/a%20b'],
    ['  https://example.org/x\n', 'https://example.org/x'],
    ['mailto:ops@example.org', 'mailto:ops@example.org'],
    ['MAILTO:ops@example.org?subject=Hi', 'mailto:ops@example.org?subject=Hi'],
  ])('accepts %j as %j, normalised as the browser will follow it', (url, href) => {
    expect(safeAbsoluteUrl(url)).toBe(href);
  });

  it('takes other schemes only when asked for them (ssh:// for a repository)', () => {
    expect(safeAbsoluteUrl('ssh://git@example.org/acme/kb.git')).toBeUndefined();
    expect(safeAbsoluteUrl('ssh://git@example.org/acme/kb.git', ['https:', 'ssh:'])).toBe('ssh://git@example.org/acme/kb.git');
    expect(safeAbsoluteUrl('mailto:a@example.org', ['https:'])).toBeUndefined();
  });
});

describe('isSafeImageUrl (src and each srcset candidate)', () => {
  it.each([
    'https://example.org/a.png',
    'http://example.org/a.png',
    'images/a.png',
    '/kb/ops/a.png',
    '//cdn.example.org/a.png',
    'a.png?x=1:2',
    'data:image/png;base64,iVBORw0KGgo=',
    'DATA:image/JPEG;base64,AAAA',
    'data:image/webp,AAAA',
  ])('loads %j', (url) => {
    expect(isSafeImageUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
    'da\nta:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
  ])('refuses %j', (url) => {
    expect(isSafeImageUrl(url)).toBe(false);
  });
});
