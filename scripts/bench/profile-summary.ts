// Runs in Node (benchmarks): summarises a V8 .cpuprofile (node --cpu-prof) as self and total time by function and self time by file.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const shortFile = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*\/(src|scripts|node_modules)\//, '$1/') || '(native)';

export function summarise(profile: Profile, top = 30): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let k = 0; k < profile.samples.length; k++) self.set(profile.samples[k]!, (self.get(profile.samples[k]!) ?? 0) + (profile.timeDeltas[k] ?? 0));
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${shortFile(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const selfByFunction = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const totalByFunction = new Map<string, number>();
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  // Total time: a sample counts once for each distinct function on its stack (recursion counted once).
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    selfByFunction.set(key(node), (selfByFunction.get(key(node)) ?? 0) + us);
    const file = shortFile(node.callFrame.url);
    selfByFile.set(file, (selfByFile.get(file) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const k = key(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      totalByFunction.set(k, (totalByFunction.get(k) ?? 0) + us);
    }
  }
  const all = [...self.values()].reduce((a, b) => a + b, 0);
  const table = (title: string, rows: Map<string, number>) =>
    [
      `${title}`,
      ...[...rows]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([name, us]) => `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / all).toFixed(1).padStart(5)}%  ${name}`),
    ].join('\n');
  return [`sampled ${(all / 1000).toFixed(0)} ms`, table('self time by function', selfByFunction), table('self time by file', selfByFile), table('total time by function', totalByFunction)].join('\n\n');
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '30' } }, allowPositionals: true });
  if (positionals.length !== 1) {
    console.error('usage: node scripts/bench/profile-summary.ts FILE.cpuprofile [--top N]');
    process.exit(2);
  }
  console.log(summarise(JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile, Number(values.top)));
}
