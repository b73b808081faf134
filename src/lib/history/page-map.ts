// Runs anywhere: the pages of one commit as a copy-on-write layer over its parent's, so a branch point costs no full copy.
import { InternalError } from './errors.ts';
import type { PageState } from './walk-state.ts';

/** Layers deeper than this are flattened into one map: look-ups stay short, copies stay rare. */
const MAX_DEPTH = 24;

export class PageMap {
  /** A page set here, or null where this layer deleted a page of a lower one. */
  private readonly own: Map<string, PageState | null>;
  private readonly base: PageMap | null;
  private readonly depth: number;
  /** Set once another layer builds on this one: from then on this layer must not change. */
  private shared = false;

  private constructor(base: PageMap | null, own: Map<string, PageState | null>) {
    this.base = base;
    this.own = own;
    this.depth = base ? base.depth + 1 : 0;
  }

  static of(pages: Map<string, PageState> = new Map()): PageMap {
    return new PageMap(null, new Map(pages));
  }

  get(path: string): PageState | undefined {
    for (let layer: PageMap | null = this; layer; layer = layer.base) {
      const found = layer.own.get(path);
      if (found !== undefined) return found ?? undefined;
    }
    return undefined;
  }

  set(path: string, page: PageState): void {
    if (this.shared) throw new InternalError('a shared page map was changed');
    this.own.set(path, page);
  }

  delete(path: string): void {
    if (this.shared) throw new InternalError('a shared page map was changed');
    if (this.base) this.own.set(path, null);
    else this.own.delete(path);
  }

  /** A map for a child commit to change freely; this one is left as it was. */
  fork(): PageMap {
    if (this.depth >= MAX_DEPTH) return this.compacted();
    this.shared = true;
    return new PageMap(this, new Map());
  }

  /**
   * The same pages in at most two layers: the layers above the bottom one joined into one, or
   * everything in one map once they hold as many pages as half the bottom. Copying only what changed
   * since the bottom keeps a wiki of many pages from being copied whole at every deep fork.
   */
  private compacted(): PageMap {
    const layers: PageMap[] = [];
    let bottom: PageMap = this;
    for (; bottom.base; bottom = bottom.base) layers.unshift(bottom);
    let changed = 0;
    for (const layer of layers) changed += layer.own.size;
    if (changed * 2 > bottom.own.size) return new PageMap(null, this.toMap());
    const joined = new Map<string, PageState | null>();
    for (const layer of layers) for (const [path, page] of layer.own) joined.set(path, page);
    return new PageMap(bottom, joined);
  }

  /** This map itself when nobody builds on it, else a fork. */
  take(): PageMap {
    return this.shared ? this.fork() : this;
  }

  toMap(): Map<string, PageState> {
    const layers: PageMap[] = [];
    for (let layer: PageMap | null = this; layer; layer = layer.base) layers.unshift(layer);
    // The bottom layer never holds deletions, so it can be copied in one go.
    const flat = new Map(layers.shift()!.own as Map<string, PageState>);
    for (const layer of layers) {
      for (const [path, page] of layer.own) {
        if (page) flat.set(path, page);
        else flat.delete(path);
      }
    }
    return flat;
  }
}
