// Runs in Node (node:zlib, computation only, no I/O): turns an SVG file's bytes into the text a browser would parse.
import { gunzipSync } from 'node:zlib';

/** Larger SVGs (after decompression) are refused: a few kilobytes of .svgz can inflate to gigabytes. */
const SVG_MAX_BYTES = 10 * 1024 * 1024;

export type DecodedSvg = { text: string } | { problem: string };

/**
 * Legacy encodings that keep every ASCII byte as that ASCII character, so markup reads the same under
 * them and under UTF-8 (which a server's `charset=` may impose). Multi-byte legacy encodings (Shift_JIS,
 * GBK, Big5, ISO-2022-JP, …) can swallow `]`, `-` or letters into a character and are refused.
 */
const SINGLE_BYTE = new Set([
  'ibm866', 'iso-8859-2', 'iso-8859-3', 'iso-8859-4', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7', 'iso-8859-8',
  'iso-8859-8-i', 'iso-8859-10', 'iso-8859-13', 'iso-8859-14', 'iso-8859-15', 'iso-8859-16', 'koi8-r', 'koi8-u',
  'macintosh', 'windows-874', 'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254',
  'windows-1255', 'windows-1256', 'windows-1257', 'windows-1258', 'x-mac-cyrillic',
]);

const SAVE_AS_UTF8 = 'save the file as UTF-8';

function gunzip(bytes: Uint8Array): Uint8Array | string {
  try {
    return gunzipSync(bytes, { maxOutputLength: SVG_MAX_BYTES });
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
      ? `compressed SVG inflates to more than ${SVG_MAX_BYTES / 1024 / 1024} MB: publish a smaller file`
      : 'compressed SVG (gzip) is damaged and cannot be decompressed: re-export it';
  }
}

/** The encoding a browser uses for these bytes (byte order mark first, then the XML declaration), or why it is refused. */
function encodingOf(bytes: Uint8Array): { encoding: string } | { problem: string } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8' };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be' };
  if (b0 === 0x00 || b1 === 0x00) {
    return { problem: `SVG looks like UTF-16 without a byte order mark, which browsers may read differently: ${SAVE_AS_UTF8}` };
  }
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 256));
  const label = /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(head)?.[2];
  if (label === undefined) return { encoding: 'utf-8' };
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return { problem: `SVG declares encoding "${label}", which browsers do not know: ${SAVE_AS_UTF8}` };
  }
  if (encoding === 'utf-8' || SINGLE_BYTE.has(encoding)) return { encoding };
  if (encoding.startsWith('utf-16')) {
    return { problem: `SVG declares encoding "${label}" but has no byte order mark: ${SAVE_AS_UTF8} (or as UTF-16 with a byte order mark)` };
  }
  return { problem: `SVG declares encoding "${label}", which can hide markup from this check: ${SAVE_AS_UTF8}` };
}

/** The SVG's text as a browser would decode it: gzip (.svgz) undone, then decoded as its BOM or XML declaration says. */
export function decodeSvg(bytes: Uint8Array): DecodedSvg {
  let data = bytes;
  if (data[0] === 0x1f && data[1] === 0x8b) {
    const inflated = gunzip(data);
    if (typeof inflated === 'string') return { problem: inflated };
    data = inflated;
  }
  if (data.length > SVG_MAX_BYTES) {
    return { problem: `SVG is larger than ${SVG_MAX_BYTES / 1024 / 1024} MB: publish a smaller file` };
  }
  const found = encodingOf(data);
  if ('problem' in found) return found;
  // The decoder drops a byte order mark that matches its encoding, as browsers do.
  return { text: new TextDecoder(found.encoding).decode(data) };
}
