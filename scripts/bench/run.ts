// Runs in Node: `npm run bench -- <suite> [<suite>…] [options]` runs the named scripts/bench/<suite>.bench.ts suites.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

type Suite = (args: string[]) => Promise<void>;

const here = path.dirname(fileURLToPath(import.meta.url));
const SUFFIX = '.bench.ts';

async function main(argv: string[]): Promise<number> {
  const available = readdirSync(here).filter((f) => f.endsWith(SUFFIX)).map((f) => f.slice(0, -SUFFIX.length)).sort();
  // Suite names come first; everything from the first option on is handed to each suite.
  const firstOption = argv.findIndex((a) => a.startsWith('-'));
  const requested = firstOption === -1 ? argv : argv.slice(0, firstOption);
  const options = firstOption === -1 ? [] : argv.slice(firstOption);
  const names = requested.filter((a) => available.includes(a));
  const unknown = requested.filter((a) => !available.includes(a));
  if (names.length === 0 || unknown.length > 0) {
    if (unknown.length > 0) console.error(`bench: no suite named ${unknown.map((u) => `"${u}"`).join(', ')}`);
    console.error(`Usage: npm run bench -- <suite>… [options]\nSuites: ${available.join(', ') || '(none)'}`);
    return 2;
  }
  for (const name of names) {
    console.log(`== ${name}`);
    const suite = (await import(pathToFileURL(path.join(here, name + SUFFIX)).href)) as { default: Suite };
    await suite.default(options);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
