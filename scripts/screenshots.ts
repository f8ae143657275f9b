/**
 * The README's screenshots of the API's own pages, at 1280×800 in offline Chromium (tests/browser.ts), from the
 * embedded store: docs/screenshots/playground.png after running the start-here query, explore.png with a quote open.
 * `npm run screenshots -- explore` takes only the pages named. One function per page; add
 * the next page's beside it and to PAGES.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startServer } from '../src/server.js';
import { browserMissing, openBrowser } from '../tests/browser.js';
import { embeddedStore, silentLogger } from '../tests/helpers.js';
import { buildWebIfStale } from './build-web.js';

const SHOTS = fileURLToPath(new URL('../docs/screenshots', import.meta.url));

/** The playground with the start-here query run and its answer shown. */
async function playground(page: Page, base: string) {
  await page.goto(`${base}/`);
  await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ state: 'visible' });
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.graphiql-response .view-lines', { hasText: '液冷技术' }).waitFor();
}

/** The explorer with 液冷技术's neighbourhood drawn and the quote of 液冷技术 —ADDRESSES→ 能耗 open, from its deep link. */
async function explore(page: Page, base: string) {
  await page.goto(`${base}/explore?e=liquid-cooling&sel=ADDRESSES:liquid-cooling:energy-consumption`);
  await page.waitForFunction(() => document.body.dataset.state === 'ready');
  await page.locator('#evidence').waitFor();
}

const PAGES: Record<string, (page: Page, base: string) => Promise<void>> = { playground, explore };

async function main() {
  const missing = browserMissing();
  if (missing) throw new Error(`cannot take screenshots: ${missing}`);
  await buildWebIfStale();
  mkdirSync(SHOTS, { recursive: true });
  const server = await startServer(embeddedStore(), { host: '127.0.0.1', port: 0, introspection: true, production: false }, silentLogger);
  const browser = await openBrowser();
  try {
    // `npm run screenshots -- explore` rewrites only the pages named.
    const named = process.argv.slice(2);
    for (const [name, show] of Object.entries(PAGES).filter(([name]) => !named.length || named.includes(name))) {
      const { page, blocked, consoleErrors } = await browser.page({ width: 1280, height: 800 });
      await show(page, server.url.replace(/\/graphql$/, ''));
      const file = join(SHOTS, `${name}.png`);
      await page.screenshot({ path: file });
      if (blocked.length || consoleErrors.length) console.warn(`${name}: blocked ${blocked.length} outside requests, ${consoleErrors.length} console errors`);
      console.log(`wrote ${file.slice(SHOTS.length - 'docs/screenshots'.length)}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
