// Runs anywhere: the one slugger: GitHub's slug rules for path segments, tags, people and heading ids, and the spelled-out form for names they cannot tell apart.
import GithubSlugger, { slug } from 'github-slugger';

/** GitHub's slug of a text, as it is (no normalisation): "Set up `psql`" → "set-up-psql". */
export const textSlug = (text: string): string => slug(text);

/** Slug of one path segment by GitHub's rules, NFC first; "" when the name has no letters or digits. */
export const slugSegment = (segment: string): string => slug(segment.normalize('NFC'));

/** Whether a slug has something to read: a letter or a digit, not only "-" and "_". */
export const hasLetterOrDigit = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/** The words that stand for the characters GitHub's slugger drops (and, in a name of punctuation alone, for "-", "_" and space). */
const CHARACTER_NAMES: Readonly<Record<string, string>> = {
  ' ': 'space',
  '!': 'exclamation',
  '"': 'quote',
  '#': 'hash',
  $: 'dollar',
  '%': 'percent',
  '&': 'and',
  "'": 'apostrophe',
  '(': 'left-paren',
  ')': 'right-paren',
  '*': 'star',
  '+': 'plus',
  ',': 'comma',
  '-': 'hyphen',
  '.': 'dot',
  '/': 'slash',
  ':': 'colon',
  ';': 'semicolon',
  '<': 'less-than',
  '=': 'equals',
  '>': 'greater-than',
  '?': 'question',
  '@': 'at',
  '[': 'left-bracket',
  '\\': 'backslash',
  ']': 'right-bracket',
  '^': 'caret',
  _: 'underscore',
  '`': 'backtick',
  '{': 'left-brace',
  '|': 'pipe',
  '}': 'right-brace',
  '~': 'tilde',
};

/** A character's word: its name for ASCII punctuation, else "u" and its code point in hex ("😀" → "u1f600"). */
const characterName = (char: string): string => CHARACTER_NAMES[char] ?? `u${(char.codePointAt(0) ?? 0).toString(16)}`;

/**
 * A path segment's slug with every character GitHub's slugger drops written as a word, so names that
 * differ only in punctuation stay apart: "clang++" → "clang-plus-plus", "C#" → "c-hash", "!" → "exclamation",
 * "." → "dot". A name of punctuation alone is spelled out whole ("---" → "hyphen-hyphen-hyphen"); a name
 * with nothing dropped keeps GitHub's slug. The result is always its own GitHub slug.
 */
export function spelledSlug(segment: string): string {
  const text = segment.normalize('NFC');
  const spellAll = !hasLetterOrDigit(slug(text));
  let out = '';
  let afterWord = false;
  for (const char of text) {
    const kept = spellAll ? '' : slug(char);
    if (kept) {
      if (afterWord && !kept.startsWith('-') && !out.endsWith('-')) out += '-';
      out += kept;
      afterWord = false;
    } else {
      if (out && !out.endsWith('-')) out += '-';
      out += characterName(char);
      afterWord = true;
    }
  }
  return out;
}

/** The slug of a path segment with no sibling to be told apart from: GitHub's, or spelled out when that has no letter or digit. */
export function segmentSlug(segment: string): string {
  const plain = slugSegment(segment);
  return hasLetterOrDigit(plain) ? plain : spelledSlug(segment);
}

/** A short stable tag of a name (FNV-1a, base 36), the last resort that keeps two spelled-alike names apart. */
export function nameTag(name: string): string {
  let hash = 0x811c9dc5;
  for (const char of name.normalize('NFC')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * Heading ids of one document, in order: GitHub's slugs with its suffixes for repeats ("a", "a-1", "a-2").
 * Make one per document; the outline, section credits and the rendered heading anchors each do.
 */
export function headingSlugger(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text);
}
