// Test helper: the wiki's location as the edge resolves it, for a fixture folder, with the test suite's pinned date.
import { locatedOrThrow, resolveWikiLocation, type LocatedWiki } from '../../src/lib/location-fs.ts';

export const TEST_TODAY = '2026-11-22';

export function locateFixture(root: string, env: Record<string, string> = {}): LocatedWiki {
  return locatedOrThrow(resolveWikiLocation({ cwd: root, env, now: new Date(`${TEST_TODAY}T12:00:00Z`) }));
}
