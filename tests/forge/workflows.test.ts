// The shipped workflows parse and do what the README promises: full-depth checkout, check, build, test, deploy.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../helpers/build-site.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, { steps?: Step[]; needs?: string; environment?: { name: string } }>;
}

const read = (name: string) => parse(readFileSync(path.join(projectRoot, '.github/workflows', name), 'utf8')) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps ?? []);
const runs = (w: Workflow) => steps(w).flatMap((s) => (s.run ? [s.run] : []));
const checkout = (w: Workflow) => steps(w).find((s) => s.uses?.startsWith('actions/checkout@'));

describe('workflows', () => {
  it('pr-check runs the check with annotations, the build and the tests on a full clone', () => {
    const w = read('pr-check.yml');
    expect(Object.keys(w.on)).toEqual(['pull_request']);
    expect(checkout(w)?.with?.['fetch-depth']).toBe(0);
    expect(steps(w).some((s) => s.uses?.startsWith('actions/setup-node@'))).toBe(true);
    expect(runs(w)).toEqual(['npm install', 'npm run wiki -- check --format github --base "origin/$BASE_REF"', 'npm run build', 'npm test']);
    // .mailmap changes are reviewed against the branch the pull request merges into, named through env only.
    expect(steps(w).find((s) => s.run?.includes('wiki -- check'))?.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
  });

  it('deploy builds main on a full clone and publishes to Pages with the permissions it needs', () => {
    const w = read('deploy.yml');
    expect(w.on.push).toEqual({ branches: ['main'] });
    expect(checkout(w)?.with?.['fetch-depth']).toBe(0);
    expect(readFileSync(path.join(projectRoot, '.github/workflows/deploy.yml'), 'utf8')).toMatch(/fetch-depth: 0[^\n]*\n|shallow clone/);
    expect(runs(w)).toEqual(['npm install', 'npm run build']);
    expect(steps(w).find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path).toBe('dist');
    expect(steps(w).some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
    expect(w.permissions).toMatchObject({ pages: 'write', 'id-token': 'write', contents: 'read' });
    expect(w.concurrency?.group).toBe('pages');
    expect(w.jobs.deploy?.needs).toBe('build');
    expect(w.jobs.deploy?.environment?.name).toBe('github-pages');
  });

  it('the pull request template asks whose knowledge it is and credits co-authors', () => {
    const template = readFileSync(path.join(projectRoot, '.github/pull_request_template.md'), 'utf8');
    expect(template).toMatch(/What knowledge/);
    expect(template).toMatch(/whose experience/i);
    expect(template).toContain('Co-authored-by:');
    expect(template).toMatch(/- \[ \]/);
  });
});
