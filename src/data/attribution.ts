// Runs at build time in the pages: the site view's people, ask, health, recent changes and history URLs, under the names pages use.
import { view } from './site.ts';

export type { AskPerson, PersonRef, PersonView } from '../lib/site-view/site-view.ts';

export const {
  thresholds,
  revisionsPerPage,
  people,
  personOf,
  personHref,
  refOf,
  contactOf,
  askForPage,
  askForCommunity,
  healthOf,
  historyOf,
  historyPathFor,
  historyHref,
  communityRecentPath,
  revisionHref,
  recentSiteChanges,
  recentCommunityChanges,
  feedHref,
} = view;
