// Runs in Node at build time: hands the pages loader what rendered HTML depends on beyond a page's file, through a process-global slot.

export interface RenderInputs {
  /** The site-wide inputs every page's HTML depends on (renderer code, config, link index), as text. */
  site: string;
  /** What one page file's HTML depends on beyond its text and `site` (its section credits and their people's links). */
  page(absolutePath: string): unknown;
}

// The loader runs from the content config, a separately loaded copy of the modules: a registered symbol is the name both share.
const SLOT = Symbol.for('cop-wiki.render-inputs');
type Slot = { [SLOT]?: RenderInputs };

export function provideRenderInputs(inputs: RenderInputs | undefined): void {
  if (inputs) (globalThis as Slot)[SLOT] = inputs;
  else delete (globalThis as Slot)[SLOT];
}

/** Undefined outside a build the integration set up (`astro sync` alone): then every page is rendered. */
export const renderInputs = (): RenderInputs | undefined => (globalThis as Slot)[SLOT];
