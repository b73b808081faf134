// Runs in Node: where CODEOWNERS lives for this wiki and what it should say; shared by `wiki codeowners` and `wiki check`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from '../../src/lib/config/load-fs.ts';
import { codeownersText, communityOwners, hasOwners } from '../../src/lib/contributing/codeowners.ts';
import type { CodeownersState } from '../../src/lib/contributing/check.ts';
import { fromRepositoryRoot } from '../../src/lib/location.ts';
import type { LoadedWiki } from '../../src/lib/wiki-fs.ts';

export interface CodeownersTarget extends CodeownersState {
  /** Absolute path of .github/CODEOWNERS at the repository root. */
  absolute: string;
}

export function codeownersTarget(wiki: LoadedWiki): CodeownersTarget {
  const { location } = wiki;
  // Outside any repository the wiki's root stands in for the repository's.
  const repoRoot = location.repository?.workdir ?? location.root;
  const owners = communityOwners(wiki.model.communities, location.contentInRepository.normalize('NFC'));
  const absolute = path.join(repoRoot, '.github', 'CODEOWNERS');
  const configInRepository = fromRepositoryRoot(location, CONFIG_FILE);
  const maintainers = { files: ['.mailmap', configInRepository, '.github/CODEOWNERS'], owners: wiki.config.maintainers };
  return {
    absolute,
    file: path.relative(wiki.root, absolute).split(path.sep).join('/'),
    expected: codeownersText(owners, maintainers),
    actual: existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined,
    needed: hasOwners(owners),
    maintained: wiki.config.maintainers.length > 0,
  };
}
