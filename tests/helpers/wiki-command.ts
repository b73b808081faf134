// Test helper: runs the `wiki` command (on the Node running the tests) against a fixture wiki.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './build-site.ts';

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `root` holds the fixture's wiki.config.yml; WIKI_TODAY pins the date review-by is compared with. */
export function wiki(root: string, args: string[], env: Record<string, string> = {}): CommandResult {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/wiki.ts'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, WIKI_ROOT: root, WIKI_TODAY: '2026-11-22', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}
