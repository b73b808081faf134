// Runs in Node: `wiki codeowners [--stdout]` writes .github/CODEOWNERS from each community's stewards.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { escaped } from '../../src/lib/terminal-text.ts';
import { locatedOrThrow, type LocationResult } from '../../src/lib/location-fs.ts';
import { loadWiki } from '../../src/lib/wiki-fs.ts';
import { codeownersTarget } from './codeowners-fs.ts';
import { parseOrExitCode, readArgs } from './usage.ts';

const USAGE = 'Usage: npm run wiki -- codeowners [--stdout]';

function parse(argv: string[]): { stdout: boolean } | 'help' {
  const { values } = readArgs({ args: argv, options: { stdout: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  return values.help ? 'help' : { stdout: values.stdout ?? false };
}

export async function run(argv: string[], located: LocationResult): Promise<number> {
  const values = parseOrExitCode(argv, parse, USAGE);
  if (typeof values === 'number') return values;
  const wiki = loadWiki(locatedOrThrow(located));
  const target = codeownersTarget(wiki);
  if (values.stdout) {
    process.stdout.write(target.expected);
    return 0;
  }
  if (target.actual === target.expected) {
    console.log(escaped`${target.file} is up to date.`);
    return 0;
  }
  mkdirSync(path.dirname(target.absolute), { recursive: true });
  writeFileSync(target.absolute, target.expected);
  console.log(escaped`Wrote ${target.file}: commit it with the community.yml changes it reflects.`);
  return 0;
}
