// Runs anywhere (given an object reader): the one forward pass over new commits, parents first, carrying pages, revisions and line origins.
import { carryOrigins, type PageVersion } from './blame.ts';
import { newCommits, type GraphCommit } from './commit-graph.ts';
import { entriesOf, parseCommit, parseRawTree, type ParsedCommit, type RawTree, type TreeEntry } from './git-objects.ts';
import { contentRule, isPageFile, type ContentRule } from '../content/page-rule.ts';
import { toRepoPath } from '../content/paths.ts';
import { toCommitId } from './commit-id.ts';
import { GitObjectError, InternalError, MalformedObjectError, objectError } from './errors.ts';
import { coAuthorsOf } from './identities.ts';
import { splitLines } from './line-match.ts';
import { Lru } from './lru.ts';
import { PageMap } from './page-map.ts';
import { followBack, type FollowedHistory } from './follow-back.ts';
import { bestCopy, copiesPerParent, CopyIndex, creditMovedText, type MoveParent, type OriginsOf, type SourceFile } from './moved-text.ts';
import { indexEntries } from './outside-diff.ts';
import { chooseCopySource, PageVersionIndex, type CopySource } from './copies.ts';
import { pairRenames, type CandidateReader, type Rename, type Side } from './renames.ts';
import { score, signatureOf, sizesRuleOut, type Signature } from './similarity.ts';
import { changedOldFiles, diffPageTrees, subtreeAt, type OldFile, type PageChange } from './tree-diff.ts';
import { copiedParts } from './move-marks.ts';
import { GRAVE, isGrave, joinHistories, pagesAt, rootId, UNDO_DEPTH, type PageState, type RawRevision, type UndoRecord, type WalkState } from './walk-state.ts';

export interface ObjectReader {
  read(oid: string): Promise<{ type: string; content: Buffer }>;
  /** The object's size without reading its content; null when the repository does not hold it. Rename candidates are sized with it first. */
  size?(oid: string): number | null;
  /** The repository as messages name it. */
  readonly repository?: string;
}

export interface WalkOptions {
  reader: ObjectReader;
  head: string;
  contentPrefix: string;
  /** What under the content folder is never content (config `exclude`); part of the cache key, since it changes the pages. */
  rule?: ContentRule | undefined;
  shallow: ReadonlySet<string>;
  /** Lines moved or copied from the pages a commit changed keep their origins, as `git blame -C` (default true); part of the cache key. */
  movedText?: boolean | undefined;
  /** Signatures of page blobs an earlier run kept, by blob (the cache's); asked for once, when a signature is first needed. */
  storedSignatures?: (() => ReadonlyMap<string, Signature> | null) | undefined;
  /** The state at an earlier HEAD, continued in place when every new commit descends from it; otherwise left as it was and the walk starts over. */
  prior?: WalkState | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface WalkOutcome {
  state: WalkState;
  processed: number;
  mode: 'cold' | 'incremental' | 'cached';
  /** Why a prior state could not be continued (history rewritten, …). */
  restartReason?: string;
  /** Commits read this run whose dates could not be shown as written, one line each naming the commit. */
  warnings: string[];
  /** When this run searched for copies: the signature of every page blob at HEAD, for the next run to keep. */
  signatures?: Map<string, Signature>;
}

type Pages = PageMap;

/** Followed histories of files outside the pages, by parent commit and path, as moved text asks for them. */
interface Followed {
  get(key: string): Promise<PageState | undefined> | undefined;
  set(key: string, value: Promise<PageState | undefined>): unknown;
}

/** git's empty blob: what a deleted page's revision shows as its text after. */
const EMPTY_BLOB = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';

/** A page the commit added as a copy of a file of its first parent, which that page's history then continues. */
interface Copy {
  source: CopySource;
  outside: boolean;
}

/** A page of the commit that differs from a parent, with its path in the parent (null: new there). */
interface Arrival {
  path: string;
  blob: string;
  from: string | null;
  /** `from` is a file outside the content folder. */
  outside?: boolean;
  copy?: Copy | undefined;
}

/** What the first parent's pages and the commit's roots tell the copy search; absent for the other parents of a merge. */
interface FirstParent {
  parent: string;
  commit: string;
  pages: Pages;
  /** False at a merge: its pages come from its parents, never from copies. */
  copies: boolean;
}

/** A tree's regular files that are not pages, folders without any left out: what a copy search adds to the pages. */
interface NonPageTree {
  files: [name: string, blob: string][];
  folders: [name: string, tree: NonPageTree][];
}

/** Where a tree sits: outside the content folder, on the way to it (its repo path), or in it (its path there). */
type Place = { kind: 'outside' } | { kind: 'above'; path: string } | { kind: 'content'; inContent: string };

/** What one parent's tree says about the pages of the commit: for each of its paths, that page's path in the parent. */
interface ParentView {
  state: Pages;
  sourceOf: (path: string) => string | null;
  /** The parent's pages the commit changed or deleted: where moved text is searched for. */
  changed: string[];
}

export async function walkHistory(options: WalkOptions): Promise<WalkOutcome> {
  const { prior } = options;
  if (prior && prior.head === options.head && prior.contentPrefix === options.contentPrefix) return { state: prior, processed: 0, mode: 'cached', warnings: [] };
  const walker = new Walker(options);
  const kept = async (w: Walker) => {
    const signatures = await w.headSignatures();
    return signatures ? { signatures } : {};
  };
  if (prior && prior.contentPrefix === options.contentPrefix) {
    const reason = await walker.continueFrom(prior);
    if (!reason) return { state: walker.state, processed: walker.processed, mode: 'incremental', warnings: walker.warnings, ...(await kept(walker)) };
    const fresh = new Walker(options);
    await fresh.walkAll();
    return { state: fresh.state, processed: fresh.processed, mode: 'cold', restartReason: reason, warnings: fresh.warnings, ...(await kept(fresh)) };
  }
  await walker.walkAll();
  return { state: walker.state, processed: walker.processed, mode: 'cold', warnings: walker.warnings, ...(await kept(walker)) };
}

class Walker {
  readonly state: WalkState;
  processed = 0;
  readonly warnings: string[] = [];
  private readonly options: WalkOptions;
  /** Parsed trees by OID: a tree is read once while commits near each other need it. */
  private readonly trees = new Lru<string, TreeEntry[]>(150_000, (entries) => entries.length + 1);
  /** Trees as bytes, which the tree diff reads (the decoded entries above serve the other readers). */
  private readonly rawTrees = new Lru<string, RawTree>(24 * 1024 * 1024, (tree) => tree.bytes.length + 4 * tree.layout.length + 64);
  private readonly texts = new Lru<string, string>(16 * 1024 * 1024, (text) => text.length + 64);
  private readonly contentTrees = new Map<string, string | null>();
  /** Chunk signatures by blob OID: a blob is hashed once however many pairs it is scored in. */
  private readonly signatures = new Lru<string, Signature>(4 * 1024 * 1024, (sig) => sig.hashes.length + 8);
  /** Page versions by chunk, built when a copy is first looked for; `pendingVersions` are the ones met since, indexed at the next search. */
  private versionIndex: PageVersionIndex | null = null;
  private pendingVersions: [path: string, blob: string][] = [];
  /** The pages of the commits still waiting for a child: an index built mid-walk starts from all of them. */
  private waiting: Map<string, Pages> = new Map();
  /** Commit OID to its index in `state.commits`, built when a move from outside first needs it. */
  private commitIndex: Map<string, number> | null = null;
  /** What following a file back reads in every commit: parents and root tree, and trees by entry name. */
  private readonly commitHeads = new Lru<string, { tree: string; parents: string[] }>(200_000, (c) => c.parents.length + 2);
  private readonly treeIndexes = new Lru<string, Map<string, TreeEntry>>(150_000, (m) => m.size + 1);

