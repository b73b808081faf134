// Runs anywhere: the files that belong to the repository and its tools (manifests, lock files, tool configs, CI), never published even when their type would be.

/**
 * Names compared in lower case. A content folder is often the repository root (`WIKI_CONTENT=.`), so
 * these sit beside the pages; `package.json` and the lock files are `.json`/`.yaml` like data files but
 * describe the build machine, not knowledge, and list its dependencies for anyone to read.
 */
const NAMES = new Set([
  // package manifests and lock files
  'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'pnpm-workspace.yaml',
  'bun.lock', 'bun.lockb', 'deno.json', 'deno.jsonc', 'deno.lock', 'gemfile', 'gemfile.lock', 'composer.json',
  'composer.lock', 'cargo.toml', 'cargo.lock', 'poetry.lock', 'pyproject.toml', 'pipfile', 'pipfile.lock', 'uv.lock',
  'go.mod', 'go.sum', 'go.work', 'go.work.sum', 'mix.lock', 'flake.lock', 'packages.lock.json', 'paket.lock',
  'pubspec.lock', 'podfile.lock', 'gradle.lockfile', 'bower.json',
  // tool configs
  'jsconfig.json', 'lerna.json', 'nx.json', 'turbo.json', 'vercel.json', 'now.json', 'netlify.toml', 'firebase.json',
  'biome.json', 'biome.jsonc', 'angular.json', 'cspell.json', 'renovate.json', 'tslint.json', 'typedoc.json',
  'mkdocs.yml', 'mkdocs.yaml', '_config.yml', 'book.toml', 'wiki.config.yml', 'wiki.config.yaml',
  // CI and repository files
  'codeowners', 'owners', 'owners_aliases', 'appveyor.yml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml',
  'jenkinsfile', 'cloudbuild.yaml', 'cloudbuild.yml', 'codecov.yml', 'docker-compose.yml', 'docker-compose.yaml',
  'dockerfile', 'makefile', 'procfile',
]);

/** Families of names: tsconfig.base.json, requirements-dev.txt, jest.config.json, any *.lock. */
const PATTERNS = [/^tsconfig(\..+)?\.json$/, /^requirements.*\.txt$/, /\.config\.json$/, /\.lock$/];

const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1).toLowerCase();

/** Whether a content file is the repository's or a tool's own file rather than content. */
export function isRepositoryFile(path: string): boolean {
  const name = nameOf(path);
  return NAMES.has(name) || PATTERNS.some((p) => p.test(name));
}

export const REPOSITORY_FILE_REASON = 'a file of the repository or its tools (package manifest, lock file, tool config, CI), not content';
