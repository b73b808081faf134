// Test helper: builds the hostile corpus, taking out each vector the build refuses by name, until the rest builds.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite, type BuiltSite } from './build-site.ts';
import { commitHostileHistory, ENV_CANARY, SECRET_MARKER, hostileVectors, namesOf, pathsOf, removeVector, writeHostileWiki, type Vector } from '../fixtures/hostile-wiki.ts';

export interface HostileBuild {
  /** The build that finally succeeded (every refused vector taken out). */
  site: BuiltSite;
  vectors: Vector[];
  /** Vectors some build stopped on, with the error lines naming them. */
  refused: Map<string, string[]>;
  /** Warnings of the final build. */
  warnings: string[];
  /** Set when a build failed without naming any vector still in the fixture (its output). */
  unexplained?: string;
}

const ANSI = /\u001b\[[0-9;]*m/g;
const linesOf = (output: string, kind: 'error' | 'warning') =>
  output
    .replace(ANSI, '')
    .split('\n')
    .filter((line) => line.includes(`: ${kind}: `));

/** An error line names a vector when it holds one of its paths (a collision names both files). */
const namedBy = (vector: Vector, lines: readonly string[]) => lines.filter((line) => namesOf(vector).some((name) => line.includes(name)));

/** HOSTILE_VECTORS=raw-html,svg/utf16le narrows the corpus to those vector ids, to look at one vector at a time. */
export function selectedVectors(only = process.env.HOSTILE_VECTORS): Vector[] {
  const ids = only?.split(',').map((id) => id.trim()).filter(Boolean);
  return ids?.length ? hostileVectors().filter((v) => ids.includes(v.id)) : hostileVectors();
}

export function buildHostileWiki(vectors: Vector[] = selectedVectors(), maxBuilds = 8): HostileBuild {
  const root = mkdtempSync(path.join(tmpdir(), 'wiki-hostile-'));
  writeHostileWiki(root, vectors);
  commitHostileHistory(root);
  const refused = new Map<string, string[]>();
  const env = { [ENV_CANARY.name]: ENV_CANARY.value };
  let site = buildSite(root, { env });
  for (let builds = 1; site.status !== 0 && builds < maxBuilds; builds++) {
    const errors = linesOf(site.output, 'error');
    const named = vectors.filter((v) => !refused.has(v.id) && namedBy(v, errors).length > 0);
    if (named.length === 0) return { site, vectors, refused, warnings: [], unexplained: site.output };
    for (const vector of named) {
      refused.set(vector.id, namedBy(vector, errors));
      removeVector(root, vector);
    }
    site = buildSite(root, { env });
  }
  if (site.status !== 0) return { site, vectors, refused, warnings: [], unexplained: site.output };
  return { site, vectors, refused, warnings: linesOf(site.output, 'warning') };
}

/** What went wrong with the fates: refused vectors that were published, published ones that were refused. */
export function fateViolations(build: HostileBuild): string[] {
  const wrong: string[] = [];
  for (const vector of build.vectors) {
    const lines = build.refused.get(vector.id);
    if (vector.fate === 'refused' && !lines) wrong.push(`${vector.id} (${vector.what}) was published, but the build must stop naming ${pathsOf(vector).join(', ')}`);
    if (vector.fate === 'published' && lines) wrong.push(`${vector.id} (${vector.what}) must build, but stopped it:\n    ${lines.join('\n    ')}`);
    if (vector.fate === 'withheld') {
      if (lines) wrong.push(`${vector.id} (${vector.what}) must be left out with a warning, but stopped the build:\n    ${lines.join('\n    ')}`);
      else if (namedBy(vector, build.warnings).length === 0) wrong.push(`${vector.id} (${vector.what}) was left out without a warning naming ${pathsOf(vector).join(', ')}`);
      const written = new Set(filesUnder(build.site.outDir).map((f) => f.toLowerCase()));
      for (const file of pathsOf(vector)) if (written.has(file.replace(/^content\//, '').toLowerCase())) wrong.push(`${vector.id} (${vector.what}) was published as ${file}`);
    }
  }
  return wrong;
}

/** Every file under `dir`, as "/"-separated paths relative to it. */
export function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** Built files holding text read from outside the content folder: the secret a symlink pointed at, or the build's environment. */
export function leakedFiles(outDir: string): string[] {
  return filesUnder(outDir).filter((file) => {
    const text = readFileSync(path.join(outDir, file), 'latin1');
    return text.includes(SECRET_MARKER) || text.includes(ENV_CANARY.value);
  });
}
