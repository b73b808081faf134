// Runs in Node at build time: one value the integration hands to code Astro loads as a separate copy of the modules.

/**
 * Astro runs the content config and renders the pages in the integration's process, each from its own copy of
 * the modules: a registered symbol is the one name every copy shares.
 */
export function processSlot<T>(name: string): { provide(value: T | undefined): void; get(): T | undefined } {
  const key = Symbol.for(`cop-wiki.${name}`);
  const slots = globalThis as Record<symbol, T | undefined>;
  return {
    provide: (value) => {
      if (value) slots[key] = value;
      else delete slots[key];
    },
    get: () => slots[key],
  };
}
