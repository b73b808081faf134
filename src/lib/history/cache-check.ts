// Runs anywhere (given an object reader): checks a cached walk state against the repository's own objects before it is trusted.
import { parseCommit } from './git-objects.ts';
import type { ObjectReader } from './walk.ts';
import type { WalkState } from './walk-state.ts';

/** Commits compared with their objects per load: enough to catch a wholesale forgery, cheap at 50,000 commits. */
const SAMPLE = 64;

/** Why the cached state does not match the repository (its head or its commits' authors), or null. */
export async function cacheMismatch(state: WalkState, reader: ObjectReader): Promise<string | null> {
  const step = Math.max(1, Math.floor(state.commits.length / SAMPLE));
  const picked = new Set<number>();
  for (let i = 0; i < state.commits.length; i += step) picked.add(i);
  if (state.commits.length) picked.add(state.commits.length - 1);
  const last = state.commits.at(-1);
  if (!last || last.oid !== state.head) return `its head ${state.head.slice(0, 12)} is not its last commit`;
  for (const i of picked) {
    const cached = state.commits[i]!;
    let object;
    try {
      object = await reader.read(cached.oid);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return `it names commit ${cached.oid.slice(0, 12)}, which cannot be read from this repository (${reason})`;
    }
    if (object.type !== 'commit') return `${cached.oid.slice(0, 12)} is a ${object.type}, not a commit`;
    const real = parseCommit(object.content);
    if (real.authorName !== cached.name || real.authorEmail !== cached.email || real.date !== cached.date) {
      return `it says ${cached.oid.slice(0, 12)} is by ${cached.name} <${cached.email}>, but git says ${real.authorName} <${real.authorEmail}>`;
    }
  }
  return null;
}
