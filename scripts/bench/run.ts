// Runs in Node: `npm run bench -- [suite…] [-- options]` runs the named scripts/bench/<suite>.bench.ts suites, all when none is named.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).map((f) => f.slice(0, -'.bench.ts'.length)).sort();

/** Suite names come first; what follows `--` (or the first option) is handed to every suite. */
const argv = process.argv.slice(2);
const split = argv.findIndex((a) => a === '--' || a.startsWith('-'));
const names = split === -1 ? argv : argv.slice(0, split);
const args = split === -1 ? [] : argv.slice(argv[split] === '--' ? split + 1 : split);

const unknown = names.filter((n) => !available.includes(n));
if (unknown.length) {
  console.error(`bench: no suite ${unknown.join(', ')}; suites: ${available.join(', ')}`);
  process.exit(2);
}
for (const name of names.length ? names : available) {
  console.log(`\n# ${name}`);
  const suite = (await import(pathToFileURL(path.join(dir, `${name}.bench.ts`)).href)) as { default: (args: string[]) => Promise<void> };
  await suite.default(args);
}
