// Runs anywhere: everything `wiki check` reports beyond the content model's own problems.
import type { WikiConfig } from '../config/schema.ts';
import type { UnpublishedFile, WikiPage } from '../content/types.ts';
import type { Problem } from '../problems.ts';
import { CODEOWNERS_COMMAND, isGeneratedCodeowners } from './codeowners.ts';
import type { Finding } from './check-report.ts';
import { forgeRepository } from '../forge/forges.ts';

export interface CodeownersState {
  /** The file as the user knows it, e.g. ".github/CODEOWNERS". */
  file: string;
  expected: string;
  /** The file's text, undefined when it does not exist. */
  actual: string | undefined;
  /** True when some community has a steward, so the file must exist. */
  needed: boolean;
  /** False when the config names no maintainers, so .mailmap, the config and CODEOWNERS have no owner. */
  maintained?: boolean;
}

export interface CheckInput {
  problems: readonly Problem[];
  pages: readonly Pick<WikiPage, 'file' | 'format' | 'reviewBy' | 'status'>[];
  /** YYYY-MM-DD against which review-by dates are compared. */
  today: string;
  codeowners: CodeownersState;
  /** Every file under the content folder the site leaves out, each listed with why. */
  unpublished?: readonly UnpublishedFile[];
  repository: WikiConfig['repository'];
  configFile: string;
  /** The line of `review-by:` in a page, when the caller can read it. */
  reviewByLine?: (file: string) => number | undefined;
}

export function checkFindings(input: CheckInput): Finding[] {
  const findings: Finding[] = input.problems.map((p) => ({ ...p }));
  // A refused file is in `problems` already, at its line.
  for (const f of input.unpublished ?? []) if (!f.refused) findings.push({ file: f.file, severity: f.severity, message: `not published: ${f.reason}` });
  for (const page of input.pages) {
    if (page.format === 'mdx') {
      findings.push({ file: page.file, line: 1, severity: 'notice', message: '.mdx page: it runs code at build time, so review it like code' });
    }
    if (page.reviewBy && page.reviewBy < input.today && page.status !== 'outdated') {
      const line = input.reviewByLine?.(page.file);
      findings.push({
        file: page.file,
        ...(line ? { line } : {}),
        severity: 'warning',
        message: `review-by ${page.reviewBy} has passed: check the page is still true and move the date, or set status: outdated`,
      });
    }
  }
  const codeowners = codeownersFinding(input.codeowners);
  if (codeowners) findings.push(codeowners);
  if (input.codeowners.maintained === false && (input.codeowners.needed || ownsCodeowners(input.codeowners))) {
    findings.push({
      file: input.configFile,
      severity: 'warning',
      message: `no maintainers: nobody is asked to review changes to .mailmap, ${input.configFile} and ${input.codeowners.file}, which decide who is credited and who reviews; set maintainers (GitHub "@user", "@org/team" or emails) and run \`${CODEOWNERS_COMMAND}\``,
    });
  }
  if (input.repository && !forgeRepository(input.repository)) {
    findings.push({
      file: input.configFile,
      severity: 'warning',
      message: `repository.url ${input.repository.url} is not on a forge known from its host: set repository.forge (github, gitlab, gitea, forgejo or bitbucket) to get edit and history links`,
    });
  }
  return findings;
}

/**
 * Whether CODEOWNERS is the wiki's to keep: some community lists stewards, the config names maintainers,
 * or the wiki wrote the file. Otherwise it is the repository's own (an existing repository adopting the
 * wiki), and it is left alone rather than reported as stale.
 */
const ownsCodeowners = (state: CodeownersState): boolean =>
  state.needed || state.maintained === true || (state.actual !== undefined && isGeneratedCodeowners(state.actual));

function codeownersFinding(state: CodeownersState): Finding | undefined {
  if (state.actual === undefined) {
    if (!state.needed) return undefined;
    return { file: state.file, severity: 'error', message: `is missing although communities have stewards: run \`${CODEOWNERS_COMMAND}\` and commit it` };
  }
  if (!ownsCodeowners(state)) return undefined;
  if (state.actual.replaceAll('\r\n', '\n') === state.expected) return undefined;
  const actual = state.actual.replaceAll('\r\n', '\n').split('\n');
  const expected = state.expected.split('\n');
  let line = 0;
  while (line < Math.max(actual.length, expected.length) && actual[line] === expected[line]) line++;
  return {
    file: state.file,
    line: Math.min(line + 1, Math.max(actual.length, 1)),
    severity: 'error',
    message: `is out of date with the stewards in community.yml: run \`${CODEOWNERS_COMMAND}\` and commit it`,
  };
}
