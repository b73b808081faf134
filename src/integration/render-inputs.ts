// Runs in Node at build time: hands the pages loader what rendered HTML depends on beyond a page's file, through a process-global slot.
import { processSlot } from './process-slot.ts';

export interface RenderInputs {
  /** The site-wide inputs every page's HTML depends on (renderer code, config, link index), as text. */
  site: string;
  /** What one page file's HTML depends on beyond its text and `site` (its section credits and their people's links). */
  page(absolutePath: string): unknown;
}

// The loader runs from the content config, a separately loaded copy of the modules.
const slot = processSlot<RenderInputs>('render-inputs');

export const provideRenderInputs = (inputs: RenderInputs | undefined): void => slot.provide(inputs);

/** Undefined outside a build the integration set up (`astro sync` alone): then every page is rendered. */
export const renderInputs = (): RenderInputs | undefined => slot.get();
