import { defineConfig, type Plugin } from 'vitest/config';

const VIRTUAL_SITE = 'virtual:wiki/site';

/**
 * The site's virtual module for unit tests, as Starlight provides its own to vitest: the page bundle's data
 * modules (src/data/*) import it, and a test serves a real wiki's data through tests/helpers/site-data.ts.
 */
const siteDataFixture = (): Plugin => ({
  name: 'cop-wiki-test-site-data',
  resolveId: (id) => (id === VIRTUAL_SITE ? `\0${VIRTUAL_SITE}` : undefined),
  load: (id) =>
    id === `\0${VIRTUAL_SITE}`
      ? `const data = globalThis[Symbol.for('cop-wiki.test-site-data')];
if (!data) throw new Error('${VIRTUAL_SITE}: call serveSiteData() (tests/helpers/site-data.ts) before importing the page bundle');
export default data;`
      : undefined,
});

export default defineConfig({
  plugins: [siteDataFixture()],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
