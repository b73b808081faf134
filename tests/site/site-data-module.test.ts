// Checks the virtual module's source: any text content can hold comes back from it as it went in.
import { describe, expect, it } from 'vitest';
import { siteDataModule, type SiteData } from '../../src/integration/site-data.ts';

/** Evaluates the module as the bundle would, through a data: URL import. */
async function evaluate(source: string): Promise<unknown> {
  const module = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as { default: unknown };
  return module.default;
}

describe('site data module', () => {
  it('gives back titles with line separators, lone surrogates, quotes, backticks and template marks unchanged', async () => {
    const hostile = ['\u2028line\u2029para', 'lone \ud800 surrogate', '`${process.exit()}`', '</script><!--', '"\'\\', '\u0000\u001f'];
    const data = { config: { title: hostile.join('|') }, model: { pages: hostile.map((title, i) => ({ id: `p${i}`, title })) }, history: { head: null, shallow: false, pages: {} }, contentInRepository: '', today: '2026-01-15' } as unknown as SiteData;
    const back = await evaluate(siteDataModule(data));
    expect(back).toEqual(JSON.parse(JSON.stringify(data)));
    expect((back as { model: { pages: { title: string }[] } }).model.pages.map((p) => p.title)).toEqual(hostile.map((t) => JSON.parse(JSON.stringify(t)) as string));
  });
});
