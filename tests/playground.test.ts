/**
 * The playground (web/playground) in headless Chromium with every other host blocked: it loads from the API alone,
 * opens on the start-here tab with the worked operations beside it, runs a query against the real seed, lists
 * Query's fields in the docs explorer, logs no error and asks for nothing outside; in production there is no page.
 * Prints one line with the first load time (navigation to a visible editor), as a figure, not an assertion.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/server.js';
import { browserMissing, openBrowser, type OfflineBrowser, type OfflinePage } from './browser.js';
import { embeddedStore, silentLogger } from './helpers.js';

const why = browserMissing();
const operations = fileURLToPath(new URL('../examples/operations', import.meta.url));
/** Each worked operation's name, in file order: GraphiQL titles a tab by its operation. */
const workedNames = readdirSync(operations)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((f) => /^(?:query|mutation)\s+(\w+)/m.exec(readFileSync(`${operations}/${f}`, 'utf8'))?.[1]);

if (why) console.warn(`playground: the browser tests did NOT run (${why})`);

describe.skipIf(why)('the playground in an offline browser', () => {
  let server: RunningServer;
  let production: RunningServer;
  let browser: OfflineBrowser;
  let tab: OfflinePage;
  let base: string;
  let pageCsp: string | undefined;

  beforeAll(async () => {
    const store = embeddedStore();
    server = await startServer(store, { host: '127.0.0.1', port: 0, introspection: true, production: false }, silentLogger);
    production = await startServer(store, { host: '127.0.0.1', port: 0, introspection: false, production: true }, silentLogger);
    base = server.url.replace(/\/graphql$/, '');
    browser = await openBrowser();
    tab = await browser.page();
    const started = performance.now();
    const response = await tab.page.goto(`${base}/`);
    pageCsp = response?.headers()['content-security-policy'];
    await tab.page.locator('.graphiql-query-editor .monaco-editor').waitFor({ state: 'visible' });
    console.log(`playground: first load ${Math.round(performance.now() - started)} ms (navigation to a visible query editor, offline Chromium)`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await production?.stop();
  });

  it('opens on the start-here query, with the worked operations as the next tabs', async () => {
    const { page } = tab;
    // Monaco lays text out with non-breaking spaces.
    await expect.poll(async () => (await page.locator('.graphiql-query-editor .view-lines').innerText()).replace(/\u00a0/g, ' ')).toContain('query StartHere {');
    const titles = await page.locator('.graphiql-tab').allInnerTexts();
    expect(titles.map((t) => t.trim())).toEqual(['StartHere', ...workedNames]);
  });

  it('runs the start-here query and shows the answer from the seed', async () => {
    const { page } = tab;
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response .view-lines');
    await expect.poll(() => response.innerText(), { timeout: 15_000 }).toContain('液冷技术');
    const text = (await response.innerText()).replace(/\u00a0/g, ' ');
    expect(text).toContain('"name": "Liquid cooling"');
    expect(text).toContain('"kind": "Technology"');
    expect(text).toMatch(/"entities": \d{3}/);
  });

  it("lists Query's fields in the docs explorer, read by introspection", async () => {
    const { page } = tab;
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).click();
    for (const field of ['entity', 'search', 'neighborhood', 'stats']) {
      await expect.poll(() => docs.locator('.graphiql-doc-explorer-field-name', { hasText: new RegExp(`^${field}$`) }).count()).toBe(1);
    }
  });

  it('is served under a same-origin CSP with no script exceptions', () => {
    expect(pageCsp).toContain("default-src 'self'");
    expect(pageCsp).toContain("script-src 'self';");
    expect(pageCsp).toContain("connect-src 'self'");
    expect(pageCsp).not.toMatch(/unsafe-eval|\*|https?:|blob:/);
  });

  it('logged no error and asked no other host for anything', () => {
    expect(tab.consoleErrors).toEqual([]);
    expect(tab.blocked).toEqual([]);
  });

  it('is not served in production: GET / answers JSON, not GraphiQL', async () => {
    const { page, blocked } = await browser.page();
    const response = await page.goto(production.url.replace(/\/graphql$/, '/'));
    expect(response?.status()).toBe(400);
    expect(response?.headers()['content-type']).toContain('application/json');
    expect(response?.headers()['content-security-policy']).toBeUndefined();
    expect(JSON.parse(await page.locator('body').innerText()).errors[0].message).toMatch(/Cross-Site Request Forgery/);
    expect(await page.locator('.graphiql-container').count()).toBe(0);
    expect(blocked).toEqual([]);
  });
});
