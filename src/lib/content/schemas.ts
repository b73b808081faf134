// Runs anywhere: zod schemas for page front matter and community.yml, the single source of truth for both.
import { z } from 'zod';
import { LINK_PROTOCOLS, safeAbsoluteUrl } from './safe-url.ts';

export const PAGE_TYPES = ['how-to', 'lesson-learned', 'faq', 'decision', 'glossary', 'playbook', 'reference'] as const;
export const PAGE_STATUSES = ['draft', 'stable', 'outdated'] as const;

/** A calendar date written YYYY-MM-DD that really exists: 2023-02-30 is refused, not rolled over to March. */
export const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((text) => {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'is not a real calendar date');

const text = (what: string) => z.string({ error: `must be ${what}` }).trim();
const tag = z
  .string({ error: 'each tag must be text' })
  .trim()
  .min(1, 'a tag cannot be empty');

export const frontMatterSchema = z
  .object({
    title: text('text').min(1, 'cannot be empty').optional(),
    summary: text('text').optional(),
    tags: z
      .union([z.array(tag), tag.transform((t) => [t])], { error: 'must be a list of tags, e.g. [postgres, indexes]' })
      .optional(),
    type: z.enum(PAGE_TYPES, { error: `must be one of: ${PAGE_TYPES.join(', ')}` }).optional(),
    status: z.enum(PAGE_STATUSES, { error: `must be one of: ${PAGE_STATUSES.join(', ')}` }).optional(),
    'review-by': isoDate.optional(),
    lang: z
      .string({ error: 'must be a language tag such as en or fr-CA' })
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as en or fr-CA')
      .optional(),
  })
  // Unknown fields are kept (other tools write their own), only the known ones are checked.
  .passthrough();

export type FrontMatter = z.output<typeof frontMatterSchema>;

const person = z
  .object({
    name: text('a name').min(1),
    email: z.email({ error: 'must be an email address' }).optional(),
    github: z
      .string()
      .regex(/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'must be a GitHub user name')
      .transform((handle) => handle.replace(/^@/, ''))
      .optional(),
  })
  .strict();

/** A URL a reader's browser will follow, so only http, https and mailto (never javascript: or data:). */
const linkUrl = z
  .string({ error: 'must be a full URL (https://…)' })
  .transform((url, ctx) => {
    const safe = safeAbsoluteUrl(url, LINK_PROTOCOLS);
    if (safe === undefined) ctx.addIssue({ code: 'custom', message: 'must be an http, https or mailto URL (https://…)' });
    return safe ?? z.NEVER;
  });

const link = z.object({ label: text('text').min(1), url: linkUrl }).strict();

export const communityFileSchema = z
  .object({
    name: text('text').min(1).optional(),
    description: text('text').optional(),
    stewards: z.array(person, { error: 'must be a list of people, each with name and optionally email and github' }).default([]),
    tags: z.array(tag, { error: 'must be a list of tags' }).default([]),
    links: z.array(link, { error: 'must be a list of links, each with label and url' }).default([]),
    meetings: text('text').optional(),
  })
  .strict();

export type Steward = z.output<typeof person>;
