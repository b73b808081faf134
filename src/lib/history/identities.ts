// Runs anywhere: who a commit's author and co-authors are after .mailmap, and which of them are bots.
import type { Person } from './types.ts';

interface MailmapEntry {
  properName?: string;
  properEmail?: string;
  commitName?: string;
  commitEmail: string;
}

/** The four forms of gitmailmap(5); names and emails match case-insensitively, as git compares them. */
export function parseMailmap(text: string): MailmapEntry[] {
  const entries: MailmapEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    const parts = [...line.matchAll(/([^<]*)<([^>]*)>/g)].map((m) => ({ name: m[1]!.trim(), email: m[2]!.trim() }));
    if (parts.length === 1) {
      const [p] = parts as [{ name: string; email: string }];
      if (p.name) entries.push({ properName: p.name, commitEmail: p.email });
    } else if (parts.length === 2) {
      const [proper, commit] = parts as [{ name: string; email: string }, { name: string; email: string }];
      entries.push({
        ...(proper.name ? { properName: proper.name } : {}),
        properEmail: proper.email,
        ...(commit.name ? { commitName: commit.name } : {}),
        commitEmail: commit.email,
      });
    }
  }
  return entries;
}

export type IdentityResolver = (name: string, email: string) => Person;

export function mailmapResolver(entries: readonly MailmapEntry[]): IdentityResolver {
  const lookup = mailmapLookup(entries);
  return (name, email) => lookup(name, email).person;
}

/** The identity .mailmap gives a commit, and whether any of its lines applied (such commits are never joined by name). */
export function mailmapLookup(entries: readonly MailmapEntry[]): (name: string, email: string) => { person: Person; mapped: boolean } {
  const byEmail = new Map<string, MailmapEntry[]>();
  for (const e of entries) {
    const key = e.commitEmail.toLowerCase();
    byEmail.set(key, [...(byEmail.get(key) ?? []), e]);
  }
  return (name, email) => {
    const candidates = byEmail.get(email.toLowerCase()) ?? [];
    // Like git's map_user: an entry for the commit's name and email wins outright; otherwise the
    // email-only entries apply, later lines overriding the fields they set.
    const specific = candidates.filter((e) => e.commitName?.toLowerCase() === name.toLowerCase()).at(-1);
    const general = candidates.filter((e) => e.commitName === undefined);
    const mappedName = specific ? (specific.properName ?? name) : (general.findLast((e) => e.properName)?.properName ?? name);
    const mappedEmail = specific ? (specific.properEmail ?? email) : (general.findLast((e) => e.properEmail)?.properEmail ?? email);
    const mapped = specific !== undefined || general.some((e) => e.properName !== undefined || e.properEmail !== undefined);
    return { person: { name: mappedName, email: mappedEmail.toLowerCase() }, mapped };
  };
}

/** `Co-authored-by: Name <email>` trailers, as GitHub and GitLab write them. */
export function coAuthorsOf(message: string): { name: string; email: string }[] {
  const found: { name: string; email: string }[] = [];
  for (const m of message.matchAll(/^co-authored-by:[ \t]*(.*?)[ \t]*<([^>\n]+)>[ \t]*$/gim)) found.push({ name: m[1]!, email: m[2]! });
  return found;
}

/**
 * Only what the config's patterns (`*` wildcards) match by name or email. Anyone can call themselves
 * "x[bot]", so only these may be hidden from the summaries of recent changes.
 */
export function listedBotMatcher(patterns: readonly string[]): (person: { name: string; email: string }) => boolean {
  const regexps = patterns.map((p) => new RegExp(`^${p.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i'));
  return ({ name, email }) => regexps.some((r) => r.test(name) || r.test(email));
}

/**
 * What automation commonly calls itself, matched against the author's name (trimmed, any case): `[bot]`
 * suffixes, "-bot"/" bot" suffixes, "robot" not followed by a letter (Prow Robot, k8s-merge-robot),
 * "-ci"/" CI" suffixes (Travis CI), the forges' own merge identities and the update services.
 */
const BOT_NAMES: readonly RegExp[] = [
  /\[bot\]$/,
  /(^|[-_ .])bot$/,
  /robot(?![a-z])/,
  /(^|[-_ .])ci$/,
  /^(circleci|jenkins|bors|mergify|greenkeeper|snyk|imgbot)\b/,
  /^dependabot/,
  /renovate/,
  /^github[-_ ]actions?\b/,
  /^(github|gitlab|gitea|forgejo|bitbucket)( enterprise| web[-_ ]?flow| merge)?$/,
];
/** The forges' own merge and web-edit addresses (the author of a commit made by pressing a button). */
const BOT_EMAILS: readonly RegExp[] = [/^noreply@github\.com$/, /^web-flow@github\.com$/, /^action@github\.com$/, /\[bot\]@users\.noreply\./];

/** Whether a name or email looks like automation by the patterns above (the config can exempt it). */
export function looksLikeBot({ name, email }: { name: string; email: string }): boolean {
  const n = name.normalize('NFC').trim().toLowerCase();
  const e = email.trim().toLowerCase();
  return BOT_NAMES.some((r) => r.test(n)) || BOT_EMAILS.some((r) => r.test(e));
}

/**
 * Bots by the common patterns (`looksLikeBot`) unless the config's `notBots` exempts the name or email;
 * anything the config's `bots` patterns match always is one.
 */
export function botMatcher(patterns: readonly string[], exempt: readonly string[] = []): (person: { name: string; email: string }) => boolean {
  const listed = listedBotMatcher(patterns);
  const exempted = listedBotMatcher(exempt);
  return (person) => listed(person) || (looksLikeBot(person) && !exempted(person));
}
