// Runs in Node: `npm run bench [-- <suite>...] [-- suite options]`, runs scripts/bench/<suite>.bench.ts (all suites when none is named).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const suites = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();

const argv = process.argv.slice(2);
const named = argv.filter((a) => !a.startsWith('-') && suites.includes(a));
const unknown = argv.filter((a, i) => !a.startsWith('-') && !suites.includes(a) && !argv[i - 1]?.startsWith('--'));
if (unknown.length) {
  console.error(`bench: unknown suite ${unknown.map((u) => `"${u}"`).join(', ')}; suites: ${suites.join(', ')}`);
  process.exit(2);
}
const options = argv.filter((a) => !named.includes(a));
for (const name of named.length ? named : suites) {
  console.log(`\n## ${name}\n`);
  const suite = (await import(pathToFileURL(path.join(here, `${name}.bench.ts`)).href)) as { default: (args: string[]) => Promise<void> };
  await suite.default(options);
}
