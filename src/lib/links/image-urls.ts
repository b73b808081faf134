// Runs anywhere: image URLs that the build must not hand to Vite, which reads a query on an import as an instruction.

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Astro turns every relative image path into a Vite import; Vite reads `?raw`, `?url`, `?inline`,
 * `?worker` as build instructions and a path of only a query as a module id, so such an image fails
 * the build with a bundler stack trace or publishes something else. A query on a path that names a
 * file in the content folder is harmless: the wiki rewrites that path to the published file first.
 */
export function startsWithQuery(url: string): boolean {
  if (SCHEME.test(url) || url.startsWith('/') || url.startsWith('#')) return false;
  return /^(?:\.\/)*\?/.test(url.trim());
}

/** Why an image URL cannot go through Astro's image handling, or undefined when it can. */
export function imageUrlProblem(url: string): string | undefined {
  if (startsWithQuery(url)) {
    return 'an image path that starts with "?" cannot be published (the bundler reads "?raw", "?url" and the like as instructions): write the path of an image file, e.g. ./diagram.png';
  }
  try {
    // Astro decodes every image URL this way and fails the page when it cannot.
    decodeURI(url);
  } catch {
    return 'the image URL has a "%" that does not start a valid escape (write "%25" for a literal "%")';
  }
  return undefined;
}
