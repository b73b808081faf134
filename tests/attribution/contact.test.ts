// How a reader can reach a contributor.
import { describe, expect, it } from 'vitest';
import { contactFor, isReachableEmail } from '../../src/lib/attribution/contact.ts';

describe('isReachableEmail', () => {
  it.each([
    ['mei.chen@example.org', true],
    ['ada@lovelace.co.uk', true],
    ['12345+ada@users.noreply.github.com', false],
    ['noreply@github.com', false],
    ['ada@no-reply.example.org', false],
    ['jonas@old-laptop.local', false],
    ['root@localhost', false],
    ['not-an-address', false],
  ])('%s → %s', (email, reachable) => {
    expect(isReachableEmail(email)).toBe(reachable);
  });
});

describe('contactFor', () => {
  it('prefers what a steward listed, and adds their forge handle', () => {
    expect(contactFor('priya@laptop.example.org', { email: 'priya.raman@example.org', github: 'praman' })).toEqual({ email: 'priya.raman@example.org', github: 'praman' });
  });

  it('falls back to the commit email only when someone reads it', () => {
    expect(contactFor('mei.chen@example.org', undefined)).toEqual({ email: 'mei.chen@example.org' });
    expect(contactFor('1+mei@users.noreply.github.com', undefined)).toEqual({});
  });
});
