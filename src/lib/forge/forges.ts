// Runs anywhere: which forge hosts the wiki's repository, and the repository's web address on it.

const FORGES = ['github', 'gitlab', 'gitea', 'forgejo', 'bitbucket'] as const;
export type Forge = (typeof FORGES)[number];

export interface ForgeRepository {
  forge: Forge;
  /** The repository's web address without a trailing slash or ".git", e.g. "https://github.com/org/wiki". */
  web: string;
  branch: string;
}

/** Public hosts whose forge is known; self-hosted GitLab, Gitea and Forgejo need `repository.forge`. */
const KNOWN_HOSTS: Record<string, Forge> = {
  'github.com': 'github',
  'www.github.com': 'github',
  'gitlab.com': 'gitlab',
  'www.gitlab.com': 'gitlab',
  'gitea.com': 'gitea',
  'codeberg.org': 'forgejo',
  'bitbucket.org': 'bitbucket',
  'www.bitbucket.org': 'bitbucket',
};

function forgeOfHost(host: string): Forge | undefined {
  return KNOWN_HOSTS[host.toLowerCase()];
}

/**
 * The repository as the forge shows it on the web. Clone URLs (`.git`, `ssh://git@host/…`) are
 * turned into their web form; undefined when the forge is neither given nor known from the host.
 */
export function forgeRepository(repository: { url: string; branch: string; forge?: Forge | undefined }): ForgeRepository | undefined {
  let url: URL;
  try {
    url = new URL(repository.url);
  } catch {
    return undefined;
  }
  const forge = repository.forge ?? forgeOfHost(url.hostname);
  if (!forge) return undefined;
  const protocol = url.protocol === 'http:' ? 'http:' : 'https:';
  // An ssh:// clone URL's port is ssh's, not the web server's.
  const host = url.protocol === 'http:' || url.protocol === 'https:' ? url.host : url.hostname;
  const repoPath = url.pathname.replace(/\/+$/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  return { forge, web: `${protocol}//${host}${repoPath}`, branch: repository.branch };
}

export const FORGE_NAMES: Record<Forge, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  gitea: 'Gitea',
  forgejo: 'Forgejo',
  bitbucket: 'Bitbucket',
};
