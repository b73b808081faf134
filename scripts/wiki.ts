// Runs in Node: the `wiki` command (`npm run wiki -- <command> [options]`), a thin dispatcher over scripts/commands/.
import { resolveWikiLocation, type LocationResult } from '../src/lib/location-fs.ts';
import { WikiContentError, formatProblem } from '../src/lib/problems.ts';
import { escaped, escapeLines } from '../src/lib/terminal-text.ts';
import type { Progress } from '../src/lib/progress.ts';
import { stderrProgress } from '../src/lib/progress-fs.ts';

/**
 * A command gets its arguments, the wiki's location and where to report the phases of long work (stderr),
 * resolved here once; nothing below reads the environment or the clock.
 */
type Command = (argv: string[], located: LocationResult, progress: Progress) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  new: { summary: 'create a draft page in a community: new <community> "<title>" [--type how-to] [--tags a,b]', load: async () => (await import('./commands/new.ts')).run },
  check: { summary: 'check content, links, CODEOWNERS and review dates without a build [--format github]', load: async () => (await import('./commands/check.ts')).run },
  codeowners: { summary: 'write .github/CODEOWNERS from the stewards in community.yml [--stdout]', load: async () => (await import('./commands/codeowners.ts')).run },
  history: { summary: 'who contributed what, read from git (--json for machines)', load: async () => (await import('./commands/history.ts')).run },
  verify: { summary: 'how far page history agrees with git log --follow and git blame -C (plain git blame with --no-moved-text) [--repo R] [--content C] [--sample N] [--min-agreement P] [--no-moved-text]', load: async () => (await import('./commands/verify.ts')).run },
  stats: { summary: 'communities, pages, people, contributions per month and community, knowledge at risk [--json]', load: async () => (await import('./commands/stats.ts')).run },
};

function usage(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return ['Usage: npm run wiki -- <command> [options]', '', 'Commands:', ...rows].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(escaped`wiki: unknown command "${name}"` + `\n\n${usage()}`);
    return 2;
  }
  const run = await command.load();
  return run(rest, resolveWikiLocation({ cwd: process.cwd(), env: process.env, now: new Date() }), stderrProgress(process.env));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof WikiContentError) {
      for (const p of error.problems) console.error(formatProblem(p));
    } else {
      console.error(`wiki: ${escapeLines(error instanceof Error ? error.message : String(error))}`);
    }
    process.exitCode = 1;
  },
);
