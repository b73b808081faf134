// Runs anywhere: how a reader can reach a contributor, from community.yml (stewards) and the git identity.
import type { Steward } from '../content/schemas.ts';

export interface Contact {
  email?: string;
  github?: string;
}

/**
 * Forges and bots commit under addresses nobody reads (GitHub's `users.noreply.github.com`, GitLab's
 * `noreply`, `localhost`, `.local` laptop names): offering them as a way to reach someone would mislead.
 */
export function isReachableEmail(email: string): boolean {
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  const domain = email.slice(at + 1).toLowerCase();
  return !/(^|[^a-z0-9])no-?reply([^a-z0-9]|$)/.test(email.toLowerCase()) && domain.includes('.') && !/(^|\.)(local|localhost|localdomain|invalid)$/.test(domain);
}

/** A steward's own listing wins; otherwise the (mailmap-resolved) commit email, when someone reads it. */
export function contactFor(gitEmail: string, steward: Pick<Steward, 'email' | 'github'> | undefined): Contact {
  const email = steward?.email ?? (isReachableEmail(gitEmail) ? gitEmail : undefined);
  return { ...(email ? { email } : {}), ...(steward?.github ? { github: steward.github } : {}) };
}
