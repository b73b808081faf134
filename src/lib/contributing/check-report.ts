// Runs anywhere: what `wiki check` found, formatted for a terminal or as GitHub Actions annotations.
import { formatProblem, type Problem } from '../problems.ts';
import { escapeForTerminal } from '../terminal-text.ts';

/** A notice is for the reviewer's eyes (an .mdx page runs code) and never fails the check. */
export type FindingSeverity = 'error' | 'warning' | 'notice';

export interface Finding extends Omit<Problem, 'severity'> {
  severity: FindingSeverity;
}

export type CheckFormat = 'text' | 'github';

export const CHECK_FORMATS: readonly CheckFormat[] = ['text', 'github'];

/** Errors first, then by file and position, so the lines that fail the check lead. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = { error: 0, warning: 1, notice: 2 };
  return [...findings].sort(
    (a, b) => rank[a.severity] - rank[b.severity] || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** `file:line:col: severity: message`, as every other problem is reported. */
export const formatText = (finding: Finding): string => formatProblem(finding);

/** GitHub's workflow-command escaping: data escapes %, CR and LF; property values also `:` and `,`. */
export const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
export const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

/**
 * `::error file=…,line=…,col=…::message`, shown by GitHub on the pull request's changed lines. Control
 * characters are made visible first (GitHub's log viewer renders ANSI colours), then GitHub's own escaping
 * keeps the command on one line and its properties apart.
 */
export function formatGithub(finding: Finding): string {
  const props = [`file=${escapeProperty(escapeForTerminal(finding.file))}`];
  if (finding.line) props.push(`line=${finding.line}`);
  if (finding.line && finding.column) props.push(`col=${finding.column}`);
  return `::${finding.severity} ${props.join(',')}::${escapeData(escapeForTerminal(finding.message))}`;
}

export function countBySeverity(findings: readonly Finding[]): Record<FindingSeverity, number> {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(findings: readonly Finding[], pages: number, seconds: number): string {
  const c = countBySeverity(findings);
  const verdict = c.error > 0 ? 'failed' : 'passed';
  return `wiki check ${verdict}: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.notice, 'notice')} in ${plural(pages, 'page')} (${seconds.toFixed(2)} s)`;
}
