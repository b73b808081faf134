// Runs anywhere: percent-encoding of repository paths for forge URLs.

/** Encodes each segment of a "/"-separated path (spaces, unicode, `#`, `?`, `%`), keeping the slashes. */
export function encodePathSegments(path: string): string {
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => encodeURIComponent(segment.normalize('NFC')))
    .join('/');
}

/** A query string from pairs, encoded with encodeURIComponent (spaces as %20, which every forge reads). */
export function queryString(params: readonly (readonly [string, string])[]): string {
  if (params.length === 0) return '';
  return '?' + params.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
}
