// The check's output: file:line:col text, GitHub annotations escaped by GitHub's rules, the summary line.
import { describe, expect, it } from 'vitest';
import { checkFindings } from '../../src/lib/contributing/check.ts';
import { escapeData, escapeProperty, formatGithub, formatText, sortFindings, summaryLine, type Finding } from '../../src/lib/contributing/check-report.ts';

const codeowners = { file: '.github/CODEOWNERS', expected: 'x\n', actual: 'x\n', needed: true };

describe('check report', () => {
  it('formats findings as file:line:col: severity: message', () => {
    expect(formatText({ file: 'content/a b.md', line: 3, column: 7, severity: 'error', message: 'broken [[x]]' })).toBe('content/a b.md:3:7: error: broken [[x]]');
    expect(formatText({ file: 'content/a.md', severity: 'warning', message: 'm' })).toBe('content/a.md: warning: m');
  });

  it('escapes annotations as GitHub requires', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    expect(formatGithub({ file: 'content/x, y: z.md', line: 2, column: 5, severity: 'error', message: 'broken [[a]]: 50%' })).toBe(
      '::error file=content/x%2C y%3A z.md,line=2,col=5::broken [[a]]: 50%25',
    );
    expect(formatGithub({ file: 'a.mdx', line: 1, severity: 'notice', message: 'm' })).toBe('::notice file=a.mdx,line=1::m');
    expect(formatGithub({ file: 'wiki.config.yml', severity: 'warning', message: 'm' })).toBe('::warning file=wiki.config.yml::m');
  });

  it('keeps hostile names and messages on one line, visibly escaped', () => {
    const file = 'content/x\n::warning file=evil::pwned.md';
    const line = formatGithub({ file, line: 1, severity: 'error', message: 'page "\x1b[2J\u202Eevil" at\r\n::error::fake' });
    expect(line).toBe('::error file=content/x\\n%3A%3Awarning file=evil%3A%3Apwned.md,line=1::page "\\x1b[2J\\u202eevil" at\\r\\n::error::fake');
    expect(line.split('\n')).toHaveLength(1);
    expect(line).not.toMatch(/[\x00-\x1f\u009b\u202e]/);
    const text = formatText({ file, line: 1, severity: 'error', message: '\x1b]0;title\x07' });
    expect(text).toBe('content/x\\n::warning file=evil::pwned.md:1: error: \\x1b]0;title\\x07');
    expect(formatText({ file: '::warning file=a::b.md', severity: 'warning', message: 'm' })).toBe('\\x3a:warning file=a::b.md: warning: m');
  });

  it('sorts errors first and counts each severity in the summary', () => {
    const findings: Finding[] = [
      { file: 'b.md', severity: 'notice', message: 'n' },
      { file: 'c.md', severity: 'warning', message: 'w' },
      { file: 'a.md', line: 2, severity: 'error', message: 'e' },
    ];
    expect(sortFindings(findings).map((f) => f.severity)).toEqual(['error', 'warning', 'notice']);
    expect(summaryLine(findings, 12, 0.5)).toBe('wiki check failed: 1 error, 1 warning, 1 notice in 12 pages (0.50 s)');
    expect(summaryLine([], 1, 0.25)).toBe('wiki check passed: 0 errors, 0 warnings, 0 notices in 1 page (0.25 s)');
  });

  it('adds .mdx notices, overdue review warnings and CODEOWNERS errors to the model problems', () => {
    const findings = checkFindings({
      problems: [{ file: 'content/a.md', line: 4, severity: 'error', message: 'broken link' }],
      pages: [
        { file: 'content/m.mdx', format: 'mdx' },
        { file: 'content/old.md', format: 'md', reviewBy: '2026-01-01' },
        { file: 'content/gone.md', format: 'md', reviewBy: '2026-01-01', status: 'outdated' },
        { file: 'content/fresh.md', format: 'md', reviewBy: '2026-12-01' },
      ],
      today: '2026-11-22',
      codeowners: { ...codeowners, actual: 'x\ny\n' },
      repository: { url: 'https://git.example.org/org/wiki', branch: 'main' },
      configFile: 'wiki.config.yml',
      reviewByLine: () => 5,
    });
    expect(findings.map((f) => `${f.file}:${f.line ?? ''}:${f.severity}`)).toEqual([
      'content/a.md:4:error',
      'content/m.mdx:1:notice',
      'content/old.md:5:warning',
      '.github/CODEOWNERS:2:error',
      'wiki.config.yml::warning',
    ]);
    expect(findings[3]?.message).toContain('npm run wiki -- codeowners');
  });

  it('reports a missing CODEOWNERS only when some community has stewards', () => {
    const base = { problems: [], pages: [], today: '2026-11-22', repository: undefined, configFile: 'wiki.config.yml' };
    expect(checkFindings({ ...base, codeowners: { ...codeowners, actual: undefined } })[0]?.message).toMatch(/^is missing/);
    expect(checkFindings({ ...base, codeowners: { ...codeowners, actual: undefined, needed: false } })).toEqual([]);
    expect(checkFindings({ ...base, codeowners: { ...codeowners, actual: 'x\r\n' } })).toEqual([]);
  });
});
