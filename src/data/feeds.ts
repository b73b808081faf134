// Runs at build time: the Atom feeds of recent changes, from the site view.
import { atomFeed } from '../lib/site/atom.ts';
import type { RecentChange } from '../lib/attribution/recent.ts';
import { view } from './site.ts';

export const recentFeed = (title: string, pagePath: string, feedName: string, changes: RecentChange[]): string => atomFeed(view.feed(title, pagePath, feedName, changes));
