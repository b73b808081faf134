// Runs anywhere: the one shape every content, config and link problem takes before it is reported.
import { escapeForTerminal } from './terminal-text.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path as the user knows it: relative to the project (or repository) root, with forward slashes. */
  file: string;
  line?: number;
  column?: number;
  severity: Severity;
  message: string;
}

export function problem(file: string, message: string, at: { line?: number; column?: number } = {}, severity: Severity = 'error'): Problem {
  return { file, message, severity, ...(at.line ? { line: at.line } : {}), ...(at.column ? { column: at.column } : {}) };
}

/**
 * `file:line:col: severity: message`, the form editors and terminals turn into links; any severity word.
 * File names and messages come from content, so they are escaped for the terminal.
 */
export function formatProblem(p: Omit<Problem, 'severity'> & { severity: string }): string {
  const where = [escapeForTerminal(p.file), p.line, p.line ? p.column : undefined].filter((part) => part !== undefined).join(':');
  return `${where}: ${p.severity}: ${escapeForTerminal(p.message)}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

export const errorsOf = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error');

/** Thrown at the edge (build or command) when content problems must stop the run; carries every problem at once. */
export class WikiContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    const errors = errorsOf(sorted).length;
    super(
      `The wiki has ${errors} problem${errors === 1 ? '' : 's'} to fix:\n` + sorted.map((p) => '  ' + formatProblem(p)).join('\n'),
    );
    this.name = 'WikiContentError';
    this.problems = sorted;
  }
}
