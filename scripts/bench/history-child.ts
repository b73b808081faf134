// Runs in Node (benchmarks): one history engine run in its own process, so its peak memory can be read; prints one JSON line.
import { parseArgs } from 'node:util';
import { readRepositoryHistory } from '../../src/lib/history/index.ts';

const { values } = parseArgs({ options: { repo: { type: 'string' }, cache: { type: 'string' } } });
const started = performance.now();
const history = await readRepositoryHistory({ contentDir: `${values.repo}/content`, repoDir: values.repo, cacheDir: values.cache || null });
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, pages: Object.keys(history.pages).length, stats: history.stats }));