  constructor(options: WalkOptions) {
    this.options = options;
    this.state = { head: options.head, contentPrefix: options.contentPrefix, commits: [], histories: new Map(), aliases: new Map(), nextHistoryId: 0, pages: new Map(), undo: [] };
  }

  /** Continues a prior walk; returns why it cannot (then nothing was changed in the prior state), or null. */
  async continueFrom(prior: WalkState): Promise<string | null> {
    const known = new Map<string, number>();
    for (let i = 0; i < prior.commits.length; i++) known.set(prior.commits[i]!.oid, i);
    const { ordered, knownParents } = await newCommits(this.options.head, (oid) => this.readCommit(oid), (oid) => known.has(oid), this.options.shallow);
    if (ordered.length === 0) return 'HEAD moved back to an earlier commit';
    if (!knownParents.has(prior.head)) return `HEAD no longer descends from the cached ${prior.head.slice(0, 7)} (history rewritten)`;
    // A merged branch usually forked from an earlier commit of HEAD's line: its pages come from the undo records.
    const states = new Map<string, Pages>();
    for (const oid of knownParents) {
      const pages = pagesAt(prior, oid);
      if (!pages) return `new commits branch from ${oid.slice(0, 7)}, further back than the cache can restore`;
      states.set(oid, PageMap.of(pages));
    }
    // From here on the prior state is continued in place (the checks above leave it untouched when they refuse).
    Object.assign(this.state, { commits: prior.commits, histories: prior.histories, aliases: prior.aliases, nextHistoryId: prior.nextHistoryId });
    await this.process(ordered, states, prior.undo, (oid) => prior.commits[known.get(oid)!]?.time);
    return null;
  }

  async walkAll(): Promise<void> {
    const { ordered } = await newCommits(this.options.head, (oid) => this.readCommit(oid), () => false, this.options.shallow);
    await this.process(ordered, new Map(), []);
  }

  private async readCommit(oid: string): Promise<ParsedCommit> {
    const object = await this.options.reader.read(oid);
    if (object.type !== 'commit') throw objectError(this.repository, oid, `it is a ${object.type}, not a commit`);
    try {
      return parseCommit(object.content);
    } catch (error) {
      throw objectError(this.repository, oid, error);
    }
  }

  private get repository(): string {
    return this.options.reader.repository ?? 'the repository';
  }


  private async process(ordered: GraphCommit[], states: Map<string, Pages>, priorUndo: UndoRecord[], knownTime: (oid: string) => number | undefined = () => undefined): Promise<void> {
    const undo = new Map<string, UndoRecord>();
    this.waiting = states;
    const times = new Map<string, number>();
    const children = new Map<string, number>();
    for (const c of ordered) for (const p of c.parents) children.set(p, (children.get(p) ?? 0) + 1);
    this.options.onProgress?.(0, ordered.length);
    for (const commit of ordered) {
      const index = this.state.commits.length;
      this.commitIndex?.set(commit.oid, index);
      this.state.commits.push({
        oid: toCommitId(commit.oid),
        name: commit.authorName,
        email: commit.authorEmail,
        date: commit.date,
        subject: commit.message.split('\n', 1)[0]!.trim(),
        coAuthors: coAuthorsOf(commit.message),
        time: correctedTime(commit, (oid) => times.get(oid) ?? knownTime(oid)),
      });
      if ((children.get(commit.oid) ?? 0) > 0) times.set(commit.oid, this.state.commits[index]!.time);
      if (commit.dateProblem) this.warnings.push(`commit ${commit.oid} (${commit.authorName || 'no author'}): ${commit.dateProblem}`);
      // A parent's pages are handed over to its last child and copied for the others.
      const parentStates = commit.parents.map((p) => {
        const left = (children.get(p) ?? 0) - 1;
        children.set(p, left);
        const s = states.get(p);
        if (!s) throw new InternalError(`the state of parent ${p} is missing`);
        if (left > 0) return s.fork();
        states.delete(p);
        return s.take();
      });
      const pages = await this.processCommit(commit, index, parentStates, undo);
      if ((children.get(commit.oid) ?? 0) > 0 || commit.oid === this.options.head) states.set(commit.oid, pages);
      this.processed++;
      if (this.options.onProgress && this.processed % 500 === 0) this.options.onProgress(this.processed, ordered.length);
    }
    this.state.pages = states.get(this.options.head)?.toMap() ?? new Map();
    await this.rematchCopiedParts();
    // Keep the undo records of HEAD's first-parent line only, continuing into the prior ones.
    const kept: UndoRecord[] = [];
    for (let at: string | undefined = this.options.head; at && kept.length < UNDO_DEPTH; ) {
      const record = undo.get(at);
      if (!record) {
        const from = priorUndo.findIndex((r) => r.oid === at);
        if (from >= 0) kept.push(...priorUndo.slice(from, from + UNDO_DEPTH - kept.length));
        break;
      }
      kept.push(record);
      at = record.parent;
    }
    this.state.undo = kept;
  }

