// Runs in Node at build time: hands the page bundle the integration's reader of past page texts, through a process-global slot.

export interface BlobReader {
  /**
   * The blob's text; undefined when the repository does not have it (beyond a shallow clone's boundary,
   * a pruned object). A blob that is there but cannot be read throws the engine's GitObjectError.
   */
  text(oid: string): Promise<string | undefined>;
  /**
   * A merge's parents and, in each, the page's blob at the first of `paths` the parent's tree holds (null: the parent
   * has none of them); undefined when the merge's or a parent's commit or trees cannot be read.
   */
  mergeParents(commit: string, paths: readonly string[]): Promise<ParentVersion[] | undefined>;
}

/** One parent of a merge and the page's blob in it. */
export interface ParentVersion {
  commit: string;
  blob: string | null;
}

// Astro renders the pages in the process the integration runs in, from a separately bundled copy of the modules:
// a registered symbol is the one name both copies share. The page bundle never opens git itself.
const SLOT = Symbol.for('cop-wiki.revision-texts');
type Slot = { [SLOT]?: BlobReader };

export function provideRevisionTexts(reader: BlobReader | undefined): void {
  if (reader) (globalThis as Slot)[SLOT] = reader;
  else delete (globalThis as Slot)[SLOT];
}

/** The reader the integration opened; none (no diffs shown) outside a build or without a repository. */
export const revisionTexts = (): BlobReader | undefined => (globalThis as Slot)[SLOT];
