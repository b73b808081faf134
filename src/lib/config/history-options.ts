// Runs anywhere: the history engine's settings that come from wiki.config.yml, the same for the build and every command.
import type { WikiConfig } from './schema.ts';

export const historyOptionsOf = (config: WikiConfig) => ({
  bots: config.bots,
  notBots: config.identities.notBots,
  joinByName: config.identities.joinByName,
  exclude: config.exclude,
});
