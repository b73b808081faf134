// Runs in Node at build time: hands the page bundle the integration's reader of past page texts, through a process-global slot.
import { processSlot } from './process-slot.ts';

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

// The page bundle never opens git itself: it reads past texts through the integration's reader.
const slot = processSlot<BlobReader>('revision-texts');

export const provideRevisionTexts = (reader: BlobReader | undefined): void => slot.provide(reader);

/** The reader the integration opened; none (no diffs shown) outside a build or without a repository. */
export const revisionTexts = (): BlobReader | undefined => slot.get();
