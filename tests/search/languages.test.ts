import { describe, expect, it } from 'vitest';
import { languagesToMerge } from '../../src/lib/search/languages.ts';

const indexes = { en: { page_count: 26 }, fr: { page_count: 1 }, 'pt-br': { page_count: 3 } };

describe('which language indexes a page merges into its search', () => {
  it('merges every index but the one Pagefind loads for the page language', () => {
    expect(languagesToMerge(indexes, 'en')).toEqual(['fr', 'pt-br']);
    expect(languagesToMerge(indexes, 'FR')).toEqual(['en', 'pt-br']);
    expect(languagesToMerge(indexes, 'pt-BR')).toEqual(['en', 'fr']);
  });

  it('follows Pagefind to the base language, then to the largest index', () => {
    expect(languagesToMerge(indexes, 'en-GB')).toEqual(['fr', 'pt-br']);
    expect(languagesToMerge(indexes, 'de')).toEqual(['fr', 'pt-br']);
    expect(languagesToMerge({ en: { page_count: 4 } }, 'en')).toEqual([]);
  });
});
