// Runs anywhere: how a reader can reach a contributor, from community.yml (stewards) and the git identity.
import type { Steward } from '../content/schemas.ts';
import { isReachableEmail } from '../history/reachable-email.ts';

export interface Contact {
  email?: string;
  github?: string;
}

export { isReachableEmail };

/** A steward's own listing wins; otherwise the (mailmap-resolved) commit email, when someone reads it. */
export function contactFor(gitEmail: string, steward: Pick<Steward, 'email' | 'github'> | undefined): Contact {
  const email = steward?.email ?? (isReachableEmail(gitEmail) ? gitEmail : undefined);
  return { ...(email ? { email } : {}), ...(steward?.github ? { github: steward.github } : {}) };
}
