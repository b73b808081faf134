// Runs in Node: reads a repository's history for one content folder, using and refreshing the on-disk cache.
import { realpathSync } from 'node:fs';
import { contentRule } from '../content/page-rule.ts';
import { locateContent } from '../location-fs.ts';
import type { ContentPlace } from '../location.ts';
import { cacheMismatch } from './cache-check.ts';
import { appendWalkState, loadSignatures, loadWalkState, saveSignatures, saveWalkState, type Baseline } from './cache-fs.ts';
import { defaultCacheDir, trackedCacheRefusal } from './cache-place-fs.ts';
import { parseTree } from './git-objects.ts';
import { botMatcher, mailmapLookup, parseMailmap } from './identities.ts';
import { joinedResolver } from './join-identities.ts';
import { isReachableEmail } from './reachable-email.ts';
import { toCommitId } from './commit-id.ts';
import { buildPageHistories } from './page-histories.ts';
import { ObjectStore } from './objects-fs.ts';
import { readReplacements, readShallow, resolveHead } from './repo-fs.ts';
import type { Signature } from './similarity.ts';
import type { RepositoryHistory } from './types.ts';
import { walkHistory } from './walk.ts';

interface CommonOptions {
  /** Config `exclude`: folders under the content folder that are not content (node_modules, vendor and hidden ones never are). */
  exclude?: readonly string[] | undefined;
  /** Config patterns for bots (names ending in [bot] always are). */
  bots?: readonly string[] | undefined;
  /** Config `identities.notBots`: names or emails (`*` wildcards) the built-in bot patterns must not catch. */
  notBots?: readonly string[] | undefined;
  /** Config `identities.joinByName` (default true): one person per folded name and forge login where .mailmap says nothing. */
  joinByName?: boolean | undefined;
  /** Lines moved or copied between pages in one commit keep their authors, as `git blame -C` (default true); false credits them to the commit, as plain `git blame`. */
  movedText?: boolean | undefined;
  /** Read objects through `refs/replace/` as git does (default true); false is GIT_NO_REPLACE_OBJECTS, which the caller reads. */
  replaceObjects?: boolean | undefined;
  /** Folder for the cache (default: `defaultCacheDir`); null turns it off. A folder git tracks files in is refused. */
  cacheDir?: string | null | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export type ReadHistoryOptions = CommonOptions &
  (
    | {
        /** Where the content folder sits in git, as the program's edge resolved it (the wiki's location). */
        place: ContentPlace;
      }
    | {
        /** The folder whose .md/.mdx files are pages; located in git the same way (`locateContent`). */
        contentDir: string;
        /** The repository's working tree; found by walking up from contentDir when omitted. */
        repoDir?: string | undefined;
      }
  );

const empty = (warning: string, started: number): RepositoryHistory => ({
  head: null,
  shallow: false,
  pages: {},
  warnings: [warning],
  stats: { commits: 0, processed: 0, mode: 'none', objectReads: 0, ms: Date.now() - started },
});

export async function readRepositoryHistory(options: ReadHistoryOptions): Promise<RepositoryHistory> {
  const started = Date.now();
  const place = 'place' in options ? options.place : locateContent(options.contentDir, options.repoDir);
  const { contentDir, repository: repo, contentInRepository: contentPrefix } = place;
  if (!repo) return empty(`${contentDir} is not inside a git repository: page history is not shown`, started);
  const head = resolveHead(repo);
  if (!head) return empty(`the repository at ${repo.workdir} has no commits yet: page history is not shown`, started);
  const shallow = readShallow(repo);
  const warnings: string[] = [];
  if (shallow.size > 0) {
    warnings.push(`${repo.workdir} is a shallow clone: history before its oldest fetched commits is missing, so pages look created there (run \`git fetch --unshallow\` to fetch it)`);
  }

  // git reads a replaced object's replacement (unless told not to, which the caller passes as `replaceObjects: false`).
  const replacements = options.replaceObjects === false ? new Map<string, string>() : readReplacements(repo);
  const store = new ObjectStore(repo.commondir, repo.workdir, replacements);
  try {
    let cacheDir = options.cacheDir === undefined ? defaultCacheDir(repo) : options.cacheDir;
    const refusal = cacheDir ? await trackedCacheRefusal(repo, cacheDir) : null;
    if (refusal) {
      warnings.push(refusal);
      cacheDir = null;
    }
    const rule = contentRule(options.exclude);
    const movedText = options.movedText ?? true;
    // A walk with moved text off credits lines differently: its cache is never continued with it on, nor the other way.
    const key = `${realpathSync(repo.commondir)}\n${contentPrefix}\n${[...shallow].sort().join(',')}\n${movedText ? 'moved-text' : 'no-moved-text'}\n${rule.globs.join('\n')}${replacementKey(replacements)}`;
    const clock = { at: performance.now() };
    const lap = () => {
      const now = performance.now();
      const ms = Math.round(now - clock.at);
      clock.at = now;
      return ms;
    };
    const loaded = cacheDir ? loadWalkState(cacheDir, key) : {};
    if (loaded.warning) warnings.push(loaded.warning);
    let prior = loaded.state;
    const mismatch = prior ? await cacheMismatch(prior, store) : null;
    if (mismatch) {
      warnings.push(`the history cache in ${cacheDir} does not match the repository (${mismatch}): it is ignored and the history is read from git`);
      prior = undefined;
    }
    // Taken before the walk, which continues the prior state in place.
    const baseline: Baseline | undefined = prior && { head: prior.head, commits: prior.commits.length, nextHistoryId: prior.nextHistoryId, pages: prior.pages };
    const load = lap();
    // Read only when a commit adds a page (its copy search scores it against every page) or renames one.
    let stored: ReadonlyMap<string, Signature> | null = null;
    const storedSignatures = cacheDir ? () => (stored = loadSignatures(cacheDir!, key)) : undefined;
    const outcome = await walkHistory({ reader: store, head, contentPrefix, rule, shallow, movedText, prior, storedSignatures, onProgress: options.onProgress });
    warnings.push(...outcome.warnings);
    const walk = lap();
    if (cacheDir && outcome.processed > 0) {
      try {
        if (outcome.mode === 'incremental' && baseline) appendWalkState(cacheDir, key, outcome.state, baseline);
        else saveWalkState(cacheDir, key, outcome.state);
        if (outcome.signatures && signaturesStale(outcome.signatures, stored)) saveSignatures(cacheDir, key, outcome.signatures);
      } catch (error) {
        warnings.push(`the history cache could not be written to ${cacheDir}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const save = lap();
    const mailmap = parseMailmap(await mailmapAtHead(store, head));
    const isBot = botMatcher(options.bots ?? [], options.notBots ?? []);
    const resolve = joinedResolver(outcome.state.commits, mailmapLookup(mailmap), { join: options.joinByName ?? true, isBot, isReachable: isReachableEmail });
    const pages = buildPageHistories(outcome.state, { resolve, isBot });
    const build = lap();
    return {
      head: toCommitId(head),
      shallow: shallow.size > 0,
      contentPrefix,
      pages,
      warnings,
      stats: {
        commits: outcome.state.commits.length,
        processed: outcome.processed,
        mode: outcome.mode,
        ...(outcome.restartReason ? { restartReason: outcome.restartReason } : {}),
        objectReads: store.reads,
        ms: Date.now() - started,
        phases: { load, walk, save, build },
      },
    };
  } finally {
    store.close();
  }
}

/** Signatures missing from the stored file that a run computes again rather than write the file anew (a few blob reads). */
const SIGNATURE_SLACK = 64;

function signaturesStale(atHead: ReadonlyMap<string, Signature>, stored: ReadonlyMap<string, Signature> | null): boolean {
  if (!stored) return true;
  let missing = 0;
  for (const blob of atHead.keys()) if (!stored.has(blob) && ++missing > SIGNATURE_SLACK) return true;
  return false;
}

/** The .mailmap committed at HEAD (not the working copy), so every checkout of one commit agrees. */
async function mailmapAtHead(store: ObjectStore, head: string): Promise<string> {
  const commit = (await store.read(head)).content.toString('latin1', 0, 46);
  const tree = /^tree ([0-9a-f]{40})/.exec(commit)?.[1];
  if (!tree) return '';
  const entry = parseTree((await store.read(tree)).content).find((e) => e.name === '.mailmap' && e.kind === 'blob');
  return entry ? (await store.read(entry.oid)).content.toString('utf8') : '';
}

/**
 * Replace refs change what every id below them reads as while the ids stay the same, so a walk made
 * through one set of replacements is never continued through another: they are part of the cache key.
 */
function replacementKey(replacements: ReadonlyMap<string, string>): string {
  if (replacements.size === 0) return '';
  return `\nreplace:${[...replacements].map(([from, to]) => `${from}>${to}`).sort().join(',')}`;
}
