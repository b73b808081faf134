// Runs at build time in the pages: the wiki's repository on its forge, when one is configured and known.
import site from 'virtual:wiki/site';
import { forgeRepository } from '../lib/forge/forges.ts';

export const forge = site.config.repository ? forgeRepository(site.config.repository) : undefined;
export const contentInRepository = site.contentInRepository;
