// Runs anywhere: what the build hands to the pages through the virtual module `virtual:wiki/site`.
import type { WikiConfig } from '../lib/config/schema.ts';
import type { SiteModel } from '../lib/content/model.ts';

export interface SiteData {
  config: WikiConfig;
  model: Omit<SiteModel, 'problems'>;
}
