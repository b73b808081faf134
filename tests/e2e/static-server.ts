// Test helper: a static file server for a built site on 127.0.0.1, typing files by extension as static hosts do.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Content types by extension, as GitHub Pages (and most static hosts, from the mime-db list) serve them,
 * so a published file that a browser would execute really executes in the browser tests: HTML, XHTML,
 * XML with an XSL stylesheet, SVG and JavaScript are all served with their executable types.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.shtml': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml',
  '.xht': 'application/xhtml+xml',
  '.xml': 'application/xml',
  '.xsl': 'application/xml',
  '.xslt': 'application/xslt+xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.svg': 'image/svg+xml',
  '.svgz': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Apache's stock configuration (`AddEncoding gzip svgz`) serves .svgz gzip-encoded, so the browser inflates and runs it. */
const ENCODINGS: Record<string, string> = { '.svgz': 'gzip' };

/** The type a static host would send for this file name (lower-cased extension; unknown ones download). */
export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export async function serveStatic(dir: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      pathname = '';
    }
    let file = pathname.startsWith(base) ? path.join(dir, pathname.slice(base.length)) : '';
    if (file && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const found = file && file.startsWith(dir) && existsSync(file) && statSync(file).isFile();
    const served = found ? file : path.join(dir, '404.html');
    const encoding = ENCODINGS[path.extname(served).toLowerCase()];
    res.writeHead(found ? 200 : 404, { 'Content-Type': contentTypeOf(served), ...(encoding ? { 'Content-Encoding': encoding } : {}) });
    res.end(readFileSync(served));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
