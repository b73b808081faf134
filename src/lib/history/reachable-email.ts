// Runs anywhere: whether a commit email is one someone reads (the engine prefers it as a joined person's key; the site offers it as contact).
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