  /**
   * For each page at HEAD whose copied lines git would blame apart from the rest of their stretch
   * (move-marks.ts copiedParts), the file git's copy search takes such a part from, when it is another
   * file than the move's: a later file in path order that has it too, when that file is not a page (its
   * lines' origins come from following it back, as for text copied from it at the commit). A later page
   * is left out: its origins at that commit would mean following a page's whole history again, per part,
   * which on template-heavy wikis costs more than the whole walk. Kept on the page, which holds it for
   * as long as its lines and marks stay.
   */
  private async rematchCopiedParts(): Promise<void> {
    for (const [path, page] of this.state.pages) {
      if (isGrave(path) || !page.marks || page.rematched) continue;
      const pairs: number[] = [];
      for (const { start, end, commit: moving, copy } of copiedParts(page.marks)) {
        const commit = this.state.commits[moving];
        if (!commit) throw new InternalError(`a move mark names commit ${moving}, which the walk does not have`);
        const head = await this.commitHead(commit.oid);
        const parent = head.parents[copy.parent];
        if (!parent) continue;
        const index = await this.followedCopies(parent, head.tree);
        const { lines } = await this.version(page);
        const found = bestCopy(index, copy.ownPath, lines, start, end);
        if (!found || found.path === copy.path || found.start !== start || found.end !== end || this.isPagePath(found.path)) continue;
        const [from] = await index.originsOf([found.path]);
        if (from?.origins.length !== found.sourceLength) continue;
        for (let k = start; k < end; k++) pairs.push(k, from.origins[found.from + k - start]!);
      }
      page.rematched = pairs;
    }
  }

  /** Whether a path names a page when it exists: under the content folder, with a page's name, not skipped by the page rule diffPageTrees applies. */
  private isPagePath(repoPath: string): boolean {
    const prefix = this.options.contentPrefix;
    if (prefix !== '' && !repoPath.startsWith(`${prefix}/`)) return false;
    const inContent = prefix === '' ? repoPath : repoPath.slice(prefix.length + 1);
    const rule = this.options.rule ?? contentRule();
    const folders = inContent.split('/').slice(0, -1);
    if (folders.some((_, k) => rule.skipReason(folders.slice(0, k + 1).join('/'), true))) return false;
    return !rule.skipReason(inContent, false) && isPageFile(repoPath.slice(repoPath.lastIndexOf('/') + 1));
  }

  private async readTree(oid: string): Promise<TreeEntry[]> {
    const hit = this.trees.get(oid);
    if (hit) return hit;
    const entries = entriesOf(await this.readRawTree(oid));
    this.trees.set(oid, entries);
    return entries;
  }

  private readonly readTreeFn = (oid: string) => this.readTree(oid);

  private async readRawTree(oid: string): Promise<RawTree> {
    const hit = this.rawTrees.get(oid);
    if (hit) return hit;
    const object = await this.options.reader.read(oid);
    if (object.type !== 'tree') throw objectError(this.repository, oid, `it is a ${object.type}, not a tree`);
    let tree: RawTree;
    try {
      tree = parseRawTree(object.content);
    } catch (error) {
      throw objectError(this.repository, oid, error);
    }
    this.rawTrees.set(oid, tree);
    return tree;
  }

  private readonly readRawTreeFn = (oid: string) => this.readRawTree(oid);

  private async contentTree(commitOid: string, rootTree?: string): Promise<string | null> {
    const known = this.contentTrees.get(commitOid);
    if (known !== undefined) return known;
    let tree = rootTree;
    tree ??= (await this.readCommit(commitOid)).tree;
    const found = await subtreeAt(this.readRawTreeFn, tree, this.options.contentPrefix);
    this.contentTrees.set(commitOid, found);
    return found;
  }

  private async text(blob: string): Promise<string> {
    const hit = this.texts.get(blob);
    if (hit !== undefined) return hit;
    const text = (await this.options.reader.read(blob)).content.toString('utf8');
    this.texts.set(blob, text);
    return text;
  }

  /** The signatures an earlier run kept: undefined until first asked for. */
  private stored: ReadonlyMap<string, Signature> | null | undefined;

  private async signature(blob: string): Promise<Signature> {
    const hit = this.signatures.get(blob);
    if (hit) return hit;
    if (this.stored === undefined) this.stored = this.options.storedSignatures?.() ?? null;
    const kept = this.stored?.get(blob);
    if (kept) {
      this.signatures.set(blob, kept);
      return kept;
    }
    // A text already read is its blob's bytes again, unless decoding replaced some (then the blob is read again).
    const text = this.texts.get(blob);
    const sig = signatureOf(text !== undefined && !text.includes('\uFFFD') ? Buffer.from(text, 'utf8') : (await this.options.reader.read(blob)).content);
    this.signatures.set(blob, sig);
    return sig;
  }

