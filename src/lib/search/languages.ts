// Runs anywhere (browser included): which of Pagefind's language indexes to load, and which to merge in.

/**
 * Pagefind writes one index per page language and loads the one matching `<html lang>` (its
 * "primary", whose stemmer also reads the query). The wiki searches every language at once: a
 * reader of an English page still finds the French one. Pagefind picks the primary as below
 * (exact language, then its base language, then the largest index); the rest are merged.
 */
export function languagesToMerge(indexes: Record<string, { page_count: number }>, documentLang: string): string[] {
  const langs = Object.keys(indexes);
  const lang = documentLang.toLowerCase();
  const primary =
    langs.find((l) => l === lang) ??
    langs.find((l) => l === lang.split('-')[0]) ??
    [...langs].sort((a, b) => (indexes[b]?.page_count ?? 0) - (indexes[a]?.page_count ?? 0))[0];
  return langs.filter((l) => l !== primary);
}
