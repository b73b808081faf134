// Runs anywhere: which URLs from content may become a link or an image, decided the way a browser will read them.

/**
 * Node's URL is the WHATWG parser browsers use: it drops leading and trailing C0 controls and spaces
 * and every tab, LF and CR, so `\u0000java\tscript:` is read here as the `javascript:` a browser would run.
 */
function parse(value: string, base?: string): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

/** Schemes a link written in community.yml (chat, meetings, docs) may use. */
export const LINK_PROTOCOLS: readonly string[] = ['http:', 'https:', 'mailto:'];

/**
 * The URL as a browser will follow it, when it is absolute and uses one of `protocols` (given with
 * their colon); otherwise undefined. Return the normalised form so what is rendered is what was checked.
 */
export function safeAbsoluteUrl(value: string, protocols: readonly string[] = LINK_PROTOCOLS): string | undefined {
  const url = parse(value);
  if (!url || !protocols.includes(url.protocol)) return undefined;
  // `mailto:` alone parses, but leads nowhere.
  if (url.href === url.protocol) return undefined;
  return url.href;
}

/** Data URLs of raster images, which cannot carry script (SVG can). */
const RASTER_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif)[;,]/i;

/** Whether a URL loads over the web: relative (to the page), or http(s). */
export function isRelativeOrHttpUrl(value: string): boolean {
  // Against a placeholder base, so a relative URL parses to https: and only a scheme of its own stands out.
  const protocol = parse(value, 'https://relative.invalid/')?.protocol;
  return protocol === 'http:' || protocol === 'https:';
}

/** Whether an image source (`src`, or one srcset candidate) may load: relative, http(s), or a raster `data:image/…`. */
export function isSafeImageUrl(value: string): boolean {
  return isRelativeOrHttpUrl(value) || RASTER_DATA_IMAGE.test(parse(value)?.href ?? '');
}