  private readonly signatureFn = (blob: string) => this.signature(blob);

  /** Blobs of rename and copy candidates that could not be read: each is warned about once, then left out. */
  private readonly unreadable = new Set<string>();
  private readonly candidateSizes = new Lru<string, number>(1024 * 1024, () => 1);

  /** A candidate's size, from the store's headers when it can (no inflating: sizes rule most pairs out); null when unreadable. */
  private async candidateSize(side: Side): Promise<number | null> {
    if (this.unreadable.has(side.blob)) return null;
    const known = this.signatures.get(side.blob)?.size ?? this.candidateSizes.get(side.blob);
    if (known !== undefined) return known;
    try {
      const size = this.options.reader.size ? this.options.reader.size(side.blob) : (await this.signature(side.blob)).size;
      if (size === null) return this.leaveOut(side, 'it is not in the repository');
      this.candidateSizes.set(side.blob, size);
      return size;
    } catch (error) {
      return this.leaveOut(side, error);
    }
  }

  /** What `read` gives for a candidate's blob; null (left out, warned once) when the blob cannot be read. */
  private async candidateRead<T>(side: Side, read: (blob: string) => Promise<T>): Promise<T | null> {
    if (this.unreadable.has(side.blob)) return null;
    try {
      return await read(side.blob);
    } catch (error) {
      return this.leaveOut(side, error);
    }
  }

  /** A candidate git could not read either: the history carries on without it, and the build log says so once. */
  private leaveOut(side: Side, why: unknown): null {
    if (!(typeof why === 'string' || why instanceof GitObjectError || why instanceof MalformedObjectError)) throw why;
    this.unreadable.add(side.blob);
    const reason = typeof why === 'string' ? why : why.message;
    this.warnings.push(`git object ${side.blob} (${side.path}) cannot be read (${reason}): it is left out as a source of moves and copies into the content folder`);
    return null;
  }

  private readonly candidates: CandidateReader = { size: (side) => this.candidateSize(side), signature: (side) => this.candidateRead(side, this.signatureFn) };

  private async commitHead(oid: string): Promise<{ tree: string; parents: string[] }> {
    const hit = this.commitHeads.get(oid);
    if (hit) return hit;
    const { tree, parents } = await this.readCommit(oid);
    const head = { tree, parents };
    this.commitHeads.set(oid, head);
    return head;
  }

  private async treeIndex(oid: string): Promise<Map<string, TreeEntry>> {
    const hit = this.treeIndexes.get(oid);
    if (hit) return hit;
    const index = indexEntries(await this.readTree(oid));
    this.treeIndexes.set(oid, index);
    return index;
  }

  private indexOf(oid: string): number {
    this.commitIndex ??= new Map(this.state.commits.map((c, i) => [c.oid as string, i]));
    const index = this.commitIndex.get(oid);
    if (index === undefined) throw new InternalError(`commit ${oid} was not walked before its child`);
    return index;
  }

  /**
   * The histories of `paths`, files outside the content folder at `parentOid`, up to that commit: the
   * pages moved in from them continue them. `renamesOnly` when only their line origins are wanted.
   */
  private async historiesOutside(parentOid: string, paths: string[], renamesOnly = false): Promise<(PageState | undefined)[]> {
    const all = await followBack(
      { readCommit: (oid) => this.commitHead(oid), readTree: this.readTreeFn, readTreeIndex: (oid) => this.treeIndex(oid), signatureOf: this.signatureFn, candidates: this.candidates, files: (root) => this.nonPageFiles(root, true), renamesOnly, shallow: this.options.shallow },
      parentOid,
      paths,
      (oid) => this.indexOf(oid),
    );
    const out: (PageState | undefined)[] = [];
    for (const followed of all) out.push(await this.historyOf(followed));
    return out;
  }

  /**
   * Revisions and line origins of a followed file, oldest step first: a merge's lines are carried from
   * every parent, and the merge is a revision only where it wrote lines of its own (as in processCommit).
   */
  private async historyOf(followed: FollowedHistory | null): Promise<PageState | undefined> {
    if (!followed) return undefined;
    const id = this.state.nextHistoryId++;
    const list: RawRevision[] = [];
    const versions: PageVersion[] = [];
    for (const step of followed.steps) {
      const index = this.indexOf(step.commit);
      const lines = step.deleted ? [] : splitLines(await this.text(step.blob));
      const own = step.parents.map((p) => (p === null ? undefined : versions[p]));
      const carried = carryOrigins(own, lines, index);
      // As in processCommit: a copy of a file the commit kept is the copier's, line by line (git blame),
      // but for the text it took from the files the commit changed.
      const keptCopy = step.copiedFrom !== undefined;
      if (keptCopy) {
        carried.origins = lines.map(() => index);
        carried.marks = undefined;
      }
      // git blame -C looks for moved text at every commit it passes, outside the content folder too.
      if (this.options.movedText !== false && (carried.own > 0 || keptCopy)) {
        const head = await this.commitHead(step.commit);
        const parents = head.parents.map((parent, p): MoveParent => {
          const from = step.parents[p];
          // A copy's path is new to git blame (as in processCommit): its source is searched like any file.
          const copied = p === 0 && keptCopy;
          const ownPath = copied || from === undefined || from === null ? null : followed.steps[from]!.path;
          return { own: copied ? undefined : own[p], ownPath, copies: () => this.followedCopies(parent, head.tree) };
        });
        await creditMovedText(carried, lines, index, parents, { next: 0 });
      }
      versions.push({ lines, origins: carried.origins, marks: carried.marks });
      const isMerge = step.parents.length > 1;
      if (isMerge && carried.own === 0 && carried.ownRemoved === 0) continue;
      const revision: RawRevision = {
        commitIndex: index,
        path: toRepoPath(step.path),
        added: isMerge ? carried.own : carried.added,
        removed: isMerge ? carried.ownRemoved : carried.removed,
        merge: isMerge,
        blob: step.deleted ? EMPTY_BLOB : step.blob,
        parentBlob: step.parentBlob,
      };
      if (step.previousPath !== undefined) revision.previousPath = toRepoPath(step.previousPath);
      if (step.copiedFrom !== undefined) revision.copiedFrom = toRepoPath(step.copiedFrom);
      if (step.deleted) revision.deleted = true;
      list.push(revision);
    }
    this.state.histories.set(id, list);
    const last = followed.steps[followed.last]!;
    const version = versions[followed.last]!;
    return { historyId: id, blob: last.blob, origins: version.origins as number[], ...(version.marks ? { marks: version.marks } : {}), lines: version.lines as string[] };
  }

