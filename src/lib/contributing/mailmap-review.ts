// Runs anywhere: what a change to .mailmap does to credit, for `wiki check`: entries that join an email to someone at another domain, or move it to another person.
import { mailmapResolver, parseMailmap } from '../history/identities.ts';
import type { Finding } from './check-report.ts';

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
const show = (name: string | undefined, email: string) => (name ? `${name} <${email}>` : `<${email}>`);

/**
 * One warning per added or changed line of `current` (against `base`) that maps a commit email to a proper
 * email at another domain, or to another person than `base` did: those lines hand one person's commits to
 * another, so a reviewer should confirm both addresses are the same person. A new alias at the same domain,
 * a name spelled differently, or a removed line passes without a word.
 */
export function mailmapChangeFindings(base: string, current: string, file: string, baseLabel: string): Finding[] {
  const before = parseMailmap(base);
  const beforeLines = new Set(before.map((e) => JSON.stringify(e)));
  const resolveBefore = mailmapResolver(before);
  const resolveNow = mailmapResolver(parseMailmap(current));
  const findings: Finding[] = [];
  current.split('\n').forEach((text, index) => {
    const [entry] = parseMailmap(text);
    if (!entry || beforeLines.has(JSON.stringify(entry))) return;
    const commit = show(entry.commitName, entry.commitEmail);
    const name = entry.commitName ?? '';
    const was = resolveBefore(name, entry.commitEmail);
    const now = resolveNow(name, entry.commitEmail);
    const mappedBefore = was.email !== entry.commitEmail.toLowerCase();
    let why: string | undefined;
    if (mappedBefore && was.email !== now.email) why = `it was ${show(was.name, was.email)} at ${baseLabel}: another person`;
    else if (entry.properEmail && domainOf(entry.properEmail) !== domainOf(entry.commitEmail)) why = 'a different domain';
    if (!why) return;
    findings.push({
      file,
      line: index + 1,
      severity: 'warning',
      message: `maps ${commit} to ${show(entry.properName ?? now.name, entry.properEmail ?? now.email)}: ${why}, so that person is credited with its commits; a reviewer should confirm both are the same person`,
    });
  });
  return findings;
}
