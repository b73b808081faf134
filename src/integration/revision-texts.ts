// Runs in Node at build time: hands the page bundle the integration's reader of past page texts, through a process-global slot.

export interface BlobReader {
  /** The blob's text; undefined when it cannot be read (shallow clone, pruned object). */
  text(oid: string): Promise<string | undefined>;
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