  /** Files a followed history's commit changed, read once however many histories pass that commit; their own histories are followed only for the splits taken from them. */
  private readonly followCopies = new Lru<string, Promise<CopyIndex>>(256);
  private readonly followOrigins = new Lru<string, Promise<PageState | undefined>>(4096);

  private followedCopies(parentOid: string, commitTree: string): Promise<CopyIndex> {
    const key = `${parentOid}\0${commitTree}`;
    let found = this.followCopies.get(key);
    if (!found) {
      found = this.copySources(parentOid, commitTree, [], undefined, this.followOrigins).then(({ files, originsOf }) => (files.length === 0 ? CopyIndex.empty : new CopyIndex(files, originsOf)));
      this.followCopies.set(key, found);
    }
    return found;
  }

  /** A new history holding the source's revisions so far (the source keeps its own), for a page copied from it. */
  private copyOfHistory(source: PageState | undefined): PageState | undefined {
    if (!source) return undefined;
    const id = this.state.nextHistoryId++;
    this.state.histories.set(id, (this.state.histories.get(rootId(this.state, source.historyId)) ?? []).slice());
    return { historyId: id, blob: source.blob, origins: source.origins, ...(source.marks ? { marks: source.marks } : {}), ...(source.lines ? { lines: source.lines } : {}) };
  }

  /** Keeps the history of the page deleted (or renamed away) at `path`, its deletion last, for a page created there again. */
  private bury(pages: Pages, path: string, index: number): void {
    const page = pages.get(path);
    if (!page) return;
    const id = this.state.nextHistoryId++;
    const list = (this.state.histories.get(rootId(this.state, page.historyId)) ?? []).slice();
    list.push({ commitIndex: index, path: toRepoPath(path), added: 0, removed: page.origins.length, merge: false, blob: EMPTY_BLOB, parentBlob: page.blob, deleted: true });
    this.state.histories.set(id, list);
    pages.set(GRAVE + path, { historyId: id, blob: page.blob, origins: [] });
  }

  /**
   * A merge that drops a page its first parent had takes that page's end from the first other parent
   * without it (git's history simplification follows the parent the merge is the same as there).
   */
  private inheritGrave(pages: Pages, parentStates: Pages[], path: string): void {
    const without = parentStates.slice(1).find((state) => !state.get(path));
    const grave = without?.get(GRAVE + path);
    if (grave) pages.set(GRAVE + path, grave);
  }

  private async version(page: PageState): Promise<PageVersion> {
    page.lines ??= splitLines(await this.text(page.blob));
    return { lines: page.lines, origins: page.origins, marks: page.marks };
  }

  /** The changes between a parent and the commit, with deleted/added pairs turned into renames. */
  private async changesFrom(parentTree: string | null, tree: string | null, roots?: FirstParent) {
    const changes = await diffPageTrees(this.readRawTreeFn, parentTree, tree, this.options.contentPrefix, this.options.rule);
    const deleted: Side[] = [];
    const added: Side[] = [];
    const modified: PageChange[] = [];
    for (const c of changes) {
      if (c.oldBlob && c.newBlob) modified.push(c);
      else if (c.oldBlob) deleted.push({ path: c.path, blob: c.oldBlob });
      else if (c.newBlob) added.push({ path: c.path, blob: c.newBlob });
    }
    const renames = await pairRenames(deleted, added, this.signatureFn);
    const renamedTo = new Map(renames.map((r) => [r.to, r.from.path]));
    const unpaired = added.filter((a) => !renamedTo.has(a));
    // Every other file the commit changed or deleted, in the content folder too (a `.md.snarf` renamed to `.md` is git's rename).
    const outsideChanged = roots && unpaired.length > 0 ? (await changedOldFiles(this.readRawTreeFn, (await this.readCommit(roots.parent)).tree, roots.commit)).filter((f) => !roots.pages.get(f.path)) : [];
    const outsideDeleted = outsideChanged.filter((f) => f.deleted).map(({ path, blob }) => ({ path, blob }));
    const outside = outsideDeleted.length > 0 ? await pairRenames(outsideDeleted, unpaired, this.signatureFn, this.candidates) : [];
    const movedIn = new Map(outside.map((r) => [r.to, r.from.path]));
    const copies = new Map<Side, Copy>();
    if (roots?.copies) {
      const uncopied = unpaired.filter((a) => !movedIn.has(a));
      const deletedHere = new Set(deleted.map((d) => d.path));
      const claimed = new Set([...renames.map((r) => r.from.path), ...outside.map((r) => r.from.path)]);
      for (const [to, copy] of await this.copiesOf(uncopied, roots.pages, deletedHere, outsideChanged, roots.parent)) {
        // A deleted file no rename took is the page's rename (git's rename pass wins over its copy pass).
        if (copy.source.deleted && !claimed.has(copy.source.path)) {
          claimed.add(copy.source.path);
          if (copy.outside) movedIn.set(to, copy.source.path);
          else {
            renamedTo.set(to, copy.source.path);
            renames.push({ from: deleted.find((d) => d.path === copy.source.path)!, to });
          }
        } else copies.set(to, copy);
      }
    }
    const renamedFrom = new Set(renames.map((r) => r.from));
    const arrived: Arrival[] = [
      ...modified.map((m) => ({ path: m.path, blob: m.newBlob!, from: m.path })),
      ...added.map((a) => ({ path: a.path, blob: a.blob, from: renamedTo.get(a) ?? movedIn.get(a) ?? null, outside: movedIn.has(a), copy: copies.get(a) })),
    ];
    return {
      gone: deleted.filter((d) => !renamedFrom.has(d)).map((d) => d.path).concat(renames.map((r) => r.from.path)),
      /** Pages of the commit that differ from this parent, each with its path in the parent (null: new). */
      arrived,
      /** The other files the commit changed or deleted, when the copy search already diffed the whole tree. */
      nonPages: roots && unpaired.length > 0 ? outsideChanged : undefined,
    };
  }

