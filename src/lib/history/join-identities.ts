// Runs anywhere: one person per human without a .mailmap line for them: same folded name, or a forge noreply address with their login.
import type { IdentityResolver } from './identities.ts';
import type { Person } from './types.ts';

/**
 * Names that many unrelated people commit under (tool defaults, machine accounts, placeholders): they never
 * join two emails. Names without two letters or digits never do either.
 */
export const GENERIC_NAMES: ReadonlySet<string> = new Set([
  'unknown', 'root', 'admin', 'administrator', 'user', 'username', 'your name', 'yourname', 'name', 'author', 'me', 'you',
  'anonymous', 'anon', 'nobody', 'none', 'null', 'undefined', 'n/a', 'test', 'tester', 'dev', 'developer', 'default',
  'git', 'github', 'gitlab', 'gitea', 'forgejo', 'bitbucket', 'system', 'local', 'localhost', 'ubuntu', 'ec2-user', 'vagrant', 'pi',
  'docker', 'codespace', 'vscode', 'build', 'deploy', 'bot',
]);

/** NFC, any case, runs of whitespace as one space: how two spellings of one name are compared. */
export function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

export function isGenericName(folded: string): boolean {
  return GENERIC_NAMES.has(folded) || (folded.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < 2;
}

/** The login in `12345+login@users.noreply.github.com`, `login@users.noreply.github.com` or GitLab's `…@users.noreply.gitlab.com`. */
export function noreplyLogin(email: string): string | null {
  const m = /^(?:\d+\+)?([^@+\s]+)@users\.noreply\.(?:github\.com|gitlab\.com)$/i.exec(email.trim());
  return m ? m[1]!.toLowerCase() : null;
}

export interface Identity {
  /** After .mailmap; the email lower-cased. */
  person: Person;
  /** A .mailmap line applied: the identity it gave is kept as it is. */
  mapped: boolean;
  bot: boolean;
  /** How many commits and co-authorships it stands for (default 1): one entry per distinct identity does for all of them. */
  uses?: number;
}

/**
 * Groups the identities seen, oldest commit first (an entry with `uses` where it was last seen), into people. Unmapped identities join by folded name and by
 * noreply login; a mapped identity keeps its own email and never joins another mapped one, but unmapped commits
 * with its name join it unless two mapped people share that name. Bots and generic names never join.
 * Returns, for each email, the person it belongs to: the newest name, the email used most (a mapped or
 * reachable one first), and the other emails in `joined`.
 */
export function joinIdentities(seen: readonly Identity[], isReachable: (email: string) => boolean): Map<string, Person> {
  const parent = new Map<string, string>();
  const find = (e: string): string => {
    let root = e;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(e, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const uses = new Map<string, number>();
  const newestName = new Map<string, string>();
  const newestAt = new Map<string, number>();
  const mappedEmails = new Set<string>();
  const byName = new Map<string, { mapped: Set<string>; unmapped: Set<string> }>();
  const byLogin = new Map<string, Set<string>>();
  const add = <K>(map: Map<K, Set<string>>, key: K, email: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(email);
    map.set(key, set);
  };
  for (const [at, { person, mapped, bot, uses: times = 1 }] of seen.entries()) {
    const email = person.email;
    newestAt.set(email, at);
    if (!parent.has(email)) parent.set(email, email);
    uses.set(email, (uses.get(email) ?? 0) + times);
    newestName.set(email, person.name);
    if (mapped) mappedEmails.add(email);
    if (bot) continue;
    const folded = foldName(person.name);
    if (!isGenericName(folded)) {
      const entry = byName.get(folded) ?? { mapped: new Set<string>(), unmapped: new Set<string>() };
      (mapped ? entry.mapped : entry.unmapped).add(email);
      byName.set(folded, entry);
    }
    const login = mapped ? null : noreplyLogin(email);
    if (login && !isGenericName(login)) add(byLogin, login, email);
  }
  const unmappedOnly = (set: Iterable<string>) => [...set].filter((e) => !mappedEmails.has(e));
  for (const { mapped, unmapped } of byName.values()) {
    const loose = unmappedOnly(unmapped);
    if (mapped.size > 1) continue;
    const [anchor] = mapped.size === 1 ? [...mapped] : loose;
    for (const e of loose) union(anchor!, e);
  }
  for (const [login, emails] of byLogin) {
    const loose = unmappedOnly(emails);
    const named = byName.get(login);
    const anchors = named ? (named.mapped.size > 1 ? [] : named.mapped.size === 1 ? [...named.mapped] : unmappedOnly(named.unmapped)) : [];
    if (named && named.mapped.size > 1) continue;
    for (const e of loose) union(anchors[0] ?? loose[0]!, e);
  }

  const groups = new Map<string, string[]>();
  for (const email of parent.keys()) {
    const root = find(email);
    groups.set(root, [...(groups.get(root) ?? []), email]);
  }
  const people = new Map<string, Person>();
  for (const emails of groups.values()) {
    const rank = (e: string) => (mappedEmails.has(e) ? 2 : 0) + (isReachable(e) ? 1 : 0);
    const key = [...emails].sort((a, b) => rank(b) - rank(a) || uses.get(b)! - uses.get(a)! || a.localeCompare(b))[0]!;
    const newest = emails.reduce((a, b) => (newestAt.get(a)! > newestAt.get(b)! ? a : b));
    const person: Person = { name: newestName.get(mappedEmails.has(key) ? key : newest)!, email: key };
    const others = emails.filter((e) => e !== key).sort();
    if (others.length > 0) person.joined = others;
    for (const e of emails) people.set(e, person);
  }
  return people;
}

/**
 * The resolver the engine credits with: .mailmap first, then (when `join` is on) the people `joinIdentities`
 * finds among every author and co-author of `commits`, oldest first.
 */
export function joinedResolver(
  commits: readonly { name: string; email: string; coAuthors: readonly { name: string; email: string }[] }[],
  lookup: (name: string, email: string) => { person: Person; mapped: boolean },
  options: { join: boolean; isBot: (person: Person) => boolean; isReachable: (email: string) => boolean },
): IdentityResolver {
  if (!options.join) return (name, email) => lookup(name, email).person;
  // Each raw identity once, ordered by where it was last seen: .mailmap and the bot patterns run per identity, not per commit.
  const distinct: { name: string; email: string; last: number; uses: number }[] = [];
  const byName = new Map<string, Map<string, (typeof distinct)[number]>>();
  let at = 0;
  const note = (name: string, email: string) => {
    let byEmail = byName.get(name);
    if (!byEmail) byName.set(name, (byEmail = new Map()));
    const known = byEmail.get(email);
    if (known) {
      known.last = at++;
      known.uses++;
    } else {
      const entry = { name, email, last: at++, uses: 1 };
      byEmail.set(email, entry);
      distinct.push(entry);
    }
  };
  for (const c of commits) {
    note(c.name, c.email);
    for (const co of c.coAuthors) note(co.name, co.email);
  }
  const seen = distinct
    .sort((a, b) => a.last - b.last)
    .map(({ name, email, uses }): Identity => {
      const { person, mapped } = lookup(name, email);
      return { person, mapped, bot: options.isBot({ name, email }) || options.isBot(person), uses };
    });
  const people = joinIdentities(seen, options.isReachable);
  return (name, email) => {
    const { person } = lookup(name, email);
    return people.get(person.email) ?? person;
  };
}
