// Runs in Node: finds the repository around a folder (plain .git folders and .git files of worktrees and submodules) and reads its refs.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every path real (symlinks resolved), so paths inside the repository are named from its root the way git names them. */
export interface RepositoryLocation {
  /** The working tree's root (the folder holding .git). */
  workdir: string;
  /** The repository's own git folder (a worktree's private folder for worktrees). */
  gitdir: string;
  /** Where objects, shared refs and packed-refs live (differs from gitdir in worktrees). */
  commondir: string;
}

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

const realPath = (dir: string): string => {
  try {
    return realpathSync(dir);
  } catch {
    return dir; // A damaged repository is reported where its objects are read.
  }
};

/** The git folder a `.git` entry stands for: itself, or the folder its `gitdir:` line names. */
function gitdirOf(dotGit: string): string | null {
  const stat = statSync(dotGit, { throwIfNoEntry: false });
  if (!stat) return null;
  if (stat.isDirectory()) return dotGit;
  const match = /^gitdir:\s*(.+?)\s*$/m.exec(readText(dotGit) ?? '');
  return match?.[1] ? path.resolve(path.dirname(dotGit), match[1]) : null;
}

/** Walks up from `start` to the first folder with a `.git`; null outside any repository. */
export function findRepository(start: string): RepositoryLocation | null {
  let dir = realpathSync(start);
  for (;;) {
    const gitdir = gitdirOf(path.join(dir, '.git'));
    if (gitdir && existsSync(path.join(gitdir, 'HEAD'))) {
      const common = readText(path.join(gitdir, 'commondir'))?.trim();
      const real = realPath(gitdir);
      return { workdir: dir, gitdir: real, commondir: common ? realPath(path.resolve(real, common)) : real };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function packedRef(repo: RepositoryLocation, name: string): string | null {
  const text = readText(path.join(repo.commondir, 'packed-refs'));
  if (!text) return null;
  for (const line of text.split('\n')) {
    const [oid, ref] = line.split(' ');
    if (ref === name && oid && /^[0-9a-f]{40}$/.test(oid)) return oid;
  }
  return null;
}

/** The commit HEAD points at, or null on an unborn branch (a repository without commits). */
export function resolveHead(repo: RepositoryLocation): string | null {
  let name = 'HEAD';
  for (let depth = 0; depth < 10; depth++) {
    // HEAD and per-worktree refs live in gitdir; branches are shared through commondir.
    const value = (readText(path.join(repo.gitdir, name)) ?? readText(path.join(repo.commondir, name)))?.trim();
    if (value === undefined) return packedRef(repo, name);
    const symbolic = /^ref:\s*(\S+)$/.exec(value);
    if (!symbolic) return /^[0-9a-f]{40}$/.test(value) ? value : null;
    name = symbolic[1]!;
  }
  return null;
}

/** Commits whose parents a shallow clone does not have. */
export function readShallow(repo: RepositoryLocation): Set<string> {
  const text = readText(path.join(repo.gitdir, 'shallow')) ?? readText(path.join(repo.commondir, 'shallow')) ?? '';
  return new Set(text.split('\n').map((l) => l.trim()).filter((l) => /^[0-9a-f]{40}$/.test(l)));
}

const OID = /^[0-9a-f]{40}$/;

/**
 * `refs/replace/<id>` refs (loose and packed; loose wins, as in git): the object git reads in place of
 * each id. Names and values that are not object ids are left out, as git ignores them.
 */
export function readReplacements(repo: RepositoryLocation): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of (readText(path.join(repo.commondir, 'packed-refs')) ?? '').split('\n')) {
    const match = /^([0-9a-f]{40}) refs\/replace\/([0-9a-f]{40})$/.exec(line.trim());
    if (match) out.set(match[2]!, match[1]!);
  }
  let names: string[] = [];
  try {
    names = readdirSync(path.join(repo.commondir, 'refs', 'replace'));
  } catch {
    return out;
  }
  for (const name of names) {
    if (!OID.test(name)) continue;
    const value = readText(path.join(repo.commondir, 'refs', 'replace', name))?.trim();
    if (value && OID.test(value)) out.set(name, value);
  }
  return out;
}