  /**
   * For pages added with no rename source, the file of the first parent `git log --follow` copies
   * them from (it searches copies harder: every file of the parent): any of its pages (unchanged ones
   * too, like a template), a file that is no page that the commit changed or deleted (those were
   * diffed for moves from outside already), or one it kept (an untouched `LICENSE.md`).
   */
  private async copiesOf(added: Side[], parentPages: Pages, deletedHere: ReadonlySet<string>, outside: readonly OldFile[], parent: string): Promise<Map<Side, Copy>> {
    const found = new Map<Side, Copy>();
    if (added.length === 0) return found;
    const index = await this.pageVersions();
    const live = (path: string, blob: string) => parentPages.get(path)?.blob === blob;
    const inside = (path: string, blob: string): CopySource => ({ path, blob, deleted: deletedHere.has(path) });
    const changedPaths = new Set(outside.map((f) => f.path));
    const kept: CopySource[] = (await this.nonPageFiles((await this.commitHead(parent)).tree)).filter((f) => !changedPaths.has(f.path) && !parentPages.get(f.path));
    const candidates = [...outside, ...kept];
    const outsideSet = new Set<CopySource>(candidates);
    for (const to of added) {
      const identical: CopySource[] = index.withBlob(to.blob).filter((v) => live(v.path, v.blob)).map((v) => inside(v.path, v.blob));
      identical.push(...candidates.filter((f) => f.blob === to.blob));
      const scored: { source: CopySource; score: number }[] = [];
      if (identical.length === 0) {
        const destination = await this.signature(to.blob);
        for (const v of index.scoredAgainst(destination, live)) scored.push({ source: inside(v.path, v.blob), score: v.score });
        for (const f of candidates) {
          const size = await this.candidateSize(f);
          if (size === null || sizesRuleOut(size, destination.size, 0.5)) continue;
          const sig = await this.candidateRead(f, this.signatureFn);
          if (sig) scored.push({ source: f, score: score(sig, destination) });
        }
      }
      const source = chooseCopySource(to.path, identical, scored);
      if (source) found.set(to, { source, outside: outsideSet.has(source) });
    }
    return found;
  }

  /** Non-page trees by OID and place: consecutive commits share most folders, so a copy search reads only the changed ones. */
  private readonly nonPageTrees = new Lru<string, NonPageTree>(500_000, (t) => t.files.length + t.folders.length + 1);

  /** Every regular file of the root tree `root` that is not a page, or (`all`) every one (`deleted` false: callers take out the changed ones). */
  private async nonPageFiles(root: string, all = false): Promise<CopySource[]> {
    const prefix = this.options.contentPrefix;
    const tree = await this.nonPageTree(root, all ? { kind: 'outside' } : prefix ? { kind: 'above', path: '' } : { kind: 'content', inContent: '' });
    const out: CopySource[] = [];
    const collect = (t: NonPageTree, base: string) => {
      for (const [name, blob] of t.files) out.push({ path: base + name, blob, deleted: false });
      for (const [name, sub] of t.folders) collect(sub, `${base}${name}/`);
    };
    collect(tree, '');
    return out;
  }

  private async nonPageTree(oid: string, place: Place): Promise<NonPageTree> {
    const key = place.kind === 'outside' ? oid : place.kind === 'above' ? `${oid}\0a${place.path}` : `${oid}\0c${place.inContent}`;
    const hit = this.nonPageTrees.get(key);
    if (hit) return hit;
    const rule = this.options.rule ?? contentRule();
    const prefix = this.options.contentPrefix;
    const node: NonPageTree = { files: [], folders: [] };
    for (const entry of await this.readTree(oid)) {
      if (entry.kind === 'other') continue;
      const isTree = entry.kind === 'tree';
      let inner: Place = { kind: 'outside' };
      if (place.kind === 'above') {
        const path = place.path ? `${place.path}/${entry.name}` : entry.name;
        if (isTree && path === prefix) inner = { kind: 'content', inContent: '' };
        else if (isTree && prefix.startsWith(`${path}/`)) inner = { kind: 'above', path };
      } else if (place.kind === 'content') {
        // The page rule diffPageTrees applies: hidden and excluded entries are never content.
        const inContent = place.inContent ? `${place.inContent}/${entry.name}` : entry.name;
        if (!rule.skipReason(inContent, isTree)) {
          if (!isTree && isPageFile(entry.name)) continue;
          inner = { kind: 'content', inContent };
        }
      }
      if (!isTree) node.files.push([entry.name, entry.oid]);
      else {
        const sub = await this.nonPageTree(entry.oid, inner);
        if (sub.files.length > 0 || sub.folders.length > 0) node.folders.push([entry.name, sub]);
      }
    }
    this.nonPageTrees.set(key, node);
    return node;
  }

