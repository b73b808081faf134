// Runs in Node: finds and validates wiki.config.yml, reporting problems with file:line.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { WikiContentError } from '../problems.ts';
import { parseYaml, zodProblems } from '../content/yaml.ts';
import { wikiConfigSchema, type WikiConfig } from './schema.ts';

export const CONFIG_FILE = 'wiki.config.yml';

export interface LoadedConfig {
  config: WikiConfig;
  /** Folder the config was read from; the content folder and repository are resolved from it. */
  root: string;
  contentDir: string;
}

export function loadConfig(root: string, overrides: Partial<Record<keyof WikiConfig, unknown>> = {}): LoadedConfig {
  const file = path.join(root, CONFIG_FILE);
  let raw: Record<string, unknown> = {};
  if (existsSync(file)) {
    const { parsed, problems } = parseYaml(readFileSync(file, 'utf8'), CONFIG_FILE);
    if (!parsed) throw new WikiContentError(problems);
    raw = (parsed.data ?? {}) as Record<string, unknown>;
    const result = wikiConfigSchema.safeParse({ ...raw, ...overrides });
    if (!result.success) throw new WikiContentError(zodProblems(result.error, parsed, CONFIG_FILE));
    return { config: result.data, root, contentDir: path.resolve(root, result.data.content) };
  }
  const config = wikiConfigSchema.parse(overrides);
  return { config, root, contentDir: path.resolve(root, config.content) };
}
