// Runs anywhere: the one slugger: GitHub's slug rules for path segments, tags, people and heading ids.
import GithubSlugger, { slug } from 'github-slugger';

/** GitHub's slug of a text, as it is (no normalisation): "Set up `psql`" → "set-up-psql". */
export const textSlug = (text: string): string => slug(text);

/** Slug of one path segment by GitHub's rules, NFC first; "" when the name has no letters or digits. */
export const slugSegment = (segment: string): string => slug(segment.normalize('NFC'));

/**
 * Heading ids of one document, in order: GitHub's slugs with its suffixes for repeats ("a", "a-1", "a-2").
 * Make one per document; the outline, section credits and the rendered heading anchors each do.
 */
export function headingSlugger(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text);
}