  /** The page version index, brought up to date: started from every page the walk still holds, then fed what each commit changed. */
  private async pageVersions(): Promise<PageVersionIndex> {
    if (!this.versionIndex) {
      this.versionIndex = new PageVersionIndex();
      for (const pages of [...this.waiting.values(), ...this.holding]) {
        for (const [path, page] of pages.toMap()) if (!path.startsWith(GRAVE)) this.pendingVersions.push([path, page.blob]);
      }
    }
    const index = this.versionIndex;
    // A version no page map holds now can only come back by arriving again (and being queued again).
    const held = [...this.waiting.values(), ...this.holding];
    for (const [path, blob] of this.pendingVersions) {
      if (index.has(path, blob) || !held.some((pages) => pages.get(path)?.blob === blob)) continue;
      index.add(path, blob, await this.signature(blob));
    }
    this.pendingVersions = [];
    return index;
  }

  /** When a copy was searched for: the signature of each page blob at HEAD (the index holds most of them). */
  async headSignatures(): Promise<Map<string, Signature> | undefined> {
    if (!this.versionIndex) return undefined;
    const out = new Map<string, Signature>();
    for (const [path, page] of this.state.pages) {
      if (path.startsWith(GRAVE) || out.has(page.blob)) continue;
      const sig = this.versionIndex.signatureOf(page.blob) ?? (await this.candidateRead({ path, blob: page.blob }, this.signatureFn));
      if (sig) out.set(page.blob, sig);
    }
    return out;
  }

  /** The parents' pages of the commit being processed (taken out of `waiting` for it). */
  private holding: Pages[] = [];

  private async parentView(parentOid: string, state: Pages, tree: string | null): Promise<ParentView> {
    const { gone, arrived } = await this.changesFrom(await this.contentTree(parentOid), tree);
    const changed = new Map(arrived.map((a) => [a.path, a.from]));
    return { state, sourceOf: (path) => (changed.has(path) ? changed.get(path)! : path), changed: changedPages(gone, arrived) };
  }

