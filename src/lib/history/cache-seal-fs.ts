// Runs in Node: seals history cache files with a key that never leaves this machine, so a cache file written elsewhere (committed, copied, by hand) is not believed.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HistoryCacheError } from './errors.ts';

const KEY_FILE = 'seal.key';

/** The cache folder's key, or null when it has none yet (then no file in that folder can be believed). */
export function readSealKey(cacheDir: string): Buffer | null {
  try {
    const key = Buffer.from(readFileSync(path.join(cacheDir, KEY_FILE), 'utf8').trim(), 'hex');
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

/** The cache folder's key, made on first use; only its owner can read it. */
export function sealKeyFor(cacheDir: string): Buffer {
  const existing = readSealKey(cacheDir);
  if (existing) return existing;
  mkdirSync(cacheDir, { recursive: true });
  const key = randomBytes(32);
  try {
    writeFileSync(path.join(cacheDir, KEY_FILE), key.toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch {
    // Another run made it first: use theirs, so both runs' files stay readable.
    const theirs = readSealKey(cacheDir);
    if (theirs) return theirs;
    throw new HistoryCacheError(path.join(cacheDir, KEY_FILE), `the cache key ${path.join(cacheDir, KEY_FILE)} could not be written`);
  }
  return key;
}

export const seal = (key: Buffer, data: string | Buffer): string => createHmac('sha256', key).update(data).digest('hex');

export function isSealed(key: Buffer, data: string | Buffer, mac: string): boolean {
  const expected = Buffer.from(seal(key, data), 'hex');
  const given = Buffer.from(mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