  /**
   * The files of a parent moved text is searched in, in git's path order: the pages the commit changed
   * or deleted (`changed`) and every other regular file it changed or deleted (`nonPages` when already
   * diffed), as git's find_copy_in_parent takes them. Other files' histories are followed back only
   * for the splits taken from them, once per commit (`followed`).
   */
  private async copySources(parentOid: string, commitRoot: string, changed: readonly (readonly [string, PageState | undefined])[], nonPages: readonly OldFile[] | undefined, followed: Followed): Promise<{ files: SourceFile[]; originsOf: OriginsOf }> {
    const files: SourceFile[] = [];
    for (const [path, page] of changed) {
      if (!page) continue;
      const { lines, origins, marks } = await this.version(page);
      files.push({ path, lines, origins, marks });
    }
    const pagePaths = new Set(changed.map(([path]) => path));
    const others = nonPages ?? (await changedOldFiles(this.readRawTreeFn, (await this.commitHead(parentOid)).tree, commitRoot)).filter((f) => !pagePaths.has(f.path));
    for (const f of others) {
      const text = await this.candidateRead({ path: f.path, blob: f.blob }, (blob) => this.text(blob));
      if (text === null) continue;
      // git's binary test (a NUL in the first 8000 bytes): such a file holds no lines a page could copy.
      if (text.slice(0, 8000).includes('\0')) continue;
      files.push({ path: f.path, lines: splitLines(text), origins: null });
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const key = (path: string) => `${parentOid}\0${path}`;
    const originsOf: OriginsOf = async (paths) => {
      const missing = paths.filter((path) => followed.get(key(path)) === undefined);
      if (missing.length > 0) {
        // Followed only for their line origins: no page continues these histories, so they are not kept.
        const found = this.historiesOutside(parentOid, missing, true).then((all) => {
          for (const followedState of all) if (followedState) this.state.histories.delete(followedState.historyId);
          return all;
        });
        for (const [i, path] of missing.entries()) followed.set(key(path), found.then((all) => all[i]));
      }
      return Promise.all(paths.map(async (path) => await followed.get(key(path))));
    };
    return { files, originsOf };
  }

  private async processCommit(commit: GraphCommit, index: number, parentStates: Pages[], undo: Map<string, UndoRecord>): Promise<Pages> {
    const tree = await this.contentTree(commit.oid, commit.tree);
    const firstParentTree = commit.parents[0] ? await this.contentTree(commit.parents[0]) : null;
    const pages: Pages = parentStates[0] ?? PageMap.of();
    const isMerge = commit.parents.length > 1;
    this.holding = parentStates;
    const { gone, arrived, nonPages } = await this.changesFrom(firstParentTree, tree, commit.parents[0] ? { parent: commit.parents[0], commit: commit.tree, pages, copies: !isMerge } : undefined);
    if (this.versionIndex) for (const a of arrived) this.pendingVersions.push([a.path, a.blob]);
    if (commit.parents[0]) {
      // Graves change where pages are deleted, and where a page comes back to a grave.
      const graves = [...gone, ...arrived.filter((a) => a.from !== a.path && pages.get(GRAVE + a.path)).map((a) => a.path)].map((path) => GRAVE + path);
      // Without `lines`, which can be read again from the blob: undo records stay small.
      const restore = [...new Set([...gone, ...arrived.map((a) => a.path), ...graves])].map((path): [string, PageState | null] => {
        const page = pages.get(path);
        return [path, page ? { historyId: page.historyId, blob: page.blob, origins: page.origins, ...(page.marks ? { marks: page.marks } : {}) } : null];
      });
      undo.set(commit.oid, { oid: commit.oid, parent: commit.parents[0], restore });
    }
    // Read the first parent's versions before deletions and renames reshuffle the paths.
    const movedIn = arrived.filter((change) => change.outside || change.copy?.outside);
    const movedFrom = movedIn.map((change) => (change.copy ? change.copy.source.path : change.from!));
    const outside = movedIn.length > 0 ? await this.historiesOutside(commit.parents[0]!, movedFrom) : [];
    // Files outside the pages followed back in this commit, by parent and path: moved text copied from them reuses them.
    const followed = new Map<string, Promise<PageState | undefined>>(movedFrom.map((path, k) => [`${commit.parents[0]!}\0${path}`, Promise.resolve(outside[k])]));
    const fromFirst = arrived.map((change) => {
      const k = movedIn.indexOf(change);
      if (k >= 0) return outside[k];
      if (change.copy) return this.copyOfHistory(pages.get(change.copy.source.path));
      return change.from === null ? undefined : pages.get(change.from);
    });
    // Taken before the commit's changes replace the first parent's pages; read only when a page needs them.
    const firstChanged = changedPages(gone, arrived).map((path) => [path, pages.get(path)] as const);
    const others: (ParentView | null)[] = commit.parents.slice(1).map(() => null);
    const changedIn = (p: number) => (p === 0 ? firstChanged : others[p - 1]!.changed.map((path) => [path, others[p - 1]!.state.get(path)] as const));
    // Splits are numbered across the commit's pages: a line's mark names the one it moved in.
    const splits = { next: 0 };
    const movedCopies = this.options.movedText === false ? null : copiesPerParent((p) => this.copySources(commit.parents[p]!, commit.tree, changedIn(p), p === 0 ? nonPages : undefined, followed));
    if (!isMerge) for (const path of gone) this.bury(pages, path, index);
    else for (const path of gone) this.inheritGrave(pages, parentStates, path);
    for (const path of gone) pages.delete(path);
    for (const [k, change] of arrived.entries()) {
      const sources: (PageState | undefined)[] = [fromFirst[k]];
      for (let i = 1; i < commit.parents.length; i++) {
        others[i - 1] ??= await this.parentView(commit.parents[i]!, parentStates[i]!, tree);
        const view = others[i - 1]!;
        const from = view.sourceOf(change.path);
        sources.push(from === null ? undefined : view.state.get(from));
      }
      const present = sources.filter((s): s is PageState => s !== undefined);
      // At a merge, a page equal to one parent's version is that parent's: its branch already has the revision.
      const same = isMerge ? present.find((s) => s.blob === change.blob) : undefined;
      if (same) {
        for (const s of present) joinHistories(this.state, s.historyId, same.historyId);
        pages.set(change.path, same);
        continue;
      }
      const copy = change.copy;
      // A page created again where one was deleted continues that page's history, as `git log --follow` follows the name.
      const grave = !isMerge && present.length === 0 && change.from === null ? pages.get(GRAVE + change.path) : undefined;
      if (grave) pages.delete(GRAVE + change.path);
      let id = present[0]?.historyId ?? grave?.historyId ?? this.state.nextHistoryId++;
      for (const s of present) id = joinHistories(this.state, s.historyId, id);
      const lines = splitLines(await this.text(change.blob));
      const versions = await Promise.all(sources.map((s) => (s ? this.version(s) : undefined)));
      const carried = carryOrigins(versions, lines, index);
      // git blame credits a copy of a file the commit kept to the copier; lines moved from a file it changed are the moved-text pass's.
      const keptCopy = copy !== undefined && !copy.source.deleted;
      if (keptCopy) {
        carried.origins = lines.map(() => index);
        carried.marks = undefined;
      }
      if (movedCopies && (carried.own > 0 || keptCopy)) {
        // A copy's path is new to git blame: no move within the page, only copies from the files the commit changed.
        const paths = [change.from, ...others.map((view) => view!.sourceOf(change.path))];
        await creditMovedText(carried, lines, index, versions.map((own, p) => ({ own: p === 0 && keptCopy ? undefined : own, ownPath: paths[p]!, copies: commit.parents[p] ? movedCopies(p) : null })), splits);
      }
      const root = rootId(this.state, id);
      // A merge that only combines its parents' lines wrote nothing (`git log --cc` shows no line of
      // its own): not a revision; every line keeps the origin its side gave it.
      if (isMerge && carried.own === 0 && carried.ownRemoved === 0) {
        pages.set(change.path, { historyId: root, blob: change.blob, origins: carried.origins, ...(carried.marks ? { marks: carried.marks } : {}), lines });
        continue;
      }
      const revision: RawRevision = {
        commitIndex: index,
        path: toRepoPath(change.path),
        // A merge is credited with what it wrote itself, not with what its branch brought.
        added: isMerge ? carried.own : carried.added,
        removed: isMerge ? carried.ownRemoved : carried.removed,
        merge: isMerge,
        blob: change.blob,
        parentBlob: sources[0]?.blob ?? null,
      };
      if (change.from !== null && change.from !== change.path) revision.previousPath = toRepoPath(change.from);
      if (copy) revision.copiedFrom = toRepoPath(copy.source.path);
      const list = this.state.histories.get(root);
      if (list) list.push(revision);
      else this.state.histories.set(root, [revision]);
      pages.set(change.path, { historyId: root, blob: change.blob, origins: carried.origins, ...(carried.marks ? { marks: carried.marks } : {}), lines });
    }
    return pages;
  }
}

/** Paths a parent had that the commit changed or deleted (renamed-from included): git's tree diff pairs whose old side exists. */
function changedPages(gone: readonly string[], arrived: readonly { path: string; from: string | null }[]): string[] {
  return [...gone, ...arrived.filter((a) => a.from === a.path).map((a) => a.path)];
}

/**
 * The commit's committer time, raised to just after its parents' where a clock was wrong (git's
 * corrected commit date): ordering by it is git log's order and never puts a commit before its parent.
 */
function correctedTime(commit: GraphCommit, parentTime: (oid: string) => number | undefined): number {
  let time = commit.commitTime;
  for (const p of commit.parents) {
    const t = parentTime(p);
    if (t !== undefined && t >= time) time = t + 1;
  }
  return time;
}
